#include "observe/exponential_smoothing.h"

#include <gtest/gtest.h>

#include <cmath>

namespace headroom {
namespace {

// Simple exponential smoothing by hand, α = 0.5 from l(-1) = 0 over y = 1, 2, 3, 4:
// forecasts 0, 0.5, 1.25, 2.125; final level 3.0625; SSE 1 + 2.25 + 3.0625 + 3.515625.
TEST(ExponentialSmoothing, SimpleRecursionByHand) {
  SmoothingParams p;
  p.alpha = 0.5;
  const SmoothingRun run = RunSmoothing({1, 2, 3, 4}, p, SmoothingStart{});
  EXPECT_EQ(run.fitted, (std::vector<double>{0, 0.5, 1.25, 2.125}));
  EXPECT_DOUBLE_EQ(run.level, 3.0625);
  EXPECT_DOUBLE_EQ(run.sse, 9.828125);
  EXPECT_EQ(SmoothingForecast(run, p, 2), (std::vector<double>{3.0625, 3.0625}));
}

// Holt-Winters with m = 2 by hand: l(-1) = 10, b(-1) = 1, s = {-1, 1}; α = 0.5, β = 0.5, γ = 0.5.
// t=0: ŷ = 11 - 1 = 10; y = 12: l = 0.5(13) + 0.5(11) = 12; b = 0.5(2) + 0.5(1) = 1.5;
//      s(0) = 0.5(12 - 11) + 0.5(-1) = 0.
// t=1: ŷ = 13.5 + 1 = 14.5; y = 14: l = 0.5(13) + 0.5(13.5) = 13.25; b = 0.5(1.25) + 0.75 =
//      1.375; s(1) = 0.5(14 - 13.5) + 0.5(1) = 0.75.
// h=1: 13.25 + 1.375 + 0 = 14.625; h=2: 13.25 + 2.75 + 0.75 = 16.75.
TEST(ExponentialSmoothing, HoltWintersRecursionByHand) {
  SmoothingParams p{true, 2, 0.5, 0.5, 0.5, 1.0};
  const SmoothingRun run = RunSmoothing({12, 14}, p, SmoothingStart{10, 1, {-1, 1}});
  EXPECT_EQ(run.fitted, (std::vector<double>{10, 14.5}));
  EXPECT_DOUBLE_EQ(run.level, 13.25);
  EXPECT_DOUBLE_EQ(run.trend, 1.375);
  EXPECT_EQ(run.seasonal, (std::vector<double>{0, 0.75}));
  EXPECT_EQ(SmoothingForecast(run, p, 3), (std::vector<double>{14.625, 16.75, 17.375}));
}

// Damped trend: φ_h = φ + φ² + ... + φ^h multiplies the last trend.
TEST(ExponentialSmoothing, DampedForecastSumsPowersOfPhi) {
  SmoothingParams p{true, 0, 0.5, 0.5, 0, 0.9};
  SmoothingRun run;
  run.level = 100;
  run.trend = 10;
  const std::vector<double> f = SmoothingForecast(run, p, 3);
  EXPECT_DOUBLE_EQ(f[0], 109);
  EXPECT_DOUBLE_EQ(f[1], 117.1);
  EXPECT_DOUBLE_EQ(f[2], 124.39);
}

// Published closed forms, Hyndman & Athanasopoulos, FPP3 Table 8.8 (σ_h² / σ²), with the ETS
// β* = αβ:
//   ETS(A,N,N): 1 + α²(h-1)
//   ETS(A,A,N): 1 + (h-1)[α² + αβ*h + β*² h(2h-1)/6]
//   ETS(A,A,A): the same + γ k [2α + γ + β* m (k+1)], k = floor((h-1)/m)
TEST(ExponentialSmoothing, VarianceFactorsMatchPublishedClosedForms) {
  const SmoothingParams ses{false, 0, 0.5, 0, 0, 1};
  const std::vector<double> v_ses = SmoothingVarianceFactors(ses, 5);
  for (int h = 1; h <= 5; ++h) EXPECT_NEAR(v_ses[h - 1], 1 + 0.25 * (h - 1), 1e-12) << h;

  const double a = 0.3, beta = 0.2, g = 0.1, bs = a * beta;
  const int m = 4;
  const SmoothingParams hw{true, m, a, beta, g, 1};
  const std::vector<double> v_hw = SmoothingVarianceFactors(hw, 14);
  const SmoothingParams holt{true, 0, a, beta, 0, 1};
  const std::vector<double> v_holt = SmoothingVarianceFactors(holt, 14);
  for (int h = 1; h <= 14; ++h) {
    const double trend_part = (h - 1) * (a * a + a * bs * h + bs * bs * h * (2.0 * h - 1) / 6);
    const int k = (h - 1) / m;
    const double season_part = g * k * (2 * a + g + bs * m * (k + 1));
    EXPECT_NEAR(v_holt[h - 1], 1 + trend_part, 1e-12) << h;
    EXPECT_NEAR(v_hw[h - 1], 1 + trend_part + season_part, 1e-12) << h;
  }
}

// A series that is exactly a line plus a season gives the heuristic start exactly:
// y(t) = 5 + 2t + {3, -3}: l(-1) = 3, b = 2, s = {3, -3}.
TEST(ExponentialSmoothing, HeuristicStartOfAnExactSeries) {
  std::vector<double> y;
  for (int t = 0; t < 4; ++t) y.push_back(5 + 2 * t + (t % 2 == 0 ? 3 : -3));
  const SmoothingStart s = HeuristicStart(y, SmoothingParams{true, 2, 0.5, 0.5, 0.5, 1});
  EXPECT_DOUBLE_EQ(s.trend, 2);
  EXPECT_DOUBLE_EQ(s.level, 3);
  EXPECT_EQ(s.seasonal, (std::vector<double>{3, -3}));
}

}  // namespace
}  // namespace headroom
