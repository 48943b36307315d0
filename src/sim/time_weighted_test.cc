#include "sim/time_weighted.h"

#include <gtest/gtest.h>

namespace headroom::sim {
namespace {

TEST(TimeWeightedTest, IntegratesAPiecewiseConstantLevelExactly) {
  // Level 0 on [0, 1), 2 on [1, 4), 1 on [4, 10): area 0 + 6 + 6 = 12 over 10 s.
  TimeWeighted level(0.0);
  level.Set(1.0, 2.0);
  level.Set(4.0, 1.0);
  EXPECT_DOUBLE_EQ(level.Integral(10.0), 12.0);
  EXPECT_DOUBLE_EQ(level.Mean(10.0), 1.2);
  EXPECT_DOUBLE_EQ(level.max(), 2.0);
  EXPECT_DOUBLE_EQ(level.level(), 1.0);
}

TEST(TimeWeightedTest, ResetStartsANewWindowAtTheCurrentLevel) {
  TimeWeighted level(0.0);
  level.Add(0.0, 5.0);
  level.Set(2.0, 3.0);
  level.Reset(2.5);  // the warm-up: level 3 carries over, the first 2.5 s are forgotten
  EXPECT_DOUBLE_EQ(level.max(), 3.0);
  EXPECT_DOUBLE_EQ(level.Mean(2.5), 3.0);  // empty window: the current level
  level.Add(3.5, -1.0);                    // 3 on [2.5, 3.5), 2 on [3.5, 6.5)
  EXPECT_DOUBLE_EQ(level.Integral(6.5), 9.0);
  EXPECT_DOUBLE_EQ(level.Mean(6.5), 9.0 / 4.0);
  EXPECT_DOUBLE_EQ(level.start_s(), 2.5);
}

}  // namespace
}  // namespace headroom::sim
