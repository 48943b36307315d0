#include "sizing/odoo_cron.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

// 5400 CPU-s due in 8 h at 80% efficiency: ⌈5400 / (8 × 3600 × 0.8)⌉ = ⌈0.234⌉ = 1 worker,
// which takes 5400 / (3600 × 0.8) = 1.875 h.
TEST(OdooCronTest, OneWorkerForALightBatch) {
  MonthLoad load;
  load.heaviest_batch_cpu_s = 5400;
  load.heaviest_batch_deadline_h = 8;
  const OdooCron cron = SizeOdooCron(load, OdooSettings{});
  EXPECT_EQ(cron.workers, 1);
  EXPECT_EQ(cron.pods, 1);
  EXPECT_EQ(cron.threads_per_pod, 1);
  EXPECT_DOUBLE_EQ(cron.batch_duration_h, 1.875);
  EXPECT_TRUE(cron.meets_deadline);
  EXPECT_EQ(cron.binding, -1);
}

// 100 000 CPU-s in 4 h: ⌈100000 / 11520⌉ = 9 → 5 pods of 2 threads = 10 workers,
// 100000 / (10 × 2880) = 3.4722 h.
TEST(OdooCronTest, HeavyBatchNeedsSeveralPods) {
  MonthLoad load;
  load.heaviest_batch_cpu_s = 100000;
  load.heaviest_batch_deadline_h = 4;
  const OdooCron cron = SizeOdooCron(load, OdooSettings{});
  EXPECT_EQ(cron.pods, 5);
  EXPECT_EQ(cron.threads_per_pod, 2);
  EXPECT_EQ(cron.workers, 10);
  EXPECT_NEAR(cron.batch_duration_h, 100000.0 / 28800.0, 1e-12);
  EXPECT_TRUE(cron.meets_deadline);
}

// The batch in flight at the peak: 10 000 CPU-s in the hour need ⌈10000 / 2880⌉ = 4 workers,
// more than the release's 1.
TEST(OdooCronTest, BatchInFlightAtThePeakBinds) {
  MonthLoad load;
  load.heaviest_batch_cpu_s = 5400;
  load.heaviest_batch_deadline_h = 8;
  load.batch_cpu_s = {2000, 10000, 9000};
  const OdooCron cron = SizeOdooCron(load, OdooSettings{});
  EXPECT_EQ(cron.workers, 4);
  EXPECT_EQ(cron.pods, 2);
  EXPECT_EQ(cron.binding, kPeak);
  EXPECT_DOUBLE_EQ(cron.batch_duration_h, 5400.0 / (4 * 2880.0));
}

// No batch: one cron worker (Odoo's scheduled actions still run). An absurd batch is capped and
// reported as missing its deadline.
TEST(OdooCronTest, NoBatchAndAbsurdBatch) {
  const OdooCron idle = SizeOdooCron(MonthLoad{}, OdooSettings{});
  EXPECT_EQ(idle.workers, 1);
  EXPECT_EQ(idle.batch_duration_h, 0);
  EXPECT_TRUE(idle.meets_deadline);
  MonthLoad huge;
  huge.heaviest_batch_cpu_s = 1e15;
  huge.heaviest_batch_deadline_h = 1;
  const OdooCron capped = SizeOdooCron(huge, OdooSettings{});
  EXPECT_EQ(capped.workers, kMaxCronWorkers);
  EXPECT_FALSE(capped.meets_deadline);
  EXPECT_GT(capped.batch_duration_h, 1);
}

}  // namespace
}  // namespace headroom
