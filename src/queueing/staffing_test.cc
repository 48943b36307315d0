#include "queueing/staffing.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "queueing/erlang.h"
#include "queueing/reference_for_test.h"

namespace headroom::queueing {
namespace {

TEST(StaffingTest, HalfinWhittBetaSolvesItsEquation) {
  for (double alpha : {0.9, 0.5, 0.2, 0.05, 0.01, 1e-6}) {
    const double beta = HalfinWhittBeta(alpha);
    const double phi = std::exp(-0.5 * beta * beta) / std::sqrt(2.0 * std::numbers::pi);
    const double cdf = 0.5 * std::erfc(-beta / std::numbers::sqrt2);
    EXPECT_NEAR(1.0 / (1.0 + beta * cdf / phi), alpha, 1e-12 * alpha) << alpha;
  }
  EXPECT_NEAR(HalfinWhittBeta(0.2), 1.0615162754, 1e-9);
  EXPECT_EQ(HalfinWhittBeta(1.0), 0.0);
  EXPECT_EQ(HalfinWhittBeta(0.0), 38.0);
}

TEST(StaffingTest, HundredErlangsAtTwentyPercentWaiting) {
  // a = 100, P(wait) <= 0.2: C(110, 100) = 0.23701, C(111, 100) = 0.19979 (long-double
  // reference), so the exact minimum is 111 servers; square-root staffing also gives
  // ⌈100 + 1.0615 · 10⌉ = 111.
  EXPECT_GT(testing::ErlangC(110, 100.0L), 0.2L);
  EXPECT_LT(testing::ErlangC(111, 100.0L), 0.2L);
  EXPECT_EQ(*MinServersForWaitProbability(100.0, 0.2), 111);
  EXPECT_EQ(SquareRootStaffing(100.0, 0.2), 111);
}

TEST(StaffingTest, ExactSearchIsMinimal) {
  for (double a : {0.5, 3.0, 42.0, 1000.0, 123456.7}) {
    for (double alpha : {0.5, 0.1, 0.01}) {
      const int64_t c = *MinServersForWaitProbability(a, alpha);
      EXPECT_LE(ErlangC(c, a), alpha);
      if (static_cast<double>(c - 1) > a) {
        EXPECT_GT(ErlangC(c - 1, a), alpha);
      }
      // Square-root staffing lands within two servers for loads of 10 or more.
      if (a >= 10.0) {
        EXPECT_NEAR(static_cast<double>(SquareRootStaffing(a, alpha)), static_cast<double>(c), 2.0);
      }
    }
  }
  EXPECT_EQ(*MinServersForWaitProbability(0.0, 0.1), 1);
  EXPECT_EQ(*MinServersForWaitProbability(3.0, 1.0), 4);  // smallest stable
  EXPECT_FALSE(MinServersForWaitProbability(3.0, 0.0).has_value());
}

TEST(StaffingTest, MeanWaitTarget) {
  MgcQueue q;
  q.arrival_rate_per_s = 50.0;
  q.service_time_s = 0.1;  // a = 5
  q.service_cv = 1.0;
  const int64_t c = *MinServersForMeanWait(q, 0.005);
  q.servers = c;
  EXPECT_LE(*AnalyseMgc(q).mean_wait_s, 0.005);
  q.servers = c - 1;
  EXPECT_GT(AnalyseMgc(q).mean_wait_s.value_or(1.0), 0.005);
  EXPECT_FALSE(MinServersForMeanWait(q, 0.0).has_value());
}

TEST(StaffingTest, ResponsePercentileTarget) {
  MgcQueue q;
  q.arrival_rate_per_s = 40.0;
  q.service_time_s = 0.12;  // a = 4.8
  q.service_cv = 1.5;
  const int64_t c = *MinServersForResponsePercentile(q, 0.95, 0.5);
  q.servers = c;
  EXPECT_LE(*MgcResponsePercentile(q, 0.95), 0.5);
  q.servers = c - 1;
  EXPECT_GT(MgcResponsePercentile(q, 0.95).value_or(1e9), 0.5);
  // No server count beats the service time's own p95.
  const double floor = ServiceTimePercentile(q, 0.95);
  EXPECT_FALSE(MinServersForResponsePercentile(q, 0.95, floor).has_value());
  EXPECT_FALSE(MinServersForResponsePercentile(q, 0.95, 0.5 * floor).has_value());
  EXPECT_TRUE(MinServersForResponsePercentile(q, 0.95, floor * 1.01).has_value());
}

}  // namespace
}  // namespace headroom::queueing
