#pragma once
// Each tenant's database load, month by month, and what spreading the databases over several
// PostgreSQL clusters leaves on the busiest one (sizing/postgres_clusters.h).

#include <string>
#include <vector>

#include "demand/demand.h"
#include "estate/model.h"
#include "sizing/postgres_clusters.h"
#include "sizing/postgres_sizer.h"

namespace headroom {

// [month][tenant]: the tenant's database CPU and block IO in its own peak window, and its data
// at the end of the month, from the mid evaluation. The spread of databases is a decision made
// once, not a draw, so every sample of the month shares it.
// REQUIRES: the demand was synthesized from `estate`.
std::vector<std::vector<DatabaseWeight>> TenantDatabaseWeights(const Estate& estate,
                                                               const Demand& demand,
                                                               const PostgresSettings& postgres);

// [month]: the estate's database CPU and block IO at its own busiest hour (the peak window of
// the mid evaluation), by the same formulas; data 0 (the databases' data adds up). Tenants
// busiest at other hours make it less than the sum of the tenants' weights.
std::vector<DatabaseWeight> CoincidentDatabaseWeights(const Estate& estate, const Demand& demand,
                                                      const PostgresSettings& postgres);

// Both of the above, computed once for a plan's several uses.
struct DatabaseLoads {
  std::vector<std::vector<DatabaseWeight>> tenants;  // TenantDatabaseWeights
  std::vector<DatabaseWeight> coincident;            // CoincidentDatabaseWeights
};
DatabaseLoads DatabaseLoadsOf(const Estate& estate, const Demand& demand,
                              const PostgresSettings& postgres);

// [month]: ClusterShares of the month's tenants' weights as shares of the coincident ones, up
// to max_clusters (each empty when it is 1 or less: the databases stay on one cluster).
std::vector<std::vector<double>> DatabaseClusterShares(const DatabaseLoads& loads,
                                                       int max_clusters);

// The tenants (indexes into estate.tenants) whose databases share a cluster when the month's
// databases are spread over `clusters` (SpreadDatabases): those of `tenant`'s cluster, or of the
// busiest cluster (the largest share in any dimension) when `tenant` is empty or unknown. All
// tenants when clusters <= 1.
std::vector<size_t> CellTenants(const Estate& estate, const Demand& demand,
                                const PostgresSettings& postgres, int month, int clusters,
                                const std::string& tenant);

// [month]: the name of the tenant whose database is alone on the busiest cluster when the
// month's databases are spread over clusters[month] (SpreadDatabases), or empty when that
// cluster holds several, when clusters[month] <= 1, and past the months of `loads`. A busiest
// cluster of one database is as small as any count of clusters can make it. REQUIRES: `loads` are
// of `demand` (DatabaseLoadsOf), or empty (no tenant is named).
std::vector<std::string> LoneBusiestTenants(const Demand& demand, const DatabaseLoads& loads,
                                            const std::vector<int>& clusters);

}  // namespace headroom
