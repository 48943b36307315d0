#include "sizing/postgres_sizer.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "queueing/ps.h"

namespace headroom {
namespace {

ClassLoad Class(std::string name, std::array<double, 3> rates, double app_cpu_ms, double db_cpu_ms,
                double db_reads, double db_writes, double requests_month) {
  ClassLoad c;
  c.name = std::move(name);
  c.rate_per_s = rates;
  c.app_cpu_ms = app_cpu_ms;
  c.db_cpu_ms = db_cpu_ms;
  c.db_reads = db_reads;
  c.db_writes = db_writes;
  c.service_cv = 1.0;  // exponential: the p95 of a CPU time S is S ln 20
  c.requests_month = requests_month;
  return c;
}

// Two classes with the built-in demands (docs/assumptions.md) and exponential service, a bus
// that carries no rate, a 50 GiB database growing to 80 GiB in the look-ahead, RPO 5 min.
MonthLoad HandLoad() {
  MonthLoad load;
  load.classes.push_back(Class("interactive", {20, 40, 60}, 90, 25, 40, 6, 10e6));
  load.classes.push_back(Class("report", {0.2, 0.5, 0.8}, 1400, 900, 4000, 10, 1e5));
  ClassLoad bus = Class("bus", {0, 0, 0}, 2, 1, 0, 0, 0);
  bus.long_lived = true;
  load.classes.push_back(bus);
  load.database_gib = 50;
  load.database_gib_lookahead = 80;
  load.rpo_hours = 5.0 / 60.0;
  load.rto_hours = 1;
  return load;
}

OdooSizing HandOdoo() {
  OdooSizing o;
  o.http_workers = 24;
  o.cron_workers = 2;
  o.gevent_workers = 3;
  o.pods = 3;
  o.cron_pods = 1;
  o.db_maxconn = 64;
  return o;
}

bool AllFinite(const PostgresSizing& s) {
  const double values[] = {s.memory_gib,
                           s.cpu_utilisation_peak,
                           s.db_cpu_cores[0],
                           s.db_cpu_cores[1],
                           s.db_cpu_cores[2],
                           s.cpu_utilisation[2],
                           s.read_iops_peak,
                           s.write_iops_peak,
                           s.throughput_mib_s_peak,
                           s.read_iops_recovery,
                           s.write_iops_recovery,
                           s.throughput_mib_s_recovery,
                           s.wal_gib_per_day,
                           s.database_gib,
                           s.database_growth_gib_month,
                           s.working_set_gib,
                           s.memory_required_gib,
                           s.storage_gib,
                           s.wal_storage_gib,
                           s.cache_hit_ratio,
                           s.db_time_ms_p95,
                           s.heavy_queries_mean,
                           s.pools.transactions_in_flight_peak,
                           s.pools.transactions_in_flight_recovery,
                           s.pools.wait_probability_peak,
                           s.verdict.utilisation};
  for (double v : values) {
    if (!std::isfinite(v)) return false;
  }
  for (const ClassDbTime& t : s.db_time) {
    if (!std::isfinite(t.mean_ms_peak) || !std::isfinite(t.p95_ms_peak) ||
        !std::isfinite(t.p95_ms_recovery)) {
      return false;
    }
  }
  return true;
}

// The hand-worked case (default policy: ceilings 60% / 85%, 15% maintenance reserve; default
// settings). Numbers checked with a short Python script of the same formulas.
//
// CPU (cores) = Σ λ db_cpu_ms / 1000 × 1.1 (autovacuum share):
//   sustained (20 × 0.025 + 0.2 × 0.9) × 1.1 = 0.748
//   peak      (40 × 0.025 + 0.5 × 0.9) × 1.1 = 1.595
//   recovery  (60 × 0.025 + 0.8 × 0.9) × 1.1 = 2.442
// 2 vCPU: usable 2 × 0.85 = 1.7, peak 1.595 / 1.7 = 0.938 > 0.85: no.
// 4 vCPU: usable 3.4: 0.22 <= 0.6, 0.469 <= 0.85, 0.718 < 1: yes. Pressures 0.367, 0.552,
//   0.718: recovery binds; utilisation 2.442 / 4 = 0.6105.
// Planning slowdown: 2 vCPU at 0.85 × 0.85 = 0.7225, M/M/2: 1 / (1 − 0.7225²) = 2.0920776.
// Transaction time: interactive (90 + 25 × 2.0920776 + 40 × 0.2) ms = 150.30 ms,
//   report (1400 + 900 × 2.0920776 + 4000 × 0.2) ms = 4082.87 ms.
//   In flight: peak 40 × 0.15030 + 0.5 × 4.08287 = 8.0535; recovery 12.2844.
// Pool: Erlang C(16, 8.0535) = 0.00957 <= 1% (C(15) > 1%): 16; recovery needs 13: 16.
//   Reserve ⌈1.6⌉ = 2; session 24 + 2 + 2 × 3 + 2 = 34; max_connections 16 + 34 + 2 + 3 + 5 = 60.
// Heavy queries (report): 0.5 × (900 × 2.0920776 + 800) / 1000 = 1.34143; Poisson p99: 5
//   (P(N <= 4) = 0.98793, P(N <= 5) = 0.99740).
// Memory: working set 50 × 0.3 = 15 GiB → 15 / 0.75 = 20 GiB; ratio 4 × 4 = 16 GiB;
//   queries (60 × 10 + 5 × 2 × 4) MiB / 1024 / (0.5 × 0.75) = 1.667 GiB → 32 GiB.
//   Memory pressure 20 / 32 = 0.625 < 0.718: CPU binds.
// PGTune (32 GiB, 4 CPUs, oltp, 60 connections): shared_buffers 8388608 kB, work_mem
//   ⌊25165824 / ((60 + 4) × 3)⌋ = 131072 kB. Load work_mem: 25165824 × 0.5 / (5 × 2) =
//   1258291 kB, above 4 × 131072 = 524288 kB: 524288.
// IO at peak: reads outside shared_buffers 40 × 40 + 0.5 × 4000 = 3600, of which the volume
//   serves 0.1 (the cache holds the working set): 360; writes (40 × 6 + 0.5 × 10) × 0.5 =
//   122.5; (360 + 122.5) × 8 / 1024 = 3.76953125 MiB/s. Recovery 560, 184, 5.8125 MiB/s.
// WAL: (10e6 × 6 + 1e5 × 10) × 2 KiB / 30.4375 days / 1048576 = 3.82253 GiB/day.
// Growth: 61e6 KiB / 1048576 = 58.17413 GiB per month.
// Volumes: 80 × 1.25 = 100 GiB; WAL max(2 × 8 GiB, 3.82 GiB) × 1.25 = 20 GiB.
// DB time at peak on 4 vCPU: M/M/4 with a = 1.595: slowdown 1.0373597; report p95
//   900 × ln 20 × 1.0373597 + 800 = 3596.887 ms.
// The derivation above uses 1 KiB of net new data per written block.
PostgresSettings HandSettings() {
  PostgresSettings settings;
  settings.net_new_kib_per_write = 1.0;
  return settings;
}

TEST(SizePostgresTest, HandWorked) {
  const PostgresSizing s = SizePostgres(HandLoad(), HandOdoo(), HeadroomPolicy{}, HandSettings());
  EXPECT_EQ(s.vcpu, 4);
  EXPECT_NEAR(s.db_cpu_cores[kSustained], 0.748, 1e-12);
  EXPECT_NEAR(s.db_cpu_cores[kPeak], 1.595, 1e-12);
  EXPECT_NEAR(s.db_cpu_cores[kRecovery], 2.442, 1e-12);
  EXPECT_NEAR(s.cpu_utilisation_peak, 1.595 / 4, 1e-12);

  EXPECT_NEAR(s.pools.transactions_in_flight_peak, 8.05351246747473, 1e-9);
  EXPECT_NEAR(s.pools.transactions_in_flight_recovery, 12.284412191582001, 1e-9);
  EXPECT_EQ(s.pools.transaction_pool_size, 22);
  EXPECT_EQ(s.pools.reserve_pool_size, 3);
  EXPECT_EQ(s.pools.session_pool_size, 34);
  EXPECT_EQ(s.pools.max_client_connections, 1856);
  EXPECT_EQ(s.settings.max_connections, 67);

  EXPECT_NEAR(s.heavy_queries_mean, 1.3414349036990543, 1e-9);
  EXPECT_EQ(s.heavy_queries_planned, 5);
  EXPECT_NEAR(s.working_set_gib, 15.0, 1e-12);
  EXPECT_EQ(s.memory_gib, 32);
  EXPECT_NEAR(s.memory_required_gib, 20.0, 1e-12);
  EXPECT_EQ(s.cache_hit_ratio, 1.0);

  EXPECT_EQ(s.settings.shared_buffers_kib, 8388608);
  EXPECT_EQ(s.settings.effective_cache_size_kib, 25165824);
  // (32 − 8) GiB / ((67 + 4) × 3) = 25165824 KiB / 213, and 4× that for the loaded plan.
  EXPECT_EQ(s.pgtune_work_mem_kib, 118149);
  EXPECT_EQ(s.settings.work_mem_kib, 472596);
  EXPECT_EQ(s.settings.max_worker_processes, 4);
  EXPECT_EQ(s.settings.autovacuum_work_mem_kib, 2097152);  // maintenance_work_mem = 2 GiB

  EXPECT_NEAR(s.read_iops_peak, 360, 1e-9);
  EXPECT_NEAR(s.write_iops_peak, 122.5, 1e-9);
  EXPECT_NEAR(s.throughput_mib_s_peak, 3.76953125, 1e-9);
  EXPECT_NEAR(s.read_iops_recovery, 560, 1e-9);
  EXPECT_NEAR(s.write_iops_recovery, 184, 1e-9);
  EXPECT_NEAR(s.throughput_mib_s_recovery, 5.8125, 1e-9);
  EXPECT_NEAR(s.wal_gib_per_day, 3.8225303195585214, 1e-9);
  EXPECT_NEAR(s.database_growth_gib_month, 58.17413330078125, 1e-9);
  EXPECT_EQ(s.database_gib, 50);
  EXPECT_EQ(s.storage_gib, 100);
  EXPECT_EQ(s.wal_storage_gib, 20);

  ASSERT_EQ(s.db_time.size(), 2u);  // the bus has no rate
  EXPECT_EQ(s.db_time[0].request_class, "interactive");
  EXPECT_NEAR(s.db_time[0].mean_ms_peak, 33.93399163959522, 1e-6);
  EXPECT_NEAR(s.db_time[0].p95_ms_peak, 85.69129573681478, 1e-6);
  EXPECT_NEAR(s.db_time[1].mean_ms_peak, 1733.6236990254279, 1e-6);
  EXPECT_NEAR(s.db_time[1].p95_ms_recovery, 4016.371387779748, 1e-6);
  EXPECT_NEAR(s.db_time_ms_p95, 3596.8866465253323, 1e-6);

  EXPECT_EQ(s.instances, 2);  // zone loss survived; RPO 5 min = archive_timeout: async
  EXPECT_FALSE(s.synchronous_standby);
  EXPECT_EQ(s.data_durability, "");
  EXPECT_TRUE(s.rpo_met);

  EXPECT_EQ(s.verdict.bottleneck, "postgres cpu");
  EXPECT_EQ(s.verdict.binding_window, kRecovery);
  EXPECT_NEAR(s.verdict.utilisation, 2.442 / 4, 1e-12);
  EXPECT_FALSE(s.verdict.saturated);
  EXPECT_EQ(s.verdict.reason,
            "postgres cpu: 2.4 cores at recovery on 4 vCPU (61%; ceiling 100% after the 15% "
            "maintenance reserve)");
  EXPECT_TRUE(AllFinite(s));
}

// The slowdown is PS's 1 / (1 − ρ) on one core (queueing/ps.h) and M/M/2's 1 / (1 − ρ²) on two.
TEST(SizePostgresTest, CpuSlowdownMatchesProcessorSharing) {
  const queueing::PsMetrics ps = queueing::AnalysePs({0.6, 1.0});
  EXPECT_NEAR(CpuSlowdown(0.6, 1), *ps.mean_response_s, 1e-12);
  EXPECT_NEAR(CpuSlowdown(1.2, 2), 1.0 / (1.0 - 0.36), 1e-12);
  EXPECT_EQ(CpuSlowdown(0, 8), 1.0);
  // Saturated: evaluated at 99.9%, finite: 1 / (1 − 0.999) on one core.
  EXPECT_NEAR(CpuSlowdown(5, 1), 1000.0, 1e-6);
}

TEST(SizePostgresTest, GrowthAndWal) {
  const MonthLoad load = HandLoad();
  PostgresSettings s = HandSettings();
  EXPECT_NEAR(DatabaseGrowthGibPerMonth(load, s), 61e6 / 1048576.0, 1e-9);
  s.net_new_kib_per_write = 0.5;
  EXPECT_NEAR(DatabaseGrowthGibPerMonth(load, s), 30.5e6 / 1048576.0, 1e-9);
  s.wal_kib_per_write = 4;
  EXPECT_NEAR(WalGibPerDay(load, s), 244e6 / (365.25 / 12) / 1048576.0, 1e-9);
}

// RPO 0: synchronous replication with dataDurability required, on three instances.
TEST(SizePostgresTest, RpoZeroIsSynchronousOnThreeInstances) {
  MonthLoad load = HandLoad();
  load.rpo_hours = 0;
  const PostgresSizing s = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, {});
  EXPECT_EQ(s.instances, 3);
  EXPECT_TRUE(s.synchronous_standby);
  EXPECT_EQ(s.data_durability, "required");
  EXPECT_TRUE(s.rpo_met);
}

// An RPO below archive_timeout (5 min) but above 0: synchronous, dataDurability preferred.
TEST(SizePostgresTest, RpoBelowArchiveTimeoutIsSynchronousPreferred) {
  MonthLoad load = HandLoad();
  load.rpo_hours = 2.0 / 60.0;
  HeadroomPolicy policy;
  policy.survive_zone_loss = false;
  policy.survive_node_loss = false;
  const PostgresSizing s = SizePostgres(load, HandOdoo(), policy, {});
  EXPECT_EQ(s.instances, 2);
  EXPECT_TRUE(s.synchronous_standby);
  EXPECT_EQ(s.data_durability, "preferred");
  load.rpo_hours = 1.0;
  const PostgresSizing relaxed = SizePostgres(load, HandOdoo(), policy, {});
  EXPECT_EQ(relaxed.instances, 1);
  EXPECT_FALSE(relaxed.synchronous_standby);
}

// max_standbys caps the instances; with none allowed RPO 0 cannot be met, and says so.
TEST(SizePostgresTest, StandbyCap) {
  MonthLoad load = HandLoad();
  load.rpo_hours = 0;
  PostgresSettings settings;
  settings.max_standbys = 1;
  const PostgresSizing two = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, settings);
  EXPECT_EQ(two.instances, 2);
  EXPECT_TRUE(two.synchronous_standby);
  EXPECT_TRUE(two.rpo_met);
  ASSERT_EQ(two.notes.size(), 1u);
  EXPECT_EQ(two.notes[0], "3 instances wanted, 2 allowed by max_standbys = 1");
  settings.max_standbys = 0;
  const PostgresSizing one = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, settings);
  EXPECT_EQ(one.instances, 1);
  EXPECT_FALSE(one.synchronous_standby);
  EXPECT_FALSE(one.rpo_met);
  ASSERT_EQ(one.notes.size(), 1u);
  EXPECT_EQ(one.notes[0],
            "RPO 0.0 min needs a synchronous standby, but max_standbys = 0 allows none");
}

