#include "queueing/mmc.h"

#include <gtest/gtest.h>

#include <cmath>

#include "queueing/erlang.h"

namespace headroom::queueing {
namespace {

TEST(MmcTest, MM1ClosedForms) {
  // M/M/1 with λ = 0.5/s, S = 1 s (Kleinrock 1975): ρ = 0.5, P(wait) = ρ, Wq = ρ S / (1 − ρ) = 1,
  // R = S / (1 − ρ) = 2, Lq = ρ² / (1 − ρ) = 0.5, L = ρ / (1 − ρ) = 1.
  const MmcQueue q{0.5, 1.0, 1};
  const QueueMetrics m = AnalyseMmc(q);
  EXPECT_DOUBLE_EQ(m.utilisation, 0.5);
  EXPECT_FALSE(m.saturated);
  EXPECT_DOUBLE_EQ(m.probability_of_waiting, 0.5);
  EXPECT_DOUBLE_EQ(*m.mean_wait_s, 1.0);
  EXPECT_DOUBLE_EQ(*m.mean_response_s, 2.0);
  EXPECT_DOUBLE_EQ(*m.mean_queue_length, 0.5);
  EXPECT_DOUBLE_EQ(*m.mean_number_in_system, 1.0);
  // The M/M/1 response time is Exp(μ − λ): P(R > t) = e^(−t/2), p95 = 2 ln 20.
  for (double t : {0.0, 0.5, 1.0, 3.0, 10.0}) {
    EXPECT_NEAR(MmcResponseTail(q, t), std::exp(-0.5 * t), 1e-15) << t;
  }
  EXPECT_NEAR(*MmcResponsePercentile(q, 0.95), 2.0 * std::log(20.0), 1e-12);
  // P(W > t) = ρ e^(−(μ − λ) t): p95 solves 0.5 e^(−t/2) = 0.05, t = 2 ln 10.
  EXPECT_NEAR(*MmcWaitPercentile(q, 0.95), 2.0 * std::log(10.0), 1e-14);
  EXPECT_EQ(*MmcWaitPercentile(q, 0.4), 0.0);  // P(wait) = 0.5 < 0.6: the p40 wait is 0
}

TEST(MmcTest, PdqGoldenExample) {
  // PDQ (Gunther): 4 servers, λ = 0.35/min, S = 10 min → R = 24.7572 min, W = 14.7572 min.
  const MmcQueue q{0.35 / 60.0, 600.0, 4};
  const QueueMetrics m = AnalyseMmc(q);
  EXPECT_NEAR(m.utilisation, 0.875, 1e-15);
  EXPECT_NEAR(*m.mean_response_s / 60.0, 24.7572, 1e-4);
  EXPECT_NEAR(*m.mean_wait_s / 60.0, 14.7572, 1e-4);
  EXPECT_NEAR(*m.mean_queue_length, 0.35 * *m.mean_wait_s / 60.0, 1e-12);  // Little
}

TEST(MmcTest, ResponseTailIsTheHypoexponentialMixture) {
  // c = 4, a = 3.5, S = 1: γ = c − a = 0.5, μ = 1, so
  // P(R > t) = (1 − C) e^−t + C (γ e^−t − e^(−γ t)) / (γ − 1) = (1 − C) e^−t + C (2e^(−t/2) −
  // e^−t).
  const MmcQueue q{3.5, 1.0, 4};
  const double c = ErlangC(4, 3.5);
  for (double t : {0.0, 0.1, 1.0, 2.5, 7.0, 30.0}) {
    const double expected = (1 - c) * std::exp(-t) + c * (2 * std::exp(-t / 2) - std::exp(-t));
    EXPECT_NEAR(MmcResponseTail(q, t), expected, 1e-14 * expected) << t;
  }
  // The quantile solves the tail equation.
  for (double p : {0.5, 0.9, 0.95, 0.99, 0.999}) {
    const double t = *MmcResponsePercentile(q, p);
    EXPECT_NEAR(MmcResponseTail(q, t), 1.0 - p, 1e-13) << p;
  }
}

TEST(MmcTest, ResponseTailWhenWaitRateEqualsServiceRate) {
  // c − a = 1 makes γ = μ: P(R > t) = e^(−t/S) (1 + C t / S). c = 2, a = 1: C = 1/3.
  const MmcQueue q{1.0, 1.0, 2};
  for (double t : {0.0, 0.5, 2.0, 9.0}) {
    const double expected = std::exp(-t) * (1.0 + t / 3.0);
    EXPECT_NEAR(MmcResponseTail(q, t), expected, 1e-15 * expected + 1e-300) << t;
  }
  // And it is continuous through that point.
  const MmcQueue below{1.0 - 1e-9, 1.0, 2};
  const MmcQueue above{1.0 + 1e-9, 1.0, 2};
  EXPECT_NEAR(MmcResponseTail(below, 2.0), MmcResponseTail(above, 2.0), 1e-9);
  EXPECT_NEAR(*MmcResponsePercentile(q, 0.95), *MmcResponsePercentile(below, 0.95), 1e-7);
}

TEST(MmcTest, SaturatedIsAnOutcome) {
  for (double rate : {4.0, 5.0, 1e12}) {
    const MmcQueue q{rate, 1.0, 4};
    const QueueMetrics m = AnalyseMmc(q);
    EXPECT_TRUE(m.saturated);
    EXPECT_DOUBLE_EQ(m.utilisation, rate / 4.0);
    EXPECT_EQ(m.probability_of_waiting, 1.0);
    EXPECT_FALSE(m.mean_wait_s.has_value());
    EXPECT_FALSE(m.mean_response_s.has_value());
    EXPECT_EQ(MmcWaitTail(q, 100.0), 1.0);
    EXPECT_EQ(MmcResponseTail(q, 100.0), 1.0);
    EXPECT_FALSE(MmcWaitPercentile(q, 0.95).has_value());
    EXPECT_FALSE(MmcResponsePercentile(q, 0.95).has_value());
  }
}

TEST(MmcTest, NoLoadAndNoServiceTime) {
  const MmcQueue idle{0.0, 0.2, 3};
  const QueueMetrics m = AnalyseMmc(idle);
  EXPECT_EQ(*m.mean_wait_s, 0.0);
  EXPECT_DOUBLE_EQ(*m.mean_response_s, 0.2);
  EXPECT_NEAR(*MmcResponsePercentile(idle, 0.95), -0.2 * std::log(0.05), 1e-14);
  EXPECT_EQ(*MmcWaitPercentile(idle, 0.95), 0.0);
  const MmcQueue instant{100.0, 0.0, 1};
  EXPECT_EQ(*AnalyseMmc(instant).mean_response_s, 0.0);
  EXPECT_EQ(*MmcResponsePercentile(instant, 0.99), 0.0);
  EXPECT_EQ(MmcResponseTail(instant, 0.0), 0.0);
}

}  // namespace
}  // namespace headroom::queueing
