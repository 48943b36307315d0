#include "sizing/postgres_clusters.h"

#include <gtest/gtest.h>

#include <vector>

namespace headroom {
namespace {

std::vector<DatabaseWeight> EqualDatabases(int count) {
  return std::vector<DatabaseWeight>(static_cast<size_t>(count), DatabaseWeight{1.0, 100.0, 10.0});
}

TEST(ClusterShares, EqualDatabasesSplitEvenly) {
  // 12 equal databases: n clusters hold ceil(12 / n) of them at most.
  const std::vector<double> shares = ClusterShares(EqualDatabases(12), 16);
  ASSERT_EQ(shares.size(), 12U);  // no more clusters than databases
  for (int n = 1; n <= 12; ++n) {
    const double expected = ((12 + n - 1) / n) / 12.0;
    EXPECT_NEAR(shares[static_cast<size_t>(n - 1)], expected, 1e-12) << n << " clusters";
  }
}

TEST(ClusterShares, ALargeDatabaseBoundsTheShare) {
  // One database holds two thirds of the CPU: no spread leaves a cluster with less.
  std::vector<DatabaseWeight> w(4, DatabaseWeight{1.0, 0, 0});
  w[2].db_cpu_cores = 6.0;  // 6 / (1 + 1 + 6 + 1) = 2/3
  const std::vector<double> shares = ClusterShares(w, 8);
  ASSERT_EQ(shares.size(), 4U);
  EXPECT_DOUBLE_EQ(shares[0], 1.0);
  for (size_t n = 1; n < shares.size(); ++n) EXPECT_DOUBLE_EQ(shares[n], 6.0 / 9.0);
}

TEST(ClusterShares, EveryDimensionCounts) {
  // Two databases heavy on CPU and two heavy on data: two clusters each get one of each, and
  // the share is the larger of the dimensions, 0.5 on both.
  const std::vector<DatabaseWeight> w = {
      {3.0, 1.0, 1.0}, {3.0, 1.0, 1.0}, {1.0, 1.0, 3.0}, {1.0, 1.0, 3.0}};
  const std::vector<double> shares = ClusterShares(w, 2);
  ASSERT_EQ(shares.size(), 2U);
  EXPECT_DOUBLE_EQ(shares[1], 0.5);
  const std::vector<int> cluster = SpreadDatabases(w, 2);
  EXPECT_NE(cluster[0], cluster[1]);
  EXPECT_NE(cluster[2], cluster[3]);
}

TEST(ClusterShares, MaxClustersAndEmptyDatabasesLimitTheCount) {
  std::vector<DatabaseWeight> w = EqualDatabases(10);
  w.push_back(DatabaseWeight{});  // no load: does not count
  EXPECT_EQ(ClusterShares(w, 4).size(), 4U);
  EXPECT_EQ(ClusterShares(w, 64).size(), 10U);
  EXPECT_TRUE(ClusterShares({}, 8).empty());
  EXPECT_TRUE(ClusterShares(w, 0).empty());
  // The database without load still has a cluster.
  const std::vector<int> cluster = SpreadDatabases(w, 3);
  ASSERT_EQ(cluster.size(), 11U);
  for (int k : cluster) EXPECT_TRUE(k >= 0 && k < 3);
}

TEST(ClusterShares, SpreadIsTheLongestProcessingTimeRule) {
  // 9, 7, 6, 5, 2 on two clusters, heaviest first onto the lighter: 9 | 7, 6 → 13 | 5 → 14 |
  // 2 → 15, so {9, 5} and {7, 6, 2}; the busiest holds 15 of 29.
  std::vector<DatabaseWeight> w;
  for (double cpu : {5.0, 9.0, 2.0, 6.0, 7.0}) w.push_back(DatabaseWeight{cpu, 0, 0});
  EXPECT_NEAR(ClusterShares(w, 2)[1], 15.0 / 29.0, 1e-12);
  EXPECT_EQ(SpreadDatabases(w, 2), (std::vector<int>{0, 0, 1, 1, 1}));
}

TEST(ClusterShares, TenantsBusiestAtOtherHoursRaiseTheShare) {
  // Two databases of 10 cores at their own busiest hours, which differ: the estate's busiest
  // hour carries 10, not 20. Each of two clusters then carries the whole estate's peak at its
  // own busiest hour, share 1, not 1/2.
  const std::vector<DatabaseWeight> two(2, DatabaseWeight{10.0, 0, 0});
  EXPECT_DOUBLE_EQ(ClusterShares(two, 2)[1], 0.5);  // as if both were busiest at once
  EXPECT_DOUBLE_EQ(ClusterShares(two, 2, DatabaseWeight{10.0, 0, 0})[1], 1.0);
  // Four such databases, three of them busy at once (coincident 30): two clusters hold 20 of
  // them, 2/3; four hold 10, 1/3.
  const std::vector<DatabaseWeight> four(4, DatabaseWeight{10.0, 0, 0});
  const std::vector<double> shares = ClusterShares(four, 4, DatabaseWeight{30.0, 0, 0});
  ASSERT_EQ(shares.size(), 4U);
  EXPECT_DOUBLE_EQ(shares[0], 1.0);
  EXPECT_DOUBLE_EQ(shares[1], 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(shares[2], 2.0 / 3.0);  // ⌈4 / 3⌉ = 2 databases on the busiest
  EXPECT_DOUBLE_EQ(shares[3], 1.0 / 3.0);
  // A coincident load equal to the sum is the default's.
  EXPECT_EQ(ClusterShares(four, 4, DatabaseWeight{40.0, 0, 0}), ClusterShares(four, 4));
}

TEST(ClusterLoad, ScalesWhatTheDatabasesCarry) {
  MonthLoad estate;
  ClassLoad c;
  c.rate_per_s = {10, 20, 30};
  c.requests_month = 1e6;
  c.db_cpu_ms = 25;
  estate.classes = {c};
  estate.sessions = {100, 200, 300};
  estate.max_sessions = 400;
  estate.batch_cpu_s = {0, 3600, 7200};
  estate.batch_month_cpu_s = 1e5;
  estate.heaviest_batch_cpu_s = 5000;
  estate.database_gib = 80;
  estate.database_gib_lookahead = 120;
  estate.cluster_shares = {1.0, 0.5};
  const MonthLoad one = ClusterLoad(estate, 0.25);
  EXPECT_DOUBLE_EQ(one.classes[0].rate_per_s[1], 5);
  EXPECT_DOUBLE_EQ(one.classes[0].requests_month, 2.5e5);
  EXPECT_DOUBLE_EQ(one.classes[0].db_cpu_ms, 25);  // per request: unchanged
  EXPECT_DOUBLE_EQ(one.sessions[2], 75);
  EXPECT_DOUBLE_EQ(one.max_sessions, 100);
  EXPECT_DOUBLE_EQ(one.batch_cpu_s[2], 1800);
  EXPECT_DOUBLE_EQ(one.batch_month_cpu_s, 2.5e4);
  EXPECT_DOUBLE_EQ(one.heaviest_batch_cpu_s, 5000);  // one release runs on one database
  EXPECT_DOUBLE_EQ(one.database_gib, 20);
  EXPECT_DOUBLE_EQ(one.database_gib_lookahead, 30);
  EXPECT_TRUE(one.cluster_shares.empty());
}

}  // namespace
}  // namespace headroom
