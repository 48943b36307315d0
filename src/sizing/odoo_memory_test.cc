#include "sizing/odoo_memory.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

ClassLoad Class(const char* name, double rate_per_s, double app_cpu_ms, double db_cpu_ms,
                double db_reads, double memory_mib) {
  ClassLoad c;
  c.name = name;
  c.rate_per_s = {rate_per_s / 2, rate_per_s, rate_per_s};
  c.app_cpu_ms = app_cpu_ms;
  c.db_cpu_ms = db_cpu_ms;
  c.db_reads = db_reads;
  c.worker_memory_mib = memory_mib;
  return c;
}

// A mix at the peak, default settings (base 120 MiB, master 250 MiB, RSS/VMS 0.6), 6 workers:
//   interactive 10/s, S = 126 ms, 180 MiB; report 0.2/s, S = 3103 ms, 900 MiB;
//   api 2/s, S = 45 + 20 + 12 × 0.2 + 3 = 70.4 ms, 150 MiB; a bus (long-lived) is ignored.
// Request shares (of 12.2/s), by RSS: api 150 (16.4%), interactive 180 (cumulative 98.4%
// >= 95%), report 900: the p95 is 180 MiB.
//   soft = 180 / 0.6 = 300 → 320 MiB (64 MiB steps) = 335 544 320 bytes;
//   hard = 1.25 × max(320, 900 / 0.6 = 1500) = 1875 → 1920 MiB = 2 013 265 920 bytes.
// Worker-time weights λS: 1.26, 0.6206, 0.1408 (sum 2.0214): busy worker RSS
//   (1.26 × 180 + 0.6206 × 900 + 0.1408 × 150) / 2.0214 = 806.46 / 2.0214 = 398.96 MiB;
//   request = 250 + 6 × 398.96 = 2643.8 → 2688 MiB (64 MiB steps);
//   limit = 250 + 6 × 1920 × 0.6 = 7162 → 7168 MiB.
TEST(OdooMemoryTest, ReconciliationByHand) {
  MonthLoad load;
  load.classes = {Class("interactive", 10, 90, 25, 40, 180),
                  Class("report", 0.2, 1400, 900, 4000, 900), Class("api", 2, 45, 20, 12, 150),
                  Class("bus", 50, 2, 1, 0, 2)};
  load.classes.back().long_lived = true;
  const OdooMemory m = SizeOdooMemory(load, 6, OdooSettings{});
  EXPECT_DOUBLE_EQ(m.worker_rss_p95_mib, 180);
  EXPECT_DOUBLE_EQ(m.worker_rss_max_mib, 900);
  EXPECT_NEAR(m.busy_worker_rss_mib, 806.46 / 2.0214, 1e-9);
  EXPECT_EQ(m.limit_memory_soft_mib, 320);
  EXPECT_EQ(m.limit_memory_soft_bytes, 335544320);
  EXPECT_EQ(m.limit_memory_hard_mib, 1920);
  EXPECT_EQ(m.limit_memory_hard_bytes, 2013265920);
  EXPECT_EQ(m.pod_memory_request_mib, 2688);
  EXPECT_EQ(m.pod_memory_limit_mib, 7168);
}

// With heavy requests above 5% of the mix the soft limit covers them: interactive 10/s and
// report 1/s (9.1%) → p95 = 900 MiB, soft = 1500 MiB, hard = 1.25 × 1500 = 1875 → 1920 MiB.
// A class lighter than an idle worker counts as the idle worker (base 120 MiB).
TEST(OdooMemoryTest, HeavyShareAboveFivePercentSetsTheSoftLimit) {
  MonthLoad load;
  load.classes = {Class("interactive", 10, 90, 25, 40, 100),
                  Class("report", 1, 1400, 900, 4000, 900)};
  const OdooMemory m = SizeOdooMemory(load, 4, OdooSettings{});
  EXPECT_DOUBLE_EQ(m.worker_rss_p95_mib, 900);
  EXPECT_EQ(m.limit_memory_soft_mib, 1536);  // 1500 → 1536 (24 × 64)
  EXPECT_EQ(m.limit_memory_hard_mib, 1920);  // 1.25 × 1536 = 1920
  // Busy RSS: (10 × 0.126 × 120 + 1 × 3.103 × 900) / (1.26 + 3.103) = 2943.9 / 4.363 MiB.
  EXPECT_NEAR(m.busy_worker_rss_mib, (1.26 * 120 + 3.103 * 900) / 4.363, 1e-9);
}

// The pod limit is never below its request, and the hard limit (RSS) covers the heaviest class.
TEST(OdooMemoryTest, LimitCoversRequestAndHeaviestClass) {
  for (double heavy_share : {0.0, 0.01, 0.05, 0.2, 1.0}) {
    for (int workers : {1, 3, 8}) {
      MonthLoad load;
      load.classes = {Class("light", 10 * (1 - heavy_share), 60, 20, 10, 160),
                      Class("heavy", 10 * heavy_share, 2000, 500, 100, 1400)};
      const OdooSettings settings;
      const OdooMemory m = SizeOdooMemory(load, workers, settings);
      EXPECT_GE(m.pod_memory_limit_mib, m.pod_memory_request_mib);
      EXPECT_GE(m.limit_memory_hard_mib * settings.rss_per_vms, m.worker_rss_max_mib);
      EXPECT_GE(m.limit_memory_hard_mib, m.limit_memory_soft_mib);
    }
  }
}

// No load: every worker at the base.
TEST(OdooMemoryTest, NoLoad) {
  const OdooMemory m = SizeOdooMemory(MonthLoad{}, 2, OdooSettings{});
  EXPECT_EQ(m.limit_memory_soft_mib, 256);   // 120 / 0.6 = 200 → 256
  EXPECT_EQ(m.limit_memory_hard_mib, 320);   // 1.25 × 256
  EXPECT_EQ(m.pod_memory_request_mib, 512);  // 250 + 2 × 120 = 490 → 512
  EXPECT_EQ(m.pod_memory_limit_mib, 640);    // 250 + 2 × 320 × 0.6 = 634 → 640
}

}  // namespace
}  // namespace headroom
