#pragma once
// A mergeable histogram of non-negative values with log-linear buckets, after HdrHistogram
// (Tene, "HdrHistogram: a high dynamic range histogram"): each value is rounded to a whole number
// u of `resolution` units; u < 128 has a bucket of its own, and every power-of-two range
// [2^e, 2^(e+1)) above is split into 128 equal sub-buckets. Buckets are found with a count of
// leading zeros and a shift, recording is O(1) and allocation-free once the bucket array has grown
// to the largest value seen (at most 7,169 buckets, 56 KiB, for values up to 2^62 units).
//
// Accuracy (docs/simulation.md, "Histogram accuracy"). A bucket is reported as the middle of its
// integer range, clamped to the exact minimum and maximum. For a value v:
//   v >= 127.5 · resolution:  |reported − v| <= v / 256 + resolution / 512, a relative error
//                             below 0.4% (the 1% the engine promises, with room);
//   smaller v:                |reported − v| <= resolution / 2 (units are exact below 128).
// Percentile(p) returns the nearest-rank sample quantile (the ⌈p·n⌉-th smallest observation) to
// that accuracy, and exactly for the first and the last rank (the minimum and the maximum). Count,
// sum, mean, minimum and maximum are exact (not from buckets). Values from 2^62 units up are
// counted in the top bucket, which reports the exact maximum (with the default 1 ns resolution that
// is 146 years). Merging two histograms of the same resolution equals recording both value sets
// into one, so replications and threads can be combined exactly.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace headroom::sim {

class Histogram {
 public:
  // Times in seconds: a resolution of 1 ns.
  Histogram() : Histogram(1e-9) {}
  // Values are counted in units of `resolution`. REQUIRES: resolution > 0 and finite.
  explicit Histogram(double resolution);

  // Records one observation. Negative values and NaN count as 0. REQUIRES: value finite.
  void Record(double value) {
    const double clamped = value > 0.0 ? value : 0.0;
    const double units = clamped * units_per_value_ + 0.5;
    const uint64_t u = units < kMaxUnitsAsDouble ? static_cast<uint64_t>(units) : kMaxUnits;
    const size_t index = BucketIndex(u);
    if (index >= counts_.size()) Grow(index);
    ++counts_[index];
    ++count_;
    sum_ += clamped;
    if (clamped < min_) min_ = clamped;
    if (clamped > max_) max_ = clamped;
  }

  // Adds `other`'s observations. REQUIRES: other.resolution() == resolution().
  void Merge(const Histogram& other);
  // Forgets every observation; keeps the bucket storage.
  void Reset();

  [[nodiscard]] uint64_t count() const { return count_; }
  [[nodiscard]] double sum() const { return sum_; }
  // Exact mean of the observations; 0 when there are none.
  [[nodiscard]] double mean() const;
  // Exact extremes; 0 when there are no observations.
  [[nodiscard]] double min() const { return count_ == 0 ? 0.0 : min_; }
  [[nodiscard]] double max() const { return count_ == 0 ? 0.0 : max_; }
  [[nodiscard]] double resolution() const { return resolution_; }

  // The ⌈p·n⌉-th smallest observation (the first for p = 0), within the accuracy above; 0 when
  // there are no observations. REQUIRES: 0 <= p <= 1.
  [[nodiscard]] double Percentile(double p) const;
  // Share of observations whose bucket lies wholly above `threshold` (a lower bound of the true
  // share, short of it by at most the observations in threshold's own bucket); 0 when empty.
  [[nodiscard]] double FractionAbove(double threshold) const;

  // Largest value bucket arithmetic distinguishes, in units.
  static constexpr uint64_t kMaxUnits = uint64_t{1} << 62;

 private:
  static constexpr int kSubBucketBits = 7;
  static constexpr uint64_t kSubBuckets = uint64_t{1} << kSubBucketBits;  // 128
  static constexpr double kMaxUnitsAsDouble = 4611686018427387904.0;      // 2^62
  // BucketIndex(2^62): exponent 62, shift 55, (55 << 7) + 128.
  static constexpr size_t kTopBucket = (size_t{55} << kSubBucketBits) + kSubBuckets;

  static size_t BucketIndex(uint64_t units) {
    if (units < kSubBuckets) return static_cast<size_t>(units);
    const int exponent = 63 - __builtin_clzll(units);  // floor(log2 u) >= 7
    const int shift = exponent - kSubBucketBits;
    return static_cast<size_t>((static_cast<uint64_t>(shift) << kSubBucketBits) + (units >> shift));
  }
  // The smallest unit count in bucket `index` and the bucket's width in units.
  static uint64_t BucketLow(size_t index);
  static uint64_t BucketWidth(size_t index);
  // The value a bucket reports: the middle of its integer range, in value units.
  [[nodiscard]] double BucketValue(size_t index) const;
  void Grow(size_t index);

  double resolution_;
  double units_per_value_;
  std::vector<uint64_t> counts_;
  uint64_t count_ = 0;
  double sum_ = 0.0;
  double min_;  // exact extremes; min_ starts at the largest double
  double max_ = 0.0;
};

}  // namespace headroom::sim
