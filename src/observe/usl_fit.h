#pragma once
// Fits the Universal Scalability Law X(N) = λ N / (1 + σ (N − 1) + κ N (N − 1)) (queueing/usl.h)
// to measured (concurrency, throughput) points. Rearranged, N / X = a + b (N − 1) + c N (N − 1)
// with a = 1/λ, b = σ/λ and c = κ/λ (Gunther, Guerrilla Capacity Planning, 2007, §5.5: the
// linearised "deviation from linearity" form), which is linear in (a, b, c); each row is
// weighted by X / N so that the fit minimises relative, not absolute, error, and solved by
// non-negative least squares so that σ and κ are never negative.

#include <vector>

#include "common/result.h"
#include "queueing/usl.h"

namespace headroom {

struct UslPoint {
  double concurrency = 0;  // N >= 1
  double throughput = 0;   // X > 0, any unit per second
};

struct UslFit {
  queueing::UslParameters parameters;
  double max_relative_error = 0;  // the worst |X_fit − X| / X over the points
};

// Errors (kInvalid): fewer than 3 points, fewer than 2 distinct concurrencies, a concurrency
// below 1 or a throughput not positive (or not finite).
Result<UslFit> FitUsl(const std::vector<UslPoint>& points);

}  // namespace headroom
