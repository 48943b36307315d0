#include "common/random.h"

#include <gtest/gtest.h>

#include <cmath>

namespace headroom {
namespace {

TEST(RandomStream, SameSeedAndNameGiveSameSequence) {
  RandomStream a(42, "tenants/meridian/users_per_site");
  RandomStream b(42, "tenants/meridian/users_per_site");
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.NextU64(), b.NextU64());
}

TEST(RandomStream, NamesAndSeedsGiveDifferentSequences) {
  RandomStream a(42, "a");
  RandomStream b(42, "b");
  RandomStream c(43, "a");
  const uint64_t first = a.NextU64();
  EXPECT_NE(first, b.NextU64());
  EXPECT_NE(first, c.NextU64());
}

TEST(RandomStream, UniformIsInsideOpenUnitIntervalWithMeanHalf) {
  RandomStream s(7, "uniform");
  double sum = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = s.NextUniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  // Standard error of the mean of U(0,1) is sqrt(1/12/n) ≈ 0.00065; allow 5 of them.
  EXPECT_NEAR(sum / n, 0.5, 0.0033);
}

TEST(RandomStream, ExponentialHasMeanOneOverRate) {
  RandomStream s(9, "exp");
  double sum = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) sum += s.NextExponential(4.0);
  // Mean 0.25, standard error 0.25/sqrt(n) ≈ 0.00056; allow 5 of them.
  EXPECT_NEAR(sum / n, 0.25, 0.0028);
}

TEST(InverseNormalCdf, MatchesPublishedQuantiles) {
  // Standard normal quantiles (Abramowitz & Stegun, table 26.5).
  EXPECT_NEAR(InverseNormalCdf(0.5), 0.0, 1e-15);
  EXPECT_NEAR(InverseNormalCdf(0.9), 1.2815515655446004, 1e-14);
  EXPECT_NEAR(InverseNormalCdf(0.95), 1.6448536269514722, 1e-14);
  EXPECT_NEAR(InverseNormalCdf(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(InverseNormalCdf(0.01), -2.3263478740408408, 1e-14);
  EXPECT_NEAR(InverseNormalCdf(1e-10), -6.361340902404056, 1e-12);
}

TEST(InverseNormalCdf, InvertsTheCdf) {
  for (double p = 0.001; p < 1.0; p += 0.01) {
    EXPECT_NEAR(NormalCdf(InverseNormalCdf(p)), p, 1e-14) << p;
  }
}

TEST(HashName, IsFnv1a) {
  // FNV-1a 64 of the empty string is the offset basis; of "a" it is 0xaf63dc4c8601ec8c.
  EXPECT_EQ(HashName(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(HashName("a"), 0xaf63dc4c8601ec8cULL);
}

}  // namespace
}  // namespace headroom
