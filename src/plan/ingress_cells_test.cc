#include "plan/ingress_cells.h"

#include <gtest/gtest.h>

#include <vector>

#include "demand/generated_estate.h"

namespace headroom {
namespace {

struct CellFixture {
  Estate estate = GenerateEstate(9, 6, 7);
  Demand demand;
  PostgresSettings postgres;
  CellFixture() {
    DemandOptions options = DemandOptions::FromPlanning(estate.planning);
    options.samples = 4;
    demand = SynthesizeDemand(estate, options).value();
    postgres.max_clusters = 6;
  }
};

// The estate's sessions at its busiest hour are at most the sum of its tenants' highest; every
// tenant sends requests.
TEST(IngressCells, CoincidentSessionsAreAtMostTheTenantsHighest) {
  const CellFixture f;
  const IngressLoads loads = IngressLoadsOf(f.demand);
  ASSERT_EQ(loads.tenants.size(), static_cast<size_t>(f.demand.months()));
  ASSERT_EQ(loads.coincident.size(), loads.tenants.size());
  for (size_t m = 0; m < loads.tenants.size(); ++m) {
    ASSERT_EQ(loads.tenants[m].size(), f.estate.tenants.size());
    double sessions = 0;
    for (const IngressWeight& w : loads.tenants[m]) {
      EXPECT_GT(w.requests_per_s, 0) << m;
      EXPECT_GT(w.sessions, 0) << m;
      sessions += w.sessions;
    }
    EXPECT_GT(loads.coincident[m].sessions, 0) << m;
    EXPECT_LE(loads.coincident[m].sessions, sessions * (1 + 1e-9)) << m;
  }
}

// For every spread of the databases over 2 to 6 clusters, the share times the estate's
// coincident requests and sessions bounds what each cell's tenants carry at their own busiest
// hours (or the estate's, which no cell exceeds); the share is at most 1 and [0] is 1.
TEST(IngressCells, TheShareBoundsEveryCellsTenants) {
  const CellFixture f;
  const DatabaseLoads databases = DatabaseLoadsOf(f.estate, f.demand, f.postgres);
  const std::vector<std::vector<double>> clusters =
      DatabaseClusterShares(databases, f.postgres.max_clusters);
  const IngressLoads ingress = IngressLoadsOf(f.demand);
  const std::vector<std::vector<double>> shares = IngressCellShares(databases, ingress, clusters);
  ASSERT_EQ(shares.size(), clusters.size());
  int checked = 0;
  for (size_t m = 0; m < shares.size(); ++m) {
    ASSERT_EQ(shares[m].size(), clusters[m].size()) << m;
    if (shares[m].empty()) continue;
    EXPECT_EQ(shares[m][0], 1.0);
    const IngressWeight& whole = ingress.coincident[m];
    for (size_t n = 1; n < shares[m].size(); ++n) {
      const int cells = static_cast<int>(n) + 1;
      EXPECT_LE(shares[m][n], 1.0);
      const std::vector<int> cell =
          SpreadDatabases(databases.tenants[m], cells, databases.coincident[m]);
      std::vector<IngressWeight> held(static_cast<size_t>(cells));
      for (size_t t = 0; t < cell.size(); ++t) {
        held[static_cast<size_t>(cell[t])].requests_per_s += ingress.tenants[m][t].requests_per_s;
        held[static_cast<size_t>(cell[t])].sessions += ingress.tenants[m][t].sessions;
      }
      for (const IngressWeight& h : held) {
        EXPECT_LE(std::min(h.requests_per_s, whole.requests_per_s),
                  shares[m][n] * whole.requests_per_s * (1 + 1e-9))
            << m << " " << cells;
        EXPECT_LE(std::min(h.sessions, whole.sessions), shares[m][n] * whole.sessions * (1 + 1e-9))
            << m << " " << cells;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0);
}

// One cluster allowed: no cell shares, so one ingress.
TEST(IngressCells, OneClusterNoCells) {
  const CellFixture f;
  const DatabaseLoads databases = DatabaseLoadsOf(f.estate, f.demand, f.postgres);
  const std::vector<std::vector<double>> shares =
      IngressCellShares(databases, IngressLoadsOf(f.demand), DatabaseClusterShares(databases, 1));
  for (const std::vector<double>& month : shares) EXPECT_TRUE(month.empty());
}

}  // namespace
}  // namespace headroom