// A 1000 GiB database: working set 300 GiB needs 400 GiB of RAM → 512 GiB, and memory binds
// (400 / 512 = 0.78 > the CPU's 0.718).
TEST(SizePostgresTest, WorkingSetBindsMemory) {
  MonthLoad load = HandLoad();
  load.database_gib = 1000;
  load.database_gib_lookahead = 1100;
  const PostgresSizing s = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, {});
  EXPECT_EQ(s.memory_gib, 512);
  EXPECT_EQ(s.verdict.bottleneck, "postgres memory");
  EXPECT_EQ(s.verdict.binding_window, kSustained);
  EXPECT_NEAR(s.verdict.utilisation, 400.0 / 512.0, 1e-12);
  EXPECT_FALSE(s.verdict.saturated);
  EXPECT_EQ(s.storage_gib, 1380);  // 1100 × 1.25 = 1375 → 1380
  EXPECT_EQ(s.verdict.reason,
            "postgres memory: a working set of 300.0 GiB needs 400.0 GiB of RAM for "
            "shared_buffers and the page cache to hold it; 512 GiB chosen");
}

// A working set beyond the largest RAM: saturated memory, cache hit ratio 384 / 600 = 0.64.
TEST(SizePostgresTest, WorkingSetBeyondLargestRamSaturates) {
  MonthLoad load = HandLoad();
  load.database_gib = 2000;
  const PostgresSizing s = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, {});
  EXPECT_EQ(s.memory_gib, 512);
  EXPECT_TRUE(s.verdict.saturated);
  EXPECT_EQ(s.verdict.bottleneck, "postgres memory");
  EXPECT_NEAR(s.cache_hit_ratio, 0.75 * 512 / 600, 1e-12);
  // The volume serves 0.1 of the reads of the cached part and all of the rest:
  // 0.1 + 0.9 × (1 − 0.64) = 0.424 of the 3600 read outside shared_buffers.
  EXPECT_NEAR(s.read_iops_peak, 3600 * 0.424, 1e-9);
  EXPECT_TRUE(AllFinite(s));
}

