#include "queueing/incomplete_gamma.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <vector>

#include "queueing/reference_for_test.h"

namespace headroom::queueing {
namespace {

double GammaRelativeError(double value, long double reference) {
  return static_cast<double>(std::fabs((static_cast<long double>(value) - reference) / reference));
}

// Long-double power series P(s, x) = x^s e^−x / Γ(s + 1) Σ x^n / ((s+1)…(s+n)) (DLMF 8.7.1),
// for x < s, where the prefactor is small enough that its rounding does not matter here.
long double SeriesP(long double s, long double x) {
  long double sum = 1.0L;
  long double term = 1.0L;
  for (int n = 1; n < 100000; ++n) {
    term *= x / (s + n);
    sum += term;
    if (term < 1e-25L * sum) break;
  }
  return std::exp(s * std::log(x) - x - std::lgamma(s + 1.0L)) * sum;
}

// Where a result is of order e^−L, its prefactor is exp of a sum of order L, so the relative
// error grows like L · 2^−53; the tolerances below are stated in that form, 4e-15 (1 + |ln Q|).
double Tolerance(long double reference) {
  if (reference == 0.0L) return 0.0;
  return 4e-15 * (1.0 + static_cast<double>(std::fabs(std::log(reference))));
}

TEST(IncompleteGammaTest, ClosedForms) {
  for (double x : {0.0, 1e-8, 0.1, 1.0, 2.5, 10.0, 50.0, 700.0}) {
    // Q(1, x) = e^−x; P(1, x) = 1 − e^−x; Q(2, x) = (1 + x) e^−x; Q(½, x) = erfc(√x).
    const double q1 = std::exp(-x);
    EXPECT_NEAR(RegularisedGammaQ(1.0, x), q1, Tolerance(q1) * q1) << x;
    const double p1 = -std::expm1(-x);
    EXPECT_NEAR(RegularisedGammaP(1.0, x), p1, Tolerance(p1) * p1) << x;
    const double q2 = (1 + x) * std::exp(-x);
    EXPECT_NEAR(RegularisedGammaQ(2.0, x), q2, Tolerance(q2) * q2) << x;
    const double q_half = std::erfc(std::sqrt(x));
    EXPECT_NEAR(RegularisedGammaQ(0.5, x), q_half, Tolerance(q_half) * q_half) << x;
  }
}

TEST(IncompleteGammaTest, IntegerShapesMatchPoissonSums) {
  // Q(c + 1, a) = P(Poisson(a) <= c): every regime (series, continued fraction, Temme) and the
  // boundaries between them (s = 20/21, |x − s| = 0.3 s).
  double worst = 0.0;
  for (int64_t c : {0, 1, 4, 19, 20, 21, 50, 199, 200, 1000, 10000, 100000, 1000000, 10000000}) {
    for (double rho :
         {0.01, 0.3, 0.69, 0.7, 0.71, 0.9, 0.99, 1.0, 1.01, 1.1, 1.29, 1.3, 1.31, 2.0, 5.0}) {
      const double s = static_cast<double>(c) + 1.0;
      const double x = rho * s;
      const long double q = testing::UpperGammaInteger(c, x);
      // Q near 1 is P's business (next tests); the reference loses digits there.
      if (q < 1e-290L || q > 0.999L) continue;
      worst = std::max(worst, GammaRelativeError(RegularisedGammaQ(s, x), q) / Tolerance(q));
    }
  }
  RecordProperty("worst_error_over_tolerance", std::to_string(worst));
  EXPECT_LT(worst, 1.0);
}

TEST(IncompleteGammaTest, HalfIntegerShapesMatchFiniteSums) {
  double worst = 0.0;
  for (int64_t n : {0, 1, 2, 10, 19, 20, 21, 100, 200, 1000, 2000}) {
    for (double rho : {0.01, 0.3, 0.7, 0.71, 0.99, 1.0, 1.01, 1.29, 1.31, 2.0}) {
      const double s = static_cast<double>(n) + 0.5;
      const double x = rho * s;
      const long double q = testing::UpperGammaHalfInteger(n, x);
      if (q < 1e-290L || q > 0.999L) continue;
      worst = std::max(worst, GammaRelativeError(RegularisedGammaQ(s, x), q) / Tolerance(q));
    }
  }
  RecordProperty("worst_error_over_tolerance", std::to_string(worst));
  EXPECT_LT(worst, 1.0);
}

// P where it is the small side (x < s), including Temme's band for s > 20. The long-double
// reference's own prefactor is good to about s · 1e-19.
TEST(IncompleteGammaTest, SmallLowerTailMatchesLongDoubleSeries) {
  double worst = 0.0;
  for (double s : {0.3, 1.0, 3.7, 20.5, 21.0, 64.0, 333.3, 5000.0, 20000.0}) {
    for (double rho : {1e-3, 0.1, 0.5, 0.69, 0.71, 0.8, 0.9, 0.97}) {
      const double x = rho * s;
      const long double p = SeriesP(s, x);
      if (p > 1e-290L) worst = std::max(worst, GammaRelativeError(RegularisedGammaP(s, x), p));
    }
  }
  RecordProperty("worst_relative_error", std::to_string(worst));
  EXPECT_LT(worst, 1e-12);
}

TEST(IncompleteGammaTest, PPlusQIsOne) {
  for (double s : {0.01, 0.5, 1.0, 7.5, 25.0, 1e3, 1e6, 1e12}) {
    for (double rho : {0.0, 0.2, 0.8, 1.0, 1.2, 3.0}) {
      const double x = rho * s;
      EXPECT_NEAR(RegularisedGammaP(s, x) + RegularisedGammaQ(s, x), 1.0, 4e-16) << s << " " << x;
    }
  }
}

TEST(IncompleteGammaTest, HazardIsErlangBRatio) {
  double worst = 0.0;
  for (int64_t c : {1, 5, 20, 21, 100, 1000, 100000, 1000000}) {
    for (double rho : {0.1, 0.7, 0.71, 0.99, 1.0, 1.3, 1.31, 10.0}) {
      const double a = rho * static_cast<double>(c);
      const long double b = testing::ErlangB(c, a);
      if (b > 1e-290L) {
        worst =
            std::max(worst, GammaRelativeError(GammaHazard(static_cast<double>(c) + 1.0, a), b));
      }
    }
  }
  EXPECT_LT(worst, 1e-12);
  EXPECT_EQ(GammaHazard(1.0, 0.0), 1.0);
  EXPECT_EQ(GammaHazard(3.0, 0.0), 0.0);
}

TEST(IncompleteGammaTest, GammaDensity) {
  // Gamma(s, 1) density: e^−x for s = 1; x e^−x for s = 2; Poisson(1e6) pmf at its mean is
  // about 1/√(2π 10^6) (1 − 1/(12·10^6)).
  EXPECT_NEAR(GammaDensity(1.0, 2.0), std::exp(-2.0), 1e-16);
  EXPECT_NEAR(GammaDensity(2.0, 3.0), 3.0 * std::exp(-3.0), 1e-16);
  const double n = 1e6;
  const double mode = 1.0 / std::sqrt(2.0 * std::numbers::pi * n) * (1.0 - 1.0 / (12.0 * n));
  EXPECT_NEAR(GammaDensity(n + 1.0, n), mode, 1e-12 * mode);
  EXPECT_EQ(GammaDensity(0.5, 0.0), std::numeric_limits<double>::max());
}

TEST(IncompleteGammaTest, ScaledErfcMatchesLongDouble) {
  double worst = 0.0;
  for (int i = 0; i < 1600; ++i) {
    const double z = i / 16.0;
    const long double ld = static_cast<long double>(z);
    const long double reference = std::exp(ld * ld) * std::erfc(ld);
    worst = std::max(worst, GammaRelativeError(ScaledErfc(z), reference));
  }
  EXPECT_LT(worst, 1e-15);
  EXPECT_NEAR(ScaledErfc(1e10), 1.0 / (1e10 * std::sqrt(std::numbers::pi)), 1e-26);
}

TEST(IncompleteGammaTest, FiniteAndInRangeForExtremeArguments) {
  for (double s : {1e-6, 0.5, 1.0, 20.0, 21.0, 1e4, 1e9, 1e15}) {
    for (double x : {0.0, 1e-300, 1e-6, 1.0, 20.0, 1e4, 1e9, 1e15, 1e300}) {
      const double p = RegularisedGammaP(s, x);
      const double q = RegularisedGammaQ(s, x);
      EXPECT_TRUE(std::isfinite(p) && p >= 0.0 && p <= 1.0) << s << " " << x;
      EXPECT_TRUE(std::isfinite(q) && q >= 0.0 && q <= 1.0) << s << " " << x;
      EXPECT_TRUE(std::isfinite(GammaDensity(s, x))) << s << " " << x;
      if (s >= 1.0) {
        EXPECT_TRUE(std::isfinite(GammaHazard(s, x))) << s << " " << x;
      }
    }
  }
}

}  // namespace
}  // namespace headroom::queueing
