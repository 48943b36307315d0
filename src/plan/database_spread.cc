#include "plan/database_spread.h"

#include <algorithm>
#include <numeric>

#include "plan/month_loads.h"

namespace headroom {
namespace {

// One month of a tenant's (or the estate's) demand as the sizer would see it alone: the peak
// window's rates and batch work, and the month's requests, so that the weights come from the
// sizer's own formulas.
class PeakMonth {
 public:
  explicit PeakMonth(const Estate& estate) : classes_(estate.request_classes.size()) {
    for (const RequestClass& rc : estate.request_classes) {
      load_.classes.push_back(ClassDemandsOf(rc));
    }
  }

  // `peak`: the peak window of (month, mid); `requests_mid`: [month × classes + class].
  void Set(const LoadWindow& peak, const std::vector<double>& requests_mid, int month) {
    for (size_t c = 0; c < classes_; ++c) {
      load_.classes[c].rate_per_s[kPeak] = peak.rate_per_s[c];
      load_.classes[c].requests_month = requests_mid[static_cast<size_t>(month) * classes_ + c];
    }
    load_.batch_cpu_s[kPeak] = peak.facts.batch_cpu_s;
  }

  // The database CPU and block IO of the peak window (no data).
  [[nodiscard]] DatabaseWeight Busiest(const PostgresSettings& postgres) const {
    const BlockIo io = BlockIoAt(load_, kPeak, postgres);
    DatabaseWeight w;
    w.db_cpu_cores = OfferedDbCpuCores(load_, OdooSizing{}, postgres)[kPeak];
    w.block_io_per_s = io.reads_per_s + io.writes_per_s;
    return w;
  }

  [[nodiscard]] double GrowthGib(const PostgresSettings& postgres) const {
    return DatabaseGrowthGibPerMonth(load_, postgres);
  }

 private:
  size_t classes_;
  MonthLoad load_;
};

}  // namespace

std::vector<std::vector<DatabaseWeight>> TenantDatabaseWeights(const Estate& estate,
                                                               const Demand& demand,
                                                               const PostgresSettings& postgres) {
  const int months = demand.months();
  PeakMonth alone(estate);
  std::vector<std::vector<DatabaseWeight>> weights(
      static_cast<size_t>(months), std::vector<DatabaseWeight>(demand.tenants.size()));
  for (size_t t = 0; t < demand.tenants.size(); ++t) {
    const TenantDemand& td = demand.tenants[t];
    double data_gib =
        t < estate.tenants.size() ? std::max(0.0, estate.tenants[t].initial_database_gib.mid) : 0;
    for (int m = 0; m < months; ++m) {
      alone.Set(td.mid.At(m, 0, WindowKind::kPeak), td.requests_mid, m);
      data_gib += alone.GrowthGib(postgres);
      DatabaseWeight& w = weights[static_cast<size_t>(m)][t];
      w = alone.Busiest(postgres);
      w.data_gib = data_gib;
    }
  }
  return weights;
}

std::vector<DatabaseWeight> CoincidentDatabaseWeights(const Estate& estate, const Demand& demand,
                                                      const PostgresSettings& postgres) {
  PeakMonth whole(estate);
  std::vector<DatabaseWeight> weights(static_cast<size_t>(demand.months()));
  for (int m = 0; m < demand.months(); ++m) {
    whole.Set(demand.estate_mid.At(m, 0, WindowKind::kPeak), demand.requests_mid, m);
    weights[static_cast<size_t>(m)] = whole.Busiest(postgres);
  }
  return weights;
}

DatabaseLoads DatabaseLoadsOf(const Estate& estate, const Demand& demand,
                              const PostgresSettings& postgres) {
  return DatabaseLoads{TenantDatabaseWeights(estate, demand, postgres),
                       CoincidentDatabaseWeights(estate, demand, postgres)};
}

std::vector<std::vector<double>> DatabaseClusterShares(const DatabaseLoads& loads,
                                                       int max_clusters) {
  const size_t months = std::min(loads.tenants.size(), loads.coincident.size());
  std::vector<std::vector<double>> shares(months);
  if (max_clusters <= 1) return shares;
  for (size_t m = 0; m < months; ++m) {
    shares[m] = ClusterShares(loads.tenants[m], max_clusters, loads.coincident[m]);
  }
  return shares;
}

namespace {

// CellTenants for one month's weights. REQUIRES: clusters >= 2.
std::vector<size_t> CellOf(const Demand& demand, const std::vector<DatabaseWeight>& weights,
                           const DatabaseWeight& coincident, int clusters,
                           const std::string& tenant) {
  const std::vector<int> cluster = SpreadDatabases(weights, clusters, coincident);
  int chosen = -1;
  for (size_t t = 0; t < demand.tenants.size(); ++t) {
    if (demand.tenants[t].name == tenant) chosen = cluster[t];
  }
  if (chosen < 0) chosen = BusiestCluster(weights, cluster, clusters, coincident);
  std::vector<size_t> cell;
  for (size_t t = 0; t < cluster.size(); ++t) {
    if (cluster[t] == chosen) cell.push_back(t);
  }
  return cell;
}

}  // namespace

std::vector<size_t> CellTenants(const Estate& estate, const Demand& demand,
                                const PostgresSettings& postgres, int month, int clusters,
                                const std::string& tenant) {
  if (clusters <= 1 || month < 0 || month >= demand.months()) {
    std::vector<size_t> all(demand.tenants.size());
    std::iota(all.begin(), all.end(), size_t{0});
    return all;
  }
  const auto m = static_cast<size_t>(month);
  const DatabaseLoads loads = DatabaseLoadsOf(estate, demand, postgres);
  return CellOf(demand, loads.tenants[m], loads.coincident[m], clusters, tenant);
}

std::vector<std::string> LoneBusiestTenants(const Demand& demand, const DatabaseLoads& loads,
                                            const std::vector<int>& clusters) {
  std::vector<std::string> lone(clusters.size());
  const size_t months = std::min({clusters.size(), loads.tenants.size(), loads.coincident.size()});
  for (size_t m = 0; m < months; ++m) {
    if (clusters[m] <= 1) continue;
    const std::vector<size_t> cell =
        CellOf(demand, loads.tenants[m], loads.coincident[m], clusters[m], "");
    if (cell.size() == 1) lone[m] = demand.tenants[cell.front()].name;
  }
  return lone;
}

}  // namespace headroom
