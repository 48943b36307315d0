#include "sim/confidence.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "common/random.h"

namespace headroom::sim {
namespace {

TEST(ConfidenceTest, StudentTQuantilesMatchPublishedTables) {
  // Two-sided 95% critical values t(ν, 0.975) (Abramowitz & Stegun Table 26.10; NIST/SEMATECH
  // e-Handbook 1.4.2.4), to the 3–4 decimals printed there.
  EXPECT_NEAR(StudentTQuantile(0.975, 1), 12.706, 5e-4);
  EXPECT_NEAR(StudentTQuantile(0.975, 2), 4.303, 5e-4);
  EXPECT_NEAR(StudentTQuantile(0.975, 4), 2.776, 5e-4);
  EXPECT_NEAR(StudentTQuantile(0.975, 9), 2.262, 5e-4);
  EXPECT_NEAR(StudentTQuantile(0.975, 19), 2.093, 5e-4);
  EXPECT_NEAR(StudentTQuantile(0.975, 29), 2.045, 5e-4);
  EXPECT_NEAR(StudentTQuantile(0.995, 9), 3.250, 5e-4);
  EXPECT_NEAR(StudentTQuantile(0.95, 10), 1.812, 5e-4);
  EXPECT_NEAR(StudentTQuantile(0.025, 9), -2.262, 5e-4);
  EXPECT_EQ(StudentTQuantile(0.5, 7), 0.0);
  // Closed forms: ν = 1 is Cauchy, t = tan(π (p − 1/2)); ν = 2 has t = (2p − 1) √(2 / (4p(1 − p))).
  EXPECT_NEAR(StudentTQuantile(0.9, 1), std::tan(std::numbers::pi * 0.4), 1e-10);
  EXPECT_NEAR(StudentTQuantile(0.9, 2), 0.8 * std::sqrt(2.0 / (4 * 0.9 * 0.1)), 1e-10);
  // Large ν approaches the normal quantile 1.959964.
  EXPECT_NEAR(StudentTQuantile(0.975, 100000), 1.959964, 1e-4);
  // The CDF inverts the quantile.
  for (int64_t nu : {1, 2, 3, 5, 8, 13, 40}) {
    EXPECT_NEAR(StudentTCdf(StudentTQuantile(0.9, nu), nu), 0.9, 1e-11) << nu;
  }
}

TEST(ConfidenceTest, ReplicationIntervalIsTheTInterval) {
  // Values 1..5: mean 3, s = √2.5, half width t(4, 0.975) · s / √5 = 2.7764 · 0.70711.
  const std::vector<double> values{1, 2, 3, 4, 5};
  const MeanInterval interval = ReplicationInterval(values);
  EXPECT_EQ(interval.replications, 5);
  EXPECT_DOUBLE_EQ(interval.mean, 3.0);
  EXPECT_NEAR(interval.standard_deviation, std::sqrt(2.5), 1e-15);
  EXPECT_NEAR(interval.half_width, 2.776445 * std::sqrt(2.5 / 5.0), 1e-6);
  EXPECT_TRUE(interval.Contains(4.9));
  EXPECT_FALSE(interval.Contains(5.0));
}

TEST(ConfidenceTest, IntervalsOfNormalSamplesCoverTheMeanNinetyFivePercentOfTheTime) {
  // 4,000 intervals of 5 standard normal values each: the coverage of the true mean 0 is
  // binomial(4000, 0.95), standard deviation 0.34%; accept 95% ± 1.2% (3.5 standard deviations).
  RandomStream stream(11, "coverage");
  int covered = 0;
  constexpr int kIntervals = 4000;
  for (int i = 0; i < kIntervals; ++i) {
    std::vector<double> values(5);
    for (double& v : values) v = stream.NextStandardNormal();
    covered += ReplicationInterval(values).Contains(0.0) ? 1 : 0;
  }
  EXPECT_NEAR(covered / static_cast<double>(kIntervals), 0.95, 0.012);
}

}  // namespace
}  // namespace headroom::sim
