// PGTune's own test cases, ported from le0pard/pgtune
// src/features/configuration/__tests__/configurationSlice.test.js at commit
// 01bb6447113831159c5f14fafe11f59cf2ba0964, one TEST per `describe` block, with the expected
// values of that file (kB for memory). selectIsConfigured (a UI check) has no counterpart.
// Then whole configurations worked by hand from configurationSlice.js at the same commit.

#include "sizing/pgtune.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

PgTuneInput Input(PgWorkload workload = PgWorkload::kWeb) {
  PgTuneInput in;
  in.workload = workload;
  in.memory_gib = 4;
  return in;
}

TEST(PgTuneTest, SelectMaxConnections) {
  EXPECT_EQ(PgTune(Input(PgWorkload::kWeb)).max_connections, 200);
  EXPECT_EQ(PgTune(Input(PgWorkload::kOltp)).max_connections, 300);
  EXPECT_EQ(PgTune(Input(PgWorkload::kDataWarehouse)).max_connections, 40);
  EXPECT_EQ(PgTune(Input(PgWorkload::kDesktop)).max_connections, 20);
  EXPECT_EQ(PgTune(Input(PgWorkload::kMixed)).max_connections, 100);
  PgTuneInput given = Input();
  given.max_connections = 57;
  EXPECT_EQ(PgTune(given).max_connections, 57);
}

TEST(PgTuneTest, SelectDefaultStatisticsTarget) {
  EXPECT_EQ(PgTune(Input(PgWorkload::kWeb)).default_statistics_target, 100);
  EXPECT_EQ(PgTune(Input(PgWorkload::kOltp)).default_statistics_target, 100);
  EXPECT_EQ(PgTune(Input(PgWorkload::kDataWarehouse)).default_statistics_target, 500);
  EXPECT_EQ(PgTune(Input(PgWorkload::kDesktop)).default_statistics_target, 100);
  EXPECT_EQ(PgTune(Input(PgWorkload::kMixed)).default_statistics_target, 100);
}

PgTuneInput Storage(StorageKind storage, PgOs os = PgOs::kLinux) {
  PgTuneInput in = Input();
  in.storage = storage;
  in.os = os;
  return in;
}

TEST(PgTuneTest, SelectRandomPageCost) {
  EXPECT_EQ(PgTune(Storage(StorageKind::kHdd)).random_page_cost, 4.0);
  EXPECT_EQ(PgTune(Storage(StorageKind::kSsd)).random_page_cost, 1.1);
  EXPECT_EQ(PgTune(Storage(StorageKind::kSan)).random_page_cost, 1.1);
  EXPECT_EQ(PgTune(Storage(StorageKind::kNvme)).random_page_cost, 1.1);
}

TEST(PgTuneTest, SelectEffectiveIoConcurrency) {
  EXPECT_EQ(PgTune(Storage(StorageKind::kHdd)).effective_io_concurrency, 2);
  EXPECT_EQ(PgTune(Storage(StorageKind::kSsd)).effective_io_concurrency, 200);
  EXPECT_EQ(PgTune(Storage(StorageKind::kSan)).effective_io_concurrency, 300);
  EXPECT_EQ(PgTune(Storage(StorageKind::kSsd, PgOs::kWindows)).effective_io_concurrency,
            std::nullopt);
  EXPECT_EQ(PgTune(Storage(StorageKind::kNvme)).effective_io_concurrency, 1000);
}

PgTuneInput Parallel(int version, int cpus, PgWorkload workload = PgWorkload::kWeb) {
  PgTuneInput in = Input(workload);
  in.postgres_version = version;
  in.cpus = cpus;
  return in;
}

