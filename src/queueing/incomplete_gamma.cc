#include "queueing/incomplete_gamma.h"

#include <cassert>
#include <cmath>
#include <limits>
#include <numbers>

#include "queueing/temme_coefficients.h"

namespace headroom::queueing {
namespace {

constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
// Lentz's guard against a zero denominator (Thompson & Barnett 1986).
constexpr double kLentzTiny = 1e-300;
// Every loop below converges long before this; it only bounds the work on absurd inputs.
constexpr int kMaxTerms = 1'000'000;
constexpr double kHalfLog2Pi = 0.91893853320467274178;  // ln √(2π)
// Temme's expansion is used for s > kTemmeMinShape and |x − s| < kTemmeBand · s: there
// |η| < 0.34, where the 25 × 25 coefficient table is exhausted below 1e-17 (the thresholds of
// DiDonato & Morris 1986 and of Cephes' igam).
constexpr double kTemmeMinShape = 20.0;
constexpr double kTemmeBand = 0.3;

// ln(1 + x) − x without cancellation near 0 (series for |x| < 1/2).
double Log1pMinusX(double x) {
  if (std::abs(x) >= 0.5) return std::log1p(x) - x;
  double power = x;
  double sum = 0.0;
  for (int n = 2; n < 200; ++n) {
    power *= -x;
    const double term = power / n;
    sum += term;
    if (std::abs(term) <= kEpsilon * std::abs(sum)) break;
  }
  return sum;
}

// ln Γ(s + 1) − (s + ½) ln s + s − ln √(2π): the error of Stirling's formula (Loader 2000),
// from the Stirling series for s > 15 (B_2k / (2k (2k − 1) s^(2k−1))).
double StirlingError(double s) {
  if (s <= 15.0) return std::lgamma(s + 1.0) - (s + 0.5) * std::log(s) + s - kHalfLog2Pi;
  constexpr double kS0 = 1.0 / 12, kS1 = 1.0 / 360, kS2 = 1.0 / 1260, kS3 = 1.0 / 1680,
                   kS4 = 1.0 / 1188;
  const double s2 = s * s;
  if (s > 500) return (kS0 - kS1 / s2) / s;
  if (s > 80) return (kS0 - (kS1 - kS2 / s2) / s2) / s;
  if (s > 35) return (kS0 - (kS1 - (kS2 - kS3 / s2) / s2) / s2) / s;
  return (kS0 - (kS1 - (kS2 - (kS3 - kS4 / s2) / s2) / s2) / s2) / s;
}

// k ln(k / m) + m − k, the deviance term of Loader (2000). For k / m in (1/3, 3) by the series
// in v = (k − m) / (k + m), (k − m) v + 2k Σ v^(2j+1) / (2j + 1), whose terms shrink by v² <= 1/4
// and barely cancel (Loader switches at |v| < 0.1; the wider band keeps ~15 digits where the
// closed form would lose k |ln(k/m)| / deviance of them).
double Deviance(double k, double m) {
  if (std::abs(k - m) < 0.5 * (k + m)) {
    double v = (k - m) / (k + m);
    double sum = (k - m) * v;
    double term = 2.0 * k * v;
    v *= v;
    for (int j = 1; j < 1000; ++j) {
      term *= v;
      const double next = sum + term / (2 * j + 1);
      if (next == sum) return next;
      sum = next;
    }
    return sum;
  }
  // ln(k / m) rounds once, where ln k − ln m would lose k ln k · 2^−53 to cancellation;
  // the difference of logarithms is only needed when k / m leaves the normal range.
  const double ratio = k / m;
  const bool normal =
      ratio > std::numeric_limits<double>::min() && ratio < std::numeric_limits<double>::max();
  return k * (normal ? std::log(ratio) : std::log(k) - std::log(m)) + m - k;
}

// m^k e^−m / Γ(k + 1) for real k >= 0, m >= 0: the Poisson probability extended to real k.
double PoissonTerm(double k, double m) {
  if (m == 0.0) return k == 0.0 ? 1.0 : 0.0;
  if (k == 0.0) return std::exp(-m);
  if (k < 10.0) return std::exp(k * std::log(m) - m - std::lgamma(k + 1.0));
  return std::exp(-StirlingError(k) - Deviance(k, m)) / std::sqrt(2.0 * std::numbers::pi * k);
}

// Σ_{n≥0} x^n / ((s+1)(s+2)…(s+n)), so that P(s, x) = PoissonTerm(s, x) · sum (DLMF 8.7.1).
// REQUIRES: x < s + 1 (after the first term the ratio x / (s + n) is below 1).
double LowerSeries(double s, double x) {
  double sum = 1.0;
  double term = 1.0;
  for (int n = 1; n < kMaxTerms; ++n) {
    const double ratio = x / (s + n);
    term *= ratio;
    sum += term;
    // The neglected tail is below term · ratio / (1 − ratio).
    if (ratio < 1.0 && term * ratio <= 0.5 * kEpsilon * sum * (1.0 - ratio)) break;
  }
  return sum;
}

// The continued fraction h with Q(s, x) = x^s e^−x / Γ(s) · h (DLMF 8.9.2, Legendre's form),
// by the modified Lentz algorithm. REQUIRES: x >= s + 1 (h is then about 1 / (x − s + 1)).
double UpperFraction(double s, double x) {
  double b = x + 1.0 - s;
  double c = 1.0 / kLentzTiny;
  double d = 1.0 / b;
  double h = d;
  for (int i = 1; i < kMaxTerms; ++i) {
    const double an = -i * (i - s);
    b += 2.0;
    d = an * d + b;
    if (std::abs(d) < kLentzTiny) d = kLentzTiny;
    c = b + an / c;
    if (std::abs(c) < kLentzTiny) c = kLentzTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) <= kEpsilon) break;
  }
  return h;
}

