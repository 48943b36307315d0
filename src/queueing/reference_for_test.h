#pragma once
// Independent long-double references for the queueing tests: plain summations carried in
// 64-bit-mantissa arithmetic with Kahan compensation, sharing no code with the library.

#include <cmath>
#include <cstdint>

namespace headroom::queueing::testing {

// Kahan–Neumaier compensated sum in long double.
class KahanSum {
 public:
  void Add(long double x) {
    const long double t = sum_ + x;
    if (std::fabs(sum_) >= std::fabs(x)) {
      compensation_ += (sum_ - t) + x;
    } else {
      compensation_ += (x - t) + sum_;
    }
    sum_ = t;
  }
  long double Value() const { return sum_ + compensation_; }
  void Scale(long double factor) {
    sum_ *= factor;
    compensation_ *= factor;
  }

 private:
  long double sum_ = 0.0L;
  long double compensation_ = 0.0L;
};

// ln(1/B(c, a)) = ln Σ_{j=0}^{c} c! / ((c − j)! a^j), summed from j = 0 with the term ratio
// (c − j + 1) / a, rescaled whenever the terms grow past 1e4000 so that nothing overflows.
inline long double LogInverseErlangB(int64_t c, long double a) {
  KahanSum sum;
  sum.Add(1.0L);
  long double term = 1.0L;
  long double log_scale = 0.0L;
  constexpr long double kBig = 1e4000L;
  const long double log_big = std::log(kBig);
  for (int64_t j = 1; j <= c; ++j) {
    const long double ratio = static_cast<long double>(c - j + 1) / a;
    term *= ratio;
    sum.Add(term);
    if (term > kBig) {
      term /= kBig;
      sum.Scale(1.0L / kBig);
      log_scale += log_big;
    }
    if (ratio < 1.0L && term < 1e-30L * sum.Value()) break;  // the rest is negligible
  }
  return std::log(sum.Value()) + log_scale;
}

inline long double ErlangB(int64_t c, long double a) {
  if (c == 0) return 1.0L;
  return std::exp(-LogInverseErlangB(c, a));
}

inline long double ErlangC(int64_t c, long double a) {
  const long double b = ErlangB(c, a);
  const long double cc = static_cast<long double>(c);
  return cc * b / (cc - a + a * b);
}

// ln(a^c e^−a / c!) in long double; for c >= 20 with a = c (1 + σ) and Stirling's series,
// c (ln(1 + σ) − σ) − ½ ln(2πc) − (1/(12c) − 1/(360c³) + 1/(1260c⁵) − 1/(1680c⁷)),
// so that the large terms c ln c cancel analytically.
inline long double LogPoissonPmf(int64_t c, long double a) {
  const long double n = static_cast<long double>(c);
  if (c < 20) return n * std::log(a) - a - std::lgamma(n + 1.0L);
  const long double pi = 3.14159265358979323846264L;
  const long double sigma = (a - n) / n;
  const long double n2 = n * n;
  const long double series =
      (1.0L / 12 - (1.0L / 360 - (1.0L / 1260 - 1.0L / (1680 * n2)) / n2) / n2) / n;
  return n * (std::log1p(sigma) - sigma) - 0.5L * std::log(2.0L * pi * n) - series;
}

// Q(c + 1, a) = P(Poisson(a) <= c) = pmf(c) / B(c, a).
inline long double UpperGammaInteger(int64_t c, long double a) {
  if (c == 0) return std::exp(-a);
  return std::exp(LogPoissonPmf(c, a) + LogInverseErlangB(c, a));
}

// Q(n + ½, x) = erfc(√x) + e^−x Σ_{j=1}^{n} x^(j−½) / Γ(j + ½), from Q(½, x) = erfc(√x) and
// Γ(s + 1, x) = s Γ(s, x) + x^s e^−x (DLMF 8.8.2); for x up to a few thousand.
inline long double UpperGammaHalfInteger(int64_t n, long double x) {
  const long double pi = 3.14159265358979323846264L;
  KahanSum sum;
  long double term = 2.0L * std::sqrt(x / pi);  // x^½ / Γ(3/2)
  for (int64_t j = 1; j <= n; ++j) {
    sum.Add(term);
    term *= x / (static_cast<long double>(j) + 0.5L);
  }
  return std::erfc(std::sqrt(x)) + std::exp(-x) * sum.Value();
}

}  // namespace headroom::queueing::testing
