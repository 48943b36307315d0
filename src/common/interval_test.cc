#include "common/interval.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "common/random.h"

namespace headroom {
namespace {

TEST(Interval, QuantilesAtTheEdgesAreLowMidHigh) {
  const Interval i{10, 20, 40, 0.8};
  EXPECT_NEAR(i.Quantile(0.1), 10.0, 1e-12);
  EXPECT_NEAR(i.Quantile(0.5), 20.0, 1e-12);
  EXPECT_NEAR(i.Quantile(0.9), 40.0, 1e-12);
}

TEST(Interval, ExactValueIsAlwaysTheValue) {
  RandomStream s(1, "x");
  const Interval i = Interval::Exact(3.5);
  for (int k = 0; k < 10; ++k) EXPECT_EQ(i.Sample(s), 3.5);
}

TEST(Interval, SamplesMatchTargetQuantiles) {
  const Interval i{10, 20, 40, 0.8};
  RandomStream s(2027, "interval");
  std::vector<double> draws(20000);
  for (double& d : draws) d = i.Sample(s);
  std::sort(draws.begin(), draws.end());
  // Empirical quantiles of 20,000 draws sit within about 1% of the targets.
  EXPECT_NEAR(draws[2000], 10.0, 0.01 * 10.0 * 3);
  EXPECT_NEAR(draws[10000], 20.0, 0.01 * 20.0);
  EXPECT_NEAR(draws[18000], 40.0, 0.01 * 40.0);
}

TEST(Interval, SamplesAreClampedAtTheFloor) {
  const Interval i{0, 1, 10, 0.95};
  RandomStream s(3, "floor");
  for (int k = 0; k < 10000; ++k) EXPECT_GE(i.Sample(s), 0.0);
}

}  // namespace
}  // namespace headroom
