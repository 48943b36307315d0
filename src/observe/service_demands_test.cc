#include "observe/service_demands.h"

#include <gtest/gtest.h>

#include <random>

namespace headroom {
namespace {

// Synthetic utilisation from known demands: three classes whose rates vary independently over
// 288 five-minute intervals (a day), busy cores = Σ X_k D_k + U₀ plus Gaussian noise of 2% of
// the mean utilisation (seed 42). The fit must recover every demand within 5% (the issue's
// acceptance) and the background within 5% too.
TEST(ServiceDemands, RecoversKnownDemandsFromNoisyUtilisation) {
  const std::vector<double> truth_s = {0.085, 1.4, 0.012};  // interactive, report, api
  const double background = 0.3;
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> interactive(5, 60);
  std::uniform_real_distribution<double> report(0.05, 1.5);
  std::uniform_real_distribution<double> api(20, 200);
  DemandSamples s;
  s.classes = {"interactive", "report", "api"};
  for (int i = 0; i < 288; ++i) {
    const std::vector<double> x = {interactive(rng), report(rng), api(rng)};
    double u = background;
    for (size_t k = 0; k < x.size(); ++k) u += x[k] * truth_s[k];
    s.throughput_per_s.push_back(x);
    s.busy_cores.push_back(u);
  }
  double mean = 0;
  for (double u : s.busy_cores) mean += u;
  mean /= static_cast<double>(s.busy_cores.size());
  std::normal_distribution<double> noise(0, 0.02 * mean);
  for (double& u : s.busy_cores) u = std::max(0.0, u + noise(rng));

  Result<DemandFit> fit = FitServiceDemands(s, /*with_background=*/true);
  ASSERT_TRUE(fit.ok()) << FormatAll(fit.errors());
  for (size_t k = 0; k < truth_s.size(); ++k) {
    EXPECT_NEAR(fit.value().demand_s[k], truth_s[k], 0.05 * truth_s[k]) << s.classes[k];
  }
  EXPECT_NEAR(fit.value().background_cores, background, 0.05 * background);
  EXPECT_GT(fit.value().r_squared, 0.99);
  EXPECT_EQ(fit.value().intervals, 288);
}

// Without noise the law holds exactly and the fit is exact (to rounding).
TEST(ServiceDemands, ExactDataExactDemands) {
  DemandSamples s;
  s.classes = {"a", "b"};
  s.throughput_per_s = {{10, 1}, {20, 1}, {10, 3}, {5, 5}};
  for (const auto& x : s.throughput_per_s) s.busy_cores.push_back(x[0] * 0.05 + x[1] * 0.5);
  Result<DemandFit> fit = FitServiceDemands(s, false);
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit.value().demand_s[0], 0.05, 1e-12);
  EXPECT_NEAR(fit.value().demand_s[1], 0.5, 1e-12);
  EXPECT_NEAR(fit.value().r_squared, 1.0, 1e-12);
}

TEST(ServiceDemands, TooFewIntervalsOrAnUnseenClassAreErrors) {
  DemandSamples s;
  s.classes = {"a", "b"};
  s.throughput_per_s = {{1, 2}};
  s.busy_cores = {1};
  EXPECT_FALSE(FitServiceDemands(s, false).ok());
  s.throughput_per_s = {{1, 0}, {2, 0}, {3, 0}};
  s.busy_cores = {1, 2, 3};
  Result<DemandFit> r = FitServiceDemands(s, false);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("class b has no throughput"), std::string::npos);
}

}  // namespace
}  // namespace headroom