TEST(VolumeReadShare, FromTheUncachedShareToEveryRead) {
  PostgresSettings s;
  EXPECT_DOUBLE_EQ(VolumeReadShare(1.0, s), 0.1);
  EXPECT_DOUBLE_EQ(VolumeReadShare(0.0, s), 1.0);
  EXPECT_DOUBLE_EQ(VolumeReadShare(0.5, s), 0.55);
  s.uncached_read_share = 1.0;  // every read from the volume, whatever the cache
  EXPECT_DOUBLE_EQ(VolumeReadShare(1.0, s), 1.0);
  s.uncached_read_share = 0.0;
  EXPECT_DOUBLE_EQ(VolumeReadShare(0.75, s), 0.25);
  // Out-of-range inputs are clamped, never NaN.
  EXPECT_DOUBLE_EQ(VolumeReadShare(2.0, s), 0.0);
  EXPECT_DOUBLE_EQ(VolumeReadShare(std::nan(""), s), 1.0);
  s.uncached_read_share = -3;
  EXPECT_DOUBLE_EQ(VolumeReadShare(1.0, s), 0.0);
}

// Batch in flight at peak: 7200 CPU-s in the hour wants 2 cores, the 2 cron workers give 2;
// DB share 0.4 → 0.8 cores, × 1.1 = 0.88 on top of 1.595. The pool adds the 2 cron workers in
// the windows where batch work is in flight: 22 + 2 with batch at recovery too, 22 (recovery
// binds over the peak's 16 + 2) with batch at peak only.
TEST(SizePostgresTest, BatchAddsDbCpuAndCronConnections) {
  MonthLoad load = HandLoad();
  load.batch_cpu_s = {0, 7200, 0};
  const PostgresSizing peak_only = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, {});
  EXPECT_NEAR(peak_only.db_cpu_cores[kPeak], 1.595 + 0.88, 1e-12);
  EXPECT_EQ(peak_only.pools.transaction_pool_size, 22);
  load.batch_cpu_s = {0, 7200, 7200};
  const PostgresSizing both = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, {});
  EXPECT_EQ(both.pools.transaction_pool_size, 24);
}

