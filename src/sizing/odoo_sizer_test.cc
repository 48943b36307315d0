#include "sizing/odoo_sizer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "queueing/mmc.h"
#include "sizing/odoo_latency.h"
#include "sizing/odoo_pool.h"

namespace headroom {
namespace {

ClassLoad Web(std::array<double, 3> rates) {
  ClassLoad c;
  c.name = "web";
  c.rate_per_s = rates;
  c.app_cpu_ms = 100;  // + 3 ms overhead: 103 ms of CPU
  c.db_cpu_ms = 147;   // S = 100 + 147 + 3 = 250 ms
  c.worker_memory_mib = 300;
  c.service_cv = 1.0;
  c.p95_target_ms = 1000;
  c.requests_month = 1e6;
  return c;
}

// One M/M/c class, S = 0.25 s, at 40 / 80 / 100 per second (a = 10, 20, 25) with the default
// policy (ceilings 60% / 85%, recovery ×2, 3 zones, zone loss, 15% reserve) and settings:
//  (a) sustained: ⌈10 / 0.6⌉ = 17 workers;
//  (b) peak: ⌈20 / 0.85⌉ = 24; the 1 s target holds from 22 (p95 0.858 s, 1.120 s at 21) → 24;
//  (c) recovery: stable from 26, where p95 is 1.126 s <= 2 × 1 s → 26 workers surviving;
//  (d) reserve: ⌈24 / 0.85⌉ = 29 with all pods, ⌈26 / 0.85⌉ = 31 on the survivors.
// A busy worker is on CPU 103 / 250 = 41.2% of its time: ⌊4 / 0.412⌋ = 9 → 8 per pod (setting).
// Pods: peak ⌈29 / 8⌉ = 4; recovery needs ⌈31 / 8⌉ = 4 surviving pods → 4 + ⌈4 / 2⌉ = 6;
// at least 3 (one per zone). 6 pods; workers per pod max(⌈29 / 6⌉, ⌈31 / 4⌉) = 8: 48 workers,
// 32 after losing a zone (the worst zone holds 2 pods).
TEST(OdooSizerTest, OneClassByHand) {
  EXPECT_NEAR(*queueing::MmcResponsePercentile({80, 0.25, 21}, 0.95), 1.119722, 1e-6);
  EXPECT_NEAR(*queueing::MmcResponsePercentile({80, 0.25, 22}, 0.95), 0.858431, 1e-6);
  EXPECT_NEAR(*queueing::MmcResponsePercentile({100, 0.25, 26}, 0.95), 1.126336, 1e-6);

  MonthLoad load;
  load.classes = {Web({40, 80, 100})};
  const OdooSizing s = SizeOdoo(load, HeadroomPolicy{}, OdooSettings{});
  EXPECT_EQ(s.http_workers, 48);
  EXPECT_EQ(s.workers_per_pod, 8);
  EXPECT_EQ(s.pods, 6);
  EXPECT_EQ(s.http_workers_after_zone_loss, 32);
  EXPECT_NEAR(s.worker_utilisation[kSustained], 10.0 / 48, 1e-12);
  EXPECT_NEAR(s.worker_utilisation[kPeak], 20.0 / 48, 1e-12);
  EXPECT_NEAR(s.worker_utilisation[kRecovery], 25.0 / 32, 1e-12);

  // CPU at peak: 80 × 0.103 = 8.24 cores. Request 8.24 / (6 × 0.6) = 2.2889 → 2289m; limit
  // min(8 workers, 4 cores) = 4000m.
  EXPECT_NEAR(s.app_cpu_cores_peak, 8.24, 1e-12);
  EXPECT_EQ(s.pod_cpu_request_m, 2289);
  EXPECT_EQ(s.pod_cpu_limit_m, 4000);
  EXPECT_EQ(s.hpa_target_cpu_utilisation, 0.6);
  // HPA min: the sustained window needs ⌈17 / 0.85⌉ = 20 workers = 3 pods; CPU halves from peak
  // (6 × 0.5 = 3); one per zone (3). Max: ⌈31 / 8⌉ = 4 surviving pods × 3/2 = 6.
  EXPECT_EQ(s.hpa_min_replicas, 3);
  EXPECT_EQ(s.hpa_max_replicas, 6);

  // Memory: 300 MiB per worker. soft 300 / 0.6 = 500 → 512 MiB; hard 1.25 × 512 = 640 MiB;
  // request 250 + 8 × 300 = 2650 → 2688 (64 MiB steps); limit 250 + 8 × 640 × 0.6 = 3322 → 3328.
  EXPECT_EQ(s.limit_memory_soft_bytes, int64_t{512} << 20);
  EXPECT_EQ(s.limit_memory_hard_bytes, int64_t{640} << 20);
  EXPECT_EQ(s.pod_memory_request_mib, 2688);
  EXPECT_EQ(s.pod_memory_limit_mib, 3328);

  EXPECT_EQ(s.db_maxconn, 8);
  EXPECT_EQ(s.db_maxconn_gevent, 64);
  EXPECT_EQ(s.gevent_workers, 6);
  EXPECT_EQ(s.cron_workers, 1);
  EXPECT_EQ(s.cron_pods, 1);

  // Latency with 48 workers at the peak (a = 20: almost nobody waits, p95 ≈ S ln 20 = 0.749 s)
  // and 32 at recovery (a = 25).
  ASSERT_EQ(s.latency.size(), 1u);
  EXPECT_NEAR(s.latency[0].p95_ms_peak,
              1000 * *queueing::MmcResponsePercentile({80, 0.25, 48}, 0.95), 5.0);
  EXPECT_NEAR(s.latency[0].p95_ms_recovery,
              1000 * *queueing::MmcResponsePercentile({100, 0.25, 32}, 0.95), 5.0);
  EXPECT_TRUE(s.latency[0].meets_target);

  EXPECT_EQ(s.verdict.binding_window, kRecovery);
  EXPECT_EQ(s.verdict.bottleneck, "http workers");
  EXPECT_FALSE(s.verdict.saturated);
  EXPECT_NEAR(s.verdict.utilisation, 25.0 / 32, 1e-12);
  EXPECT_EQ(s.verdict.reason,
            "25.0 busy workers at recovery need 26 to stay below full utilisation on the pods "
            "left after losing a zone: 48 workers in 6 pods of 8 with a 15% maintenance reserve");
}

// Without zone loss or reserve: peak 24 workers (3 pods of 8), recovery 26 on all pods
// (⌈26 / 8⌉ = 4 pods), so 4 pods of max(⌈24 / 4⌉, ⌈26 / 4⌉) = 7 = 28 workers.
TEST(OdooSizerTest, OneClassWithoutZoneLoss) {
  MonthLoad load;
  load.classes = {Web({40, 80, 100})};
  HeadroomPolicy policy;
  policy.survive_zone_loss = false;
  policy.maintenance_reserve = 0;
  const OdooSizing s = SizeOdoo(load, policy, OdooSettings{});
  EXPECT_EQ(s.pods, 4);
  EXPECT_EQ(s.workers_per_pod, 7);
  EXPECT_EQ(s.http_workers, 28);
  EXPECT_EQ(s.http_workers_after_zone_loss, 28);
  EXPECT_EQ(s.verdict.binding_window, kRecovery);
  EXPECT_EQ(s.hpa_max_replicas, 4);
}

// A report target below the report's own service p95 cannot be met: saturated, with the reason,
// and sized for fewer than 1% of requests waiting, which the other constraints already give
// here (the same workers as without the report's target).
TEST(OdooSizerTest, ImpossibleTargetIsSaturatedButSized) {
  MonthLoad load;
  load.classes = {Web({40, 80, 100}), Web({0.2, 0.5, 0.6})};
  load.classes[1].name = "report";
  load.classes[1].app_cpu_ms = 1400;
  load.classes[1].db_cpu_ms = 900;
  load.classes[1].db_reads = 4000;  // S = 1400 + 900 + 800 + 3 = 3103 ms
  load.classes[1].service_cv = 1.2;
  load.classes[1].p95_target_ms = 8000;  // its service p95 is 10.6 s
  const OdooSizing s = SizeOdoo(load, HeadroomPolicy{}, OdooSettings{});
  EXPECT_TRUE(s.verdict.saturated);
  EXPECT_FALSE(s.latency[1].meets_target);
  EXPECT_GT(s.latency[1].p95_ms_peak, 10000);
  EXPECT_EQ(s.verdict.reason.rfind("the p95 limit of report (8.00 s) at the peak is below its own "
                                   "service-time p95 (10.6 s)",
                                   0),
            0u)
      << s.verdict.reason;
  EXPECT_NE(s.verdict.reason.find("so it is sized for fewer than 1% of requests waiting"),
            std::string::npos)
      << s.verdict.reason;
  EXPECT_TRUE(s.verdict.saturated_by_targets_only);
  MonthLoad without = load;
  without.classes[1].p95_target_ms = 0;  // no target
  const OdooSizing reference = SizeOdoo(without, HeadroomPolicy{}, OdooSettings{});
  EXPECT_FALSE(reference.verdict.saturated);
  EXPECT_EQ(s.http_workers, reference.http_workers);
  EXPECT_GT(s.http_workers, 0);
}

// One class, S = 0.25 s, whose service p95 (0.749 s) no number of workers beats, at a load where
// almost no waiting asks for more than the utilisation ceilings: from a loose target down
// through the floor the workers never fall, and below the floor they stay at the fewest with
// fewer than 1% of requests waiting at the peak and at recovery, the tightest any target asks.
TEST(OdooSizerTest, TighterTargetsThroughTheFloorNeverFewerWorkers) {
  int previous = 0;
  int below_floor = 0;
  for (double target_ms = 3000; target_ms >= 200; target_ms -= 50) {
    MonthLoad load;
    load.classes = {Web({4, 8, 10})};
    load.classes[0].p95_target_ms = target_ms;
    const OdooSizing s = SizeOdoo(load, HeadroomPolicy{}, OdooSettings{});
    EXPECT_GE(s.http_workers, previous) << target_ms;
    previous = s.http_workers;
    EXPECT_EQ(s.verdict.saturated, target_ms < 749) << target_ms;
    EXPECT_EQ(s.verdict.saturated_by_targets_only, target_ms < 749) << target_ms;
    if (target_ms * 2 > 749) continue;  // recovery is allowed twice the target
    if (below_floor == 0) below_floor = s.http_workers;
    EXPECT_EQ(s.http_workers, below_floor) << target_ms;
    const OdooSettings settings;
    EXPECT_LT(PoolWaitAt(PoolAt(load, kPeak, settings), s.http_workers).p_wait, kAlmostNoWait);
    EXPECT_LT(PoolWaitAt(PoolAt(load, kRecovery, settings), s.http_workers_after_zone_loss).p_wait,
              kAlmostNoWait);
  }
  MonthLoad untargeted;
  untargeted.classes = {Web({4, 8, 10})};
  untargeted.classes[0].p95_target_ms = 0;
  EXPECT_GT(below_floor, SizeOdoo(untargeted, HeadroomPolicy{}, OdooSettings{}).http_workers);
}

// Websockets: 30 000 sessions at the peak need 30 gevent workers; on a zone loss the 31 000 of
// the recovery window need 31 surviving pods → 31 + ⌈31 / 2⌉ = 47 pods. The workers spread
// over them (1 per pod).
TEST(OdooSizerTest, SessionsRaiseThePods) {
  MonthLoad load;
  load.classes = {Web({4, 8, 10})};
  load.sessions = {10000, 30000, 31000};
  load.max_sessions = 30000;
  const OdooSizing s = SizeOdoo(load, HeadroomPolicy{}, OdooSettings{});
  EXPECT_EQ(s.pods, 47);
  EXPECT_EQ(s.gevent_workers, 47);
  EXPECT_EQ(s.workers_per_pod, 1);
  EXPECT_EQ(s.verdict.bottleneck, "gevent sessions");
  EXPECT_EQ(s.verdict.binding_window, kRecovery);
  EXPECT_NEAR(s.verdict.utilisation, 31000.0 / 31000, 1e-12);
  EXPECT_EQ(s.rule_of_thumb.concurrent_users, 30000);
  EXPECT_EQ(s.rule_of_thumb.workers_for_users, 5000);
}

// CPU-heavy requests: a busy worker on CPU 90% of its time fits ⌊4 / 0.9⌋ = 4 to a pod.
TEST(OdooSizerTest, PodCpuLimitsWorkersPerPod) {
  MonthLoad load;
  ClassLoad c = Web({40, 80, 100});
  c.app_cpu_ms = 222;  // + 3 = 225 of S = 250 ms
  c.db_cpu_ms = 25;
  load.classes = {c};
  const OdooSizing s = SizeOdoo(load, HeadroomPolicy{}, OdooSettings{});
  EXPECT_LE(s.workers_per_pod, 4);
  EXPECT_EQ(s.verdict.bottleneck, "pod cpu");
  EXPECT_EQ(s.pod_cpu_limit_m, 1000.0 * s.workers_per_pod);
  EXPECT_LE(s.pod_cpu_request_m, s.pod_cpu_limit_m);
}

// A tiny estate: the floor of 3 pods (one per zone) and min 2 replicas holds it.
TEST(OdooSizerTest, FloorOfOnePodPerZone) {
  MonthLoad load;
  load.classes = {Web({0.1, 0.2, 0.3})};
  const OdooSizing s = SizeOdoo(load, HeadroomPolicy{}, OdooSettings{});
  EXPECT_EQ(s.pods, 3);
  EXPECT_EQ(s.hpa_min_replicas, 3);
  EXPECT_EQ(s.hpa_max_replicas, 3);
  EXPECT_EQ(s.pod_cpu_request_m, 100);  // the floor: 0.2 × 0.103 / (3 × 0.6) = 11m
  EXPECT_EQ(s.verdict.reason.rfind("the floor of 3 pods", 0), 0u) << s.verdict.reason;
}

// Latency at the peak sets the count: λ = 8/s of S = 0.25 s (a = 2) with a 1 s target needs 4
// workers (p95 1.005 s at 3, 0.787 s at 4; odoo_workers_test), the 85% ceiling only 3; the
// recovery window (same rate, 2 s) needs 3; sustained 1. One pod of 4 without zone loss,
// reserve or replica floor.
TEST(OdooSizerTest, PeakLatencyBindsWithItsReason) {
  MonthLoad load;
  load.classes = {Web({1, 8, 8})};
  HeadroomPolicy policy;
  policy.survive_zone_loss = false;
  policy.maintenance_reserve = 0;
  OdooSettings settings;
  settings.min_replicas = 1;
  const OdooSizing s = SizeOdoo(load, policy, settings);
  EXPECT_EQ(s.http_workers, 4);
  EXPECT_EQ(s.pods, 1);
  EXPECT_EQ(s.verdict.binding_window, kPeak);
  EXPECT_EQ(s.verdict.bottleneck, "http workers");
  EXPECT_NEAR(s.verdict.utilisation, 0.5, 1e-12);
  EXPECT_EQ(s.verdict.reason,
            "p95 of web 787 ms against 1.00 s at the peak with 4 workers: 4 workers in 1 pod of 4");
  EXPECT_NEAR(s.latency[0].p95_ms_peak, 787.4, 0.5 + 787.4 * 0.005);
}

// A batch beyond any cron deployment is the only saturation: the bottleneck is the cron workers.
TEST(OdooSizerTest, AbsurdBatchSaturatesTheCronWorkers) {
  MonthLoad load;
  load.classes = {Web({40, 80, 100})};
  load.heaviest_batch_cpu_s = 1e15;
  load.heaviest_batch_deadline_h = 2;
  const OdooSizing s = SizeOdoo(load, HeadroomPolicy{}, OdooSettings{});
  EXPECT_TRUE(s.verdict.saturated);
  EXPECT_FALSE(s.batch_meets_deadline);
  EXPECT_EQ(s.verdict.bottleneck, "cron workers");
  EXPECT_EQ(s.http_workers, 48);  // as in OneClassByHand
}

// The ratchet's floors: 30 workers on at least 5 pods of an empty month give 5 pods of 6; 100
// workers cannot fit 5 pods of at most 8 (max_workers_per_pod), so the pods grow to 13 of 8
// (⌈100 / 8⌉ = 13, 104 workers); 5 cron workers in pods of 2 threads are 3 pods of 2.
TEST(OdooSizerTest, RatchetFloorsKeepOneShape) {
  OdooSettings settings;
  settings.min_pods = 5;
  settings.min_http_workers = 30;
  settings.min_cron_workers = 5;
  const OdooSizing a = SizeOdoo(MonthLoad{}, HeadroomPolicy{}, settings);
  EXPECT_EQ(a.pods, 5);
  EXPECT_EQ(a.workers_per_pod, 6);
  EXPECT_EQ(a.http_workers, 30);
  EXPECT_EQ(a.cron_pods, 3);
  EXPECT_EQ(a.max_cron_threads, 2);
  EXPECT_EQ(a.cron_workers, 6);
  settings.min_http_workers = 100;
  const OdooSizing b = SizeOdoo(MonthLoad{}, HeadroomPolicy{}, settings);
  EXPECT_EQ(b.pods, 13);
  EXPECT_EQ(b.workers_per_pod, 8);
  EXPECT_EQ(b.http_workers, 104);
  EXPECT_EQ(b.gevent_workers, 13);
}

// An empty month still gives a valid deployment.
TEST(OdooSizerTest, EmptyMonth) {
  const OdooSizing s = SizeOdoo(MonthLoad{}, HeadroomPolicy{}, OdooSettings{});
  EXPECT_EQ(s.pods, 3);
  EXPECT_EQ(s.workers_per_pod, 1);
  EXPECT_EQ(s.http_workers, 3);
  EXPECT_EQ(s.cron_workers, 1);
  EXPECT_FALSE(s.verdict.saturated);
  EXPECT_TRUE(s.latency.empty());
}

}  // namespace
}  // namespace headroom
