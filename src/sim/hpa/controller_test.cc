// Controller syncs end to end. The single-sync cases port kubernetes/kubernetes
// pkg/controller/podautoscaler/horizontal_test.go (TestScaleUp, TestScaleDown,
// TestScaleUpOneMetricEmpty, TestNoScaleDownOneMetricInvalid, TestScaleDownRCImmediately,
// TestMinReplicas, TestZeroReplicas); the multi-sync cases follow the documented timing: a
// 300 s scale-down window and the default scale-up policies (+4 pods or +100 % per 15 s).
#include "sim/hpa/controller.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/hpa/cpu_hpa_for_test.h"

namespace headroom::hpa {
namespace {

constexpr double kT0 = 100000;

using hpa_for_test::CpuHpa;

// `usage_m.size()` long-running Ready pods requesting `request_m` millicores each.
Observation CpuObservation(double now_s, int32_t replicas, int64_t request_m,
                           const std::vector<int64_t>& usage_m) {
  Observation o;
  o.now_s = now_s;
  o.spec_replicas = replicas;
  for (size_t i = 0; i < usage_m.size(); ++i) {
    PodState pod;
    pod.name = "pod-" + std::to_string(i);
    pod.ready = true;
    pod.start_time_s = 0;
    pod.ready_transition_s = 0;
    pod.requests_m["cpu"] = request_m;
    o.pods.push_back(pod);
    o.resource_metrics["cpu"][pod.name] = PodMetric{usage_m[i], now_s, 15};
  }
  return o;
}

// Every pod at `utilization` of its 1000m request.
Observation Uniform(double now_s, int32_t replicas, double utilization) {
  return CpuObservation(now_s, replicas, 1000,
                        std::vector<int64_t>(static_cast<size_t>(replicas),
                                             static_cast<int64_t>(utilization * 1000)));
}

// TestScaleUp: 3 pods at 50 % of a 30 % target → 5.
TEST(ControllerTest, ScaleUp) {
  Controller hpa(CpuHpa(2, 6, 30), {});
  const Decision d = hpa.Sync(CpuObservation(kT0, 3, 1000, {300, 500, 700}));
  EXPECT_TRUE(d.rescale);
  EXPECT_EQ(d.desired_replicas, 5);
  EXPECT_EQ(d.metric_replicas, 5);
  EXPECT_EQ(d.rescale_reason, "cpu resource utilization (percentage of request) above target");
  EXPECT_EQ(d.scaling_limited_reason, "DesiredWithinRange");
  ASSERT_EQ(d.metrics.size(), 1u);
  EXPECT_EQ(d.metrics[0].calculation.utilization_percent, 50);
}

// TestScaleDown: with an empty recommendation history the proposal applies at once.
TEST(ControllerTest, ScaleDownWithEmptyHistory) {
  Controller hpa(CpuHpa(2, 6, 50), {});
  hpa.SetRecommendations({});
  const Decision d = hpa.Sync(CpuObservation(kT0, 5, 1000, {100, 300, 500, 250, 250}));
  EXPECT_EQ(d.desired_replicas, 3);
  EXPECT_EQ(d.rescale_reason, "All metrics below target");
}

// Without behavior: the first sync records the current count, and for 300 s the highest
// recommendation (5) wins; stabilizeRecommendation keeps a recommendation exactly 300 s old
// (time.Before), so the scale-down happens at the sync after 300 s.
TEST(ControllerTest, DownscaleStabilizationWithoutBehavior) {
  Controller hpa(CpuHpa(2, 6, 50), {});
  for (double t = 0; t <= 300; t += 15) {
    const Decision d = hpa.Sync(CpuObservation(kT0 + t, 5, 1000, {100, 300, 500, 250, 250}));
    ASSERT_FALSE(d.rescale) << t;
    EXPECT_EQ(d.metric_replicas, 3);
    EXPECT_EQ(d.stabilized_replicas, 5) << t;
    EXPECT_EQ(d.able_to_scale_reason, "ScaleDownStabilized");
  }
  const Decision d = hpa.Sync(CpuObservation(kT0 + 315, 5, 1000, {100, 300, 500, 250, 250}));
  EXPECT_TRUE(d.rescale);
  EXPECT_EQ(d.desired_replicas, 3);
}

// With behavior (defaults: scale-down window 300 s from the controller, −100 % per 15 s), a
// recommendation exactly 300 s old has left the window (time.After), so it scales at 300 s.
TEST(ControllerTest, DownscaleStabilizationWithDefaultBehavior) {
  HpaSpec spec = CpuHpa(1, 10, 50);
  spec.behavior = Behavior{};
  ApplyDefaults(&spec);
  Controller hpa(spec, {});
  for (double t = 0; t < 300; t += 15) {
    ASSERT_FALSE(hpa.Sync(Uniform(kT0 + t, 8, 0.1)).rescale) << t;
  }
  const Decision d = hpa.Sync(Uniform(kT0 + 300, 8, 0.1));
  EXPECT_TRUE(d.rescale);
  EXPECT_EQ(d.desired_replicas, 2);  // ceil(0.2 × 8)
}

// A dip shorter than the window does not scale down: the highest recommendation wins.
TEST(ControllerTest, ShortDipDoesNotScaleDown) {
  Controller hpa(CpuHpa(1, 20, 50), {});
  for (double t = 0; t < 120; t += 15) ASSERT_FALSE(hpa.Sync(Uniform(kT0 + t, 8, 0.5)).rescale);
  for (double t = 120; t < 240; t += 15) {
    const Decision d = hpa.Sync(Uniform(kT0 + t, 8, 0.1));
    EXPECT_FALSE(d.rescale) << t;
    EXPECT_EQ(d.metric_replicas, 2);
  }
  EXPECT_FALSE(hpa.Sync(Uniform(kT0 + 240, 8, 0.5)).rescale);
}

// The default scale-up policies: max(+4 pods, +100 %) per 15 s, counted from the replicas at the
// start of the period. From 2 pods at 250 % of a 50 % target (10 wanted per pod): 6, 12, 24, 40.
TEST(ControllerTest, ScaleUpLimitedByDefaultPolicies) {
  HpaSpec spec = CpuHpa(1, 40, 50);
  spec.behavior = Behavior{};
  ApplyDefaults(&spec);
  Controller hpa(spec, {});
  int32_t replicas = 2;
  std::vector<int32_t> seen;
  for (double t = 0; t < 60; t += 15) {
    // The demand stays 2 pods × 2.5 cores = 5 cores, spread on the current replicas.
    const double utilization = 5.0 / replicas;
    const Decision d = hpa.Sync(Uniform(kT0 + t, replicas, utilization));
    replicas = d.desired_replicas;
    seen.push_back(replicas);
  }
  // 5 cores at 50 % of 1 core wants 10 pods: 2 → 6 (+4) → 10.
  EXPECT_EQ(seen, (std::vector<int32_t>{6, 10, 10, 10}));

  Controller burst(spec, {});
  std::vector<int32_t> limited;
  replicas = 2;
  for (double t = 0; t < 60; t += 15) {
    const Decision d = burst.Sync(Uniform(kT0 + t, replicas, 40.0 / replicas));  // wants 80
    replicas = d.desired_replicas;
    limited.push_back(replicas);
    EXPECT_EQ(d.scaling_limited_reason, replicas == 40 ? "TooManyReplicas" : "ScaleUpLimit");
  }
  EXPECT_EQ(limited, (std::vector<int32_t>{6, 12, 24, 40}));
}

// Without behavior the older limit applies per sync: max(2 × current, 4).
TEST(ControllerTest, ScaleUpLimitWithoutBehavior) {
  Controller hpa(CpuHpa(1, 100, 50), {});
  const Decision d = hpa.Sync(Uniform(kT0, 3, 10.0));  // wants 60
  EXPECT_EQ(d.desired_replicas, 6);
  EXPECT_EQ(d.scaling_limited_reason, "ScaleUpLimit");
}

// selectPolicy: Disabled on scale-down keeps the count however low the load.
TEST(ControllerTest, ScaleDownDisabled) {
  HpaSpec spec = CpuHpa(1, 10, 50);
  ScalingRules down;
  down.select_policy = SelectPolicy::kDisabled;
  spec.behavior = Behavior{std::nullopt, down};
  ApplyDefaults(&spec);
  Controller hpa(spec, {});
  hpa.SetRecommendations({});
  for (double t = 0; t < 900; t += 15) {
    const Decision d = hpa.Sync(Uniform(kT0 + t, 6, 0.05));
    ASSERT_FALSE(d.rescale) << t;
  }
  EXPECT_EQ(hpa.Sync(Uniform(kT0 + 900, 6, 0.05)).scaling_limited_reason, "ScaleDownLimit");
}

// A scale-up stabilisation window keeps the lowest recommendation of the window.
TEST(ControllerTest, ScaleUpStabilizationWindow) {
  HpaSpec spec = CpuHpa(1, 20, 50);
  ScalingRules up;
  up.stabilization_window_s = 60;
  spec.behavior = Behavior{up, std::nullopt};
  ApplyDefaults(&spec);
  Controller hpa(spec, {});
  hpa.SetRecommendations({});
  EXPECT_FALSE(hpa.Sync(Uniform(kT0, 4, 0.5)).rescale);  // recommends 4
  for (double t = 15; t < 60; t += 15) {
    EXPECT_FALSE(hpa.Sync(Uniform(kT0 + t, 4, 1.0)).rescale) << t;  // 8, but 4 is in the window
  }
  // At 60 s the first recommendation is exactly one window old and leaves it (time.After).
  const Decision d = hpa.Sync(Uniform(kT0 + 60, 4, 1.0));
  EXPECT_TRUE(d.rescale);
  EXPECT_EQ(d.desired_replicas, 8);
}

// Per-HPA tolerance (behavior.scaleUp.tolerance): 5 % above target scales with a 1 % tolerance.
TEST(ControllerTest, ConfigurableTolerance) {
  HpaSpec spec = CpuHpa(1, 20, 50);
  Controller plain(spec, {});
  EXPECT_FALSE(plain.Sync(Uniform(kT0, 10, 0.525)).rescale);
  ScalingRules up;
  up.tolerance = 0.01;
  spec.behavior = Behavior{up, std::nullopt};
  ApplyDefaults(&spec);
  Controller tight(spec, {});
  EXPECT_DOUBLE_EQ(tight.tolerances().scale_up, 0.01);
  EXPECT_DOUBLE_EQ(tight.tolerances().scale_down, 0.1);
  const Decision d = tight.Sync(Uniform(kT0, 10, 0.525));
  EXPECT_EQ(d.desired_replicas, 11);  // ceil(52/50 × 10) with utilisation truncated to 52 %
}

// With several metrics the largest proposal wins.
TEST(ControllerTest, LargestMetricProposalWins) {
  HpaSpec spec = CpuHpa(1, 20, 50);
  MetricSpec rps;
  rps.type = MetricSourceType::kPods;
  rps.name = "http_requests_per_second";
  rps.target.type = MetricTargetType::kAverageValue;
  rps.target.value_m = 10000;  // 10 per pod
  spec.metrics.push_back(rps);
  Controller hpa(spec, {});
  Observation o = Uniform(kT0, 4, 0.5);  // CPU proposes 4
  for (const PodState& pod : o.pods) o.pods_metrics[rps.name][pod.name] = {25000, kT0, 15};
  const Decision d = hpa.Sync(o);
  EXPECT_EQ(d.desired_replicas, 8);  // 4 pods × 25/10 = 10, capped by max(2 × 4, 4)
  EXPECT_EQ(d.metric_replicas, 10);
  EXPECT_EQ(d.metric, "pods metric http_requests_per_second");
}

// TestNoScaleDownOneMetricInvalid / TestNoScaleDownOneMetricEmpty: a failing metric blocks a
// scale-down; TestScaleUpOneMetricEmpty: it does not block a scale-up.
TEST(ControllerTest, FailingMetricBlocksOnlyScaleDown) {
  HpaSpec spec = CpuHpa(2, 6, 50);
  MetricSpec external;
  external.type = MetricSourceType::kExternal;
  external.name = "qps";
  external.target.type = MetricTargetType::kValue;
  external.target.value_m = 1000;
  spec.metrics.push_back(external);
  Controller down(spec, {});
  down.SetRecommendations({});
  const Decision d = down.Sync(CpuObservation(kT0, 5, 1000, {100, 300, 500, 250, 250}));
  EXPECT_FALSE(d.rescale);
  EXPECT_EQ(d.desired_replicas, 5);
  EXPECT_NE(d.failure.find("invalid metrics (1 invalid out of 2)"), std::string::npos) << d.failure;

  spec.metrics[0].target.average_utilization_percent = 30;
  Controller up(spec, {});
  const Decision u = up.Sync(CpuObservation(kT0, 3, 1000, {300, 400, 500}));
  EXPECT_EQ(u.desired_replicas, 4);
  EXPECT_TRUE(u.failure.empty());
}

// TestScaleDownRCImmediately / TestMinReplicas / TestZeroReplicas: out-of-range counts are
// corrected without looking at the metrics; zero replicas turns autoscaling off.
TEST(ControllerTest, OutOfRangeAndZeroReplicas) {
  Controller hpa(CpuHpa(2, 5, 50), {});
  const Decision above = hpa.Sync(Uniform(kT0, 6, 0.5));
  EXPECT_EQ(above.desired_replicas, 5);
  EXPECT_EQ(above.rescale_reason, "Current number of replicas above Spec.MaxReplicas");
  EXPECT_TRUE(above.metrics.empty());
  const Decision below = hpa.Sync(Uniform(kT0 + 15, 1, 0.5));
  EXPECT_EQ(below.desired_replicas, 2);
  const Decision zero = hpa.Sync(Uniform(kT0 + 30, 0, 0));
  EXPECT_FALSE(zero.rescale);
  EXPECT_EQ(zero.desired_replicas, 0);
  EXPECT_EQ(zero.scaling_active_reason, "ScalingDisabled");
}

// Metrics that cannot be read leave the count alone.
TEST(ControllerTest, NoMetricsNoChange) {
  Controller hpa(CpuHpa(1, 5, 50), {});
  Observation o = Uniform(kT0, 3, 0.5);
  o.resource_metrics.clear();
  const Decision d = hpa.Sync(o);
  EXPECT_FALSE(d.rescale);
  EXPECT_NE(d.failure.find("no metrics returned from resource metrics API"), std::string::npos);
}

}  // namespace
}  // namespace headroom::hpa
