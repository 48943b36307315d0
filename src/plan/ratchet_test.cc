#include "plan/ratchet.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

TEST(Ratchet, GrowsAtOnceAndNeverDipsBetweenPeaks) {
  EXPECT_EQ(Ratchet({2, 4, 3, 5, 1}), (std::vector<double>{2, 4, 4, 5, 1}));
}

TEST(Ratchet, ShrinksOnlyToWhatNoLaterMonthExceeds) {
  // After the peak of 8 the need falls for good to 3, then 2: capacity follows it down, but
  // the dip to 1 in month 4 is held at the later 2.
  EXPECT_EQ(Ratchet({8, 3, 3, 1, 2}), (std::vector<double>{8, 3, 3, 2, 2}));
}

TEST(Ratchet, NeverBelowNeed) {
  const std::vector<double> need = {1, 7, 2, 9, 3, 3, 8, 1};
  const std::vector<double> planned = Ratchet(need);
  for (size_t i = 0; i < need.size(); ++i) EXPECT_GE(planned[i], need[i]);
  // No shrink-and-regrow: once it decreases it never exceeds the level it left.
  for (size_t i = 1; i + 1 < need.size(); ++i) {
    if (planned[i] < planned[i - 1]) {
      for (size_t k = i; k < need.size(); ++k) EXPECT_LE(planned[k], planned[i - 1]);
    }
  }
  EXPECT_TRUE(Ratchet({}).empty());
}

}  // namespace
}  // namespace headroom
