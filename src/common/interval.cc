#include "common/interval.h"

#include <algorithm>

#include "common/random.h"

namespace headroom {

double Interval::Quantile(double p) const {
  if (IsExact()) return mid;
  const double z_edge = InverseNormalCdf(0.5 + confidence / 2.0);
  const double z = InverseNormalCdf(p);
  const double sigma = z < 0 ? (mid - low) / z_edge : (high - mid) / z_edge;
  return mid + z * sigma;
}

double Interval::Sample(RandomStream& stream, double floor) const {
  // Always consume one uniform, even for exact values, so streams stay aligned when a user
  // turns a number into an interval.
  const double u = stream.NextUniform();
  return std::max(floor, Quantile(u));
}

}  // namespace headroom