// Few Odoo workers for the load: the pool is capped at them and connections bind.
TEST(SizePostgresTest, CappedPoolBindsConnections) {
  OdooSizing odoo = HandOdoo();
  odoo.http_workers = 6;
  const PostgresSizing s = SizePostgres(HandLoad(), odoo, HeadroomPolicy{}, {});
  EXPECT_EQ(s.pools.transaction_pool_size, 8);
  EXPECT_TRUE(s.pools.capped);
  EXPECT_EQ(s.verdict.bottleneck, "connections");
  EXPECT_FALSE(s.verdict.saturated);
  EXPECT_EQ(s.verdict.reason,
            "connections: 12.3 transactions in flight at recovery want a pool of 22, more than "
            "the 8 Odoo workers that can hold one; requests queue in Odoo");
}

// Reads beyond what one volume gives: saturated IOPS.
TEST(SizePostgresTest, IopsBeyondVolumeSaturates) {
  MonthLoad load = HandLoad();
  // 60/s × 20000 + 0.8 × 4000 = 1203200 read outside shared_buffers at recovery, 0.1 of
  // them from the volume (the cache holds the working set): 120320.
  load.classes[0].db_reads = 20000;
  const PostgresSizing s = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, {});
  EXPECT_TRUE(s.verdict.saturated);
  EXPECT_EQ(s.verdict.bottleneck, "postgres iops");
  EXPECT_EQ(s.verdict.binding_window, kRecovery);
  EXPECT_NEAR(s.verdict.utilisation, (120320 + 184) / 80000.0, 1e-12);
}

