#include "queueing/erlang.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "queueing/reference_for_test.h"

namespace headroom::queueing {
namespace {

double RelativeError(double value, long double reference) {
  if (reference == 0.0L) return std::abs(value);
  return static_cast<double>(std::fabs((static_cast<long double>(value) - reference) / reference));
}

TEST(ErlangTest, ExactSmallValues) {
  // B(1, a) = a / (1 + a); B(2, 1) = (1/2) / (1 + 1 + 1/2) = 1/5; B(3, 2) = (4/3) / (19/3).
  EXPECT_DOUBLE_EQ(ErlangB(1, 1.0), 0.5);
  EXPECT_DOUBLE_EQ(ErlangB(2, 1.0), 0.2);
  EXPECT_DOUBLE_EQ(ErlangB(3, 2.0), 4.0 / 19.0);
  // C(1, a) = a (M/M/1: P(wait) = ρ); C(2, 1) = 1/3.
  EXPECT_DOUBLE_EQ(ErlangC(1, 0.25), 0.25);
  EXPECT_DOUBLE_EQ(ErlangC(2, 1.0), 1.0 / 3.0);
}

TEST(ErlangTest, PublishedTableValue) {
  // Erlang B tables: a = 10 erlangs on 10 circuits blocks 0.21458 (5 decimals published).
  EXPECT_NEAR(ErlangB(10, 10.0), 0.21458, 5e-6);
  // PDQ's M/M/4 example (λ = 0.35/min, S = 10 min): C(4, 3.5) = 0.737861 (6 decimals).
  EXPECT_NEAR(ErlangC(4, 3.5), 0.737861, 5e-7);
}

TEST(ErlangTest, Boundaries) {
  EXPECT_EQ(ErlangB(0, 3.0), 1.0);
  EXPECT_EQ(ErlangB(5, 0.0), 0.0);
  EXPECT_EQ(ErlangC(0, 3.0), 1.0);
  EXPECT_EQ(ErlangC(5, 0.0), 0.0);
  EXPECT_EQ(ErlangC(5, 5.0), 1.0);  // ρ = 1: saturated
  EXPECT_EQ(ErlangC(5, 7.5), 1.0);  // ρ > 1: saturated
  EXPECT_EQ(ErlangC(100000, 1e5), 1.0);
  // Tiny loads: B ≈ a^c / c!, far below the double range for c = 1000.
  EXPECT_EQ(ErlangB(1000, 1e-300), 0.0);
  const double tiny = 1e-10;
  EXPECT_DOUBLE_EQ(ErlangB(2, tiny), (tiny * tiny / 2) / (1 + tiny + tiny * tiny / 2));
  // Huge loads: B → 1 − c/a.
  EXPECT_NEAR(ErlangB(10, 1e300), 1.0, 1e-15);
  EXPECT_NEAR(ErlangB(1000000, 1e12), 1.0 - 1e-6, 1e-12);
}

// The requirement: Erlang C within 1e-9 relative of an exact value for c = 1 … 10^5, including
// ρ = 0.99. The reference is the long-double summation in reference_for_test.h.
TEST(ErlangTest, MatchesLongDoubleReferenceForEveryServerCountUpTo2000) {
  double worst = 0.0;
  for (int64_t c = 1; c <= 2000; ++c) {
    for (double rho : {0.1, 0.5, 0.8, 0.95, 0.99}) {
      const double a = rho * static_cast<double>(c);
      const long double b = testing::ErlangB(c, a);
      if (b < 1e-290L) continue;  // below the double range: both are 0 to double precision
      worst = std::max(worst, RelativeError(ErlangC(c, a), testing::ErlangC(c, a)));
      worst = std::max(worst, RelativeError(ErlangB(c, a), b));
    }
  }
  RecordProperty("worst_relative_error", std::to_string(worst));
  EXPECT_LT(worst, 1e-12);
}

TEST(ErlangTest, MatchesLongDoubleReferenceUpToAMillionServers) {
  const std::vector<int64_t> servers = {
      1,   2,   5,   10,  19,   20,   21,    30,    48,    49,    50,     64,     100,
      199, 200, 201, 500, 1000, 3000, 10000, 30000, 65536, 99999, 100000, 300000, 1000000};
  const std::vector<double> utilisations = {1e-3, 0.01, 0.1, 0.3,  0.5,  0.7,   0.71,
                                            0.75, 0.8,  0.9, 0.95, 0.99, 0.999, 0.9999};
  double worst_c = 0.0;
  double worst_b = 0.0;
  for (int64_t c : servers) {
    for (double rho : utilisations) {
      const double a = rho * static_cast<double>(c);
      const long double b = testing::ErlangB(c, a);
      if (b < 1e-290L) continue;  // below the double range: both are 0 to double precision
      worst_b = std::max(worst_b, RelativeError(ErlangB(c, a), b));
      worst_c = std::max(worst_c, RelativeError(ErlangC(c, a), testing::ErlangC(c, a)));
    }
  }
  RecordProperty("worst_relative_error_b", std::to_string(worst_b));
  RecordProperty("worst_relative_error_c", std::to_string(worst_c));
  EXPECT_LT(worst_c, 1e-9);   // the requirement
  EXPECT_LT(worst_c, 1e-12);  // what the implementation achieves
  EXPECT_LT(worst_b, 1e-12);
}

TEST(ErlangTest, ErlangBOverloadMatchesReference) {
  // Loss systems are meaningful above a = c too.
  double worst = 0.0;
  for (int64_t c : {1, 10, 48, 49, 100, 1000, 10000, 100000}) {
    for (double rho : {1.0, 1.01, 1.1, 1.29, 1.3, 1.31, 1.5, 2.0, 5.0, 100.0}) {
      const double a = rho * static_cast<double>(c);
      worst = std::max(worst, RelativeError(ErlangB(c, a), testing::ErlangB(c, a)));
    }
  }
  EXPECT_LT(worst, 1e-12);
}

TEST(ErlangTest, ErlangCDecreasesWithServersAndIncreasesWithLoad) {
  double previous = 1.0;
  for (int64_t c = 101; c <= 200; ++c) {
    const double value = ErlangC(c, 100.0);
    EXPECT_LT(value, previous);
    previous = value;
  }
  previous = 0.0;
  for (int load = 10; load < 100; ++load) {
    const double value = ErlangC(100, static_cast<double>(load));
    EXPECT_GT(value, previous);
    previous = value;
  }
}

TEST(ErlangTest, FiniteEverywhere) {
  for (int64_t c : {int64_t{0}, int64_t{1}, int64_t{2}, int64_t{48}, int64_t{49}, int64_t{1000},
                    int64_t{1000000}, int64_t{1000000000}, int64_t{1} << 50}) {
    for (double a : {0.0, 1e-300, 1e-10, 0.5, 1.0, 47.0, 49.0, 999.0, 1e6, 1e9, 1e15, 1e300}) {
      const double b = ErlangB(c, a);
      const double cw = ErlangC(c, a);
      EXPECT_TRUE(std::isfinite(b) && b >= 0.0 && b <= 1.0) << c << " " << a << " " << b;
      EXPECT_TRUE(std::isfinite(cw) && cw >= 0.0 && cw <= 1.0) << c << " " << a << " " << cw;
    }
  }
}

}  // namespace
}  // namespace headroom::queueing
