#include "plan/database_spread.h"

#include <algorithm>
#include <numeric>

#include "plan/month_loads.h"

namespace headroom {

// Each tenant's month as the sizer would see it alone (its peak window's rates, its batch work
// and monthly requests), so that its weights come from the sizer's own formulas.
std::vector<std::vector<DatabaseWeight>> TenantDatabaseWeights(const Estate& estate,
                                                               const Demand& demand,
                                                               const PostgresSettings& postgres) {
  const int months = demand.months();
  const size_t classes = estate.request_classes.size();
  MonthLoad alone;
  for (const RequestClass& rc : estate.request_classes) alone.classes.push_back(ClassDemandsOf(rc));
  std::vector<std::vector<DatabaseWeight>> weights(
      static_cast<size_t>(months), std::vector<DatabaseWeight>(demand.tenants.size()));
  for (size_t t = 0; t < demand.tenants.size(); ++t) {
    const TenantDemand& td = demand.tenants[t];
    double data_gib =
        t < estate.tenants.size() ? std::max(0.0, estate.tenants[t].initial_database_gib.mid) : 0;
    for (int m = 0; m < months; ++m) {
      const LoadWindow peak = td.mid.At(m, 0, WindowKind::kPeak);
      for (size_t c = 0; c < classes; ++c) {
        alone.classes[c].rate_per_s[kPeak] = peak.rate_per_s[c];
        alone.classes[c].requests_month = td.requests_mid[static_cast<size_t>(m) * classes + c];
      }
      alone.batch_cpu_s[kPeak] = peak.facts.batch_cpu_s;
      data_gib += DatabaseGrowthGibPerMonth(alone, postgres);
      const BlockIo io = BlockIoAt(alone, kPeak, postgres);
      DatabaseWeight& w = weights[static_cast<size_t>(m)][t];
      w.db_cpu_cores = OfferedDbCpuCores(alone, OdooSizing{}, postgres)[kPeak];
      w.block_io_per_s = io.reads_per_s + io.writes_per_s;
      w.data_gib = data_gib;
    }
  }
  return weights;
}

std::vector<std::vector<double>> DatabaseClusterShares(const Estate& estate, const Demand& demand,
                                                       const PostgresSettings& postgres) {
  std::vector<std::vector<double>> shares(static_cast<size_t>(demand.months()));
  if (postgres.max_clusters <= 1) return shares;
  const std::vector<std::vector<DatabaseWeight>> weights =
      TenantDatabaseWeights(estate, demand, postgres);
  for (size_t m = 0; m < shares.size(); ++m) {
    shares[m] = ClusterShares(weights[m], postgres.max_clusters);
  }
  return shares;
}

std::vector<size_t> CellTenants(const Estate& estate, const Demand& demand,
                                const PostgresSettings& postgres, int month, int clusters,
                                const std::string& tenant) {
  std::vector<size_t> all(demand.tenants.size());
  std::iota(all.begin(), all.end(), size_t{0});
  if (clusters <= 1 || month < 0 || month >= demand.months()) return all;
  const std::vector<DatabaseWeight> weights =
      TenantDatabaseWeights(estate, demand, postgres)[static_cast<size_t>(month)];
  const std::vector<int> cluster = SpreadDatabases(weights, clusters);
  int chosen = -1;
  for (size_t t = 0; t < demand.tenants.size(); ++t) {
    if (demand.tenants[t].name == tenant) chosen = cluster[t];
  }
  if (chosen < 0) chosen = BusiestCluster(weights, cluster, clusters);
  std::vector<size_t> cell;
  for (size_t t : all) {
    if (cluster[t] == chosen) cell.push_back(t);
  }
  return cell;
}

}  // namespace headroom