MonthLoad Scaled(double factor) {
  MonthLoad load = HandLoad();
  for (ClassLoad& c : load.classes) {
    for (double& r : c.rate_per_s) r *= factor;
    c.requests_month *= factor;
  }
  for (double& b : load.batch_cpu_s) b *= factor;
  load.database_gib *= factor;
  load.database_gib_lookahead *= factor;
  return load;
}

// More load never gives less vCPU, RAM, pool, connections, IOPS or volume.
TEST(SizePostgresTest, MonotoneInLoad) {
  OdooSizing odoo = HandOdoo();
  odoo.http_workers = 400;  // the pool is not capped in the range scanned
  PostgresSizing previous = SizePostgres(Scaled(0.01), odoo, HeadroomPolicy{}, {});
  for (double factor = 0.02; factor <= 40.0; factor *= 1.07) {
    MonthLoad load = Scaled(factor);
    load.batch_cpu_s = {0, 360 * factor, 720 * factor};
    const PostgresSizing s = SizePostgres(load, odoo, HeadroomPolicy{}, {});
    EXPECT_GE(s.vcpu, previous.vcpu) << factor;
    EXPECT_GE(s.memory_gib, previous.memory_gib) << factor;
    EXPECT_GE(s.pools.transaction_pool_size, previous.pools.transaction_pool_size) << factor;
    EXPECT_GE(s.settings.max_connections, previous.settings.max_connections) << factor;
    EXPECT_GE(s.heavy_queries_planned, previous.heavy_queries_planned) << factor;
    EXPECT_GE(s.read_iops_peak, previous.read_iops_peak) << factor;
    EXPECT_GE(s.storage_gib, previous.storage_gib) << factor;
    EXPECT_GE(s.wal_storage_gib, previous.wal_storage_gib) << factor;
    EXPECT_TRUE(AllFinite(s)) << factor;
    previous = s;
  }
}

