#include "sizing/postgres_clusters.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numeric>
#include <queue>
#include <utility>

namespace headroom {
namespace {

using Shares = std::array<double, 3>;  // database CPU, block IO, data

double FiniteOrZero(double x) { return x > 0 && std::isfinite(x) ? x : 0.0; }

// Each database's load as shares of the estate's coincident load, per dimension (0 where the
// estate has none); a dimension of `coincident` that is 0 is the sum of the weights.
std::vector<Shares> SharesOf(const std::vector<DatabaseWeight>& weights,
                             const DatabaseWeight& coincident) {
  Shares total{FiniteOrZero(coincident.db_cpu_cores), FiniteOrZero(coincident.block_io_per_s),
               FiniteOrZero(coincident.data_gib)};
  Shares sum{};
  for (const DatabaseWeight& w : weights) {
    sum[0] += FiniteOrZero(w.db_cpu_cores);
    sum[1] += FiniteOrZero(w.block_io_per_s);
    sum[2] += FiniteOrZero(w.data_gib);
  }
  for (size_t d = 0; d < 3; ++d) {
    if (total[d] <= 0) total[d] = sum[d];
  }
  std::vector<Shares> shares;
  shares.reserve(weights.size());
  for (const DatabaseWeight& w : weights) {
    const Shares raw{FiniteOrZero(w.db_cpu_cores), FiniteOrZero(w.block_io_per_s),
                     FiniteOrZero(w.data_gib)};
    Shares s{};
    for (size_t d = 0; d < 3; ++d) s[d] = total[d] > 0 ? raw[d] / total[d] : 0.0;
    shares.push_back(s);
  }
  return shares;
}

double Largest(const Shares& s) { return std::max({s[0], s[1], s[2]}); }

// Databases with a load, heaviest (largest share) first; ties in database order.
std::vector<size_t> HeaviestFirst(const std::vector<Shares>& shares) {
  std::vector<size_t> order;
  for (size_t i = 0; i < shares.size(); ++i) {
    if (Largest(shares[i]) > 0) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&shares](size_t a, size_t b) {
    return Largest(shares[a]) > Largest(shares[b]);
  });
  return order;
}

// The spread of `order` over `clusters`: the cluster of each database (-1 for one without load)
// and the largest share of any cluster in any dimension.
struct Spread {
  std::vector<int> cluster;
  double largest_share = 0;
};

Spread SpreadOver(const std::vector<Shares>& shares, const std::vector<size_t>& order,
                  int clusters) {
  Spread spread;
  spread.cluster.assign(shares.size(), -1);
  std::vector<Shares> held(static_cast<size_t>(clusters), Shares{});
  // (largest share held, cluster): the least loaded cluster on top, the lower index on ties.
  using Entry = std::pair<double, int>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> least;
  for (int k = 0; k < clusters; ++k) least.emplace(0.0, k);
  for (size_t i : order) {
    const int k = least.top().second;
    least.pop();
    Shares& h = held[static_cast<size_t>(k)];
    for (size_t d = 0; d < 3; ++d) h[d] += shares[i][d];
    spread.cluster[i] = k;
    spread.largest_share = std::max(spread.largest_share, Largest(h));
    least.emplace(Largest(h), k);
  }
  return spread;
}

}  // namespace

std::vector<int> SpreadDatabases(const std::vector<DatabaseWeight>& weights, int clusters,
                                 const DatabaseWeight& coincident) {
  const std::vector<Shares> shares = SharesOf(weights, coincident);
  std::vector<int> cluster =
      SpreadOver(shares, HeaviestFirst(shares), std::max(1, clusters)).cluster;
  // A database without load joins the first cluster (it still needs a home).
  for (int& k : cluster) k = std::max(k, 0);
  return cluster;
}

int BusiestCluster(const std::vector<DatabaseWeight>& weights, const std::vector<int>& cluster,
                   int clusters, const DatabaseWeight& coincident) {
  const std::vector<Shares> shares = SharesOf(weights, coincident);
  std::vector<Shares> held(static_cast<size_t>(std::max(1, clusters)), Shares{});
  for (size_t i = 0; i < shares.size() && i < cluster.size(); ++i) {
    if (cluster[i] < 0 || cluster[i] >= clusters) continue;
    for (size_t d = 0; d < 3; ++d) held[static_cast<size_t>(cluster[i])][d] += shares[i][d];
  }
  int busiest = 0;
  for (size_t k = 1; k < held.size(); ++k) {
    if (Largest(held[k]) > Largest(held[static_cast<size_t>(busiest)])) {
      busiest = static_cast<int>(k);
    }
  }
  return busiest;
}

std::vector<double> ClusterShares(const std::vector<DatabaseWeight>& weights, int max_clusters,
                                  const DatabaseWeight& coincident) {
  const std::vector<Shares> shares = SharesOf(weights, coincident);
  const std::vector<size_t> order = HeaviestFirst(shares);
  const int limit = std::min(std::max(0, max_clusters), static_cast<int>(order.size()));
  std::vector<double> out;
  out.reserve(static_cast<size_t>(limit));
  for (int n = 1; n <= limit; ++n) {
    // One cluster holds everything: exactly 1, whatever the rounding of the shares' sum.
    out.push_back(n == 1 ? 1.0 : std::min(1.0, SpreadOver(shares, order, n).largest_share));
  }
  return out;
}

int CellCount(int count, double share) {
  if (share >= 1.0 || count <= 0) return count;
  return std::max(1, static_cast<int>(std::ceil(count * share - 1e-9)));
}

MonthLoad ClusterLoad(const MonthLoad& estate, double share) {
  const double f = std::clamp(FiniteOrZero(share), 0.0, 1.0);
  MonthLoad load = estate;
  load.cluster_shares.clear();  // a cluster's databases are not spread again
  for (ClassLoad& c : load.classes) {
    for (double& r : c.rate_per_s) r *= f;
    c.requests_month *= f;
  }
  for (double& s : load.sessions) s *= f;
  load.max_sessions *= f;
  for (double& b : load.batch_cpu_s) b *= f;
  load.batch_month_cpu_s *= f;
  load.database_gib *= f;
  load.database_gib_lookahead *= f;
  return load;
}

}  // namespace headroom
