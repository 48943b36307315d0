#include "sim/stack/span_weights.h"

#include <gtest/gtest.h>

#include <vector>

namespace headroom::sim {
namespace {

// A 300 s window standing for an hour, steady from 60 s: each steady request stands for
// (3600 − 60) / (300 − 60) = 14.75 of the hour.
TEST(SpanWeights, SteadyRequestsStandForTheRestOfTheSpan) {
  EXPECT_DOUBLE_EQ(SteadyWeight(60, 300, 3600), 14.75);
  EXPECT_DOUBLE_EQ(SteadyWeight(0, 300, 3600), 12.0);
  EXPECT_DOUBLE_EQ(SteadyWeight(300, 300, 3600), 1.0);  // no steady stretch
  EXPECT_DOUBLE_EQ(SteadyWeight(400, 300, 3600), 1.0);  // the catch-up outlasted the window
  EXPECT_DOUBLE_EQ(SteadyWeight(60, 3600, 3600), 1.0);  // the window is the span
  EXPECT_DOUBLE_EQ(SteadyWeight(60, 1200, 0), 1.0);     // no span given
}

// Ten slow requests in the catch-up (2 s) and ninety fast steady ones (0.1 s): taken as they
// come the p95 is slow (10% slow), over the hour the slow ones are 10 / (10 + 90 × 14.75), 0.75%,
// and the p95 is fast. Mean: (10 × 2 + 1327.5 × 0.1) / 1337.5 s.
TEST(SpanWeights, TheCatchUpWeighsAsOverTheSpan) {
  std::vector<TimedResponse> responses;
  for (int i = 0; i < 10; ++i) responses.emplace_back(5.0 * i, 2.0);
  for (int i = 0; i < 90; ++i) responses.emplace_back(60.0 + 2.0 * i, 0.1);
  LatencySummary unweighted;
  unweighted.completed = 100;
  unweighted.p95_ms = 2000;
  unweighted.max_ms = 2000;
  const LatencySummary hour = WeighedOverSpan(responses, 60, 300, 3600, unweighted);
  EXPECT_DOUBLE_EQ(hour.p95_ms, 100.0);
  EXPECT_DOUBLE_EQ(hour.p50_ms, 100.0);
  EXPECT_NEAR(hour.mean_ms, (10 * 2.0 + 1327.5 * 0.1) / 1337.5 * 1000.0, 1e-9);
  EXPECT_EQ(hour.completed, 100u);
  EXPECT_DOUBLE_EQ(hour.max_ms, 2000.0);
  // The same requests with no span: the p95 is among the slow ones.
  const LatencySummary window = WeighedOverSpan(responses, 60, 300, 0, unweighted);
  EXPECT_DOUBLE_EQ(window.p95_ms, 2000.0);
  EXPECT_DOUBLE_EQ(window.p50_ms, 100.0);
}

// A catch-up long enough still moves the hour's p95: 300 slow requests in the first 240 s of a
// 300 s window are more than 5% of the hour's even with the steady ones weighted up.
TEST(SpanWeights, ALongCatchUpStillMissesOverTheSpan) {
  std::vector<TimedResponse> responses;
  for (int i = 0; i < 300; ++i) responses.emplace_back(0.8 * i, 3.0);
  for (int i = 0; i < 60; ++i) responses.emplace_back(240.0 + i, 0.1);
  const LatencySummary hour = WeighedOverSpan(responses, 240, 300, 3600, LatencySummary{});
  // Steady weight (3600 − 240) / 60 = 56: 3,360 steady against 300 slow, 8.2% slow.
  EXPECT_DOUBLE_EQ(hour.p95_ms, 3000.0);
}

TEST(SpanWeights, NoResponsesKeepTheUnweightedSummary) {
  LatencySummary unweighted;
  unweighted.p95_ms = 123;
  EXPECT_DOUBLE_EQ(WeighedOverSpan({}, 60, 300, 3600, unweighted).p95_ms, 123.0);
}

}  // namespace
}  // namespace headroom::sim
