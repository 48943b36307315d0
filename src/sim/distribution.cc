#include "sim/distribution.h"

#include <cassert>
#include <cmath>

#include "common/random.h"

namespace headroom::sim {

Distribution Distribution::Deterministic(double mean_s) {
  assert(mean_s >= 0.0 && std::isfinite(mean_s));
  return Distribution(DistributionKind::kDeterministic, mean_s, 0.0, 0.0);
}

Distribution Distribution::Exponential(double mean_s) {
  assert(mean_s >= 0.0 && std::isfinite(mean_s));
  return Distribution(DistributionKind::kExponential, mean_s, 0.0, 0.0);
}

Distribution Distribution::Lognormal(double mean_s, double cv) {
  assert(mean_s >= 0.0 && std::isfinite(mean_s) && cv >= 0.0 && std::isfinite(cv));
  if (mean_s == 0.0 || cv == 0.0) return Deterministic(mean_s);
  const double sigma2 = std::log1p(cv * cv);
  return Distribution(DistributionKind::kLognormal, mean_s, std::log(mean_s) - 0.5 * sigma2,
                      std::sqrt(sigma2));
}

double Distribution::cv() const {
  switch (kind_) {
    case DistributionKind::kDeterministic:
      return 0.0;
    case DistributionKind::kExponential:
      return 1.0;
    case DistributionKind::kLognormal:
      return std::sqrt(std::expm1(sigma_ * sigma_));
  }
  return 0.0;
}

double Distribution::Sample(RandomStream& stream) const {
  switch (kind_) {
    case DistributionKind::kDeterministic:
      return mean_;
    case DistributionKind::kExponential:
      return -mean_ * std::log(stream.NextUniform());
    case DistributionKind::kLognormal:
      return std::exp(mu_ + sigma_ * stream.NextStandardNormal());
  }
  return mean_;
}

}  // namespace headroom::sim
