// A window cut into parts against the same window run whole and against the M/M/c queue: every
// request is counted once, the utilisation and the latency agree to the sampling error, the
// timeline is continuous, and a window that cannot be cut runs whole.

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "queueing/mmc.h"
#include "sim/stack/stack_model.h"

namespace headroom::sim {
namespace {

// One pod of `workers` single-core workers, one class with exponential app CPU of mean
// `service_ms`, no database, `hourly` arrival rates: the M/M/c queue hour by hour.
StackConfig Hours(const std::vector<double>& hourly, int workers, double service_ms) {
  StackConfig c;
  c.classes = {StackClass{"web", service_ms, 0, 0, 1.0, 0, 0}};
  c.streams = {StackStream{"t", 0, hourly}};
  c.initial_pods = 1;
  c.workers_per_pod = workers;
  c.pod_cpu_cores = workers;
  c.pool_connections = workers;
  c.postgres_vcpu = 8;
  c.exponential_service = true;
  c.limit_time_real_s = 1e6;
  c.limit_memory_soft_mib = 1e9;
  c.duration_s = 3600.0 * static_cast<double>(hourly.size());
  c.timeline_step_s = 60;
  return c;
}

TEST(StackPartsTest, OnePartIsTheWholeRun) {
  const StackConfig c = Hours(std::vector<double>(4, 20.0), 4, 100.0);
  const StackResult whole = SimulateStack(c, 3);
  const StackResult one = SimulateStackInParts(c, 3, 1);
  EXPECT_EQ(one.events, whole.events);
  EXPECT_EQ(one.all.completed, whole.all.completed);
  EXPECT_EQ(one.all.p95_ms, whole.all.p95_ms);
  EXPECT_EQ(one.worker_utilisation, whole.worker_utilisation);
  EXPECT_EQ(one.timeline.size(), whole.timeline.size());
}

TEST(StackPartsTest, WindowsThatCannotBeCutRunWhole) {
  StackConfig failing = Hours(std::vector<double>(6, 20.0), 4, 100.0);
  failing.failure = StackFailure{600.0, false, 0, 60.0};
  StackConfig warm = Hours(std::vector<double>(6, 20.0), 4, 100.0);
  warm.warmup_s = 300;
  const StackConfig short_window = Hours(std::vector<double>(3, 20.0), 4, 100.0);
  for (const StackConfig& c : {failing, warm, short_window}) {
    EXPECT_EQ(SimulateStackInParts(c, 5, 2).events, SimulateStack(c, 5).events);
  }
}

// M/M/4 with λ = 30/s, S = 0.1 s for six hours, in two parts: W = 0.1 + C(4, 3) / 10 =
// 0.150943 s (Kleinrock 1975, §3.5); 648,000 arrivals expected, so the count is within four
// standard deviations (±3,220) unless a part counted its lead-in hour (+108,000) or lost the
// requests in flight at the cut.
TEST(StackPartsTest, TwoPartsOfAnMmcQueueMatchTheory) {
  const StackConfig c = Hours(std::vector<double>(6, 30.0), 4, 100.0);
  const StackResult r = SimulateStackInParts(c, 11, 2);
  const double expected = 30.0 * 6 * 3600;
  EXPECT_NEAR(static_cast<double>(r.all.completed), expected, 4 * std::sqrt(expected));
  EXPECT_DOUBLE_EQ(r.observed_s, 6 * 3600.0);
  const double mean_s = *queueing::AnalyseMmc({30.0, 0.1, 4}).mean_response_s;
  EXPECT_NEAR(mean_s, 0.150943, 1e-6);  // the published value, rounded
  EXPECT_NEAR(r.all.mean_ms / 1000.0, mean_s, 0.02 * mean_s);
  const double p95_s = *queueing::MmcResponsePercentile({30.0, 0.1, 4}, 0.95);
  EXPECT_NEAR(r.all.p95_ms / 1000.0, p95_s, 0.03 * p95_s);
  EXPECT_NEAR(r.worker_utilisation, 0.75, 0.01);
  EXPECT_NEAR(r.mean_requests_in_system, 30.0 * mean_s, 0.03 * 30.0 * mean_s);
}

// A day-like profile (quiet, busy, quiet) cut in two and run whole: the same counts, latency,
// utilisation and timeline to the sampling error, and the timeline has one point per step.
TEST(StackPartsTest, TwoPartsAgreeWithTheWholeRun) {
  const StackConfig c = Hours({5, 10, 25, 30, 30, 25, 20, 10}, 4, 100.0);
  const StackResult whole = SimulateStack(c, 21);
  const StackResult parts = SimulateStackInParts(c, 21, 2);
  const auto n = static_cast<double>(whole.all.completed);
  EXPECT_NEAR(static_cast<double>(parts.all.completed), n, 4 * std::sqrt(n));
  EXPECT_NEAR(parts.all.p95_ms, whole.all.p95_ms, 0.05 * whole.all.p95_ms);
  EXPECT_NEAR(parts.worker_utilisation, whole.worker_utilisation, 0.02 * whole.worker_utilisation);
  EXPECT_DOUBLE_EQ(parts.observed_s, whole.observed_s);
  ASSERT_EQ(parts.timeline.size(), whole.timeline.size());
  for (size_t i = 0; i < parts.timeline.size(); ++i) {
    EXPECT_DOUBLE_EQ(parts.timeline[i].time_s, whole.timeline[i].time_s);
  }
  uint64_t step_completed = 0;
  for (const TimelinePoint& p : parts.timeline) step_completed += p.completed;
  EXPECT_NEAR(static_cast<double>(step_completed), static_cast<double>(parts.all.completed),
              0.001 * n);
}

TEST(StackPartsTest, SameSeedSameResult) {
  const StackConfig c = Hours({10, 20, 30, 20}, 4, 100.0);
  const StackResult a = SimulateStackInParts(c, 9, 2);
  const StackResult b = SimulateStackInParts(c, 9, 2);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.all.p95_ms, b.all.p95_ms);
  EXPECT_EQ(a.worker_utilisation, b.worker_utilisation);
  EXPECT_NE(a.events, SimulateStackInParts(c, 10, 2).events);
}

}  // namespace
}  // namespace headroom::sim
