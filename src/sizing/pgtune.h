#pragma once
// PGTune: the published rules of le0pard/pgtune (https://pgtune.leopard.in.ua), ported exactly
// from `src/features/configuration/configurationSlice.js` at commit
// 01bb6447113831159c5f14fafe11f59cf2ba0964 (the revision with NVMe storage, the 8 GB
// maintenance_work_mem cap, the 4 MB work_mem floor, huge_pages from shared_buffers >= 2 GB,
// jit, wal_compression and the autovacuum settings). Its tests
// (`src/features/configuration/__tests__/configurationSlice.test.js` at the same commit) are
// ported in pgtune_test.cc. docs/sizing-postgres.md lists every rule.
//
// Units follow PGTune: memory settings in kB (1 kB = 1024 bytes), as postgresql.conf reads a
// bare number for them; min/max_wal_size are given in MiB here (PGTune's kB / 1024, exact).
// A setting PGTune leaves out (so that PostgreSQL's default applies) is an empty optional.

#include <cstdint>
#include <optional>
#include <string>

namespace headroom {

// The PostgreSQL major version Headroom plans for. 17: the default operand image of
// CloudNativePG 1.25 to 1.27.1 (1.27.2 moved to 18.1), supported by the PGDG until November
// 2029. PGTune's Linux output is the same for 15, 16, 17 and 18 (its version thresholds are
// 10, 11, 12 and 15, and 17 only for Windows), so Debian 12's PostgreSQL 15 checks the same
// settings in local tests.
inline constexpr int kTargetPostgresVersion = 17;

// PGTune's "DB Type".
enum class PgWorkload { kWeb, kOltp, kDataWarehouse, kDesktop, kMixed };
// PGTune's "Data Storage".
enum class StorageKind { kHdd, kSsd, kSan, kNvme };
// PGTune's "OS Type". Headroom runs PostgreSQL on Linux; the others are kept so that PGTune's
// own test cases can be ported as they are.
enum class PgOs { kLinux, kWindows, kMac };

struct PgTuneInput {
  double memory_gib = 0;    // total RAM; REQUIRES >= 0 and finite
  int cpus = 0;             // 0: not given (PGTune then sets no parallel settings)
  int max_connections = 0;  // 0: PGTune's default for the workload
  PgWorkload workload = PgWorkload::kOltp;
  StorageKind storage = StorageKind::kSsd;
  PgOs os = PgOs::kLinux;
  int postgres_version = kTargetPostgresVersion;
};

struct PgTuneSettings {
  int max_connections = 0;
  int64_t shared_buffers_kib = 0;
  int64_t effective_cache_size_kib = 0;
  int64_t maintenance_work_mem_kib = 0;
  int64_t wal_buffers_kib = 0;
  int64_t work_mem_kib = 0;
  int64_t min_wal_size_mib = 0;
  int64_t max_wal_size_mib = 0;
  double checkpoint_completion_target = 0.9;
  int default_statistics_target = 100;
  double random_page_cost = 1.1;
  std::optional<int> effective_io_concurrency;  // Linux only
  std::string huge_pages = "off";               // "try" when shared_buffers >= 2 GiB (not macOS)
  // From 4 CPUs; max_parallel_workers from PostgreSQL 10, maintenance workers from 11.
  std::optional<int> max_worker_processes;
  std::optional<int> max_parallel_workers;
  std::optional<int> max_parallel_workers_per_gather;
  std::optional<int> max_parallel_maintenance_workers;
  std::optional<std::string> wal_level;        // "minimal" for desktop
  std::optional<int> max_wal_senders;          // 0 for desktop (required by wal_level = minimal)
  std::optional<std::string> jit;              // "off" for web, oltp and mixed from PostgreSQL 12
  std::optional<std::string> wal_compression;  // "lz4" from 15, "on" from 10
  std::optional<int> autovacuum_max_workers;   // 4 from 16 CPUs, 5 from 32
  std::optional<int64_t> autovacuum_work_mem_kib;  // 2 GiB when maintenance_work_mem >= 2 GiB
  std::string warning;  // PGTune's warning for very small or very large memory; empty if none
};

// PGTune's default max_connections for a workload: web 200, oltp 300, dw 40, desktop 20,
// mixed 100.
int PgTuneDefaultMaxConnections(PgWorkload workload);

// PGTune's output for the input, exactly as configurationSlice.js computes it (floors and caps
// included). REQUIRES: input.max_connections >= 0, input.cpus >= 0.
PgTuneSettings PgTune(const PgTuneInput& input);

// Names as postgresql.conf and PGTune spell them: "web", "oltp", "dw", "desktop", "mixed";
// "hdd", "ssd", "san", "nvme".
const char* PgWorkloadName(PgWorkload workload);
const char* StorageKindName(StorageKind storage);

}  // namespace headroom
