#include "sim/hpa/replay.h"

#include <gtest/gtest.h>

#include <string>

#include "sim/hpa/cpu_hpa_for_test.h"

namespace headroom::hpa {
namespace {

using hpa_for_test::CpuHpa;

LoadTrace Cores(std::vector<LoadPoint> points) { return {LoadUnit::kCpuCores, std::move(points)}; }

// Load exactly at the target: nothing moves, nothing is lost.
TEST(ReplayTest, SteadyLoadAtTarget) {
  const Result<ReplayReport> r =
      Replay(Cores({{0, 4}, {600, 4}}), CpuHpa(8, 20, 50), ReplayOptions{});
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  const ReplayReport& report = r.value();
  EXPECT_EQ(report.syncs.size(), 80u);  // 1200 s / 15 s
  EXPECT_EQ(report.scale_ups + report.scale_downs, 0);
  EXPECT_DOUBLE_EQ(report.under_provisioned_s, 0);
  EXPECT_EQ(report.slo_minutes_lost, 0);
  EXPECT_DOUBLE_EQ(report.pod_seconds, 8 * 1200.0);
  EXPECT_DOUBLE_EQ(report.capacity_per_pod, 1.0);  // a cpu_cores trace: the 1000m request
}

// A step from 2 to 8 cores at 300 s, 4 pods at a 50 % target (16 wanted):
//  300 s: 4 Ready pods at 200 % → ratio 4, 16 wanted, limited to max(2 × 4, 4) = 8;
//  315 s: the 4 new pods are not Ready and count as 0 % → (8000 m)/(8 × 1000 m) = 100 % →
//         ceil(2 × 8) = 16, the limit;
//  330 s: 4 pods just Ready (sample younger than a window) and 8 starting: the filled-in ratio
//         reverses direction → 16 stays; 345 s: 16 Ready at 50 %.
// Under-provisioned (load > Ready × 1 core × 50 %) from 300 to 345 s; utilisation above 100 %
// from 300 to 330 s (4 Ready pods, 8 cores), within minute 5.
TEST(ReplayTest, StepUpTimeline) {
  const Result<ReplayReport> r =
      Replay(Cores({{0, 2}, {300, 8}, {900, 8}}), CpuHpa(4, 20, 50), ReplayOptions{});
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  const ReplayReport& report = r.value();
  const auto& s = report.syncs;
  ASSERT_EQ(s.size(), 100u);
  EXPECT_EQ(s[20].time_s, 300);
  EXPECT_EQ(s[20].decision.desired_replicas, 8);
  EXPECT_EQ(s[20].decision.scaling_limited_reason, "ScaleUpLimit");
  EXPECT_EQ(s[21].decision.desired_replicas, 16);
  ASSERT_EQ(s[21].decision.metrics.size(), 1u);
  EXPECT_DOUBLE_EQ(*s[21].decision.metrics[0].calculation.adjusted_usage_ratio, 2.0);
  EXPECT_FALSE(s[22].decision.rescale);
  EXPECT_EQ(s[22].decision.metrics[0].calculation.outcome, ReplicaOutcome::kDirectionFlipped);
  EXPECT_EQ(s[22].unready_pods, 12);  // 4 just Ready (sample younger than a window), 8 starting
  EXPECT_EQ(s[23].ready_replicas, 16);
  EXPECT_DOUBLE_EQ(s[23].utilisation, 0.5);
  EXPECT_EQ(report.peak_replicas, 16);
  EXPECT_EQ(report.scale_ups, 2);
  EXPECT_EQ(report.scale_downs, 0);
  EXPECT_DOUBLE_EQ(report.under_provisioned_s, 45);
  EXPECT_DOUBLE_EQ(report.beyond_tolerance_s, 45);  // 8 cores > Ready × 0.55 until 345 s
  EXPECT_DOUBLE_EQ(report.over_slo_s, 30);
  EXPECT_EQ(report.slo_minutes_lost, 1);
  EXPECT_DOUBLE_EQ(report.peak_utilisation, 2.0);
  EXPECT_DOUBLE_EQ(report.pod_seconds, 4 * 300.0 + 8 * 15.0 + 16 * 1185.0);
}

// Load falls at 600 s: the last recommendation of 16 is at 585 s; without behavior the window
// keeps a recommendation exactly 300 s old, so the scale-down to minReplicas comes at 900 s.
TEST(ReplayTest, ScaleDownWaitsForTheStabilisationWindow) {
  ReplayOptions options;
  options.initial_replicas = 16;
  const Result<ReplayReport> r =
      Replay(Cores({{0, 8}, {600, 2}, {1200, 2}}), CpuHpa(4, 20, 50), options);
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  for (const ReplaySync& s : r.value().syncs) {
    EXPECT_EQ(s.decision.rescale, s.time_s == 900) << s.time_s;
    if (s.time_s == 900) {
      EXPECT_EQ(s.decision.desired_replicas, 4);
    }
  }
  EXPECT_EQ(r.value().scale_downs, 1);
  EXPECT_DOUBLE_EQ(r.value().under_provisioned_s, 0);
}

// Inside the tolerance band the HPA does not move: 4.2 cores on 8 pods is 52.5 % of a 50 %
// target, under-provisioned by the strict definition but not beyond the 10 % tolerance.
TEST(ReplayTest, ToleranceSlackIsReportedApart) {
  const ReplayReport r = Replay(Cores({{0, 4.2}, {600, 4.2}}), CpuHpa(8, 20, 50), {}).value();
  EXPECT_EQ(r.scale_ups + r.scale_downs, 0);
  EXPECT_DOUBLE_EQ(r.under_provisioned_s, 1200);
  EXPECT_DOUBLE_EQ(r.beyond_tolerance_s, 0);
  EXPECT_DOUBLE_EQ(r.scale_up_tolerance, 0.1);
}

// Overloads at 30–40 s and 50–70 s touch minutes 0 and 1: two SLO minutes lost, 30 s over.
TEST(ReplayTest, SloMinutesCountWholeMinutesOnce) {
  const ReplayReport r = Replay(Cores({{0, 1}, {30, 100}, {40, 1}, {50, 100}, {70, 1}, {200, 1}}),
                                CpuHpa(2, 2, 50), {})
                             .value();
  EXPECT_DOUBLE_EQ(r.over_slo_s, 30);
  EXPECT_EQ(r.slo_minutes_lost, 2);
  EXPECT_DOUBLE_EQ(r.peak_utilisation, 50);
}

// A slower start-up leaves the pods short for longer.
TEST(ReplayTest, SlowerStartUpIsUnderProvisionedLonger) {
  const LoadTrace trace = Cores({{0, 2}, {300, 8}, {900, 8}});
  ReplayOptions fast;
  ReplayOptions slow;
  slow.startup_s = 120;
  const double fast_s = Replay(trace, CpuHpa(4, 20, 50), fast).value().under_provisioned_s;
  const double slow_s = Replay(trace, CpuHpa(4, 20, 50), slow).value().under_provisioned_s;
  EXPECT_GT(slow_s, fast_s);
  EXPECT_GE(slow_s, 120);
}

// A requests trace scales by the capacity per pod: 400 requests/s at 50 requests/s per pod at
// its request and a 50 % target needs 16 pods.
TEST(ReplayTest, RequestsTraceUsesCapacity) {
  ReplayOptions options;
  options.capacity_per_pod = 50;
  options.initial_replicas = 16;
  const Result<ReplayReport> r =
      Replay({LoadUnit::kRequestsPerS, {{0, 400}, {600, 400}}}, CpuHpa(4, 20, 50), options);
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  EXPECT_DOUBLE_EQ(r.value().syncs[0].utilisation, 0.5);
  EXPECT_EQ(r.value().scale_ups + r.value().scale_downs, 0);
  EXPECT_EQ(r.value().syncs[0].decision.metrics[0].calculation.utilization_percent, 50);
}

TEST(ReplayTest, RefusesWhatItCannotReplay) {
  const LoadTrace requests{LoadUnit::kRequestsPerS, {{0, 1}, {60, 1}}};
  const Result<ReplayReport> no_capacity = Replay(requests, CpuHpa(1, 5, 50), {});
  ASSERT_FALSE(no_capacity.ok());
  EXPECT_NE(no_capacity.error().message.find("capacity per pod"), std::string::npos);

  HpaSpec pods = CpuHpa(1, 5, 50);
  pods.metrics[0].type = MetricSourceType::kPods;
  pods.metrics[0].name = "http_requests";
  const Result<ReplayReport> pods_metric = Replay(Cores({{0, 1}, {60, 1}}), pods, {});
  ASSERT_FALSE(pods_metric.ok());
  EXPECT_EQ(pods_metric.error().message,
            "the replay produces CPU samples only; the HPA's Pods metric 'http_requests' would "
            "have no data");

  ReplayOptions bad;
  bad.cpu_request_m = 0;
  bad.startup_s = -1;
  const Result<ReplayReport> options = Replay(Cores({{0, 1}, {60, 1}}), CpuHpa(1, 5, 50), bad);
  ASSERT_FALSE(options.ok());
  EXPECT_EQ(options.errors().size(), 2u);

  EXPECT_EQ(Replay(Cores({{0, 1}, {1e9, 1}}), CpuHpa(1, 5, 50), {}).error().message,
            "the trace spans 133333334 syncs of 15 s; at most 1000000 are replayed");

  ReplayOptions outside;
  outside.initial_replicas = 9;
  EXPECT_FALSE(Replay(Cores({{0, 1}, {60, 1}}), CpuHpa(1, 5, 50), outside).ok());
}

TEST(ReplayTest, Deterministic) {
  const LoadTrace trace = Cores({{0, 1}, {90, 7}, {400, 3}, {700, 12}, {1000, 0.5}, {1600, 1}});
  HpaSpec spec = CpuHpa(2, 30, 60);
  spec.behavior = Behavior{};
  ApplyDefaults(&spec);
  const ReplayReport a = Replay(trace, spec, {}).value();
  const ReplayReport b = Replay(trace, spec, {}).value();
  ASSERT_EQ(a.syncs.size(), b.syncs.size());
  for (size_t i = 0; i < a.syncs.size(); ++i) {
    EXPECT_EQ(a.syncs[i].decision.desired_replicas, b.syncs[i].decision.desired_replicas);
  }
  EXPECT_DOUBLE_EQ(a.under_provisioned_s, b.under_provisioned_s);
  EXPECT_GT(a.scale_ups, 0);
  EXPECT_GT(a.scale_downs, 0);
}

}  // namespace
}  // namespace headroom::hpa
