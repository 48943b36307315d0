#include "demand/windows.h"

#include <gtest/gtest.h>

#include <vector>

namespace headroom {
namespace {

TEST(QuantileTest, Type7LinearInterpolation) {
  const std::vector<double> x = {1, 2, 3, 4};
  // h = (n - 1) p: p = 0.1 → h = 0.3 → 1 + 0.3 × (2 − 1).
  EXPECT_DOUBLE_EQ(QuantileSorted(x, 0.1), 1.3);
  EXPECT_DOUBLE_EQ(QuantileSorted(x, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(QuantileSorted(x, 0.9), 3.7);
  EXPECT_DOUBLE_EQ(QuantileSorted(x, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(QuantileSorted(x, 1.0), 4.0);
  EXPECT_DOUBLE_EQ(QuantileSorted(std::vector<double>{7}, 0.9), 7.0);
  std::vector<double> unsorted = {4, 1, 3, 2};
  const Quantiles q = QuantilesOf(unsorted, 0.95);
  EXPECT_DOUBLE_EQ(q.p10, 1.3);
  EXPECT_DOUBLE_EQ(q.p50, 2.5);
  EXPECT_DOUBLE_EQ(q.planning, 3.85);
  EXPECT_DOUBLE_EQ(q.p90, 3.7);
}

TEST(RecoveryTest, PeakPlusBacklogOverDrain) {
  Planning plan;
  plan.backlog_return_share = 0.6;
  plan.backlog_drain_hours = 1.0;
  // 4 req/s for a 2-hour outage: 4 × 7200 × 0.6 = 17,280 requests come back, drained over
  // 3,600 s: 4.8 req/s on top of the peak.
  EXPECT_DOUBLE_EQ(BacklogRequests(4.0, 2.0, plan), 17280.0);
  EXPECT_DOUBLE_EQ(RecoveryRatePerS(4.0, 2.0, plan), 8.8);
  plan.backlog_drain_hours = 4.0;
  EXPECT_DOUBLE_EQ(RecoveryRatePerS(4.0, 2.0, plan), 5.2);
}

TEST(OfferedLoadTest, SumsRateTimesCpu) {
  const std::vector<double> rates = {10, 0.5, 0};
  const std::vector<double> cpu_ms = {115, 2300, 0};
  // 10 × 0.115 + 0.5 × 2.3 = 2.3 cores.
  EXPECT_DOUBLE_EQ(OfferedCpuCores(rates, cpu_ms), 2.3);
}

TEST(WindowTableTest, CellsAreIndependent) {
  WindowTable t(2, 3, 4);
  t.Rates(1, 2, WindowKind::kPeak)[3] = 5.0;
  t.Facts(1, 2, WindowKind::kPeak).hour = 42;
  EXPECT_EQ(t.At(1, 2, WindowKind::kPeak).rate_per_s[3], 5.0);
  EXPECT_EQ(t.At(1, 2, WindowKind::kPeak).facts.hour, 42);
  EXPECT_EQ(t.At(1, 2, WindowKind::kRecovery).rate_per_s[3], 0.0);
  EXPECT_EQ(t.At(0, 2, WindowKind::kPeak).facts.hour, -1);
  EXPECT_EQ(WindowKindName(WindowKind::kRecovery), "recovery");
}

}  // namespace
}  // namespace headroom
