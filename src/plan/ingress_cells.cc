#include "plan/ingress_cells.h"

#include <algorithm>

#include "sizing/postgres_clusters.h"

namespace headroom {
namespace {

IngressWeight WeightOf(const LoadWindow& peak, const std::vector<DemandClass>& classes) {
  IngressWeight w;
  for (size_t c = 0; c < classes.size() && c < peak.rate_per_s.size(); ++c) {
    if (!classes[c].long_lived) w.requests_per_s += std::max(0.0, peak.rate_per_s[c]);
  }
  w.sessions = std::max(0.0, peak.facts.max_sessions);
  return w;
}

// `part` as a share of the estate's coincident figure, or of the tenants' `sum` where that is 0;
// at most 1.
double ShareOf(double part, double coincident, double sum) {
  const double whole = coincident > 0 ? coincident : sum;
  return whole > 0 ? std::min(1.0, part / whole) : 0.0;
}

// The largest share of requests or sessions one cell carries with `cell` the tenants' cells.
double BusiestShare(const std::vector<IngressWeight>& tenants, const IngressWeight& coincident,
                    const std::vector<int>& cell, int cells) {
  std::vector<IngressWeight> sums(static_cast<size_t>(cells));
  IngressWeight all;
  for (size_t t = 0; t < tenants.size() && t < cell.size(); ++t) {
    IngressWeight& s = sums[static_cast<size_t>(cell[t])];
    s.requests_per_s += tenants[t].requests_per_s;
    s.sessions += tenants[t].sessions;
    all.requests_per_s += tenants[t].requests_per_s;
    all.sessions += tenants[t].sessions;
  }
  double most = 0;
  for (const IngressWeight& s : sums) {
    most = std::max({most, ShareOf(s.requests_per_s, coincident.requests_per_s, all.requests_per_s),
                     ShareOf(s.sessions, coincident.sessions, all.sessions)});
  }
  return most;
}

}  // namespace

IngressLoads IngressLoadsOf(const Demand& demand) {
  const auto months = static_cast<size_t>(demand.months());
  IngressLoads loads;
  loads.tenants.assign(months, std::vector<IngressWeight>(demand.tenants.size()));
  for (size_t m = 0; m < months; ++m) {
    const int month = static_cast<int>(m);
    for (size_t t = 0; t < demand.tenants.size(); ++t) {
      loads.tenants[m][t] =
          WeightOf(demand.tenants[t].mid.At(month, 0, WindowKind::kPeak), demand.classes);
    }
    loads.coincident.push_back(
        WeightOf(demand.estate_mid.At(month, 0, WindowKind::kPeak), demand.classes));
  }
  return loads;
}

std::vector<std::vector<double>> IngressCellShares(
    const DatabaseLoads& databases, const IngressLoads& ingress,
    const std::vector<std::vector<double>>& cluster_shares) {
  std::vector<std::vector<double>> shares(cluster_shares.size());
  for (size_t m = 0; m < cluster_shares.size(); ++m) {
    if (cluster_shares[m].empty() || m >= databases.tenants.size() || m >= ingress.tenants.size()) {
      continue;
    }
    shares[m].push_back(1.0);
    for (int n = 2; n <= static_cast<int>(cluster_shares[m].size()); ++n) {
      const std::vector<int> cell =
          SpreadDatabases(databases.tenants[m], n, databases.coincident[m]);
      shares[m].push_back(BusiestShare(ingress.tenants[m], ingress.coincident[m], cell, n));
    }
  }
  return shares;
}

}  // namespace headroom