TEST(PgTuneTest, SelectParallelSettings) {
  // "less 2 cpu provided": no parallel settings at all.
  const PgTuneSettings one = PgTune(Parallel(14, 1));
  EXPECT_EQ(one.max_worker_processes, std::nullopt);
  EXPECT_EQ(one.max_parallel_workers_per_gather, std::nullopt);
  EXPECT_EQ(one.max_parallel_workers, std::nullopt);
  EXPECT_EQ(one.max_parallel_maintenance_workers, std::nullopt);

  const PgTuneSettings pg13 = PgTune(Parallel(13, 12));
  EXPECT_EQ(pg13.max_worker_processes, 12);
  EXPECT_EQ(pg13.max_parallel_workers_per_gather, 4);
  EXPECT_EQ(pg13.max_parallel_workers, 12);
  EXPECT_EQ(pg13.max_parallel_maintenance_workers, 4);

  const PgTuneSettings pg10 = PgTune(Parallel(10, 12));
  EXPECT_EQ(pg10.max_worker_processes, 12);
  EXPECT_EQ(pg10.max_parallel_workers_per_gather, 4);
  EXPECT_EQ(pg10.max_parallel_workers, 12);
  EXPECT_EQ(pg10.max_parallel_maintenance_workers, std::nullopt);

  const PgTuneSettings pg10_31 = PgTune(Parallel(10, 31));
  EXPECT_EQ(pg10_31.max_worker_processes, 31);
  EXPECT_EQ(pg10_31.max_parallel_workers_per_gather, 4);
  EXPECT_EQ(pg10_31.max_parallel_workers, 31);
  EXPECT_EQ(pg10_31.max_parallel_maintenance_workers, std::nullopt);

  const PgTuneSettings dwh = PgTune(Parallel(12, 31, PgWorkload::kDataWarehouse));
  EXPECT_EQ(dwh.max_worker_processes, 31);
  EXPECT_EQ(dwh.max_parallel_workers_per_gather, 16);
  EXPECT_EQ(dwh.max_parallel_workers, 31);
  EXPECT_EQ(dwh.max_parallel_maintenance_workers, 4);
}

TEST(PgTuneTest, SelectWalLevel) {
  const PgTuneSettings desktop = PgTune(Input(PgWorkload::kDesktop));
  EXPECT_EQ(desktop.wal_level, "minimal");
  EXPECT_EQ(desktop.max_wal_senders, 0);
  const PgTuneSettings web = PgTune(Input(PgWorkload::kWeb));
  EXPECT_EQ(web.wal_level, std::nullopt);
  EXPECT_EQ(web.max_wal_senders, std::nullopt);
}

PgTuneInput Memory(double gib, PgOs os, int version) {
  PgTuneInput in = Input(PgWorkload::kWeb);
  in.memory_gib = gib;
  in.os = os;
  in.postgres_version = version;
  return in;
}

TEST(PgTuneTest, SelectMaintenanceWorkMem) {
  // "caps at 8GB for linux servers with extreme memory"
  EXPECT_EQ(PgTune(Memory(256, PgOs::kLinux, 17)).maintenance_work_mem_kib, 8388608);
  // "caps at 2GB minus 1MB for Windows servers on PostgreSQL 17 or older"
  EXPECT_EQ(PgTune(Memory(256, PgOs::kWindows, 17)).maintenance_work_mem_kib, 2096128);
  // "caps at 8GB for Windows servers on PostgreSQL 18 or newer"
  EXPECT_EQ(PgTune(Memory(256, PgOs::kWindows, 18)).maintenance_work_mem_kib, 8388608);
  // "calculates properly below the limit cap": 16GB / 16 = 1GB
  EXPECT_EQ(PgTune(Memory(16, PgOs::kLinux, 15)).maintenance_work_mem_kib, 1048576);
}

TEST(PgTuneTest, SelectHugePages) {
  EXPECT_EQ(PgTune(Memory(4, PgOs::kLinux, 15)).huge_pages, "off");
  EXPECT_EQ(PgTune(Memory(16, PgOs::kLinux, 15)).huge_pages, "try");
  EXPECT_EQ(PgTune(Memory(128, PgOs::kMac, 15)).huge_pages, "off");
}

