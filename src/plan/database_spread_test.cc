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

TEST(DatabaseSpread, SharesReachTheLoadsAndStopAtMaxClusters) {
  const SpreadFixture f;
  PostgresSettings postgres;
  postgres.max_clusters = 4;
  const std::vector<std::vector<double>> shares =
      DatabaseClusterShares(f.estate, f.demand, postgres);
  const std::vector<MonthLoad> loads =
      BuildMonthLoads(f.estate, f.demand, LoadView{}, postgres, shares);
  for (const MonthLoad& load : loads) {
    ASSERT_EQ(load.cluster_shares.size(), 4U);
    EXPECT_EQ(load.cluster_shares[0], 1.0);
    EXPECT_LT(load.cluster_shares[3], 1.0);
  }
  postgres.max_clusters = 1;
  for (const std::vector<double>& s : DatabaseClusterShares(f.estate, f.demand, postgres)) {
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

}  // namespace
}  // namespace headroom
