#include "sim/histogram.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace headroom::sim {

Histogram::Histogram(double resolution)
    : resolution_(resolution),
      units_per_value_(1.0 / resolution),
      min_(std::numeric_limits<double>::max()) {
  assert(resolution > 0.0 && std::isfinite(resolution));
}

uint64_t Histogram::BucketLow(size_t index) {
  if (index < 2 * kSubBuckets) return index;  // [0, 256): buckets one unit wide
  // index = (e − 7) · 128 + top with top = u >> (e − 7) in [128, 256).
  const auto shift = static_cast<int>(index >> kSubBucketBits) - 1;  // e − 7
  const uint64_t top = (index & (kSubBuckets - 1)) + kSubBuckets;
  return top << shift;
}

uint64_t Histogram::BucketWidth(size_t index) {
  if (index < 2 * kSubBuckets) return 1;
  return uint64_t{1} << (static_cast<int>(index >> kSubBucketBits) - 1);
}

double Histogram::BucketValue(size_t index) const {
  const double low = static_cast<double>(BucketLow(index));
  const double width = static_cast<double>(BucketWidth(index));
  return (low + 0.5 * (width - 1.0)) * resolution_;
}

void Histogram::Grow(size_t index) {
  // Doubling keeps growth amortised; the array never exceeds the bucket of 2^62 units.
  const size_t limit = kTopBucket + 1;
  counts_.resize(std::min(limit, std::max(index + 1, 2 * counts_.size())), 0);
}

void Histogram::Merge(const Histogram& other) {
  assert(other.resolution_ == resolution_);
  if (other.count_ == 0) return;
  if (other.counts_.size() > counts_.size()) counts_.resize(other.counts_.size(), 0);
  for (size_t i = 0; i < other.counts_.size(); ++i) counts_[i] += other.counts_[i];
  count_ += other.count_;
  sum_ += other.sum_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

void Histogram::Reset() {
  std::fill(counts_.begin(), counts_.end(), 0);
  count_ = 0;
  sum_ = 0.0;
  min_ = std::numeric_limits<double>::max();
  max_ = 0.0;
}

double Histogram::mean() const { return count_ == 0 ? 0.0 : sum_ / static_cast<double>(count_); }

double Histogram::Percentile(double p) const {
  assert(p >= 0.0 && p <= 1.0);
  if (count_ == 0) return 0.0;
  // Nearest rank (Hyndman & Fan 1996, definition 1): the ⌈p·n⌉-th smallest, at least the first.
  const double exact_rank = std::ceil(p * static_cast<double>(count_));
  const uint64_t rank = std::clamp<uint64_t>(static_cast<uint64_t>(exact_rank), 1, count_);
  if (rank == 1) return min_;  // the extremes are known exactly
  if (rank == count_) return max_;
  uint64_t seen = 0;
  for (size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen < rank) continue;
    // The top bucket also holds every value beyond the range: its middle means nothing.
    if (i == kTopBucket) return max_;
    return std::clamp(BucketValue(i), min_, max_);
  }
  return max_;  // unreachable: the counts sum to count_
}

double Histogram::FractionAbove(double threshold) const {
  if (count_ == 0) return 0.0;
  uint64_t above = 0;
  for (size_t i = 0; i < counts_.size(); ++i) {
    // Values in bucket i were rounded up to at least BucketLow(i) units, so they are at least
    // (BucketLow(i) − 0.5) units.
    if ((static_cast<double>(BucketLow(i)) - 0.5) * resolution_ > threshold) above += counts_[i];
  }
  return static_cast<double>(above) / static_cast<double>(count_);
}

}  // namespace headroom::sim