TEST(PgTuneTest, SelectWorkMem) {
  // "protects work_mem by flooring to 4MB during extreme max_connections"
  PgTuneInput extreme = Memory(4, PgOs::kLinux, 15);
  extreme.max_connections = 9999;
  extreme.cpus = 4;
  EXPECT_EQ(PgTune(extreme).work_mem_kib, 4096);
  // "caps work_mem at 2GB minus 1MB for Windows servers on PostgreSQL 17 or older"
  PgTuneInput windows = Memory(256, PgOs::kWindows, 17);
  windows.max_connections = 20;
  windows.cpus = 4;
  EXPECT_EQ(PgTune(windows).work_mem_kib, 2096128);
  // "allows work_mem to exceed 2GB for Windows servers on PostgreSQL 18 or newer": the test
  // asserts > 2096128 and notes "Actually evaluates to 2796202 (~2.6GB)".
  windows.postgres_version = 18;
  EXPECT_GT(PgTune(windows).work_mem_kib, 2096128);
  EXPECT_EQ(PgTune(windows).work_mem_kib, 2796202);
}

PgTuneInput Versioned(int version, PgWorkload workload) {
  PgTuneInput in = Input(workload);
  in.postgres_version = version;
  return in;
}

TEST(PgTuneTest, SelectJit) {
  EXPECT_EQ(PgTune(Versioned(12, PgWorkload::kWeb)).jit, "off");
  EXPECT_EQ(PgTune(Versioned(15, PgWorkload::kOltp)).jit, "off");
  EXPECT_EQ(PgTune(Versioned(15, PgWorkload::kDataWarehouse)).jit, std::nullopt);
  EXPECT_EQ(PgTune(Versioned(11, PgWorkload::kWeb)).jit, std::nullopt);
}

TEST(PgTuneTest, SelectWalCompression) {
  EXPECT_EQ(PgTune(Versioned(10, PgWorkload::kWeb)).wal_compression, "on");
  EXPECT_EQ(PgTune(Versioned(14, PgWorkload::kWeb)).wal_compression, "on");
  EXPECT_EQ(PgTune(Versioned(15, PgWorkload::kWeb)).wal_compression, "lz4");
  EXPECT_EQ(PgTune(Versioned(17, PgWorkload::kWeb)).wal_compression, "lz4");
}

TEST(PgTuneTest, SelectAutovacuumMaxWorkers) {
  EXPECT_EQ(PgTune(Parallel(17, 32)).autovacuum_max_workers, 5);
  EXPECT_EQ(PgTune(Parallel(17, 16)).autovacuum_max_workers, 4);
  EXPECT_EQ(PgTune(Parallel(17, 8)).autovacuum_max_workers, std::nullopt);  // PG default, 3
}

TEST(PgTuneTest, SelectAutovacuumWorkMem) {
  EXPECT_EQ(PgTune(Memory(4, PgOs::kLinux, 15)).autovacuum_work_mem_kib, std::nullopt);
  EXPECT_EQ(PgTune(Memory(256, PgOs::kLinux, 15)).autovacuum_work_mem_kib, 2097152);
  EXPECT_EQ(PgTune(Memory(256, PgOs::kWindows, 17)).autovacuum_work_mem_kib, std::nullopt);
  EXPECT_EQ(PgTune(Memory(256, PgOs::kWindows, 18)).autovacuum_work_mem_kib, 2097152);
}

// Whole configurations, worked by hand from configurationSlice.js (01bb6447).

