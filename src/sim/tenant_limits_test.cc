#include "sim/tenant_limits.h"

#include <gtest/gtest.h>

#include <optional>

#include "queueing/mmc.h"

namespace headroom::sim {
namespace {

TenantTraffic Steady(const std::string& name, double rate_per_s) {
  return TenantTraffic{name, rate_per_s, 0.2, 0.0, 1.0};  // exponential 200 ms requests
}

PoolRunSettings LongRun() { return PoolRunSettings{20000, 200, 5}; }

TEST(TenantLimitsTest, OneTenantWithoutLimitsIsTheMmcQueue) {
  // c = 4 workers, λ = 15/s, S = 0.2 s: a = 3 erlangs, ρ = 0.75. The database phase takes no
  // time, so the pool is M/M/4 and its p95 response time is exact (queueing/mmc.h).
  const std::vector<TenantOutcome> out =
      SimulateSharedPool({4, 4}, {Steady("solo", 15.0)}, {TenantLimit{}}, LongRun());
  const std::optional<double> p95_s =
      queueing::MmcResponsePercentile(queueing::MmcQueue{15.0, 0.2, 4}, 0.95);
  ASSERT_TRUE(p95_s.has_value());
  // 300,000 requests: the empirical 95th percentile is within 3% of the exact one.
  EXPECT_NEAR(out[0].p95_ms, *p95_s * 1000.0, 0.03 * *p95_s * 1000.0);
  EXPECT_EQ(out[0].rejected, 0);
}

// Two steady tenants of 5/s each and one whose month-end close coincides with their peak:
// 20 requests/s of 200 ms, so alone it needs 4 of the 8 workers on average and with its bursts
// of variability (cv 2) it often holds them all.
std::vector<TenantTraffic> NoisyEstate(double heavy_rate_per_s) {
  return {Steady("quiet-a", 5.0), Steady("quiet-b", 5.0),
          TenantTraffic{"month-end", heavy_rate_per_s, 0.2, 0.0, 2.0}};
}

TEST(TenantLimitsTest, ACoincidingHeavyPeakRaisesTheOthersP95AndAQuotaReducesIt) {
  const SharedPoolShape pool{8, 8};
  const std::vector<TenantLimit> none(3);
  const double alone_ms = SimulateSharedPool(pool, {Steady("quiet-a", 5.0), Steady("quiet-b", 5.0)},
                                             {{}, {}}, LongRun())[0]
                              .p95_ms;
  const double noisy_ms = SimulateSharedPool(pool, NoisyEstate(28.0), none, LongRun())[0].p95_ms;
  std::vector<TenantLimit> quota(3);
  quota[2].max_workers = 5;  // the heavy tenant keeps at most 5 workers; 3 stay for the others
  const double quota_ms = SimulateSharedPool(pool, NoisyEstate(28.0), quota, LongRun())[0].p95_ms;
  // Alone: M/M/8 at a = 2 erlangs, p95 ≈ 3 S = 600 ms. With the heavy tenant the pool runs at
  // a = 7.6 of 8 and the quiet tenant waits behind its bursts.
  EXPECT_GT(noisy_ms, 2.0 * alone_ms);
  EXPECT_LT(quota_ms, 0.5 * noisy_ms);
  // With 5 workers capped, the quiet tenants always have 3 workers to themselves: their p95 is
  // at most that of M/M/3 with their combined 10 requests/s (they also use idle capped ones).
  const std::optional<double> bound_s =
      queueing::MmcResponsePercentile(queueing::MmcQueue{10.0, 0.2, 3}, 0.95);
  ASSERT_TRUE(bound_s.has_value());
  EXPECT_LT(quota_ms, *bound_s * 1000.0 * 1.03);  // 3% sampling tolerance
}

TEST(TenantLimitsTest, TheRateLimitAnswers429AndProtectsTheOthers) {
  const SharedPoolShape pool{8, 8};
  std::vector<TenantLimit> limited(3);
  limited[2].rate_limit_per_s = 20.0;
  limited[2].rate_burst = 20.0;
  const std::vector<TenantOutcome> none =
      SimulateSharedPool(pool, NoisyEstate(28.0), std::vector<TenantLimit>(3), LongRun());
  const std::vector<TenantOutcome> out =
      SimulateSharedPool(pool, NoisyEstate(28.0), limited, LongRun());
  // At least 28 − 20 = 8 of every 28 requests per second are over the average (a bucket
  // admits at most rate × time + burst): over 29% rejected, 1% tolerance for the burst.
  EXPECT_GT(static_cast<double>(out[2].rejected) / static_cast<double>(out[2].offered),
            8.0 / 28.0 - 0.01);
  EXPECT_EQ(out[0].rejected, 0);
  EXPECT_LT(out[0].p95_ms, 0.5 * none[0].p95_ms);
}

TEST(TenantLimitsTest, APgBouncerPerDatabaseCapProtectsTheOthersFromHeavyQueries) {
  // Six database connections; a reporting tenant whose requests are mostly database time
  // (2.4/s × 1.5 s = 3.6 erlangs) beside a quiet one (0.8 erlangs of 100 ms queries). Capped
  // at 4 connections, the reports leave 2 to the quiet tenant, whose queries stop waiting
  // behind 1.5 s ones. Enough workers that the reports waiting for a connection never hold
  // them all (a database cap alone moves the reports' queue to the workers).
  const SharedPoolShape pool{32, 6};
  const std::vector<TenantTraffic> tenants = {TenantTraffic{"quiet", 8.0, 0.05, 0.1, 1.0},
                                              TenantTraffic{"reports", 2.4, 0.05, 1.5, 1.0}};
  std::vector<TenantLimit> capped(2);
  capped[1].max_db_connections = 4;
  const double free_ms =
      SimulateSharedPool(pool, tenants, std::vector<TenantLimit>(2), LongRun())[0].p95_ms;
  const double capped_ms = SimulateSharedPool(pool, tenants, capped, LongRun())[0].p95_ms;
  EXPECT_LT(capped_ms, 0.7 * free_ms);
}

TEST(TenantLimitsTest, TheSameSeedGivesTheSameFigures) {
  const std::vector<TenantLimit> none(3);
  const PoolRunSettings run{600, 60, 9};
  const std::vector<TenantOutcome> a = SimulateSharedPool({8, 8}, NoisyEstate(28.0), none, run);
  const std::vector<TenantOutcome> b = SimulateSharedPool({8, 8}, NoisyEstate(28.0), none, run);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].p95_ms, b[i].p95_ms);
    EXPECT_EQ(a[i].served, b[i].served);
  }
}

}  // namespace
}  // namespace headroom::sim
