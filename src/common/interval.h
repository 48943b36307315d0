#pragma once
// An uncertain input: low, mid and high, where low and high bound the central `confidence` of
// the outcomes and mid is the median. A plain number is an interval with low = mid = high.
//
// Sampling uses a two-piece normal matched to the three quantiles: below the median it has
// sigma_low = (mid − low) / z, above it sigma_high = (high − mid) / z, where
// z = Φ⁻¹((1 + confidence) / 2). So the sample's quantiles at (1 − c)/2, 1/2 and (1 + c)/2 are
// exactly low, mid and high, skewed intervals stay skewed, and no fitting step is needed.
// Samples are clamped at `floor` (0 for quantities that cannot be negative).

namespace headroom {

class RandomStream;

struct Interval {
  double low = 0;
  double mid = 0;
  double high = 0;
  double confidence = 0.8;  // share of outcomes between low and high

  static Interval Exact(double value) { return Interval{value, value, value, 0.8}; }
  [[nodiscard]] bool IsExact() const { return low == mid && mid == high; }

  // The value at cumulative probability p (0 < p < 1), before clamping.
  [[nodiscard]] double Quantile(double p) const;
  // One draw (one uniform from `stream`), clamped at `floor`.
  double Sample(RandomStream& stream, double floor = 0.0) const;

  friend bool operator==(const Interval&, const Interval&) = default;
};

}  // namespace headroom
