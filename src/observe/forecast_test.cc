#include "observe/forecast.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

#include "observe/nelder_mead.h"

namespace headroom {
namespace {

constexpr double kHour = 3600;
constexpr double kStart = 1767225600;  // 2026-01-01T00:00:00Z

// y(t) = level + slope t + amplitude sin(2π t / 24) + N(0, noise²), hourly, fixed seed.
Series Synthetic(int hours, double level, double slope, double amplitude, double noise,
                 unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> eps(0, noise);
  Series s;
  s.name = "synthetic";
  for (int t = 0; t < hours; ++t) {
    s.times_s.push_back(kStart + t * kHour);
    s.values.push_back(level + slope * t + amplitude * std::sin(2 * std::numbers::pi * t / 24) +
                       eps(rng));
  }
  return s;
}

double Amplitude(const std::vector<double>& seasonal) {
  const auto [lo, hi] = std::minmax_element(seasonal.begin(), seasonal.end());
  return (*hi - *lo) / 2;
}

// Six weeks of a trend (0.05 per hour), a daily season (amplitude 10) and noise (σ = 1).
// Holt-Winters daily is chosen; it recovers, at the end of the data:
//   the slope within ±0.01 per hour (20%: the trend state is noisy over a day's worth of steps),
//   the level within ±1.5 (1.5 σ), the seasonal amplitude within ±1 (10%),
//   the residual σ within ±0.15 (15%).
TEST(ForecastSeries, RecoversTrendLevelAndSeason) {
  const int hours = 6 * 7 * 24;
  const Series s = Synthetic(hours, 100, 0.05, 10, 1, 42);
  ForecastOptions options;
  options.horizon_s = 30 * 86400.0;
  Result<ResourceForecast> r = ForecastSeries(s, options);
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  const ResourceForecast& f = r.value();
  EXPECT_EQ(f.fit.spec.name, "holt_winters_daily");
  EXPECT_EQ(f.observed.step_s, kHour);
  EXPECT_NEAR(f.fit.run.trend, 0.05, 0.01);
  EXPECT_NEAR(f.fit.run.level, 100 + 0.05 * (hours - 1), 1.5);
  EXPECT_NEAR(Amplitude(f.fit.run.seasonal), 10, 1);
  EXPECT_NEAR(f.fit.sigma, 1, 0.15);
  EXPECT_EQ(f.holdout_points, static_cast<int>(std::lround(0.2 * hours)));
  EXPECT_LT(f.holdout_rmse, 1.5);  // about σ when the model is right
  ASSERT_EQ(f.forecast.mean.size(), 30u * 24u);
  // 30 days ahead the true mean is 100 + 0.05 (hours + 719) + season: inside the band.
  const double t_last = hours + 719;
  const double truth = 100 + 0.05 * t_last + 10 * std::sin(2 * std::numbers::pi * t_last / 24);
  EXPECT_LT(f.forecast.lower.back(), truth);
  EXPECT_GT(f.forecast.upper.back(), truth);
}

// A pure line with noise: the linear model or a trend model wins and the band crosses a
// capacity where the line predicts. Line 50 + 0.1 t reaches 200 at t = 1500 h; the upper band
// (σ = 0.5) must cross earlier, within 3 days of it.
TEST(ForecastSeries, SaturationDateOfALine) {
  const Series s = Synthetic(28 * 24, 50, 0.1, 0, 0.5, 7);
  ForecastOptions options;
  options.horizon_s = 90 * 86400.0;
  options.capacity = 200;
  Result<ResourceForecast> r = ForecastSeries(s, options);
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  const ResourceForecast& f = r.value();
  ASSERT_TRUE(f.upper_crossing_s);
  ASSERT_TRUE(f.mean_crossing_s);
  const double line_crossing_s = kStart + 1500 * kHour;
  EXPECT_NEAR(*f.mean_crossing_s, line_crossing_s, 3 * 86400);
  EXPECT_LE(*f.upper_crossing_s, *f.mean_crossing_s);
  EXPECT_GT(*f.upper_crossing_s, line_crossing_s - 6 * 86400);
}

TEST(ForecastSeries, FlatSeriesDoesNotCross) {
  const Series s = Synthetic(21 * 24, 0.4, 0, 0.05, 0.01, 3);
  ForecastOptions options;
  options.capacity = 1;
  Result<ResourceForecast> r = ForecastSeries(s, options);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value().upper_crossing_s);
}

// Five weeks hourly of a daily shape whose weekends are 30 lower (a business system): the
// weekly season holds both patterns and wins the holdout over the daily one.
TEST(ForecastSeries, WeekendsChooseTheWeeklySeason) {
  Series s = Synthetic(5 * 7 * 24, 100, 0.01, 10, 1, 5);
  for (size_t t = 0; t < s.values.size(); ++t) {
    const size_t day = t / 24 % 7;  // 2026-01-01 is a Thursday: days 2 and 3 are the weekend
    if (day == 2 || day == 3) s.values[t] -= 30;
  }
  Result<ResourceForecast> r = ForecastSeries(s, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().fit.spec.period_steps, 168) << r.value().fit.spec.name;
  EXPECT_LT(r.value().holdout_rmse, 2.0);  // about σ = 1 when the weekly shape is caught
}

TEST(ForecastSeries, WeeklyNeedsTwoWeeksOfTraining) {
  // linear, damped Holt, Holt-Winters daily and its damped form; then the weekly pair.
  EXPECT_EQ(CandidateModels(2 * 168 - 1, kHour).size(), 4u);
  EXPECT_EQ(CandidateModels(2 * 168, kHour).size(), 6u);
  EXPECT_EQ(CandidateModels(2 * 168, kHour)[4].name, "holt_winters_weekly");
  EXPECT_EQ(CandidateModels(2 * 168, kHour)[4].period_steps, 168);
  // 7 h divides no day, but a week is 24 steps of 7 h.
  EXPECT_EQ(CandidateModels(100, 7 * 3600)[2].name, "holt_winters_weekly");
  EXPECT_EQ(CandidateModels(100, 7 * 3600).size(), 4u);
}

TEST(ForecastSeries, TooShortIsAnError) {
  Series s{"short", {}, {1, 2, 3}, {1, 2, 3}};
  Result<ResourceForecast> r = ForecastSeries(s, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().Format(), "error: series short has 3 samples; forecasting needs at least 8");
}

// Published quantiles: t(0.975; 10) = 2.228139, t(0.975; 30) = 2.042272, z(0.975) = 1.959964
// (NIST/SEMATECH e-Handbook, tables 1.3.6.7.1 and 1.3.6.7.2).
TEST(LinearTrend, QuantilesMatchTables) {
  EXPECT_NEAR(NormalQuantile(0.975), 1.959964, 1e-6);
  EXPECT_NEAR(StudentTQuantile(0.95, 10), 2.228139, 1e-4);
  EXPECT_NEAR(StudentTQuantile(0.95, 30), 2.042272, 1e-5);
}

// y = 1, 3, 2, 5, 4 on t = 0..4: slope 8/10, intercept 3 - 0.8 * 2 = 1.4, residuals -0.4, 0.8,
// -1, 1.2, -0.6, SSE 3.6, s² = 3.6/3; at t0 = 5 the half width is
// t(0.975;3) s sqrt(1 + 1/5 + 9/10) = 3.182446 * 1.095445 * 1.449138 = 5.0520.
TEST(LinearTrend, IntervalByHand) {
  const LinearTrend fit = FitLinearTrend({1, 3, 2, 5, 4});
  EXPECT_NEAR(fit.slope_per_step, 0.8, 1e-12);
  EXPECT_NEAR(fit.intercept, 1.4, 1e-12);
  EXPECT_NEAR(fit.residual_sd, std::sqrt(1.2), 1e-12);
  EXPECT_NEAR(LinearHalfWidth(fit, 5, 3.182446), 3.182446 * std::sqrt(1.2) * std::sqrt(2.1), 1e-9);
}

// Rosenbrock's function has its minimum 0 at (1, 1).
TEST(NelderMead, FindsRosenbrockMinimum) {
  auto rosenbrock = [](const std::vector<double>& x) {
    return 100 * std::pow(x[1] - x[0] * x[0], 2) + std::pow(1 - x[0], 2);
  };
  const Minimum m = MinimiseNelderMead(rosenbrock, {-1.2, 1}, Box{{-2, -2}, {2, 2}}, 5000, 1e-16);
  EXPECT_NEAR(m.x[0], 1, 1e-3);
  EXPECT_NEAR(m.x[1], 1, 1e-3);
}

}  // namespace
}  // namespace headroom
