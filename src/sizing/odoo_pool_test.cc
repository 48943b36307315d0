#include "sizing/odoo_pool.h"

#include <gtest/gtest.h>

#include <cmath>

namespace headroom {
namespace {

ClassLoad PoolClass(const char* name, double rate_per_s, double app_cpu_ms, double db_cpu_ms,
                    double db_reads, double cv) {
  ClassLoad c;
  c.name = name;
  c.rate_per_s = {rate_per_s, rate_per_s, rate_per_s};
  c.app_cpu_ms = app_cpu_ms;
  c.db_cpu_ms = db_cpu_ms;
  c.db_reads = db_reads;
  c.service_cv = cv;
  return c;
}

// The built-in interactive class with the default settings: 90 + 25 + 40 × 0.2 + 3 = 126 ms,
// of which 90 + 3 = 93 ms on the worker's CPU.
TEST(OdooPoolTest, OccupancyAddsCpuDatabaseReadsAndOverhead) {
  const ClassLoad c = PoolClass("interactive", 1, 90, 25, 40, 1.5);
  const OdooSettings settings;
  EXPECT_DOUBLE_EQ(WorkerOccupancyMs(c, settings), 126.0);
  EXPECT_DOUBLE_EQ(WorkerCpuMs(c, settings), 93.0);
  ClassLoad bus = c;
  bus.long_lived = true;
  EXPECT_EQ(WorkerOccupancyMs(bus, settings), 0.0);
}

// Two classes, overhead 0 and no reads: λ1 = 10/s of S1 = 0.1 s (cv 1), λ2 = 1/s of S2 = 1 s
// (cv 0). λ = 11, S̄ = (10 × 0.1 + 1 × 1) / 11 = 2/11 s;
// E[S²] = (10/11) × 0.01 × 2 + (1/11) × 1 × 1 = 1.2/11; cs² = E[S²]/S̄² − 1 = 1.2 × 11 / 4 − 1
// = 2.3.
TEST(OdooPoolTest, MixtureMomentsByHand) {
  MonthLoad load;
  load.classes = {PoolClass("light", 10, 60, 40, 0, 1.0), PoolClass("heavy", 1, 500, 500, 0, 0.0)};
  ClassLoad bus = PoolClass("bus", 100, 1, 1, 0, 1.0);
  bus.long_lived = true;
  load.classes.push_back(bus);
  OdooSettings settings;
  settings.request_overhead_ms = 0;
  const WorkerPool pool = PoolAt(load, kPeak, settings);
  EXPECT_DOUBLE_EQ(pool.rate_per_s, 11.0);
  EXPECT_NEAR(pool.mean_service_s, 2.0 / 11.0, 1e-15);
  EXPECT_NEAR(pool.service_cv, std::sqrt(2.3), 1e-12);
  EXPECT_NEAR(pool.offered_load(), 2.0, 1e-14);
  // CPU: 10 × 0.06 + 1 × 0.5 = 1.1 cores, of 2 busy workers: 55%.
  EXPECT_NEAR(pool.cpu_cores, 1.1, 1e-14);
  EXPECT_NEAR(pool.cpu_share(), 0.55, 1e-14);
}

// One class: the pool is that class (S̄ = S, cs = cv).
TEST(OdooPoolTest, OneClassPoolIsTheClass) {
  MonthLoad load;
  load.classes = {PoolClass("only", 4, 100, 50, 10, 1.7)};
  const WorkerPool pool = PoolAt(load, kSustained, OdooSettings{});
  EXPECT_DOUBLE_EQ(pool.rate_per_s, 4);
  EXPECT_NEAR(pool.mean_service_s, 0.155, 1e-15);
  EXPECT_NEAR(pool.service_cv, 1.7, 1e-12);
}

TEST(OdooPoolTest, NoLoadIsAnEmptyPool) {
  MonthLoad load;
  load.classes = {PoolClass("idle", 0, 100, 50, 10, 1.7)};
  const WorkerPool pool = PoolAt(load, kPeak, OdooSettings{});
  EXPECT_EQ(pool.rate_per_s, 0);
  EXPECT_EQ(pool.mean_service_s, 0);
  EXPECT_EQ(pool.service_cv, 1);
  EXPECT_EQ(pool.cpu_share(), 0);
}

}  // namespace
}  // namespace headroom
