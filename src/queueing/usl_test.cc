#include "queueing/usl.h"

#include <gtest/gtest.h>

#include <cmath>

namespace headroom::queueing {
namespace {

TEST(UslTest, ThroughputFormula) {
  const UslParameters p{100.0, 0.05, 0.001};
  EXPECT_DOUBLE_EQ(UslThroughput(p, 1.0), 100.0);
  // N = 10: 1000 / (1 + 0.45 + 0.09) = 1000 / 1.54.
  EXPECT_DOUBLE_EQ(UslThroughput(p, 10.0), 1000.0 / 1.54);
  EXPECT_EQ(UslThroughput(p, 0.0), 0.0);
  // σ = κ = 0: linear.
  EXPECT_DOUBLE_EQ(UslThroughput({100.0, 0.0, 0.0}, 64.0), 6400.0);
}

TEST(UslTest, PeakConcurrency) {
  // N* = √((1 − σ) / κ) = √950 = 30.8220700…
  const UslParameters p{100.0, 0.05, 0.001};
  const double peak = *UslPeakConcurrency(p);
  EXPECT_NEAR(peak, std::sqrt(950.0), 1e-12);
  EXPECT_NEAR(peak, 30.822070014844883, 1e-12);
  // It is the maximum: throughput is lower on both sides.
  const double top = UslThroughput(p, peak);
  EXPECT_GT(top, UslThroughput(p, peak - 0.01));
  EXPECT_GT(top, UslThroughput(p, peak + 0.01));
  EXPECT_GT(top, UslThroughput(p, 30.0));
  EXPECT_GT(top, UslThroughput(p, 31.0));
}

TEST(UslTest, PeakEdgeCases) {
  EXPECT_FALSE(UslPeakConcurrency({1.0, 0.1, 0.0}).has_value());  // Amdahl: rises to λ/σ
  EXPECT_FALSE(UslPeakConcurrency({1.0, 0.0, 0.0}).has_value());  // linear
  EXPECT_EQ(*UslPeakConcurrency({1.0, 1.0, 0.01}), 1.0);          // contention-bound
  EXPECT_EQ(*UslPeakConcurrency({1.0, 0.5, 10.0}), 1.0);          // √0.05 < 1: clamped
}

TEST(UslTest, FiniteForHugeConcurrency) {
  EXPECT_EQ(UslThroughput({1.0, 0.0, 1e-3}, 1e300), 0.0);
  EXPECT_TRUE(std::isfinite(UslThroughput({1e300, 0.0, 0.0}, 1e300)));
  EXPECT_NEAR(UslThroughput({1.0, 0.1, 0.0}, 1e300), 10.0, 1e-12);  // → λ / σ
}

}  // namespace
}  // namespace headroom::queueing
