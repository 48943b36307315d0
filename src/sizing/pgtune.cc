#include "sizing/pgtune.h"

#include <cmath>

#include "common/units.h"

// Every rule below is PGTune's, from le0pard/pgtune
// src/features/configuration/configurationSlice.js at 01bb6447; the selector it comes from is
// named in each function's comment.

namespace headroom {
namespace {

constexpr double kKibPerMib = 1024.0;

bool IsWindowsUpTo17(const PgTuneInput& in) {
  return in.os == PgOs::kWindows && in.postgres_version <= 17;
}

int64_t FloorKib(double kib) { return static_cast<int64_t>(std::floor(kib)); }

// selectSharedBuffers: RAM/4 (desktop RAM/16); 512 MB at most on Windows before PostgreSQL 10.
int64_t SharedBuffersKib(const PgTuneInput& in, double total_kib) {
  int64_t value = FloorKib(total_kib / (in.workload == PgWorkload::kDesktop ? 16.0 : 4.0));
  const auto windows_limit = static_cast<int64_t>(512 * kKibPerMib);
  if (in.postgres_version < 10 && in.os == PgOs::kWindows && value > windows_limit) {
    value = windows_limit;
  }
  return value;
}

// selectHugePages: "try" from shared_buffers of 2 GB; never on macOS.
std::string HugePages(const PgTuneInput& in, int64_t shared_buffers_kib) {
  if (in.os == PgOs::kMac) return "off";
  return shared_buffers_kib >= static_cast<int64_t>(2 * kKibPerGib) ? "try" : "off";
}

// selectEffectiveCacheSize: 3/4 of RAM (desktop 1/4).
int64_t EffectiveCacheSizeKib(const PgTuneInput& in, double total_kib) {
  if (in.workload == PgWorkload::kDesktop) return FloorKib(total_kib / 4.0);
  return FloorKib(total_kib * 3.0 / 4.0);
}

// selectMaintenanceWorkMem: RAM/16 (dw RAM/8), capped at 8 GB; on Windows up to PostgreSQL 17
// capped at 2 GB, less 1 MB because 2048 MB raises an error there.
int64_t MaintenanceWorkMemKib(const PgTuneInput& in, double total_kib) {
  int64_t value = FloorKib(total_kib / (in.workload == PgWorkload::kDataWarehouse ? 8.0 : 16.0));
  const bool windows = IsWindowsUpTo17(in);
  const auto limit = static_cast<int64_t>((windows ? 2.0 : 8.0) * kKibPerGib);
  if (value >= limit) value = windows ? limit - static_cast<int64_t>(kKibPerMib) : limit;
  return value;
}

// selectCheckpointSegments: min_wal_size and max_wal_size by workload, in MB.
void WalSizes(PgWorkload workload, PgTuneSettings& out) {
  switch (workload) {
    case PgWorkload::kWeb:
    case PgWorkload::kMixed:
      out.min_wal_size_mib = 1024;
      out.max_wal_size_mib = 4096;
      return;
    case PgWorkload::kOltp:
      out.min_wal_size_mib = 2048;
      out.max_wal_size_mib = 8192;
      return;
    case PgWorkload::kDataWarehouse:
      out.min_wal_size_mib = 4096;
      out.max_wal_size_mib = 16384;
      return;
    case PgWorkload::kDesktop:
      out.min_wal_size_mib = 100;
      out.max_wal_size_mib = 2048;
      return;
  }
}

// selectWalBuffers: 3% of shared_buffers, at most 16 MB, rounded up to 16 MB above 14 MB, at
// least 32 kB (PostgreSQL 9.1's auto-tuning rule).
int64_t WalBuffersKib(int64_t shared_buffers_kib) {
  int64_t value = (3 * shared_buffers_kib) / 100;  // Math.floor of a non-negative quotient
  const auto max_kib = static_cast<int64_t>(16 * kKibPerMib);
  const auto near_kib = static_cast<int64_t>(14 * kKibPerMib);
  if (value > max_kib) value = max_kib;
  if (value > near_kib && value < max_kib) value = max_kib;
  if (value < 32) value = 32;
  return value;
}

// selectEffectiveIoConcurrency: Linux only; HDD 2, SSD 200, SAN 300, NVMe 1000.
std::optional<int> EffectiveIoConcurrency(const PgTuneInput& in) {
  if (in.os != PgOs::kLinux) return std::nullopt;
  switch (in.storage) {
    case StorageKind::kHdd:
      return 2;
    case StorageKind::kSsd:
      return 200;
    case StorageKind::kSan:
      return 300;
    case StorageKind::kNvme:
      return 1000;
  }
  return std::nullopt;
}

// selectParallelSettings: nothing below 4 CPUs; workers per gather ⌈CPU/2⌉, at most 4 except
// for dw; max_parallel_workers from 10; maintenance workers ⌈CPU/2⌉ at most 4, from 11.
void ParallelSettings(const PgTuneInput& in, PgTuneSettings& out) {
  if (in.cpus < 4) return;
  const int half = (in.cpus + 1) / 2;
  int per_gather = half;
  if (in.workload != PgWorkload::kDataWarehouse && per_gather > 4) per_gather = 4;
  out.max_worker_processes = in.cpus;
  out.max_parallel_workers_per_gather = per_gather;
  if (in.postgres_version >= 10) out.max_parallel_workers = in.cpus;
  if (in.postgres_version >= 11) out.max_parallel_maintenance_workers = half > 4 ? 4 : half;
}

// selectWorkMem: (RAM − shared_buffers) / ((max_connections + max_worker_processes) × 3), with
// max_worker_processes 8 (PostgreSQL's default) when no parallel settings are made; halved for
// dw and mixed, divided by 6 for desktop; at least 4 MB; on Windows up to PostgreSQL 17 at
// most 2 GB − 1 MB.
int64_t WorkMemKib(const PgTuneInput& in, double total_kib, const PgTuneSettings& s) {
  const int parallel = s.max_worker_processes.value_or(8);
  const double per_connection =
      (total_kib - static_cast<double>(s.shared_buffers_kib)) /
      ((static_cast<double>(s.max_connections) + static_cast<double>(parallel)) * 3.0);
  double divisor = 1.0;
  if (in.workload == PgWorkload::kDataWarehouse || in.workload == PgWorkload::kMixed) divisor = 2;
  if (in.workload == PgWorkload::kDesktop) divisor = 6;
  int64_t value = FloorKib(per_connection / divisor);
  const auto floor_kib = static_cast<int64_t>(4 * kKibPerMib);
  if (value < floor_kib) value = floor_kib;
  const auto windows_limit = static_cast<int64_t>(2 * kKibPerGib - kKibPerMib);
  if (IsWindowsUpTo17(in) && value > windows_limit) value = windows_limit;
  return value;
}

// selectWarningInfoMessages: below 256 MB or above 100 GB of RAM.
std::string Warning(double total_kib) {
  if (total_kib < 256 * kKibPerMib)
    return "WARNING this tool not being optimal for low memory systems";
  if (total_kib > 100 * kKibPerGib) {
    return "WARNING this tool not being optimal for very high memory systems";
  }
  return "";
}

// selectJit: off for web, oltp and mixed from PostgreSQL 12 (JIT slows short queries).
std::optional<std::string> Jit(const PgTuneInput& in) {
  const bool short_queries = in.workload == PgWorkload::kWeb || in.workload == PgWorkload::kOltp ||
                             in.workload == PgWorkload::kMixed;
  if (in.postgres_version >= 12 && short_queries) return "off";
  return std::nullopt;
}

// selectWalCompression: lz4 from PostgreSQL 15, pglz ("on") from 10.
std::optional<std::string> WalCompression(int version) {
  if (version >= 15) return "lz4";
  if (version >= 10) return "on";
  return std::nullopt;
}

// selectAutovacuumMaxWorkers: 5 from 32 CPUs, 4 from 16, otherwise PostgreSQL's default (3).
std::optional<int> AutovacuumMaxWorkers(int cpus) {
  if (cpus >= 32) return 5;
  if (cpus >= 16) return 4;
  return std::nullopt;
}

// selectAutovacuumWorkMem: 2 GB per autovacuum worker when maintenance_work_mem is at least
// that; 2 GB − 1 MB at most on Windows up to PostgreSQL 17.
std::optional<int64_t> AutovacuumWorkMemKib(const PgTuneInput& in, int64_t maintenance_kib) {
  const auto threshold = static_cast<int64_t>(2 * kKibPerGib);
  if (maintenance_kib < threshold) return std::nullopt;
  const auto windows_limit = static_cast<int64_t>(2 * kKibPerGib - kKibPerMib);
  if (IsWindowsUpTo17(in)) return windows_limit;  // unreachable: maintenance is capped below
  return threshold;
}

}  // namespace

int PgTuneDefaultMaxConnections(PgWorkload workload) {
  // selectMaxConnections.
  switch (workload) {
    case PgWorkload::kWeb:
      return 200;
    case PgWorkload::kOltp:
      return 300;
    case PgWorkload::kDataWarehouse:
      return 40;
    case PgWorkload::kDesktop:
      return 20;
    case PgWorkload::kMixed:
      return 100;
  }
  return 100;
}

PgTuneSettings PgTune(const PgTuneInput& input) {
  const double total_kib = input.memory_gib * kKibPerGib;
  PgTuneSettings s;
  s.max_connections = input.max_connections > 0 ? input.max_connections
                                                : PgTuneDefaultMaxConnections(input.workload);
  s.shared_buffers_kib = SharedBuffersKib(input, total_kib);
  s.huge_pages = HugePages(input, s.shared_buffers_kib);
  s.effective_cache_size_kib = EffectiveCacheSizeKib(input, total_kib);
  s.maintenance_work_mem_kib = MaintenanceWorkMemKib(input, total_kib);
  WalSizes(input.workload, s);
  s.checkpoint_completion_target = 0.9;  // selectCheckpointCompletionTarget
  s.wal_buffers_kib = WalBuffersKib(s.shared_buffers_kib);
  // selectDefaultStatisticsTarget: 500 for dw, 100 otherwise.
  s.default_statistics_target = input.workload == PgWorkload::kDataWarehouse ? 500 : 100;
  // selectRandomPageCost: 4 for HDD, 1.1 for SSD, SAN and NVMe.
  s.random_page_cost = input.storage == StorageKind::kHdd ? 4.0 : 1.1;
  s.effective_io_concurrency = EffectiveIoConcurrency(input);
  ParallelSettings(input, s);
  s.work_mem_kib = WorkMemKib(input, total_kib, s);
  s.warning = Warning(total_kib);
  if (input.workload == PgWorkload::kDesktop) {  // selectWalLevel
    s.wal_level = "minimal";
    s.max_wal_senders = 0;
  }
  s.jit = Jit(input);
  s.wal_compression = WalCompression(input.postgres_version);
  s.autovacuum_max_workers = AutovacuumMaxWorkers(input.cpus);
  s.autovacuum_work_mem_kib = AutovacuumWorkMemKib(input, s.maintenance_work_mem_kib);
  return s;
}

const char* PgWorkloadName(PgWorkload workload) {
  switch (workload) {
    case PgWorkload::kWeb:
      return "web";
    case PgWorkload::kOltp:
      return "oltp";
    case PgWorkload::kDataWarehouse:
      return "dw";
    case PgWorkload::kDesktop:
      return "desktop";
    case PgWorkload::kMixed:
      return "mixed";
  }
  return "oltp";
}

const char* StorageKindName(StorageKind storage) {
  switch (storage) {
    case StorageKind::kHdd:
      return "hdd";
    case StorageKind::kSsd:
      return "ssd";
    case StorageKind::kSan:
      return "san";
    case StorageKind::kNvme:
      return "nvme";
  }
  return "ssd";
}

}  // namespace headroom