// Temme's variables for (s, x) in the transition band: z = η √(s/2) (so z² = s (λ − 1 − ln λ)
// with λ = x / s) and the sum T = Σ_k c_k(η) s^−k of DLMF 8.12.8, so that
// Q(s, x) = erfc(z) / 2 + e^(−z²) T / √(2πs).
struct Temme {
  double z = 0.0;
  double z_squared = 0.0;
  double sum = 0.0;
};

Temme TemmeExpansion(double s, double x) {
  const double sigma = (x - s) / s;  // λ − 1; exact here, since x and s are within 30%
  const double half_eta_squared = -Log1pMinusX(sigma);
  const double eta = std::copysign(std::sqrt(2.0 * half_eta_squared), sigma);
  Temme t;
  t.z_squared = s * half_eta_squared;
  t.z = std::copysign(std::sqrt(t.z_squared), sigma);
  double scale = 1.0;  // s^−k
  double previous = std::numeric_limits<double>::max();
  for (int k = 0; k < internal::kTemmeRows; ++k) {
    const double* row = internal::kTemmeD[k];
    double ck = row[internal::kTemmeColumns - 1];
    for (int n = internal::kTemmeColumns - 2; n >= 0; --n) ck = ck * eta + row[n];
    const double term = ck * scale;
    if (std::abs(term) > previous) break;  // the asymptotic series has started to diverge
    t.sum += term;
    if (std::abs(term) <= kEpsilon * std::abs(t.sum)) break;
    previous = std::abs(term);
    scale /= s;
  }
  return t;
}

bool InTemmeBand(double s, double x) {
  return s > kTemmeMinShape && std::abs(x - s) < kTemmeBand * s;
}

// The smaller tail in Temme's band: Q when z >= 0, P when z < 0 (DLMF 8.12.3, 8.12.4), written
// with the scaled erfc so that nothing underflows before the final product.
double TemmeSmallerTail(double s, const Temme& t) {
  const double factor = 1.0 / std::sqrt(2.0 * std::numbers::pi * s);
  const double weight = std::exp(-t.z_squared);
  if (t.z >= 0.0) return weight * (0.5 * ScaledErfc(t.z) + t.sum * factor);
  return weight * (0.5 * ScaledErfc(-t.z) - t.sum * factor);
}

double Clamp01(double p) { return p < 0.0 ? 0.0 : (p > 1.0 ? 1.0 : p); }

}  // namespace

