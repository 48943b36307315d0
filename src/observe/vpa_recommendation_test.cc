#include "observe/vpa_recommendation.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

// numpy.percentile([1..10], 90) = 9.1 (linear interpolation: h = 0.9 × 9 = 8.1).
TEST(Vpa, PercentileMatchesNumpyDefault) {
  EXPECT_DOUBLE_EQ(Percentile({10, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 0.9), 9.1);
  EXPECT_DOUBLE_EQ(Percentile({5}, 0.9), 5.0);
  EXPECT_DOUBLE_EQ(Percentile({1, 3}, 0.5), 2.0);
}

// CPU samples 0.1 .. 1.0 cores: p90 = 0.91 cores, × 1.15 = 1046.5 millicores. Memory peaks
// 100 .. 1000 MiB: p90 = 910 MiB, × 1.15 = 1046.5 MiB.
TEST(Vpa, NinetiethPercentilePlusFifteenPercent) {
  std::vector<double> cpu;
  std::vector<double> memory;
  for (int i = 1; i <= 10; ++i) {
    cpu.push_back(0.1 * i);
    memory.push_back(100.0 * i);
  }
  Result<VpaRecommendation> r = RecommendLikeVpa(cpu, memory);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r.value().cpu_millicores, 1046.5, 1e-9);
  EXPECT_NEAR(r.value().memory_mib, 1046.5, 1e-9);
}

// Idle workloads get VPA's floors: 25 millicores and 250 MB (238.4185791015625 MiB).
TEST(Vpa, FloorsForIdleWorkloads) {
  Result<VpaRecommendation> r = RecommendLikeVpa({0.001, 0.002}, {10, 12});
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r.value().cpu_millicores, 25);
  EXPECT_DOUBLE_EQ(r.value().memory_mib, 238.4185791015625);
}

TEST(Vpa, NoOrBadSamplesAreErrors) {
  EXPECT_FALSE(RecommendLikeVpa({}, {1}).ok());
  EXPECT_FALSE(RecommendLikeVpa({1}, {-1}).ok());
}

}  // namespace
}  // namespace headroom
