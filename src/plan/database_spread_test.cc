#include "plan/database_spread.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "demand/generated_estate.h"
#include "plan/month_loads.h"

namespace headroom {
namespace {

struct SpreadFixture {
  Estate estate = GenerateEstate(9, 6, 7);
  Demand demand;
  SpreadFixture() {
    DemandOptions options = DemandOptions::FromPlanning(estate.planning);
    options.samples = 4;
    demand = SynthesizeDemand(estate, options).value();
  }
};

// Each database's data adds up to the estate's database of the mid evaluation, month by month.
TEST(DatabaseSpread, DataAddsUpToTheEstatesDatabase) {
  const SpreadFixture f;
  const PostgresSettings postgres;
  const std::vector<std::vector<DatabaseWeight>> weights =
      TenantDatabaseWeights(f.estate, f.demand, postgres);
  const std::vector<MonthLoad> loads = BuildMonthLoads(f.estate, f.demand, LoadView{}, postgres);
  ASSERT_EQ(weights.size(), loads.size());
  for (size_t m = 0; m < loads.size(); ++m) {
    ASSERT_EQ(weights[m].size(), f.estate.tenants.size());
    double data = 0;
    for (const DatabaseWeight& w : weights[m]) {
      data += w.data_gib;
      EXPECT_GT(w.db_cpu_cores, 0);
      EXPECT_GT(w.block_io_per_s, 0);
    }
    EXPECT_NEAR(data, loads[m].database_gib, 1e-9 * loads[m].database_gib) << m;
  }
}

// The estate's busiest hour carries at most what its tenants carry at their own busiest hours;
// the cluster share times the estate's load bounds what every cluster's tenants carry at their
// own busiest hours (or the estate's load, which no cluster exceeds).
TEST(DatabaseSpread, CoincidentLoadIsAtMostTheTenantsBusiestHours) {
  const SpreadFixture f;
  PostgresSettings postgres;
  postgres.max_clusters = 6;
  const std::vector<std::vector<DatabaseWeight>> weights =
      TenantDatabaseWeights(f.estate, f.demand, postgres);
  const std::vector<DatabaseWeight> coincident =
      CoincidentDatabaseWeights(f.estate, f.demand, postgres);
  const std::vector<std::vector<double>> shares =
      DatabaseClusterShares(DatabaseLoadsOf(f.estate, f.demand, postgres), postgres.max_clusters);
  ASSERT_EQ(coincident.size(), weights.size());
  bool some_month_below = false;
  for (size_t m = 0; m < weights.size(); ++m) {
    double cpu = 0;
    double io = 0;
    for (const DatabaseWeight& w : weights[m]) {
      cpu += w.db_cpu_cores;
      io += w.block_io_per_s;
    }
    EXPECT_GT(coincident[m].db_cpu_cores, 0) << m;
    EXPECT_LE(coincident[m].db_cpu_cores, cpu * (1 + 1e-9)) << m;
    EXPECT_LE(coincident[m].block_io_per_s, io * (1 + 1e-9)) << m;
    some_month_below = some_month_below || coincident[m].db_cpu_cores < 0.999 * cpu;
    for (size_t n = 1; n < shares[m].size(); ++n) {
      const int clusters = static_cast<int>(n) + 1;
      const std::vector<int> cluster = SpreadDatabases(weights[m], clusters, coincident[m]);
      std::vector<double> held_cpu(n + 1, 0.0);
      std::vector<double> held_io(n + 1, 0.0);
      for (size_t t = 0; t < cluster.size(); ++t) {
        held_cpu[static_cast<size_t>(cluster[t])] += weights[m][t].db_cpu_cores;
        held_io[static_cast<size_t>(cluster[t])] += weights[m][t].block_io_per_s;
      }
      for (size_t k = 0; k <= n; ++k) {
        EXPECT_LE(std::min(held_cpu[k], coincident[m].db_cpu_cores),
                  shares[m][n] * coincident[m].db_cpu_cores * (1 + 1e-9))
            << m << " " << clusters;
        EXPECT_LE(std::min(held_io[k], coincident[m].block_io_per_s),
                  shares[m][n] * coincident[m].block_io_per_s * (1 + 1e-9))
            << m << " " << clusters;
      }
    }
  }
  // The generated groups are not all busiest at the same hour.
  EXPECT_TRUE(some_month_below);
}

TEST(DatabaseSpread, SharesReachTheLoadsAndStopAtMaxClusters) {
  const SpreadFixture f;
  PostgresSettings postgres;
  postgres.max_clusters = 4;
  const std::vector<std::vector<double>> shares =
      DatabaseClusterShares(DatabaseLoadsOf(f.estate, f.demand, postgres), postgres.max_clusters);
  const std::vector<MonthLoad> loads =
      BuildMonthLoads(f.estate, f.demand, LoadView{}, postgres, shares);
  for (const MonthLoad& load : loads) {
    ASSERT_EQ(load.cluster_shares.size(), 4U);
    EXPECT_EQ(load.cluster_shares[0], 1.0);
    EXPECT_LT(load.cluster_shares[3], 1.0);
  }
  postgres.max_clusters = 1;
  for (const std::vector<double>& s : DatabaseClusterShares(
           DatabaseLoadsOf(f.estate, f.demand, postgres), postgres.max_clusters)) {
    EXPECT_TRUE(s.empty());
  }
}

// The cells of a spread partition the tenants; a tenant asked for is in its own cell, and the
// busiest cell is one of them.
TEST(DatabaseSpread, CellsPartitionTheTenants) {
  const SpreadFixture f;
  const PostgresSettings postgres;
  const size_t tenants = f.estate.tenants.size();
  std::vector<int> seen(tenants, 0);
  for (size_t t = 0; t < tenants; ++t) {
    const std::vector<size_t> cell =
        CellTenants(f.estate, f.demand, postgres, 2, 3, f.estate.tenants[t].name);
    EXPECT_NE(std::find(cell.begin(), cell.end(), t), cell.end()) << t;
    EXPECT_LT(cell.size(), tenants);
    for (size_t member : cell) {
      // A cell is the same set whichever of its tenants names it.
      EXPECT_EQ(CellTenants(f.estate, f.demand, postgres, 2, 3, f.estate.tenants[member].name),
                cell);
    }
    if (cell.front() == t) {
      for (size_t member : cell) ++seen[member];
    }
  }
  // Each tenant counted once, through its cell's first member.
  EXPECT_EQ(std::accumulate(seen.begin(), seen.end(), 0), static_cast<int>(tenants));
  const std::vector<size_t> busiest = CellTenants(f.estate, f.demand, postgres, 2, 3, "");
  EXPECT_FALSE(busiest.empty());
  EXPECT_EQ(CellTenants(f.estate, f.demand, postgres, 2, 1, "").size(), tenants);
}

// With as many clusters as databases the busiest holds one, the busiest cell's only tenant;
// with fewer it holds several and none is named.
TEST(DatabaseSpread, LoneBusiestTenantIsTheBusiestCellsOnlyOne) {
  const SpreadFixture f;
  const PostgresSettings postgres;
  const int tenants = static_cast<int>(f.estate.tenants.size());
  const std::vector<std::string> lone = LoneBusiestTenants(
      f.demand, DatabaseLoadsOf(f.estate, f.demand, postgres), {tenants, 2, 1, 0, tenants});
  ASSERT_EQ(lone.size(), 5U);
  for (int m : {0, 4}) {
    const std::vector<size_t> cell = CellTenants(f.estate, f.demand, postgres, m, tenants, "");
    ASSERT_EQ(cell.size(), 1U) << m;
    EXPECT_EQ(lone[static_cast<size_t>(m)], f.estate.tenants[cell.front()].name) << m;
  }
  EXPECT_EQ(lone[1], "");  // two clusters of 9 databases
  EXPECT_EQ(lone[2], "");
  EXPECT_EQ(lone[3], "");
  EXPECT_TRUE(LoneBusiestTenants(f.demand, DatabaseLoadsOf(f.estate, f.demand, postgres), {1, 1})
                  .front()
                  .empty());
}

}  // namespace
}  // namespace headroom
