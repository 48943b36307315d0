#include "sim/distribution.h"

#include <gtest/gtest.h>

#include <cmath>

#include "common/random.h"

namespace headroom::sim {
namespace {

struct Moments {
  double mean;
  double cv;
};

Moments Sample(const Distribution& d, int n) {
  RandomStream stream(17, "distribution");
  double sum = 0.0;
  double squares = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = d.Sample(stream);
    EXPECT_GE(x, 0.0);
    sum += x;
    squares += x * x;
  }
  const double mean = sum / n;
  return Moments{mean, std::sqrt(squares / n - mean * mean) / mean};
}

TEST(DistributionTest, DeterministicDrawsNothing) {
  const Distribution d = Distribution::Deterministic(0.25);
  RandomStream used(1, "s");
  RandomStream fresh(1, "s");
  EXPECT_EQ(d.Sample(used), 0.25);
  EXPECT_EQ(used.NextU64(), fresh.NextU64());
  EXPECT_EQ(d.cv(), 0.0);
}

TEST(DistributionTest, ExponentialAndLognormalHaveTheirMeanAndCv) {
  // 400,000 draws: the standard error of the mean is cv / √n = 0.16% (exponential) and 0.24%
  // (lognormal, cv 1.5); tolerances are about 5 standard errors.
  const Moments e = Sample(Distribution::Exponential(2.0), 400000);
  EXPECT_NEAR(e.mean, 2.0, 0.008 * 2.0);
  EXPECT_NEAR(e.cv, 1.0, 0.02);
  const Distribution lognormal = Distribution::Lognormal(0.05, 1.5);
  EXPECT_NEAR(lognormal.cv(), 1.5, 1e-12);
  const Moments l = Sample(lognormal, 400000);
  EXPECT_NEAR(l.mean, 0.05, 0.012 * 0.05);
  EXPECT_NEAR(l.cv, 1.5, 0.1);  // the sample cv of a lognormal converges slowly
  // cv 0 degenerates to the constant.
  EXPECT_EQ(Distribution::Lognormal(3.0, 0.0).kind(), DistributionKind::kDeterministic);
}

}  // namespace
}  // namespace headroom::sim