// A tighter policy (lower ceilings, larger reserve) never gives fewer vCPU.
TEST(SizePostgresTest, TighterPolicyNeverFewerVcpu) {
  HeadroomPolicy loose;
  HeadroomPolicy tight;
  tight.sustained_max_utilisation = 0.4;
  tight.peak_max_utilisation = 0.6;
  tight.maintenance_reserve = 0.3;
  for (double factor : {0.5, 1.0, 2.0, 4.0, 8.0}) {
    const MonthLoad load = Scaled(factor);
    EXPECT_GE(SizePostgres(load, HandOdoo(), tight, {}).vcpu,
              SizePostgres(load, HandOdoo(), loose, {}).vcpu)
        << factor;
  }
}

// DB CPU far beyond the largest size: saturated CPU (recovery: (1.5 + 0.8 × 900) × 1.1 =
// 793.65 cores against 96 × 0.85 = 81.6 usable), every number finite.
TEST(SizePostgresTest, SaturatedCpu) {
  MonthLoad load = HandLoad();
  load.classes[1].db_cpu_ms = 900e3;
  const PostgresSizing s = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, {});
  EXPECT_EQ(s.vcpu, 96);
  EXPECT_TRUE(s.verdict.saturated);
  EXPECT_EQ(s.verdict.bottleneck, "postgres cpu");
  EXPECT_EQ(s.verdict.binding_window, kRecovery);
  EXPECT_THAT(s.verdict.reason, testing::StartsWith("postgres cpu: 793."));
  EXPECT_THAT(s.verdict.reason, testing::HasSubstr("exceed the largest size, 96 vCPU"));
  EXPECT_TRUE(AllFinite(s));
}

