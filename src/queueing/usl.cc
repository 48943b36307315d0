#include "queueing/usl.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace headroom::queueing {

double UslThroughput(const UslParameters& p, double n) {
  assert(n >= 0.0 && p.lambda_per_s >= 0.0 && p.sigma >= 0.0 && p.kappa >= 0.0);
  // Gunther (2007), eq. of the USL; the denominator is >= 1 for n >= 1 and positive for n >= 0.
  // (κ N)(N − 1) rather than κ (N (N − 1)), so that κ = 0 stays 0 when N² overflows.
  const double denominator = 1.0 + p.sigma * (n - 1.0) + (p.kappa * n) * (n - 1.0);
  if (denominator <= 0.0) return 0.0;  // only reachable for n < 1 with σ > 1
  const double throughput = p.lambda_per_s * (n / denominator);
  return std::min(throughput, std::numeric_limits<double>::max());
}

std::optional<double> UslPeakConcurrency(const UslParameters& p) {
  assert(p.sigma >= 0.0 && p.kappa >= 0.0);
  if (p.sigma >= 1.0) return 1.0;
  if (p.kappa == 0.0) return std::nullopt;
  // dX/dN = 0 ⇔ 1 − σ − κ N² = 0.
  return std::max(1.0, std::sqrt((1.0 - p.sigma) / p.kappa));
}

}  // namespace headroom::queueing
