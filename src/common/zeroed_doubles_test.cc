#include "common/zeroed_doubles.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <utility>

namespace headroom {
namespace {

TEST(ZeroedDoubles, StartsAtZeroAndHoldsWhatIsWritten) {
  ZeroedDoubles a(3'000'000);  // 24 MB: several huge pages
  ASSERT_EQ(a.size(), 3'000'000U);
  for (size_t i = 0; i < a.size(); i += 4099) EXPECT_EQ(a.data()[i], 0.0) << i;
  EXPECT_EQ(a.data()[a.size() - 1], 0.0);
  for (size_t i = 0; i < a.size(); ++i) a.data()[i] = static_cast<double>(i);
  double sum = 0;
  for (double v : a.span()) sum += v;
  EXPECT_EQ(sum, 3'000'000.0 * 2'999'999.0 / 2);  // exact: below 2^53
}

TEST(ZeroedDoubles, StartsOnAHugePageBoundary) {
  ZeroedDoubles a(10);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(a.data()) % (uintptr_t{2} << 20), 0U);
}

TEST(ZeroedDoubles, EmptyHasNoMemory) {
  ZeroedDoubles a;
  EXPECT_EQ(a.data(), nullptr);
  EXPECT_EQ(a.size(), 0U);
  ZeroedDoubles b(0);
  EXPECT_EQ(b.data(), nullptr);
}

TEST(ZeroedDoubles, MovesOwnership) {
  ZeroedDoubles a(1000);
  a.data()[999] = 7;
  ZeroedDoubles b(std::move(a));
  EXPECT_EQ(a.data(), nullptr);  // NOLINT(bugprone-use-after-move): the moved-from state is API
  EXPECT_EQ(b.data()[999], 7);
  ZeroedDoubles c(5);
  c = std::move(b);
  EXPECT_EQ(c.size(), 1000U);
  EXPECT_EQ(c.data()[999], 7);
}

}  // namespace
}  // namespace headroom