// web, 16 GiB, 4 CPUs, SSD, Linux, PostgreSQL 17, default connections (200):
//   RAM = 16 × 1048576 = 16777216 kB
//   shared_buffers = 16777216 / 4 = 4194304 (>= 2097152: huge_pages try)
//   effective_cache_size = 16777216 × 3 / 4 = 12582912
//   maintenance_work_mem = 16777216 / 16 = 1048576 (below 8 GB; autovacuum_work_mem unset)
//   wal_buffers = ⌊3 × 4194304 / 100⌋ = 125829 → capped at 16384
//   parallel: ⌈4/2⌉ = 2 per gather and maintenance, 4 workers
//   work_mem = ⌊(16777216 − 4194304) / ((200 + 4) × 3)⌋ = ⌊12582912 / 612⌋ = ⌊20560.3⌋ = 20560
TEST(PgTuneTest, WebSixteenGib) {
  PgTuneInput in;
  in.memory_gib = 16;
  in.cpus = 4;
  in.workload = PgWorkload::kWeb;
  const PgTuneSettings s = PgTune(in);
  EXPECT_EQ(s.max_connections, 200);
  EXPECT_EQ(s.shared_buffers_kib, 4194304);
  EXPECT_EQ(s.effective_cache_size_kib, 12582912);
  EXPECT_EQ(s.maintenance_work_mem_kib, 1048576);
  EXPECT_EQ(s.wal_buffers_kib, 16384);
  EXPECT_EQ(s.work_mem_kib, 20560);
  EXPECT_EQ(s.min_wal_size_mib, 1024);
  EXPECT_EQ(s.max_wal_size_mib, 4096);
  EXPECT_EQ(s.huge_pages, "try");
  EXPECT_EQ(s.checkpoint_completion_target, 0.9);
  EXPECT_EQ(s.default_statistics_target, 100);
  EXPECT_EQ(s.random_page_cost, 1.1);
  EXPECT_EQ(s.effective_io_concurrency, 200);
  EXPECT_EQ(s.max_worker_processes, 4);
  EXPECT_EQ(s.max_parallel_workers_per_gather, 2);
  EXPECT_EQ(s.max_parallel_workers, 4);
  EXPECT_EQ(s.max_parallel_maintenance_workers, 2);
  EXPECT_EQ(s.jit, "off");
  EXPECT_EQ(s.wal_compression, "lz4");
  EXPECT_EQ(s.autovacuum_max_workers, std::nullopt);
  EXPECT_EQ(s.autovacuum_work_mem_kib, std::nullopt);
  EXPECT_EQ(s.wal_level, std::nullopt);
  EXPECT_EQ(s.warning, "");
}

// oltp, 2 GiB, 2 CPUs, HDD:
//   shared_buffers = 2097152 / 4 = 524288; effective_cache_size = 1572864;
//   maintenance_work_mem = 131072; wal_buffers = ⌊3 × 524288 / 100⌋ = 15728, between 14 MB
//   (14336) and 16 MB: rounded up to 16384; no parallel settings (< 4 CPUs), so work_mem uses
//   the default 8 worker processes: ⌊1572864 / ((300 + 8) × 3)⌋ = 1702 → floor 4096.
TEST(PgTuneTest, OltpTwoGibHdd) {
  PgTuneInput in;
  in.memory_gib = 2;
  in.cpus = 2;
  in.workload = PgWorkload::kOltp;
  in.storage = StorageKind::kHdd;
  const PgTuneSettings s = PgTune(in);
  EXPECT_EQ(s.shared_buffers_kib, 524288);
  EXPECT_EQ(s.effective_cache_size_kib, 1572864);
  EXPECT_EQ(s.maintenance_work_mem_kib, 131072);
  EXPECT_EQ(s.wal_buffers_kib, 16384);
  EXPECT_EQ(s.work_mem_kib, 4096);
  EXPECT_EQ(s.min_wal_size_mib, 2048);
  EXPECT_EQ(s.max_wal_size_mib, 8192);
  EXPECT_EQ(s.random_page_cost, 4.0);
  EXPECT_EQ(s.effective_io_concurrency, 2);
  EXPECT_EQ(s.huge_pages, "off");
  EXPECT_EQ(s.max_worker_processes, std::nullopt);
}

// desktop, 1 GiB, 1 CPU: shared_buffers = 1048576 / 16 = 65536; effective_cache_size =
//   1048576 / 4 = 262144; wal_buffers = ⌊196608 / 100⌋ = 1966;
//   work_mem = ⌊(1048576 − 65536) / ((20 + 8) × 3) / 6⌋ = ⌊1950.5⌋ → floor 4096;
//   wal 100 MB / 2 GB; wal_level minimal; no jit setting.
TEST(PgTuneTest, DesktopOneGib) {
  PgTuneInput in;
  in.memory_gib = 1;
  in.cpus = 1;
  in.workload = PgWorkload::kDesktop;
  const PgTuneSettings s = PgTune(in);
  EXPECT_EQ(s.shared_buffers_kib, 65536);
  EXPECT_EQ(s.effective_cache_size_kib, 262144);
  EXPECT_EQ(s.maintenance_work_mem_kib, 65536);
  EXPECT_EQ(s.wal_buffers_kib, 1966);
  EXPECT_EQ(s.work_mem_kib, 4096);
  EXPECT_EQ(s.min_wal_size_mib, 100);
  EXPECT_EQ(s.max_wal_size_mib, 2048);
  EXPECT_EQ(s.wal_level, "minimal");
  EXPECT_EQ(s.jit, std::nullopt);
}

