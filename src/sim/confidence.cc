#include "sim/confidence.h"

#include <cassert>
#include <cmath>
#include <numbers>

namespace headroom::sim {
namespace {

// A(t | ν) = P(|T| <= t) for t >= 0 (Abramowitz & Stegun 26.7.3 for odd ν, 26.7.4 for even ν),
// with θ = atan(t / √ν), s = sin θ, c = cos θ:
//   ν = 1:      A = 2θ / π
//   ν odd > 1:  A = (2/π) (θ + s [c + (2/3) c³ + … + (2·4⋯(ν−3)) / (1·3⋯(ν−2)) c^(ν−2)])
//   ν even:     A = s [1 + (1/2) c² + (1·3)/(2·4) c⁴ + … + (1·3⋯(ν−3)) / (2·4⋯(ν−2)) c^(ν−2)]
// Every term is positive, so the sums are accurate to rounding.
double TwoSidedT(double t, int64_t nu) {
  const double theta = std::atan(t / std::sqrt(static_cast<double>(nu)));
  const double sin_theta = std::sin(theta);
  const double cos_theta = std::cos(theta);
  const double cos2 = cos_theta * cos_theta;
  if (nu % 2 == 1) {
    if (nu == 1) return 2.0 * theta / std::numbers::pi;
    double term = cos_theta;
    double sum = term;
    for (int64_t k = 1; 2 * k + 1 <= nu - 2; ++k) {
      term *= static_cast<double>(2 * k) / static_cast<double>(2 * k + 1) * cos2;
      sum += term;
    }
    return 2.0 / std::numbers::pi * (theta + sin_theta * sum);
  }
  double term = 1.0;
  double sum = term;
  for (int64_t k = 1; 2 * k <= nu - 2; ++k) {
    term *= static_cast<double>(2 * k - 1) / static_cast<double>(2 * k) * cos2;
    sum += term;
  }
  return sin_theta * sum;
}

}  // namespace

double StudentTCdf(double t, int64_t degrees_of_freedom) {
  assert(degrees_of_freedom >= 1 && degrees_of_freedom <= 100000);
  const double a = TwoSidedT(std::fabs(t), degrees_of_freedom);
  return t >= 0.0 ? 0.5 + 0.5 * a : 0.5 - 0.5 * a;
}

double StudentTQuantile(double p, int64_t degrees_of_freedom) {
  assert(p > 0.0 && p < 1.0);
  assert(degrees_of_freedom >= 1 && degrees_of_freedom <= 100000);
  if (p == 0.5) return 0.0;
  if (p < 0.5) return -StudentTQuantile(1.0 - p, degrees_of_freedom);
  const double target = 2.0 * p - 1.0;  // A(t) = P(|T| <= t) is increasing in t
  double low = 0.0;
  double high = 1.0;
  while (TwoSidedT(high, degrees_of_freedom) < target) {
    low = high;
    high *= 2.0;
  }
  while (high - low > 1e-12 * high) {
    const double mid = 0.5 * (low + high);
    if (TwoSidedT(mid, degrees_of_freedom) < target) {
      low = mid;
    } else {
      high = mid;
    }
  }
  return 0.5 * (low + high);
}

double MeanInterval::RelativeHalfWidth() const {
  return mean == 0.0 ? 0.0 : half_width / std::fabs(mean);
}

MeanInterval ReplicationInterval(std::span<const double> values, double confidence) {
  assert(values.size() >= 2 && confidence > 0.0 && confidence < 1.0);
  const auto n = static_cast<int64_t>(values.size());
  double sum = 0.0;
  for (double v : values) sum += v;
  const double mean = sum / static_cast<double>(n);
  double squares = 0.0;
  for (double v : values) squares += (v - mean) * (v - mean);
  const double s = std::sqrt(squares / static_cast<double>(n - 1));
  const double t = StudentTQuantile(0.5 * (1.0 + confidence), n - 1);
  return MeanInterval{n, mean, s, t * s / std::sqrt(static_cast<double>(n))};
}

}  // namespace headroom::sim
