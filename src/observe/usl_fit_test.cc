#include "observe/usl_fit.h"

#include <gtest/gtest.h>

#include <random>

namespace headroom {
namespace {

// Points generated from known parameters are fitted back exactly (to rounding).
TEST(UslFit, RecoversKnownParameters) {
  const queueing::UslParameters truth{1200, 0.04, 0.003};
  std::vector<UslPoint> points;
  for (double n : {1, 2, 4, 8, 16, 32}) points.push_back({n, queueing::UslThroughput(truth, n)});
  Result<UslFit> fit = FitUsl(points);
  ASSERT_TRUE(fit.ok()) << FormatAll(fit.errors());
  EXPECT_NEAR(fit.value().parameters.lambda_per_s, 1200, 1200 * 1e-9);
  EXPECT_NEAR(fit.value().parameters.sigma, 0.04, 1e-9);
  EXPECT_NEAR(fit.value().parameters.kappa, 0.003, 1e-9);
  EXPECT_LT(fit.value().max_relative_error, 1e-9);
}

// With 3% multiplicative noise (seed 7) at 1, 2, 4 and 8 clients, the fit predicts 16 clients
// within 10% of the noiseless law: the test of the e2e prediction, without the machine.
TEST(UslFit, NoisyPointsPredictBeyondTheirRange) {
  const queueing::UslParameters truth{900, 0.05, 0.002};
  std::mt19937_64 rng(7);
  std::normal_distribution<double> noise(0, 0.03);
  std::vector<UslPoint> points;
  for (double n : {1, 2, 4, 8}) {
    for (int repeat = 0; repeat < 3; ++repeat) {
      points.push_back({n, queueing::UslThroughput(truth, n) * (1 + noise(rng))});
    }
  }
  Result<UslFit> fit = FitUsl(points);
  ASSERT_TRUE(fit.ok());
  const double expected = queueing::UslThroughput(truth, 16);
  EXPECT_NEAR(queueing::UslThroughput(fit.value().parameters, 16), expected, 0.10 * expected);
}

// The published test data of the R package usl (Moeding, tests/coef.R, from Gunther's Guerrilla
// Capacity Planning): load 1, 2, 4, 6, 8, 10 against throughput 1, 1.8868, 3.0769, 3.5294,
// 3.5398, 3.3557, which is X(N) = N / (1 + 0.02 (N − 1) + 0.02 N (N − 1)) rounded to four
// decimals: σ = κ = 0.02 and λ = 1, recovered within the rounding (1e-3).
TEST(UslFit, PublishedExampleOfTheRPackage) {
  const std::vector<UslPoint> points = {{1, 1},      {2, 1.8868}, {4, 3.0769},
                                        {6, 3.5294}, {8, 3.5398}, {10, 3.3557}};
  Result<UslFit> fit = FitUsl(points);
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit.value().parameters.sigma, 0.02, 1e-3);
  EXPECT_NEAR(fit.value().parameters.kappa, 0.02, 1e-4);
  EXPECT_NEAR(fit.value().parameters.lambda_per_s, 1.0, 1e-3);
  // The peak at √((1 − σ)/κ) = √49 = 7 clients (Gunther's N*).
  EXPECT_NEAR(*queueing::UslPeakConcurrency(fit.value().parameters), 7.0, 0.05);
}

// Linear scaling: σ and κ stay 0, never negative, when the data are superlinear-free.
TEST(UslFit, LinearDataGiveZeroCoefficients) {
  Result<UslFit> fit = FitUsl({{1, 100}, {2, 200}, {4, 400}, {8, 800}});
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit.value().parameters.lambda_per_s, 100, 1e-9);
  EXPECT_NEAR(fit.value().parameters.sigma, 0, 1e-12);
  EXPECT_NEAR(fit.value().parameters.kappa, 0, 1e-12);
  // Superlinear data would need σ < 0: the fit keeps σ = 0 instead.
  Result<UslFit> super = FitUsl({{1, 100}, {2, 210}, {4, 440}});
  ASSERT_TRUE(super.ok());
  EXPECT_GE(super.value().parameters.sigma, 0);
  EXPECT_GE(super.value().parameters.kappa, 0);
}

TEST(UslFit, BadPointsAreErrors) {
  EXPECT_FALSE(FitUsl({{1, 100}, {2, 200}}).ok());
  EXPECT_FALSE(FitUsl({{2, 100}, {2, 110}, {2, 90}}).ok());
  EXPECT_FALSE(FitUsl({{0.5, 100}, {2, 200}, {4, 300}}).ok());
  EXPECT_FALSE(FitUsl({{1, 100}, {2, -1}, {4, 300}}).ok());
}

}  // namespace
}  // namespace headroom