double ScaledErfc(double z) {
  assert(z >= 0.0);
  if (z < 0.5) return std::exp(z * z) * std::erfc(z);
  if (z < 12.0) {
    // e^(z²) with z² split into hi + lo exactly, so that the rounding of z² (which exp would
    // amplify by z²) does not enter.
    const double hi = z * z;
    const double lo = std::fma(z, z, -hi);
    return std::exp(hi) * (1.0 + lo) * std::erfc(z);
  }
  // Asymptotic series (DLMF 7.12.1): 1/(z√π) Σ (−1)^m (2m−1)!! / (2z²)^m; at z >= 12 the
  // terms fall below 1e-17 before they start to grow.
  const double inverse_two_z2 = 0.5 / (z * z);
  double term = 1.0;
  double sum = 1.0;
  for (int m = 1; m < 40; ++m) {
    term *= -(2.0 * m - 1.0) * inverse_two_z2;
    sum += term;
    if (std::abs(term) <= kEpsilon * sum) break;
  }
  return sum / (z * std::sqrt(std::numbers::pi));
}

double RegularisedGammaP(double s, double x) {
  assert(s > 0.0 && x >= 0.0);
  if (x == 0.0) return 0.0;
  if (InTemmeBand(s, x)) {
    const Temme t = TemmeExpansion(s, x);
    const double smaller = TemmeSmallerTail(s, t);
    return Clamp01(t.z >= 0.0 ? 1.0 - smaller : smaller);
  }
  if (x < s + 1.0) return Clamp01(PoissonTerm(s, x) * LowerSeries(s, x));
  return Clamp01(1.0 - s * PoissonTerm(s, x) * UpperFraction(s, x));
}

double RegularisedGammaQ(double s, double x) {
  assert(s > 0.0 && x >= 0.0);
  if (x == 0.0) return 1.0;
  if (InTemmeBand(s, x)) {
    const Temme t = TemmeExpansion(s, x);
    const double smaller = TemmeSmallerTail(s, t);
    return Clamp01(t.z >= 0.0 ? smaller : 1.0 - smaller);
  }
  if (x < s + 1.0) return Clamp01(1.0 - PoissonTerm(s, x) * LowerSeries(s, x));
  return Clamp01(s * PoissonTerm(s, x) * UpperFraction(s, x));
}

double GammaDensity(double s, double x) {
  assert(s > 0.0 && x >= 0.0);
  if (x == 0.0) {
    if (s < 1.0) return std::numeric_limits<double>::max();
    return s == 1.0 ? 1.0 : 0.0;
  }
  if (s >= 1.0) return PoissonTerm(s - 1.0, x);
  // x^(s−1) e^−x / Γ(s) = PoissonTerm(s, x) · s / x.
  const double density = PoissonTerm(s, x) * (s / x);
  return std::isfinite(density) ? density : std::numeric_limits<double>::max();
}

double GammaHazard(double s, double x) {
  assert(s >= 1.0 && x >= 0.0);
  if (x == 0.0) return s == 1.0 ? 1.0 : 0.0;
  if (InTemmeBand(s, x)) {
    // density = e^(−z²) / (λ Γ*(s) √(2πs)) with Γ*(s) = e^StirlingError(s), λ = x / s; the
    // common factor e^(−z²) is divided out of density / Q (DLMF 8.12.3).
    const Temme t = TemmeExpansion(s, x);
    const double lambda_gamma_star = (x / s) * std::exp(StirlingError(s));
    const double root = std::sqrt(0.5 * std::numbers::pi * s);  // √(2πs) / 2
    if (t.z >= 0.0) return 1.0 / (lambda_gamma_star * (root * ScaledErfc(t.z) + t.sum));
    const double weight = std::exp(-t.z_squared);
    return weight / (lambda_gamma_star * (2.0 * root - weight * (root * ScaledErfc(-t.z) - t.sum)));
  }
  if (x < s + 1.0) {
    const double q = 1.0 - PoissonTerm(s, x) * LowerSeries(s, x);
    return PoissonTerm(s - 1.0, x) / q;
  }
  // Q = x^s e^−x / Γ(s) · h and density = x^(s−1) e^−x / Γ(s): the prefactors cancel.
  return 1.0 / (x * UpperFraction(s, x));
}

}  // namespace headroom::queueing
