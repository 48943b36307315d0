#pragma once
// Quantiles of continuous waiting- and response-time distributions: solves S(t) = 1 − p for a
// survival function S that is continuous and strictly decreasing on (0, ∞), by Newton's method
// on ln S (exact in one step for an exponential tail) safeguarded by bisection inside a bracket
// that is grown by doubling. Deterministic: the same inputs give the same iterates.

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::queueing {

// A time computed in units of the service time and scaled back to seconds, capped at the largest
// double so that no result is infinite.
inline double CappedSeconds(double seconds) {
  return std::min(seconds, std::numeric_limits<double>::max());
}

// A survival function value and the density at the same time t.
struct TailPoint {
  double survival = 0.0;  // P(T > t), in [0, 1]
  double density = 0.0;   // −dS/dt, >= 0
};

// Returns the p-quantile t >= 0 (the smallest t with S(t) <= 1 − p), to a relative precision of
// 1e-13. `tail(t)` returns the TailPoint at t. `scale` is a positive first guess (the mean is a
// good one). REQUIRES: 0 < probability < 1, scale > 0 and finite, S(t) → 0 as t → ∞.
template <typename Tail>
double TailQuantile(const Tail& tail, double probability, double scale) {
  const double target = 1.0 - probability;
  if (tail(0.0).survival <= target) return 0.0;
  double lo = 0.0;
  double hi = scale;
  // Grow the bracket; 2^1100 exceeds the double range, so the loop always ends.
  for (int i = 0; i < 1100 && tail(hi).survival > target; ++i) {
    lo = hi;
    hi *= 2.0;
  }
  const double log_target = std::log(target);
  double t = 0.5 * (lo + hi);
  for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; ++i) {
    const TailPoint point = tail(t);
    if (point.survival > target) {
      lo = t;
    } else {
      hi = t;
    }
    double next = 0.5 * (lo + hi);
    if (point.survival > 0.0 && point.density > 0.0 && std::isfinite(point.density)) {
      // Newton on g(t) = ln S(t) − ln(1 − p), g'(t) = −density / S.
      const double step = (std::log(point.survival) - log_target) * point.survival / point.density;
      const double newton = t + step;
      if (newton > lo && newton < hi) next = newton;
      if (std::abs(step) <= 1e-15 * t) return newton;
    }
    t = next;
  }
  return t;
}

}  // namespace headroom::queueing