// dw, 64 GiB, 32 CPUs, SAN: shared_buffers = 16777216; maintenance_work_mem = 67108864 / 8 =
//   8388608, at the 8 GB cap, so autovacuum_work_mem = 2097152; 5 autovacuum workers;
//   per gather ⌈32/2⌉ = 16 (dw is not capped at 4), maintenance workers 4;
//   work_mem = ⌊(67108864 − 16777216) / ((40 + 32) × 3) / 2⌋ = ⌊233016.9 / 2⌋ = 116508.
TEST(PgTuneTest, DataWarehouseSixtyFourGib) {
  PgTuneInput in;
  in.memory_gib = 64;
  in.cpus = 32;
  in.workload = PgWorkload::kDataWarehouse;
  in.storage = StorageKind::kSan;
  const PgTuneSettings s = PgTune(in);
  EXPECT_EQ(s.max_connections, 40);
  EXPECT_EQ(s.shared_buffers_kib, 16777216);
  EXPECT_EQ(s.effective_cache_size_kib, 50331648);
  EXPECT_EQ(s.maintenance_work_mem_kib, 8388608);
  EXPECT_EQ(s.autovacuum_work_mem_kib, 2097152);
  EXPECT_EQ(s.autovacuum_max_workers, 5);
  EXPECT_EQ(s.max_parallel_workers_per_gather, 16);
  EXPECT_EQ(s.max_parallel_maintenance_workers, 4);
  EXPECT_EQ(s.work_mem_kib, 116508);
  EXPECT_EQ(s.default_statistics_target, 500);
  EXPECT_EQ(s.effective_io_concurrency, 300);
  EXPECT_EQ(s.min_wal_size_mib, 4096);
  EXPECT_EQ(s.max_wal_size_mib, 16384);
  EXPECT_EQ(s.jit, std::nullopt);
}

// mixed, 8 GiB, 8 CPUs, NVMe: shared_buffers = 2097152, exactly 2 GB, so huge_pages try;
//   work_mem = ⌊(8388608 − 2097152) / ((100 + 8) × 3) / 2⌋ = ⌊19418.1 / 2⌋ = 9709.
TEST(PgTuneTest, MixedEightGibNvme) {
  PgTuneInput in;
  in.memory_gib = 8;
  in.cpus = 8;
  in.workload = PgWorkload::kMixed;
  in.storage = StorageKind::kNvme;
  const PgTuneSettings s = PgTune(in);
  EXPECT_EQ(s.shared_buffers_kib, 2097152);
  EXPECT_EQ(s.huge_pages, "try");
  EXPECT_EQ(s.work_mem_kib, 9709);
  EXPECT_EQ(s.effective_io_concurrency, 1000);
  EXPECT_EQ(s.max_parallel_workers_per_gather, 4);
  EXPECT_EQ(s.max_parallel_maintenance_workers, 4);
  EXPECT_EQ(s.min_wal_size_mib, 1024);
  EXPECT_EQ(s.max_wal_size_mib, 4096);
}

// selectWarningInfoMessages: below 256 MB and above 100 GB.
TEST(PgTuneTest, Warnings) {
  PgTuneInput in;
  in.memory_gib = 0.125;
  EXPECT_EQ(PgTune(in).warning, "WARNING this tool not being optimal for low memory systems");
  in.memory_gib = 128;
  EXPECT_EQ(PgTune(in).warning, "WARNING this tool not being optimal for very high memory systems");
  in.memory_gib = 100;
  EXPECT_EQ(PgTune(in).warning, "");
}

// Windows before PostgreSQL 10 caps shared_buffers at 512 MB (selectSharedBuffers).
TEST(PgTuneTest, OldWindowsSharedBuffers) {
  PgTuneInput in = Memory(16, PgOs::kWindows, 9);
  EXPECT_EQ(PgTune(in).shared_buffers_kib, 524288);
  in.postgres_version = 10;
  EXPECT_EQ(PgTune(in).shared_buffers_kib, 4194304);
}

}  // namespace
}  // namespace headroom
