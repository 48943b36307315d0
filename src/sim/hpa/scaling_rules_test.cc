// Ported from kubernetes/kubernetes pkg/controller/podautoscaler/horizontal_test.go:
// TestConvertDesiredReplicasWithRules, TestCalculateScaleUpLimitWithScalingRules,
// TestCalculateScaleDownLimitWithBehaviors, TestNormalizeDesiredReplicas, TestScalingWithRules,
// TestStoreScaleEvents and TestNormalizeDesiredReplicasWithBehavior, with their fixtures
// (generateScalingRules, generateEventsUniformDistribution) and expected values. time.Now() is
// the fixed kRulesNowS.
#include "sim/hpa/scaling_rules.h"

#include <gtest/gtest.h>

#include <vector>

namespace headroom::hpa {
namespace {

constexpr double kRulesNowS = 1e6;

// generateScalingRules: a Pods and/or a Percent policy (a zero value leaves it out), Max.
ScalingRules Rules(int32_t pods, int32_t pods_period, int32_t percent, int32_t percent_period,
                   int32_t window) {
  ScalingRules r;
  r.stabilization_window_s = window;
  r.select_policy = SelectPolicy::kMax;
  std::vector<ScalingPolicy> policies;
  if (pods != 0) policies.push_back({ScalingPolicyType::kPods, pods, pods_period});
  if (percent != 0) policies.push_back({ScalingPolicyType::kPercent, percent, percent_period});
  if (!policies.empty()) r.policies = policies;
  return r;
}

// generateEventsUniformDistribution: events spread over the last `period_s`, each in the middle
// of its segment (whole seconds, as time.Duration truncates).
std::vector<TimestampedScaleEvent> Events(const std::vector<int32_t>& changes, int period_s) {
  std::vector<TimestampedScaleEvent> events;
  const double segment = static_cast<double>(period_s) / static_cast<double>(changes.size());
  for (size_t i = 0; i < changes.size(); ++i) {
    const auto ago =
        static_cast<int64_t>(period_s - segment * static_cast<double>(i + 1) + segment / 2);
    events.push_back({changes[i], kRulesNowS - static_cast<double>(ago), false});
  }
  return events;
}

TEST(ScalingRulesTest, ConvertDesiredReplicasWithRules) {
  struct Case {
    int32_t current, desired, min, max, expected;
    std::string_view reason;
  };
  const Case cases[] = {
      {5, 7, 3, 8, 7, "DesiredWithinRange"},  {3, 1, 2, 8, 2, "TooFewReplicas"},
      {1, 0, 0, 10, 0, "DesiredWithinRange"}, {20, 1000, 1, 10, 10, "TooManyReplicas"},
      {3, 1000, 1, 2000, 6, "ScaleUpLimit"},  // calculateScaleUpLimit(3) = max(6, 4)
  };
  for (const Case& c : cases) {
    const ReasonedReplicas r = ConvertDesiredReplicasWithRules(c.current, c.desired, c.min, c.max);
    EXPECT_EQ(r.replicas, c.expected) << c.current << "→" << c.desired;
    EXPECT_EQ(r.reason, c.reason) << c.current << "→" << c.desired;
  }
  EXPECT_EQ(CalculateScaleUpLimit(1), 4);
  EXPECT_EQ(CalculateScaleUpLimit(10), 20);
}

TEST(ScalingRulesTest, SelectPolicyMinPicksTheSmallestChange) {
  ScalingRules rules;
  rules.select_policy = SelectPolicy::kMin;
  rules.policies = std::vector<ScalingPolicy>{{ScalingPolicyType::kPods, 2, 60},
                                              {ScalingPolicyType::kPercent, 50, 60}};
  // Up from 1: +2 pods → 3, +50 % → ceil(1.5) = 2; Min picks 2.
  EXPECT_EQ(CalculateScaleUpLimitWithScalingRules(1, {}, {}, rules, kRulesNowS), 2);
  // Down from 5: −2 pods → 3, −50 % → 2 (truncated); Min picks 3.
  EXPECT_EQ(CalculateScaleDownLimitWithBehaviors(5, {}, {}, rules, kRulesNowS), 3);
  rules.select_policy = SelectPolicy::kMax;
  EXPECT_EQ(CalculateScaleUpLimitWithScalingRules(1, {}, {}, rules, kRulesNowS), 3);
  EXPECT_EQ(CalculateScaleDownLimitWithBehaviors(5, {}, {}, rules, kRulesNowS), 2);
  rules.select_policy = SelectPolicy::kDisabled;
  EXPECT_EQ(CalculateScaleUpLimitWithScalingRules(1, {}, {}, rules, kRulesNowS), 1);
  EXPECT_EQ(CalculateScaleDownLimitWithBehaviors(5, {}, {}, rules, kRulesNowS), 5);
}

// TestNormalizeDesiredReplicas: the 5 min downscale stabilisation without behavior.
TEST(ScalingRulesTest, StabilizeRecommendationWithoutBehavior) {
  struct Case {
    const char* name;
    std::vector<TimestampedRecommendation> recommendations;
    int32_t desired, expected;
    size_t log_length;
  };
  const Case cases[] = {
      {"empty log", {}, 5, 5, 1},
      {"stabilize", {{4, kRulesNowS - 120}, {5, kRulesNowS - 60}}, 3, 5, 3},
      {"no stabilize", {{1, kRulesNowS - 120}, {2, kRulesNowS - 60}}, 3, 3, 3},
      {"no stabilize - old recommendations",
       {{10, kRulesNowS - 600}, {9, kRulesNowS - 540}},
       3,
       3,
       2},
      {"stabilize - old recommendations",
       {{10, kRulesNowS - 600}, {4, kRulesNowS - 60}, {5, kRulesNowS - 120}, {9, kRulesNowS - 540}},
       3,
       5,
       4},
  };
  for (Case c : cases) {
    EXPECT_EQ(StabilizeRecommendation(&c.recommendations, c.desired, 300, kRulesNowS), c.expected)
        << c.name;
    EXPECT_EQ(c.recommendations.size(), c.log_length) << c.name;
  }
}

struct RulesCase {
  const char* name;
  std::vector<TimestampedScaleEvent> up_events;
  std::vector<TimestampedScaleEvent> down_events;
  int32_t min, max;
  std::optional<ScalingRules> up_rules, down_rules;
  int32_t current, desired, expected;
  std::string_view reason;
};

// TestScalingWithRules: convertDesiredReplicasWithBehaviorRate with the default rules filled in
// by GenerateHPAScaleUpRules / GenerateHPAScaleDownRules.
TEST(ScalingRulesTest, ScalingWithRules) {
  const std::vector<RulesCase> cases = {
      {"within range", {}, {}, 3, 8, {}, {}, 5, 7, 7, "DesiredWithinRange"},
      {"< minReplicas", {}, {}, 2, 8, {}, {}, 3, 1, 2, "TooFewReplicas"},
      {"within range when minReplicas is 0", {}, {}, 0, 10, {}, {}, 1, 0, 0, "DesiredWithinRange"},
      {"maxReplicas < scaleUpLimit", {}, {}, 1, 10, {}, {}, 20, 1000, 10, "TooManyReplicas"},
      {"more than the maximum", {}, {}, 100, 150, {}, {}, 100, 1000, 150, "TooManyReplicas"},
      {"scaleUpLimit with user policies",
       {},
       {},
       1,
       2000,
       Rules(0, 0, 1, 60, 0),
       {},
       3,
       1000,
       4,
       "ScaleUpLimit"},
      {"scaleDownLimit with user policies",
       {},
       {},
       3,
       2000,
       {},
       Rules(20, 60, 0, 0, 0),
       1000,
       3,
       980,
       "ScaleDownLimit"},
      {"scaleUp with default behavior", {}, {}, 1, 1000, {}, {}, 10, 50, 20, "ScaleUpLimit"},
      {"pods policy larger than percent",
       {},
       {},
       1,
       1000,
       Rules(100, 60, 100, 60, 0),
       {},
       10,
       500,
       110,
       "ScaleUpLimit"},
      {"percent policy larger than pods",
       {},
       {},
       1,
       1000,
       Rules(2, 60, 100, 60, 0),
       {},
       10,
       500,
       20,
       "ScaleUpLimit"},
      {"large pod policy",
       {},
       {},
       1,
       1000,
       Rules(100, 60, 0, 0, 0),
       {},
       10,
       50,
       50,
       "DesiredWithinRange"},
      {"large percent policy",
       {},
       {},
       1,
       1000,
       Rules(10000, 60, 0, 0, 0),
       {},
       10,
       50,
       50,
       "DesiredWithinRange"},
      {"pod policy limitation",
       {},
       {},
       1,
       1000,
       Rules(30, 60, 0, 0, 0),
       {},
       10,
       50,
       40,
       "ScaleUpLimit"},
      {"percent policy limitation",
       {},
       {},
       1,
       1000,
       Rules(0, 0, 200, 60, 0),
       {},
       10,
       50,
       30,
       "ScaleUpLimit"},
      {"scaleDown percent larger than pods",
       {},
       {},
       1,
       1000,
       {},
       Rules(20, 60, 1, 60, 300),
       100,
       2,
       80,
       "ScaleDownLimit"},
      {"scaleDown pods larger than percent",
       {},
       {},
       1,
       1000,
       {},
       Rules(2, 60, 1, 60, 300),
       100,
       2,
       98,
       "ScaleDownLimit"},
      {"scaleDown MinReplicas with large pod policy",
       {},
       {},
       1,
       1000,
       {},
       Rules(100, 60, 0, 0, 300),
       10,
       0,
       1,
       "TooFewReplicas"},
      {"scaleDown MinReplicas with large percent policy",
       {},
       {},
       5,
       1000,
       {},
       Rules(0, 0, 100, 60, 300),
       10,
       2,
       5,
       "TooFewReplicas"},
      {"scaleDown pod policy limitation",
       {},
       {},
       1,
       1000,
       {},
       Rules(5, 60, 0, 0, 300),
       10,
       2,
       5,
       "ScaleDownLimit"},
      {"scaleDown percent policy limitation",
       {},
       {},
       1,
       1000,
       {},
       Rules(0, 0, 50, 60, 300),
       10,
       5,
       5,
       "DesiredWithinRange"},
      // With PeriodSeconds and earlier events.
      {"MaxReplicas with large pod policy and events",
       Events({1, 5, 9}, 120),
       {},
       1,
       200,
       Rules(300, 60, 0, 0, 0),
       {},
       100,
       500,
       200,
       "TooManyReplicas"},
      {"MaxReplicas with large percent policy and events",
       Events({1, 5, 9}, 120),
       {},
       1,
       200,
       Rules(0, 0, 10000, 60, 0),
       {},
       100,
       500,
       200,
       "TooManyReplicas"},
      {"currentReplicas limitation with a lot of recent scale up events",
       Events({1, 5, 9}, 120),
       {},
       1,
       1000,
       Rules(5, 120, 0, 0, 0),
       {},
       100,
       500,
       100,
       "ScaleUpLimit"},
      {"pod policy and previous scale up events",
       Events({1, 5, 9}, 120),
       {},
       1,
       1000,
       Rules(150, 120, 0, 0, 0),
       {},
       100,
       500,
       235,
       "ScaleUpLimit"},  // 100 − 15 + 150
      {"percent policy and previous scale up events",
       Events({1, 5, 9}, 120),
       {},
       1,
       1000,
       Rules(0, 0, 200, 120, 0),
       {},
       100,
       500,
       255,
       "ScaleUpLimit"},  // (100 − 15) × 3
      {"percent policy and previous scale up and down events",
       Events({4}, 120),
       Events({2}, 120),
       1,
       1000,
       Rules(0, 0, 300, 300, 0),
       {},
       6,
       24,
       16,
       "ScaleUpLimit"},  // (6 − 4 + 2) × 4
      {"scaleDown default policy and previous events",
       {},
       Events({1, 5, 9}, 120),
       1,
       1000,
       {},
       {},
       10,
       5,
       5,
       "DesiredWithinRange"},
      {"scaleDown MinReplicas=nil, large pod policy, events",
       {},
       Events({1, 5, 9}, 120),
       1,
       1000,
       {},
       Rules(115, 120, 0, 0, 300),
       100,
       0,
       1,
       "TooFewReplicas"},
      {"scaleDown MinReplicas, large pod policy, events",
       {},
       Events({1, 5, 9}, 120),
       5,
       1000,
       {},
       Rules(130, 120, 0, 0, 300),
       100,
       0,
       5,
       "TooFewReplicas"},
      {"scaleDown MinReplicas, large percent policy, events",
       {},
       Events({1, 5, 9}, 120),
       5,
       1000,
       {},
       Rules(0, 0, 100, 120, 300),
       100,
       2,
       5,
       "TooFewReplicas"},
      {"scaleDown pod policy limitation and previous events",
       {},
       Events({1, 5, 9}, 120),
       1,
       1000,
       {},
       Rules(5, 120, 0, 0, 300),
       100,
       2,
       100,
       "ScaleDownLimit"},  // 100 + 15 − 5
      {"scaleDown percent policy limitation and previous events",
       {},
       Events({2, 4, 6}, 120),
       1,
       1000,
       {},
       Rules(0, 0, 50, 120, 300),
       100,
       0,
       56,
       "ScaleDownLimit"},  // (100 + 12) / 2
      {"scaleDown percent policy and previous scale up and down events",
       Events({2}, 120),
       Events({4}, 120),
       1,
       1000,
       {},
       Rules(0, 0, 50, 180, 0),
       10,
       1,
       6,
       "ScaleDownLimit"},  // (10 − 2 + 4) / 2
      {"previous events preventing further scale down",
       {},
       Events({10, 10, 10}, 120),
       1,
       1000,
       {},
       Rules(0, 0, 10, 120, 300),
       100,
       0,
       100,
       "ScaleDownLimit"},
      {"previous events still allowing more scale down",
       {},
       Events({10, 10, 10}, 120),
       1,
       1000,
       {},
       Rules(0, 0, 1000, 120, 300),
       10,
       5,
       5,
       "DesiredWithinRange"},
      {"'outdated' flag for one behavior for up",
       Events({8, 12, 9, 11}, 120),
       {},
       1,
       1000,
       Rules(1000, 60, 0, 0, 0),
       {},
       100,
       200,
       200,
       "DesiredWithinRange"},
      {"events not 'outdated' for two policies for up",
       Events({8, 12, 9, 11}, 120),
       {},
       1,
       1000,
       Rules(1000, 120, 100, 60, 0),
       {},
       100,
       200,
       200,
       "DesiredWithinRange"},
      {"events 'outdated' for two policies for up",
       Events({8, 12, 9, 11}, 120),
       {},
       1,
       1000,
       Rules(1000, 30, 100, 60, 0),
       {},
       100,
       200,
       200,
       "DesiredWithinRange"},
      {"'outdated' flag for one behavior for down",
       {},
       Events({8, 12, 9, 11}, 120),
       1,
       1000,
       {},
       Rules(1000, 60, 0, 0, 300),
       100,
       5,
       5,
       "DesiredWithinRange"},
      {"events not 'outdated' for two policies for down",
       {},
       Events({8, 12, 9, 11}, 120),
       1,
       1000,
       {},
       Rules(1000, 120, 100, 60, 300),
       100,
       5,
       5,
       "DesiredWithinRange"},
      {"events 'outdated' for two policies for down",
       {},
       Events({8, 12, 9, 11}, 120),
       1,
       1000,
       {},
       Rules(1000, 30, 100, 60, 300),
       100,
       5,
       5,
       "DesiredWithinRange"},
  };
  for (const RulesCase& c : cases) {
    NormalizationArg arg;
    arg.scale_up = GenerateScaleUpRules(c.up_rules);
    arg.scale_down = GenerateScaleDownRules(c.down_rules);
    arg.min_replicas = c.min;
    arg.max_replicas = c.max;
    arg.current_replicas = c.current;
    arg.desired_replicas = c.desired;
    const ReasonedReplicas r =
        ConvertDesiredReplicasWithBehaviorRate(arg, c.up_events, c.down_events, kRulesNowS);
    EXPECT_EQ(r.replicas, c.expected) << c.name;
    EXPECT_EQ(r.reason, c.reason) << c.name;
  }
}

// TestStoreScaleEvents: the events kept, replaced and marked outdated.
TEST(ScalingRulesTest, StoreScaleEvents) {
  struct Case {
    const char* name;
    std::vector<TimestampedScaleEvent> previous;
    std::vector<TimestampedScaleEvent> expected;  // timestamps not compared
    std::optional<ScalingRules> rules;
    int32_t change_in_last_60_s;
  };
  const std::vector<Case> cases = {
      {"empty entries with default behavior", {}, {}, std::nullopt, 0},
      {"empty entries with two-policy-behavior", {}, {{5, 0, false}}, Rules(10, 60, 100, 60, 0), 0},
      {"one outdated entry to be kept untouched without behavior",
       {{7, kRulesNowS - 61, false}},
       {{7, 0, false}},
       std::nullopt,
       0},
      {"one outdated entry to be replaced with behavior",
       {{7, kRulesNowS - 61, false}},
       {{5, 0, false}},
       Rules(10, 60, 100, 60, 0),
       0},
      {"one actual entry to be not touched with behavior",
       {{7, kRulesNowS - 58, false}},
       {{7, 0, false}, {5, 0, false}},
       Rules(10, 60, 100, 60, 0),
       7},
      {"two entries, one of them to be replaced",
       {{7, kRulesNowS - 61, false}, {6, kRulesNowS - 59, false}},
       {{5, 0, false}, {6, 0, false}},
       Rules(10, 60, 0, 0, 0),
       6},
      {"replace one entry, use policies with different periods",
       {{8, kRulesNowS - 29, false},
        {6, kRulesNowS - 59, false},
        {7, kRulesNowS - 61, false},
        {9, kRulesNowS - 61, false}},
       {{8, 0, false}, {6, 0, false}, {7, 0, true}, {5, 0, false}},
       Rules(10, 60, 100, 30, 0),
       14},
      {"two entries, both actual",
       {{7, kRulesNowS - 58, false}, {6, kRulesNowS - 59, false}},
       {{7, 0, false}, {6, 0, false}, {5, 0, false}},
       Rules(10, 120, 100, 30, 0),
       13},
  };
  for (const Case& c : cases) {
    for (const bool up : {true, false}) {
      std::optional<Behavior> behavior;
      if (c.rules) {
        behavior = Behavior{};
        (up ? behavior->scale_up : behavior->scale_down) = c.rules;
      }
      std::vector<TimestampedScaleEvent> events = c.previous;
      std::vector<TimestampedScaleEvent> other;
      EXPECT_EQ(GetReplicasChangePerPeriod(60, events, kRulesNowS), c.change_in_last_60_s)
          << c.name;
      if (up) {
        StoreScaleEvent(behavior, &events, &other, 10, 15, kRulesNowS);
      } else {
        StoreScaleEvent(behavior, &other, &events, 10, 5, kRulesNowS);
      }
      ASSERT_EQ(events.size(), c.expected.size()) << c.name;
      for (size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(events[i].replica_change, c.expected[i].replica_change) << c.name << " " << i;
        EXPECT_EQ(events[i].outdated, c.expected[i].outdated) << c.name << " " << i;
      }
      EXPECT_TRUE(other.empty()) << c.name;
    }
  }
}

// TestNormalizeDesiredReplicasWithBehavior: stabilizeRecommendationWithBehaviors.
TEST(ScalingRulesTest, StabilizeRecommendationWithBehaviors) {
  struct Case {
    const char* name;
    std::vector<TimestampedRecommendation> recommendations;
    int32_t current, desired, expected;
    std::vector<int32_t> stored;
    int32_t up_window, down_window;
  };
  const std::vector<Case> cases = {
      {"empty recommendations for scaling down", {}, 100, 5, 5, {5}, 0, 0},
      {"simple scale down stabilization",
       {{4, kRulesNowS - 120}, {5, kRulesNowS - 60}},
       100,
       3,
       5,
       {4, 5, 3},
       0,
       180},
      {"simple scale up stabilization",
       {{4, kRulesNowS - 120}, {5, kRulesNowS - 60}},
       1,
       7,
       4,
       {4, 5, 7},
       300,
       0},
      {"no scale down stabilization",
       {{1, kRulesNowS - 120}, {2, kRulesNowS - 60}},
       100,
       3,
       3,
       {1, 2, 3},
       300,
       0},
      {"no scale up stabilization",
       {{4, kRulesNowS - 120}, {5, kRulesNowS - 60}},
       1,
       3,
       3,
       {4, 5, 3},
       0,
       300},
      {"no scale down stabilization, reuse recommendation element",
       {{10, kRulesNowS - 600}, {9, kRulesNowS - 540}},
       100,
       3,
       3,
       {10, 3},
       0,
       0},
      {"no scale up stabilization, reuse recommendation element",
       {{10, kRulesNowS - 600}, {9, kRulesNowS - 540}},
       1,
       100,
       100,
       {10, 100},
       0,
       0},
      {"scale down stabilization, reuse one of obsolete recommendation element",
       {{10, kRulesNowS - 600}, {4, kRulesNowS - 60}, {5, kRulesNowS - 120}, {9, kRulesNowS - 540}},
       100,
       3,
       5,
       {10, 4, 5, 3},
       0,
       180},
      {"scale up stabilization, reuse one of obsolete recommendation element",
       {{10, kRulesNowS - 6000},
        {6, kRulesNowS - 60},
        {5, kRulesNowS - 120},
        {9, kRulesNowS - 180}},
       1,
       100,
       5,
       {100, 6, 5, 9},
       300,
       0},
  };
  for (Case c : cases) {
    NormalizationArg arg;
    arg.scale_up.stabilization_window_s = c.up_window;
    arg.scale_down.stabilization_window_s = c.down_window;
    arg.current_replicas = c.current;
    arg.desired_replicas = c.desired;
    const ReasonedReplicas r =
        StabilizeRecommendationWithBehaviors(&c.recommendations, arg, kRulesNowS);
    EXPECT_EQ(r.replicas, c.expected) << c.name;
    std::vector<int32_t> stored;
    for (const auto& rec : c.recommendations) stored.push_back(rec.recommendation);
    EXPECT_EQ(stored, c.stored) << c.name;
  }
}

}  // namespace
}  // namespace headroom::hpa