// Everything a million times larger: CPU, memory and IOPS all saturate; the verdict names the
// one furthest beyond its limit, IOPS (about 5.784e9 / 80000 = 72300 times the volume, against
// CPU's 2.442e6 / 81.6 = 29926 and memory's 2e7 / 512 = 39062). The cache holds
// 0.75 × 512 / 1.5e7 of the working set, so the volume serves 1 − 0.9 × that of the reads.
TEST(SizePostgresTest, SaturatedInputsAreFinite) {
  const PostgresSizing s = SizePostgres(Scaled(1e6), HandOdoo(), HeadroomPolicy{}, {});
  EXPECT_EQ(s.vcpu, 96);
  EXPECT_EQ(s.memory_gib, 512);
  EXPECT_TRUE(s.verdict.saturated);
  EXPECT_EQ(s.verdict.bottleneck, "postgres iops");
  const double volume_share = 1.0 - 0.9 * 0.75 * 512 / 1.5e7;
  EXPECT_NEAR(s.verdict.utilisation, (5.6e9 * volume_share + 1.84e8) / 80000, 1e-6);
  EXPECT_TRUE(AllFinite(s));

  MonthLoad wild = HandLoad();
  wild.classes[0].rate_per_s = {std::numeric_limits<double>::infinity(),
                                std::numeric_limits<double>::quiet_NaN(), 1e308};
  wild.classes[1].db_cpu_ms = 1e308;
  wild.database_gib = std::numeric_limits<double>::infinity();
  wild.rpo_hours = std::numeric_limits<double>::quiet_NaN();
  const PostgresSizing w = SizePostgres(wild, HandOdoo(), HeadroomPolicy{}, {});
  EXPECT_TRUE(w.verdict.saturated);
  EXPECT_TRUE(AllFinite(w));
}

// No load at all: the smallest sizes, nothing saturated.
TEST(SizePostgresTest, EmptyLoad) {
  const PostgresSizing s = SizePostgres(MonthLoad{}, OdooSizing{}, HeadroomPolicy{}, {});
  EXPECT_EQ(s.vcpu, 2);
  EXPECT_EQ(s.memory_gib, 8);  // 4 GiB per vCPU
  EXPECT_EQ(s.pools.transaction_pool_size, 2);
  EXPECT_EQ(s.storage_gib, 10);
  EXPECT_EQ(s.heavy_queries_planned, 0);
  EXPECT_EQ(s.settings.work_mem_kib, 4 * s.pgtune_work_mem_kib);
  EXPECT_FALSE(s.verdict.saturated);
  EXPECT_TRUE(AllFinite(s));
}

// PGTune's desktop profile sets wal_level = minimal, which a cluster with standbys cannot use.
TEST(SizePostgresTest, DesktopWalLevelDroppedWithStandbys) {
  PostgresSettings settings;
  settings.workload = PgWorkload::kDesktop;
  const PostgresSizing s = SizePostgres(HandLoad(), HandOdoo(), HeadroomPolicy{}, settings);
  EXPECT_EQ(s.instances, 2);
  EXPECT_EQ(s.settings.wal_level, std::nullopt);
  EXPECT_EQ(s.settings.max_wal_senders, std::nullopt);
}

// Same inputs, same outputs.
TEST(SizePostgresTest, Deterministic) {
  const PostgresSizing a = SizePostgres(HandLoad(), HandOdoo(), HeadroomPolicy{}, {});
  const PostgresSizing b = SizePostgres(HandLoad(), HandOdoo(), HeadroomPolicy{}, {});
  EXPECT_EQ(a.verdict.reason, b.verdict.reason);
  EXPECT_EQ(a.db_time_ms_p95, b.db_time_ms_p95);
  EXPECT_EQ(a.settings.work_mem_kib, b.settings.work_mem_kib);
}

// HandLoad with every rate ten times: 16 DB cores at peak, more than 4 vCPU carry.
MonthLoad TenfoldLoad(std::vector<double> cluster_shares) {
  MonthLoad load = HandLoad();
  for (ClassLoad& c : load.classes) {
    for (double& r : c.rate_per_s) r *= 10;
  }
  load.cluster_shares = std::move(cluster_shares);
  return load;
}

PostgresSettings SmallSizes(int max_clusters) {
  PostgresSettings s;
  s.vcpu_sizes = {2, 4};
  s.max_clusters = max_clusters;
  return s;
}

