#pragma once
// Several PostgreSQL clusters for one estate. Every tenant of an Odoo estate has its own
// database, so when the largest size a cluster may take cannot carry all of them, the databases
// are spread over clusters of one size and PgBouncer routes each database to its cluster.
// A database is never split: a tenant larger than a cluster stays saturated.
//
// The spread balances three loads at once, each as a share of the estate's: the database CPU
// and the block IO of the tenant's busiest hour, and the data it holds. A cluster is sized for
// the largest share any cluster carries in any of the three: the estate's load times that share
// is an upper bound of each cluster's load on every resource the sizer checks.
// docs/sizing-postgres.md ("Several clusters") derives it.

#include <vector>

#include "sizing/load.h"

namespace headroom {

// One tenant's database load. REQUIRES: finite, >= 0.
struct DatabaseWeight {
  double db_cpu_cores = 0;  // DB CPU of its busiest hour (requests and batch)
  double block_io_per_s = 0;
  double data_gib = 0;
};

// The cluster each database goes to (index in `weights`), for `clusters` clusters: databases in
// order of their largest share, heaviest first, each onto the cluster whose largest share is
// then the smallest (Graham's longest-processing-time rule on the largest share; ties go to the
// lower cluster and the earlier database, so the spread is deterministic).
// REQUIRES: clusters >= 1.
std::vector<int> SpreadDatabases(const std::vector<DatabaseWeight>& weights, int clusters);

// The cluster of `cluster` (SpreadDatabases' result for `clusters`) with the largest share in
// any dimension; the lower index on ties.
int BusiestCluster(const std::vector<DatabaseWeight>& weights, const std::vector<int>& cluster,
                   int clusters);

// [n − 1]: the largest share of the estate's database CPU, block IO or data that one of n
// clusters carries when the databases are spread over n (SpreadDatabases), for n = 1 up to
// min(max_clusters, databases with any load). [0] = 1; empty when no database has a load.
std::vector<double> ClusterShares(const std::vector<DatabaseWeight>& weights, int max_clusters);

// `count` of the estate's (workers, pods) for one cell carrying `share`: ⌈share × count⌉, at
// least 1 where count is; `count` itself for a share of 1 or more.
int CellCount(int count, double share);

// What one cluster carrying `share` of the estate's databases sees: the rates, sessions, batch
// work, monthly requests and database sizes of `estate` times `share`. The heaviest single
// batch release is kept whole (it runs on one database).
MonthLoad ClusterLoad(const MonthLoad& estate, double share);

}  // namespace headroom
