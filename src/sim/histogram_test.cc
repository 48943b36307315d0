#include "sim/histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "common/random.h"

namespace headroom::sim {
namespace {

// The nearest-rank p-quantile of a sorted sample (Hyndman & Fan 1996, definition 1).
double NearestRank(const std::vector<double>& values, double p) {
  const auto rank = static_cast<size_t>(std::ceil(p * static_cast<double>(values.size())));
  return values[std::max<size_t>(rank, 1) - 1];
}

TEST(HistogramTest, SmallIntegersAreExact) {
  // Below 256 units every unit has a bucket of its own.
  Histogram h(1.0);
  for (int v = 0; v < 256; ++v) h.Record(v);
  EXPECT_EQ(h.count(), 256u);
  EXPECT_EQ(h.Percentile(0.0), 0.0);
  EXPECT_EQ(h.Percentile(0.5), 127.0);   // rank 128
  EXPECT_EQ(h.Percentile(0.99), 253.0);  // rank ⌈253.44⌉ = 254
  EXPECT_EQ(h.Percentile(1.0), 255.0);
  EXPECT_DOUBLE_EQ(h.mean(), 127.5);
}

TEST(HistogramTest, EmptyHistogramReportsZeros) {
  const Histogram h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.mean(), 0.0);
  EXPECT_EQ(h.min(), 0.0);
  EXPECT_EQ(h.max(), 0.0);
  EXPECT_EQ(h.Percentile(0.95), 0.0);
  EXPECT_EQ(h.FractionAbove(1.0), 0.0);
}

TEST(HistogramTest, PercentilesAreWithinTheDocumentedBoundOverTwelveDecades) {
  // 200,000 log-uniform values from 1 ns to 1000 s (resolution 1 ns). The documented bound on
  // |reported − exact nearest-rank percentile| is x/256 + resolution/512 for x >= 127.5 ns and
  // resolution/2 below; the relative error above 1 µs must stay below 0.4%.
  RandomStream stream(3, "histogram");
  Histogram h(1e-9);
  std::vector<double> values;
  for (int i = 0; i < 200000; ++i) {
    const double v = std::pow(10.0, -9.0 + 12.0 * stream.NextUniform());
    values.push_back(v);
    h.Record(v);
  }
  std::sort(values.begin(), values.end());
  double worst_relative = 0.0;
  for (double p = 0.0005; p < 1.0; p += 0.0005) {
    const double exact = NearestRank(values, p);
    const double reported = h.Percentile(p);
    const double bound = exact >= 127.5e-9 ? exact / 256 + 1e-9 / 512 : 0.5e-9;
    ASSERT_LE(std::fabs(reported - exact), bound * (1 + 1e-12)) << "p = " << p;
    if (exact >= 1e-6) worst_relative = std::max(worst_relative, std::fabs(reported / exact - 1));
  }
  EXPECT_LT(worst_relative, 0.004);
  // Count, sum, extremes are exact.
  double sum = 0.0;
  for (double v : values) sum += v;
  EXPECT_NEAR(h.sum(), sum, 1e-9 * sum);
  EXPECT_EQ(h.min(), values.front());
  EXPECT_EQ(h.max(), values.back());
  EXPECT_EQ(h.Percentile(0.0), values.front());  // the extremes are exact
  EXPECT_EQ(h.Percentile(1.0), values.back());
}

TEST(HistogramTest, MergingEqualsRecordingEverythingInOne) {
  RandomStream stream(5, "merge");
  Histogram a;
  Histogram b;
  Histogram both;
  for (int i = 0; i < 50000; ++i) {
    const double v = stream.NextExponential(i % 2 == 0 ? 10.0 : 0.01);
    (i % 3 == 0 ? a : b).Record(v);
    both.Record(v);
  }
  a.Merge(b);
  EXPECT_EQ(a.count(), both.count());
  EXPECT_EQ(a.min(), both.min());
  EXPECT_EQ(a.max(), both.max());
  EXPECT_NEAR(a.sum(), both.sum(), 1e-12 * both.sum());
  for (double p : {0.0, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
    EXPECT_EQ(a.Percentile(p), both.Percentile(p)) << p;
  }
}

TEST(HistogramTest, ZerosNegativesAndHugeValues) {
  Histogram h(1e-9);
  for (int i = 0; i < 90; ++i) h.Record(0.0);
  h.Record(-3.0);                              // counts as 0
  for (int i = 0; i < 9; ++i) h.Record(1e30);  // beyond 2^62 ns: the top bucket
  EXPECT_EQ(h.Percentile(0.91), 0.0);
  EXPECT_EQ(h.Percentile(0.92), 1e30);  // the top bucket reports the exact maximum
  EXPECT_EQ(h.min(), 0.0);
  EXPECT_NEAR(h.FractionAbove(1.0), 0.09, 1e-15);
}

TEST(HistogramTest, ResetForgetsEverything) {
  Histogram h;
  h.Record(1.0);
  h.Record(2.0);
  h.Reset();
  EXPECT_EQ(h.count(), 0u);
  h.Record(0.5);
  EXPECT_EQ(h.min(), 0.5);
  EXPECT_EQ(h.max(), 0.5);
  EXPECT_NEAR(h.Percentile(0.5), 0.5, 0.5 / 256);
}

TEST(HistogramTest, FractionAboveIsALowerBoundWithinOneBucket) {
  // Uniform values on (0, 10) s: 30% lie above 7 s; the bucket holding 7 s is 2^25 ns = 0.034 s
  // wide, holding about 0.34% of the values.
  RandomStream stream(9, "fraction");
  Histogram h;
  int above = 0;
  for (int i = 0; i < 100000; ++i) {
    const double v = 10.0 * stream.NextUniform();
    above += v > 7.0 ? 1 : 0;
    h.Record(v);
  }
  const double exact = above / 100000.0;
  EXPECT_LE(h.FractionAbove(7.0), exact);
  EXPECT_GT(h.FractionAbove(7.0), exact - 0.008);
}

}  // namespace
}  // namespace headroom::sim
