#include "sizing/odoo_latency.h"

#include <gtest/gtest.h>

#include <cmath>

#include "queueing/mgc.h"
#include "queueing/mmc.h"

namespace headroom {
namespace {

WorkerPool Pool(double rate_per_s, double mean_s, double cv) {
  WorkerPool pool;
  pool.rate_per_s = rate_per_s;
  pool.mean_service_s = mean_s;
  pool.service_cv = cv;
  return pool;
}

// The service p95 of an exponential is S ln 20 = 2.9957323 S.
TEST(OdooLatencyTest, ServiceFloorOfAnExponential) {
  const ClassTail tail = ClassTailFor(0.1, 1.0);
  EXPECT_NEAR(tail.service_p95_s, 0.1 * std::log(20.0), 1e-12);
  // s(1 − β) = −S ln β for the splits.
  for (size_t i = 0; i < kSplitShares.size(); ++i) {
    EXPECT_NEAR(tail.service_quantile_s[i], -0.1 * std::log(kSplitShares[i]), 1e-12);
  }
  // Scaling: the cache holds unit-mean quantiles.
  EXPECT_NEAR(ClassTailFor(2.5, 1.0).service_p95_s, 2.5 * std::log(20.0), 1e-11);
}

// The wait quantile inverts mgc.h's tail, so it equals the library's percentile.
TEST(OdooLatencyTest, WaitQuantileMatchesTheLibrary) {
  for (int64_t c : {1, 3, 10, 50}) {
    for (double cv : {0.5, 1.0, 2.5}) {
      const WorkerPool pool = Pool(0.8 * static_cast<double>(c) / 0.2, 0.2, cv);
      const PoolWait wait = PoolWaitAt(pool, c);
      const queueing::MgcQueue queue{pool.rate_per_s, 0.2, c, cv, 1.0};
      for (double q : {0.5, 0.95, 0.999}) {
        EXPECT_NEAR(WaitQuantileS(wait, q), *queueing::MgcWaitPercentile(queue, q), 1e-12)
            << c << " " << cv << " " << q;
      }
    }
  }
}

// M/M/1 by hand: λ = 2/s, S = 0.1 s, ρ = 0.2: the response time is exponential with mean
// S / (1 − ρ) = 0.125 s, so p95 = 0.125 ln 20 = 0.374467 s.
TEST(OdooLatencyTest, MM1ResponseByHand) {
  const PoolWait wait = PoolWaitAt(Pool(2, 0.1, 1), 1);
  const ClassTail tail = ClassTailFor(0.1, 1);
  EXPECT_NEAR(ResponseP95S(tail, wait), 0.125 * std::log(20.0), 0.125 * std::log(20.0) * 5e-3);
  EXPECT_LE(ResponseP95LowerS(tail, wait), 0.374467);
  EXPECT_GE(ResponseP95UpperS(tail, wait), 0.374467);
}

// A class alone in its pool: the equivalent queue is the pool itself (ca = 1), so the p95 is
// the library's response percentile, to the stated 0.5%.
TEST(OdooLatencyTest, OneClassEqualsTheLibrarysResponsePercentile) {
  for (int64_t c : {1, 2, 8, 40}) {
    for (double cv : {0.5, 1.0, 1.5, 3.0}) {
      for (double rho : {0.3, 0.7, 0.95}) {
        const WorkerPool pool = Pool(rho * static_cast<double>(c) / 0.25, 0.25, cv);
        const PoolWait wait = PoolWaitAt(pool, c);
        const ClassTail tail = ClassTailFor(0.25, cv);
        const double exact =
            *queueing::MgcResponsePercentile({pool.rate_per_s, 0.25, c, cv, 1.0}, 0.95);
        const double p95 = ResponseP95S(tail, wait);
        EXPECT_NEAR(p95, exact, 5e-3 * exact) << c << " " << cv << " " << rho;
        EXPECT_LE(ResponseP95LowerS(tail, wait), exact * (1 + 1e-9));
        EXPECT_GE(ResponseP95UpperS(tail, wait), exact * (1 - 1e-9));
        EXPECT_EQ(MeetsP95(tail, wait, exact * 1.01), true);
        EXPECT_EQ(MeetsP95(tail, wait, exact * 0.99), false);
      }
    }
  }
}

// The built-in interactive class (S = 0.126 s, cv 1.5) sharing 6 workers with reports
// (S = 3.103 s, cv 1.2): λ = 10 + 0.3 /s, S̄ = 0.21266 s, cs = 3.9027 (odoo_pool.h), C = 0.026985,
// conditional mean wait m = 0.45319 s. A Monte Carlo of W + S with 2·10^7 draws (numpy, seed 1:
// W = 0 with probability 1 − C else Exp(m); S Gamma) gives p95 = 0.5555 s for interactive and
// 10.603 s for report. The plain sum p95(W) + p95(S) is 0.5046 s for interactive — 9% under: not
// a bound, since p95(W) = 0 when C < 5%.
TEST(OdooLatencyTest, MixedPoolMatchesMonteCarloWhereThePlainSumFallsShort) {
  const double rate = 10.3;
  const double mean_s = (10 * 0.126 + 0.3 * 3.103) / rate;
  const double second = (10 * 0.126 * 0.126 * (1 + 2.25) + 0.3 * 3.103 * 3.103 * (1 + 1.44)) / rate;
  const WorkerPool pool = Pool(rate, mean_s, std::sqrt(second / (mean_s * mean_s) - 1));
  const PoolWait wait = PoolWaitAt(pool, 6);
  EXPECT_NEAR(wait.p_wait, 0.026985, 1e-6);
  EXPECT_NEAR(wait.conditional_mean_s, 0.453193, 1e-6);

  const ClassTail interactive = ClassTailFor(0.126, 1.5);
  const double p95 = ResponseP95S(interactive, wait);
  EXPECT_NEAR(p95, 0.5555, 0.5555 * 0.005);
  const double plain_sum = WaitQuantileS(wait, 0.95) + interactive.service_p95_s;
  EXPECT_NEAR(plain_sum, 0.5046, 1e-4);
  EXPECT_LT(plain_sum, 0.92 * p95);

  // Report: cv² = 1.44 > (1 + cs²) S̄ / S = 1.11, so the equivalent queue takes ca = 0 and a
  // longer wait: an upper bound, within 1% here.
  const double report = ResponseP95S(ClassTailFor(3.103, 1.2), wait);
  EXPECT_GE(report, 10.603 * 0.999);
  EXPECT_LE(report, 10.603 * 1.01);
}

// With no waiting the p95 is the service p95; a class with no service time has R = W.
TEST(OdooLatencyTest, DegenerateCases) {
  const ClassTail tail = ClassTailFor(0.2, 1.3);
  const PoolWait idle = PoolWaitAt(Pool(0, 0, 1), 1);
  EXPECT_EQ(ResponseP95S(tail, idle), tail.service_p95_s);
  EXPECT_EQ(*PredictP95S(tail, idle), ResponseP95UpperS(tail, idle));

  const PoolWait busy = PoolWaitAt(Pool(9, 0.1, 1), 1);  // M/M/1 at ρ = 0.9
  const ClassTail instant = ClassTailFor(0.0, 1.0);
  EXPECT_DOUBLE_EQ(ResponseP95S(instant, busy), WaitQuantileS(busy, 0.95));
  EXPECT_TRUE(MeetsP95(instant, busy, WaitQuantileS(busy, 0.95) * 1.0001));

  const PoolWait saturated = PoolWaitAt(Pool(20, 0.1, 1), 2);
  EXPECT_TRUE(saturated.saturated);
  EXPECT_FALSE(PredictP95S(tail, saturated).has_value());
  EXPECT_FALSE(MeetsP95(tail, saturated, 1e300));
}

// A limit at or below the service p95 is met by no wait, only by almost no waiting: at 1 worker
// for λ = 0.05/s, S = 0.2 s (M/M/1, C = ρ = 1%) it is not, at 2 (C ≈ 0.00005) it is; a limit
// above the floor is met as MeetsP95 meets it, or by almost no waiting.
TEST(OdooLatencyTest, ALimitBelowTheFloorIsMetByAlmostNoWaiting) {
  const ClassTail tail = ClassTailFor(0.2, 1.0);
  const double below = 0.9 * tail.service_p95_s;
  const PoolWait one = PoolWaitAt(Pool(0.05, 0.2, 1), 1);
  const PoolWait two = PoolWaitAt(Pool(0.05, 0.2, 1), 2);
  EXPECT_NEAR(one.p_wait, 0.01, 1e-12);
  EXPECT_FALSE(MeetsP95(tail, two, below));
  EXPECT_FALSE(MeetsP95OrAlmostNoWait(tail, one, below));
  EXPECT_TRUE(MeetsP95OrAlmostNoWait(tail, two, below));
  const double above = 2 * tail.service_p95_s;
  EXPECT_EQ(MeetsP95OrAlmostNoWait(tail, one, above), MeetsP95(tail, one, above));
  const PoolWait saturated = PoolWaitAt(Pool(20, 0.1, 1), 2);
  EXPECT_FALSE(MeetsP95OrAlmostNoWait(tail, saturated, 1e300));
}

}  // namespace
}  // namespace headroom
