#pragma once
// Service-time and delay distributions given by their mean and coefficient of variation (the two
// numbers the estate and the calibrations provide), sampled by inversion from a RandomStream so
// draws are reproducible across machines (no std:: distributions).
//   deterministic   the mean, always (cv 0); draws nothing from the stream
//   exponential     −mean · ln U (cv 1)
//   lognormal       exp(μ + σ Z) with σ² = ln(1 + cv²), μ = ln(mean) − σ²/2, Z standard normal
//                   by inversion (Johnson, Kotz & Balakrishnan 1994, ch. 14), so the mean and cv
//                   are exact; cv 0 gives the mean.

#include <cstdint>

namespace headroom {
class RandomStream;
}

namespace headroom::sim {

enum class DistributionKind : uint8_t { kDeterministic, kExponential, kLognormal };

class Distribution {
 public:
  // REQUIRES (all): mean_s >= 0 and finite; cv >= 0 and finite.
  static Distribution Deterministic(double mean_s);
  static Distribution Exponential(double mean_s);
  static Distribution Lognormal(double mean_s, double cv);

  [[nodiscard]] DistributionKind kind() const { return kind_; }
  [[nodiscard]] double mean() const { return mean_; }
  [[nodiscard]] double cv() const;

  // One draw, >= 0. Exponential and lognormal draws take one uniform from `stream`.
  double Sample(RandomStream& stream) const;

 private:
  Distribution(DistributionKind kind, double mean, double mu, double sigma)
      : kind_(kind), mean_(mean), mu_(mu), sigma_(sigma) {}

  DistributionKind kind_;
  double mean_;
  double mu_;     // lognormal location
  double sigma_;  // lognormal scale
};

}  // namespace headroom::sim