TEST(SizePostgresClusters, OneClusterWhenItFits) {
  MonthLoad load = HandLoad();
  const PostgresSizing alone = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, {});
  load.cluster_shares = {1.0, 0.5, 0.34};
  const PostgresSizing spreadable = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, {});
  EXPECT_EQ(spreadable.clusters, 1);
  EXPECT_EQ(spreadable.cluster_share, 1.0);
  EXPECT_EQ(spreadable.vcpu, alone.vcpu);
  EXPECT_EQ(spreadable.memory_gib, alone.memory_gib);
  EXPECT_EQ(spreadable.settings.max_connections, alone.settings.max_connections);
  EXPECT_EQ(spreadable.verdict.reason, alone.verdict.reason);
}

// The fewest clusters whose busiest one meets the targets: one fewer is not enough.
TEST(SizePostgresClusters, FewestClustersThatFit) {
  std::vector<double> shares;
  for (int n = 1; n <= 12; ++n) shares.push_back(1.0 / n);
  const MonthLoad load = TenfoldLoad(shares);
  EXPECT_TRUE(SizePostgres(load, HandOdoo(), HeadroomPolicy{}, SmallSizes(1)).verdict.saturated);
  const PostgresSizing s = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, SmallSizes(12));
  ASSERT_GT(s.clusters, 1);
  ASSERT_LT(s.clusters, 12);
  EXPECT_FALSE(s.verdict.saturated) << s.verdict.reason;
  EXPECT_DOUBLE_EQ(s.cluster_share, 1.0 / s.clusters);
  // The busiest cluster's CPU is its share of the estate's.
  const PostgresSizing whole = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, SmallSizes(1));
  EXPECT_NEAR(s.db_cpu_cores[kPeak], whole.db_cpu_cores[kPeak] / s.clusters, 1e-9);
  EXPECT_NE(s.verdict.reason.find(fmt::format("the busiest of {} clusters", s.clusters)),
            std::string::npos)
      << s.verdict.reason;
  const PostgresSizing fewer =
      SizePostgres(load, HandOdoo(), HeadroomPolicy{}, SmallSizes(s.clusters - 1));
  EXPECT_TRUE(fewer.verdict.saturated);
  EXPECT_EQ(fewer.clusters, s.clusters - 1);
  // Each cluster's connections come from its cell's share of the Odoo workers.
  EXPECT_LT(s.pools.max_client_connections, whole.pools.max_client_connections);
}

// A spread over more clusters can leave a larger busiest share than one over fewer; the count
// chosen is still the first that fits.
TEST(SizePostgresClusters, UnevenSpreadsAreSkipped) {
  const PostgresSizing fits_at_three = SizePostgres(TenfoldLoad({1.0, 0.9, 0.1, 0.95, 0.1}),
                                                    HandOdoo(), HeadroomPolicy{}, SmallSizes(5));
  EXPECT_EQ(fits_at_three.clusters, 3);
  EXPECT_FALSE(fits_at_three.verdict.saturated);
  const PostgresSizing fits_at_six = SizePostgres(TenfoldLoad({1.0, 0.9, 0.95, 0.9, 0.9, 0.1}),
                                                  HandOdoo(), HeadroomPolicy{}, SmallSizes(8));
  EXPECT_EQ(fits_at_six.clusters, 6);  // at most as many clusters as the shares list
}

TEST(SizePostgresClusters, SaturatedAtTheMostClustersAllowed) {
  const PostgresSizing s =
      SizePostgres(TenfoldLoad({1.0, 0.6, 0.9}), HandOdoo(), HeadroomPolicy{}, SmallSizes(3));
  EXPECT_TRUE(s.verdict.saturated);
  EXPECT_EQ(s.clusters, 2);  // the count with the smallest busiest share
  EXPECT_EQ(s.cluster_share, 0.6);
  EXPECT_TRUE(AllFinite(s));
}

TEST(SizePostgresClusters, MinClustersIsAFloor) {
  MonthLoad load = HandLoad();
  load.cluster_shares = {1.0, 0.5, 0.34};
  PostgresSettings settings;
  settings.min_clusters = 2;
  const PostgresSizing s = SizePostgres(load, HandOdoo(), HeadroomPolicy{}, settings);
  EXPECT_EQ(s.clusters, 2);
  EXPECT_EQ(s.cluster_share, 0.5);
  EXPECT_FALSE(s.verdict.saturated);
  settings.min_clusters = 9;  // more than the databases allow: as many as they do
  EXPECT_EQ(SizePostgres(load, HandOdoo(), HeadroomPolicy{}, settings).clusters, 3);
}

}  // namespace
}  // namespace headroom
