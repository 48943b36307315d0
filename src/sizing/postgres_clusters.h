#pragma once
// Several PostgreSQL clusters for one estate. Every tenant of an Odoo estate has its own
// database, so when the largest size a cluster may take cannot carry all of them, the databases
// are spread over clusters of one size and PgBouncer routes each database to its cluster.
// A database is never split: a tenant larger than a cluster stays saturated.
//
// The spread balances three loads at once: the database CPU and the block IO of each tenant's
// own busiest hour, and the data it holds. Tenants need not be busiest at the same hour, so a
// cluster's busiest hour can carry more than its part of the estate's: each load is taken as a
// share of the estate's at the estate's busiest hour (the coincident load), and the shares of a
// cluster's databases add up to a bound of the cluster's load at any hour. A cluster is sized
// for the largest such share any cluster carries in any of the three (at most 1: a cluster never
// carries more than the whole estate). docs/sizing-postgres.md ("Several clusters") derives it.

#include <vector>

#include "sizing/load.h"

namespace headroom {

// One tenant's database load. REQUIRES: finite, >= 0.
struct DatabaseWeight {
  double db_cpu_cores = 0;  // DB CPU of its busiest hour (requests and batch)
  double block_io_per_s = 0;
  double data_gib = 0;
};

// In the functions below a database's share of a dimension is its weight over `coincident`'s:
// the estate's database CPU and block IO at the estate's busiest hour, and its data. A
// dimension of `coincident` that is 0 (the default) is replaced by the sum of the weights, as
// if every tenant were busiest at the same hour.

// The cluster each database goes to (index in `weights`), for `clusters` clusters: databases in
// order of their largest share, heaviest first, each onto the cluster whose largest share is
// then the smallest (Graham's longest-processing-time rule on the largest share; ties go to the
// lower cluster and the earlier database, so the spread is deterministic).
// REQUIRES: clusters >= 1.
std::vector<int> SpreadDatabases(const std::vector<DatabaseWeight>& weights, int clusters,
                                 const DatabaseWeight& coincident = {});

// The cluster of `cluster` (SpreadDatabases' result for `clusters`) with the largest share in
// any dimension; the lower index on ties.
int BusiestCluster(const std::vector<DatabaseWeight>& weights, const std::vector<int>& cluster,
                   int clusters, const DatabaseWeight& coincident = {});

// [n − 1]: the largest share of the estate's coincident database CPU, block IO or data that one
// of n clusters carries when the databases are spread over n (SpreadDatabases), at most 1, for
// n = 1 up to min(max_clusters, databases with any load). [0] = 1; empty when no database has
// a load.
std::vector<double> ClusterShares(const std::vector<DatabaseWeight>& weights, int max_clusters,
                                  const DatabaseWeight& coincident = {});

// `count` of the estate's (workers, pods) for one cell carrying `share`: ⌈share × count⌉, at
// least 1 where count is; `count` itself for a share of 1 or more.
int CellCount(int count, double share);

// What one cluster carrying `share` of the estate's databases sees: the rates, sessions, batch
// work, monthly requests and database sizes of `estate` times `share`. The heaviest single
// batch release is kept whole (it runs on one database).
MonthLoad ClusterLoad(const MonthLoad& estate, double share);

}  // namespace headroom
