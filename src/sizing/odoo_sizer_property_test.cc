// Properties of SizeOdoo over a grid of loads: more load never gives fewer pods, or fewer workers
// at equal pods; tighter targets never fewer workers, the workers left after a zone loss meet the
// recovery constraints, saturated inputs give finite numbers, and sizes are deterministic.

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "common/random.h"
#include "sizing/odoo_latency.h"
#include "sizing/odoo_pool.h"
#include "sizing/odoo_sizer.h"

namespace headroom {
namespace {

ClassLoad Class(const char* name, std::array<double, 3> rates, double app_cpu_ms, double db_cpu_ms,
                double db_reads, double memory_mib, double cv, double target_ms) {
  ClassLoad c;
  c.name = name;
  c.rate_per_s = rates;
  c.app_cpu_ms = app_cpu_ms;
  c.db_cpu_ms = db_cpu_ms;
  c.db_reads = db_reads;
  c.worker_memory_mib = memory_mib;
  c.service_cv = cv;
  c.p95_target_ms = target_ms;
  return c;
}

// The built-in classes' demands, report target 12 s; `scale` multiplies every rate, session
// and batch, `tightness` divides every target.
MonthLoad Month(double scale, double tightness = 1.0) {
  MonthLoad load;
  auto rates = [&](double s, double p, double r) {
    return std::array<double, 3>{s * scale, p * scale, r * scale};
  };
  load.classes = {
      Class("interactive", rates(20, 45, 60), 90, 25, 40, 180, 1.5, 800 / tightness),
      Class("report", rates(0.2, 0.6, 0.8), 1400, 900, 4000, 900, 1.2, 12000 / tightness),
      Class("portal", rates(3, 8, 10), 70, 15, 20, 160, 1.3, 1000 / tightness),
      Class("api", rates(5, 12, 15), 45, 20, 12, 150, 1.0, 1500 / tightness),
      Class("bus", {}, 2, 1, 0, 2, 1.0, 5000)};
  load.classes.back().long_lived = true;
  load.sessions = {1500 * scale, 3000 * scale, 3000 * scale};
  load.max_sessions = 3200 * scale;
  load.batch_cpu_s = {0, 1800 * scale, 1800 * scale};
  load.heaviest_batch_cpu_s = 20000 * scale;
  load.heaviest_batch_deadline_h = 4;
  return load;
}

const std::vector<double>& Scales() {
  static const std::vector<double> kScales = {0,   0.01, 0.03, 0.1, 0.2, 0.35, 0.5, 0.75,
                                              1.0, 1.4,  2.0,  3.0, 5.0, 8.0,  13,  20};
  return kScales;
}

std::vector<HeadroomPolicy> Policies() {
  std::vector<HeadroomPolicy> out(4);
  out[1].survive_zone_loss = false;
  out[2].zones = 2;
  out[2].maintenance_reserve = 0;
  out[3].zones = 4;
  out[3].peak_max_utilisation = 0.7;
  out[3].recovery_latency_factor = 1.5;
  return out;
}

// From no load to twenty times the month (the HTTP workers, which may fall at a pod more, below).
TEST(OdooSizerPropertyTest, MoreLoadNeverFewerPodsCronWorkersOrReplicas) {
  for (const HeadroomPolicy& policy : Policies()) {
    OdooSizing previous;
    for (double scale : Scales()) {
      const OdooSizing s = SizeOdoo(Month(scale), policy, OdooSettings{});
      EXPECT_GE(s.pods, previous.pods) << scale;
      EXPECT_GE(s.cron_workers, previous.cron_workers) << scale;
      EXPECT_GE(s.hpa_max_replicas, previous.hpa_max_replicas) << scale;
      EXPECT_GE(s.app_cpu_cores_peak, previous.app_cpu_cores_peak) << scale;
      previous = s;
    }
  }
}

// On a fine grid, at a pod more, the fewest workers per pod that meet the need may be one fewer
// (at 0.87 of the month, five pods of five become six of four with the default policy): the pods
// never fall, the workers never fall at equal pods, and with more pods they fall by less than one
// per pod of the smaller load, which rounded its need up by less than that. The grid does cross
// such steps (counted), so the bound is exercised.
TEST(OdooSizerPropertyTest, MoreLoadOnAFineGridNeverLowersThePodsOrTheirWorkers) {
  int fewer_workers = 0;
  for (const HeadroomPolicy& policy : Policies()) {
    OdooSizing previous;
    for (double scale = 0.2; scale <= 6.0; scale += 0.01) {
      const OdooSizing s = SizeOdoo(Month(scale), policy, OdooSettings{});
      EXPECT_GE(s.pods, previous.pods) << scale;
      if (s.pods == previous.pods) {
        EXPECT_GE(s.http_workers, previous.http_workers) << scale;
      } else {
        EXPECT_GT(s.http_workers, previous.http_workers - previous.pods) << scale;
      }
      fewer_workers += s.http_workers < previous.http_workers;
      previous = s;
    }
  }
  EXPECT_GT(fewer_workers, 0);
}

TEST(OdooSizerPropertyTest, TighterTargetsNeverFewerWorkers) {
  for (double scale : {0.05, 0.3, 1.0, 4.0}) {
    int previous = 0;
    for (double tightness : {0.5, 1.0, 1.2, 1.4, 1.6}) {
      const OdooSizing s = SizeOdoo(Month(scale, tightness), HeadroomPolicy{}, OdooSettings{});
      EXPECT_GE(s.http_workers, previous) << scale << " " << tightness;
      previous = s.http_workers;
    }
  }
}

// On the workers left after the worst zone is lost, with the reserve held back, every class
// with a reachable target meets recovery_latency_factor × target and utilisation stays below 1;
// at the peak on all workers, the ceiling and the targets hold.
TEST(OdooSizerPropertyTest, ZoneLossSurvivorsMeetRecovery) {
  const OdooSettings settings;
  for (const HeadroomPolicy& policy : Policies()) {
    for (double scale : Scales()) {
      const MonthLoad load = Month(scale);
      const OdooSizing s = SizeOdoo(load, policy, settings);
      if (s.verdict.saturated) continue;
      const auto surviving = static_cast<int64_t>(
          std::floor(s.http_workers_after_zone_loss * (1 - policy.maintenance_reserve) + 1e-9));
      const int64_t all = static_cast<int64_t>(
          std::floor(s.http_workers * (1 - policy.maintenance_reserve) + 1e-9));
      const WorkerPool recovery = PoolAt(load, kRecovery, settings);
      const WorkerPool peak = PoolAt(load, kPeak, settings);
      EXPECT_LT(recovery.offered_load(), static_cast<double>(surviving)) << scale;
      EXPECT_LE(peak.offered_load(), policy.peak_max_utilisation * static_cast<double>(all) + 1e-9);
      const PoolWait at_recovery = PoolWaitAt(recovery, std::max<int64_t>(1, surviving));
      const PoolWait at_peak = PoolWaitAt(peak, std::max<int64_t>(1, all));
      for (const ClassLoad& c : load.classes) {
        if (c.long_lived || scale == 0) continue;
        const ClassTail tail = ClassTailFor(WorkerOccupancyMs(c, settings) / 1000, c.service_cv);
        EXPECT_TRUE(
            MeetsP95(tail, at_recovery, c.p95_target_ms * policy.recovery_latency_factor / 1000))
            << c.name << " " << scale;
        EXPECT_TRUE(MeetsP95(tail, at_peak, c.p95_target_ms / 1000)) << c.name << " " << scale;
      }
      if (policy.survive_zone_loss && policy.zones >= 2) {
        // The worst zone holds ⌈pods / zones⌉ pods.
        const int lost = (s.pods + policy.zones - 1) / policy.zones;
        EXPECT_EQ(s.http_workers_after_zone_loss, (s.pods - lost) * s.workers_per_pod);
      }
    }
  }
}

// Invariants of every result: limits cover requests, the HPA range holds `pods`, at peak each
// pod's CPU is target × request.
TEST(OdooSizerPropertyTest, ConsistentResources) {
  for (const HeadroomPolicy& policy : Policies()) {
    for (double scale : Scales()) {
      const OdooSizing s = SizeOdoo(Month(scale), policy, OdooSettings{});
      EXPECT_EQ(s.http_workers, s.pods * s.workers_per_pod);
      EXPECT_LE(s.hpa_min_replicas, s.pods);
      EXPECT_GE(s.hpa_max_replicas, s.pods);
      EXPECT_GE(s.hpa_min_replicas, 2);
      EXPECT_LE(s.pod_cpu_request_m, s.pod_cpu_limit_m);
      EXPECT_LE(s.pod_memory_request_mib, s.pod_memory_limit_mib);
      EXPECT_LE(s.limit_memory_soft_bytes, s.limit_memory_hard_bytes);
      EXPECT_EQ(s.gevent_workers, s.pods);
      EXPECT_LE(s.worker_utilisation[kPeak], policy.peak_max_utilisation);
      EXPECT_LT(s.worker_utilisation[kRecovery], 1.0);
      if (s.pod_cpu_request_m > OdooSettings{}.min_pod_cpu_request_m) {
        EXPECT_NEAR(s.app_cpu_cores_peak / s.pods,
                    s.hpa_target_cpu_utilisation * s.pod_cpu_request_m / 1000, 1e-3)
            << scale;
      }
      EXPECT_TRUE(s.batch_meets_deadline);
      EXPECT_LE(s.batch_duration_h, 4.0);
    }
  }
}

// "nan", "inf" or "infinity" as a word (fmt's spelling of non-finite numbers).
bool HasNonFiniteWord(const std::string& text) {
  std::string word;
  for (char ch : text + " ") {
    if (std::isalpha(static_cast<unsigned char>(ch))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      continue;
    }
    if (word == "nan" || word == "inf" || word == "infinity") return true;
    word.clear();
  }
  return false;
}

void ExpectFinite(const OdooSizing& s) {
  for (double x : {s.hpa_target_cpu_utilisation, s.pod_cpu_request_m, s.pod_cpu_limit_m,
                   s.pod_memory_request_mib, s.pod_memory_limit_mib, s.app_cpu_cores_peak,
                   s.batch_duration_h, s.verdict.utilisation, s.worker_utilisation[0],
                   s.worker_utilisation[1], s.worker_utilisation[2]}) {
    EXPECT_TRUE(std::isfinite(x));
    EXPECT_GE(x, 0);
  }
  for (const ClassLatency& l : s.latency) {
    EXPECT_TRUE(std::isfinite(l.p95_ms_peak));
    EXPECT_TRUE(std::isfinite(l.p95_ms_recovery));
  }
  EXPECT_GT(s.pods, 0);
  EXPECT_GT(s.http_workers, 0);
  EXPECT_GT(s.limit_memory_soft_bytes, 0);
  EXPECT_FALSE(HasNonFiniteWord(s.verdict.reason)) << s.verdict.reason;
}

TEST(OdooSizerPropertyTest, SaturatedInputsGiveFiniteNumbers) {
  // A rate beyond any number of workers.
  MonthLoad huge = Month(1e9);
  const OdooSizing a = SizeOdoo(huge, HeadroomPolicy{}, OdooSettings{});
  ExpectFinite(a);
  EXPECT_TRUE(a.verdict.saturated);
  // Absurd values everywhere.
  MonthLoad absurd = Month(1.0);
  absurd.classes[0].rate_per_s = {1e300, 1e300, 1e300};
  absurd.classes[0].service_cv = 1e9;
  absurd.classes[1].app_cpu_ms = 1e300;
  absurd.sessions = {1e300, 1e300, 1e300};
  absurd.heaviest_batch_cpu_s = 1e300;
  const OdooSizing b = SizeOdoo(absurd, HeadroomPolicy{}, OdooSettings{});
  ExpectFinite(b);
  EXPECT_TRUE(b.verdict.saturated);
  // An impossible target: 1 ms for interactive.
  MonthLoad impossible = Month(1.0);
  impossible.classes[0].p95_target_ms = 1;
  const OdooSizing c = SizeOdoo(impossible, HeadroomPolicy{}, OdooSettings{});
  ExpectFinite(c);
  EXPECT_TRUE(c.verdict.saturated);
  EXPECT_FALSE(c.latency[0].meets_target);
  // Odd policy values are clamped, never divided by.
  HeadroomPolicy odd;
  odd.zones = 0;
  odd.maintenance_reserve = 1.0;
  odd.sustained_max_utilisation = 0;
  odd.peak_max_utilisation = 2;
  const OdooSizing d = SizeOdoo(Month(1.0), odd, OdooSettings{});
  ExpectFinite(d);
}

// Random months (seeded): mixes of 1 to 6 classes with rates, demands, cvs and targets over
// wide ranges, random policies. Every result is finite and self-consistent, and when it is not
// saturated the survivors of a zone loss meet the recovery limits.
TEST(OdooSizerPropertyTest, RandomMonthsAreConsistent) {
  RandomStream random(7, "odoo-sizer-property");
  auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * random.NextUniform(); };
  auto log_uniform = [&](double lo, double hi) {
    return std::exp(uniform(std::log(lo), std::log(hi)));
  };
  const OdooSettings settings;
  int checked = 0;
  for (int trial = 0; trial < 400; ++trial) {
    MonthLoad load;
    const int classes = 1 + static_cast<int>(random.NextU64() % 6);
    for (int i = 0; i < classes; ++i) {
      const double peak = log_uniform(1e-3, 300);
      const double app_ms = log_uniform(1, 3000);
      const double db_ms = log_uniform(1, 2000);
      const double reads = log_uniform(0.1, 5000);
      const double service_ms = app_ms + db_ms + reads * settings.db_io_ms_per_read + 3;
      load.classes.push_back(Class("c", {peak * uniform(0.1, 1), peak, peak * uniform(1, 1.5)},
                                   app_ms, db_ms, reads, log_uniform(50, 2000), uniform(0, 3),
                                   service_ms * log_uniform(2, 50)));
    }
    load.sessions = {uniform(0, 1e4), uniform(0, 3e4), uniform(0, 3e4)};
    load.heaviest_batch_cpu_s = log_uniform(1, 1e6);
    load.heaviest_batch_deadline_h = uniform(0.5, 24);
    HeadroomPolicy policy;
    policy.zones = 1 + static_cast<int>(random.NextU64() % 4);
    policy.survive_zone_loss = random.NextUniform() < 0.7;
    policy.maintenance_reserve = uniform(0, 0.3);
    policy.peak_max_utilisation = uniform(0.5, 0.95);
    policy.recovery_latency_factor = uniform(1, 3);
    const OdooSizing s = SizeOdoo(load, policy, settings);
    ExpectFinite(s);
    EXPECT_EQ(s.http_workers, s.pods * s.workers_per_pod);
    EXPECT_LE(s.pod_cpu_request_m, s.pod_cpu_limit_m);
    EXPECT_LE(s.pod_memory_request_mib, s.pod_memory_limit_mib);
    EXPECT_LE(s.hpa_min_replicas, s.pods);
    EXPECT_GE(s.hpa_max_replicas, s.pods);
    if (s.verdict.saturated) continue;
    ++checked;
    const WorkerPool recovery = PoolAt(load, kRecovery, settings);
    const auto surviving = static_cast<int64_t>(
        std::floor(s.http_workers_after_zone_loss * (1 - policy.maintenance_reserve) + 1e-9));
    EXPECT_LT(recovery.offered_load(), static_cast<double>(surviving)) << trial;
    const PoolWait wait = PoolWaitAt(recovery, std::max<int64_t>(1, surviving));
    for (const ClassLoad& c : load.classes) {
      const ClassTail tail = ClassTailFor(WorkerOccupancyMs(c, settings) / 1000, c.service_cv);
      EXPECT_TRUE(MeetsP95(tail, wait, c.p95_target_ms * policy.recovery_latency_factor / 1000))
          << trial;
    }
    for (const ClassLatency& l : s.latency) EXPECT_TRUE(l.meets_target) << trial;
  }
  EXPECT_GE(checked, 200);  // most draws have reachable targets
}

TEST(OdooSizerPropertyTest, Deterministic) {
  for (double scale : {0.1, 1.0, 7.0}) {
    const OdooSizing a = SizeOdoo(Month(scale), HeadroomPolicy{}, OdooSettings{});
    const OdooSizing b = SizeOdoo(Month(scale), HeadroomPolicy{}, OdooSettings{});
    EXPECT_EQ(a.http_workers, b.http_workers);
    EXPECT_EQ(a.pods, b.pods);
    EXPECT_EQ(a.pod_cpu_request_m, b.pod_cpu_request_m);
    EXPECT_EQ(a.pod_memory_request_mib, b.pod_memory_request_mib);
    EXPECT_EQ(a.verdict.reason, b.verdict.reason);
    ASSERT_EQ(a.latency.size(), b.latency.size());
    for (size_t i = 0; i < a.latency.size(); ++i) {
      EXPECT_EQ(a.latency[i].p95_ms_peak, b.latency[i].p95_ms_peak);
      EXPECT_EQ(a.latency[i].p95_ms_recovery, b.latency[i].p95_ms_recovery);
    }
  }
}

}  // namespace
}  // namespace headroom
