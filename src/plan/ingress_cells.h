#pragma once
// Traefik per cell. When the tenants' databases are spread over several PostgreSQL clusters,
// each cluster serves a cell with its own Odoo deployment (plan/database_spread.h); each cell
// also takes its own Traefik deployment behind its own load balancer, the tenants' host names
// pointing at their cell's. One ingress for the whole estate would otherwise grow past the
// replicas one deployment should take (IngressSettings::max_replicas) at a few hundred tenants.
//
// A cell's ingress load is bounded like a cluster's database load: each tenant's requests per
// second and sessions at its own busiest hour, as shares of the estate's at the estate's busiest
// hour (the coincident load), add up over the cell's tenants to a bound of the cell's load at
// any hour. The cells are the databases' spread (SpreadDatabases), not a spread of their own:
// a tenant's Traefik, Odoo and PostgreSQL are one cell.

#include <vector>

#include "demand/demand.h"
#include "plan/database_spread.h"

namespace headroom {

// One tenant's ingress load in a month (mid evaluation): the requests per second of its peak
// window (its busiest hour of offered CPU) and its highest hourly sessions, which with the
// browsers' connections per user set its connections.
struct IngressWeight {
  double requests_per_s = 0;
  double sessions = 0;
};

struct IngressLoads {
  std::vector<std::vector<IngressWeight>> tenants;  // [month][tenant]
  std::vector<IngressWeight> coincident;            // [month]: the estate's, at its peak window
};

// REQUIRES: the demand holds its tenants' mid windows (every synthesis keeps them).
IngressLoads IngressLoadsOf(const Demand& demand);

// [month][n − 1]: for n = 1 up to the size of the month's cluster_shares, the largest share of
// the estate's coincident requests per second or sessions that one of n cells carries when the
// databases are spread over n clusters, at most 1 and [0] = 1. Empty for a month whose
// cluster_shares are (the databases stay on one cluster). A coincident dimension of 0 is
// replaced by the sum of the tenants' weights.
std::vector<std::vector<double>> IngressCellShares(
    const DatabaseLoads& databases, const IngressLoads& ingress,
    const std::vector<std::vector<double>>& cluster_shares);

}  // namespace headroom
