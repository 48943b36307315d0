#include "sizing/odoo_workers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "queueing/mmc.h"

namespace headroom {
namespace {

WorkerPool Pool(double rate_per_s, double mean_s) {
  WorkerPool pool;
  pool.rate_per_s = rate_per_s;
  pool.mean_service_s = mean_s;
  pool.service_cv = 1.0;
  return pool;
}

double MmcP95(double rate, double mean_s, int64_t c) {
  return *queueing::MmcResponsePercentile({rate, mean_s, c}, 0.95);
}

TEST(OdooWorkersTest, CeilCountIgnoresRoundingNoise) {
  EXPECT_EQ(CeilCount(17 / 0.85, 1000), 20);
  EXPECT_EQ(CeilCount(20.5, 1000), 21);
  EXPECT_EQ(CeilCount(0, 1000), 0);
  EXPECT_EQ(CeilCount(1e300, 1000), 1000);
}

// M/M/1 by hand: λ = 2/s, S = 0.1 s: p95 = 0.125 ln 20 = 0.3745 s at one worker (ρ = 0.2), and
// 0.3016 s at two (MmcResponsePercentile). A 0.4 s target needs 1 worker, 0.35 s needs 2.
TEST(OdooWorkersTest, MM1ByHand) {
  const WorkerPool pool = Pool(2, 0.1);
  const ClassTail tail = ClassTailFor(0.1, 1.0);
  EXPECT_NEAR(MmcP95(2, 0.1, 1), 0.125 * std::log(20.0), 1e-9);
  EXPECT_NEAR(MmcP95(2, 0.1, 2), 0.301621, 1e-6);
  const std::vector<ClassLimit> loose = {{&tail, 0.4}};
  EXPECT_EQ(WorkersFor(pool, 0.85, loose).workers, 1);
  EXPECT_FALSE(WorkersFor(pool, 0.85, loose).by_latency);
  const std::vector<ClassLimit> tight = {{&tail, 0.35}};
  const WindowNeed need = WorkersFor(pool, 0.85, tight);
  EXPECT_EQ(need.workers, 2);
  EXPECT_TRUE(need.by_latency);
}

// M/M/c: λ = 8/s, S = 0.25 s, a = 2. The 85% ceiling needs ⌈2 / 0.85⌉ = 3. The p95 response
// (MmcResponsePercentile) is 1.0052 s at 3, 0.7874 s at 4, 0.7563 s at 5: a 1 s target needs 4,
// a 0.76 s target 5; a 1.1 s target is met at the ceiling's 3.
TEST(OdooWorkersTest, SmallMMcByLatencyAndByCeiling) {
  EXPECT_NEAR(MmcP95(8, 0.25, 3), 1.005172, 1e-6);
  EXPECT_NEAR(MmcP95(8, 0.25, 4), 0.787426, 1e-6);
  EXPECT_NEAR(MmcP95(8, 0.25, 5), 0.756269, 1e-6);
  const WorkerPool pool = Pool(8, 0.25);
  const ClassTail tail = ClassTailFor(0.25, 1.0);
  const std::vector<ClassLimit> one_s = {{&tail, 1.0}};
  EXPECT_EQ(WorkersFor(pool, 0.85, one_s).workers, 4);
  const std::vector<ClassLimit> tight = {{&tail, 0.76}};
  EXPECT_EQ(WorkersFor(pool, 0.85, tight).workers, 5);
  const std::vector<ClassLimit> loose = {{&tail, 1.1}};
  const WindowNeed need = WorkersFor(pool, 0.85, loose);
  EXPECT_EQ(need.workers, 3);
  EXPECT_FALSE(need.by_latency);
  // No limits, ceiling 1: the fewest stable workers, ⌊2⌋ + 1 = 3.
  EXPECT_EQ(WorkersFor(pool, 1.0, {}).workers, 3);
}

// a = 100 erlangs (λ = 400/s, S = 0.25 s). A 95% ceiling needs ⌈105.26⌉ = 106; the p95 is
// 0.760392 s at 108 and 0.757524 s at 109, so a 0.76 s target needs 109 (found from 106 by
// steps of 1 and 2 to 107 and 109, then bisection at 108). An 85% ceiling needs ⌈117.6⌉ = 118,
// where the 0.76 s target already holds.
TEST(OdooWorkersTest, LargeMMc) {
  EXPECT_NEAR(MmcP95(400, 0.25, 108), 0.760392, 1e-6);
  EXPECT_NEAR(MmcP95(400, 0.25, 109), 0.757524, 1e-6);
  const WorkerPool pool = Pool(400, 0.25);
  const ClassTail tail = ClassTailFor(0.25, 1.0);
  const std::vector<ClassLimit> limits = {{&tail, 0.76}};
  EXPECT_EQ(WorkersFor(pool, 0.95, limits).workers, 109);
  EXPECT_EQ(WorkersFor(pool, 0.85, limits).workers, 118);
  EXPECT_EQ(WorkersFor(pool, 0.6, {}).workers, 167);  // ⌈100 / 0.6⌉
}

TEST(OdooWorkersTest, NoLoadNeedsOneWorker) {
  EXPECT_EQ(WorkersFor(Pool(0, 0), 0.6, {}).workers, 1);
}

// A load beyond kMaxHttpWorkers is capped and flagged, with finite numbers.
TEST(OdooWorkersTest, HugeLoadIsCapped) {
  const WindowNeed need = WorkersFor(Pool(1e12, 1.0), 0.85, {});
  EXPECT_EQ(need.workers, kMaxHttpWorkers);
  EXPECT_TRUE(need.capped);
  const WorkerPool big = Pool(9e5, 1.0);  // a = 900 000: the ceiling's 1 058 824 is too many
  EXPECT_TRUE(WorkersFor(big, 0.85, {}).capped);
  EXPECT_FALSE(WorkersFor(big, 0.95, {}).capped);
}

}  // namespace
}  // namespace headroom
