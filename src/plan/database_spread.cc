#include "plan/database_spread.h"

#include <algorithm>
#include <numeric>

namespace headroom {
namespace {

constexpr double kKibPerGib = 1024.0 * 1024.0;
constexpr double kBatchWindowS = 3600.0;  // batch CPU-seconds are given per window hour

double Sane(double x) { return x > 0 ? x : 0.0; }  // NaN → 0

}  // namespace

std::vector<std::vector<DatabaseWeight>> TenantDatabaseWeights(const Estate& estate,
                                                               const Demand& demand,
                                                               const PostgresSettings& postgres) {
  const int months = demand.months();
  const size_t classes = estate.request_classes.size();
  std::vector<std::vector<DatabaseWeight>> weights(
      static_cast<size_t>(months), std::vector<DatabaseWeight>(demand.tenants.size()));
  for (size_t t = 0; t < demand.tenants.size(); ++t) {
    const TenantDemand& td = demand.tenants[t];
    double data_gib =
        t < estate.tenants.size() ? Sane(estate.tenants[t].initial_database_gib.mid) : 0;
    for (int m = 0; m < months; ++m) {
      const LoadWindow peak = td.mid.At(m, 0, WindowKind::kPeak);
      DatabaseWeight& w = weights[static_cast<size_t>(m)][t];
      for (size_t c = 0; c < classes; ++c) {
        const RequestClass& rc = estate.request_classes[c];
        const double month_requests = Sane(td.requests_mid[static_cast<size_t>(m) * classes + c]);
        data_gib +=
            month_requests * Sane(rc.db_writes) * Sane(postgres.net_new_kib_per_write) / kKibPerGib;
        if (rc.long_lived) continue;
        const double rate = Sane(peak.rate_per_s[c]);
        w.db_cpu_cores += rate * Sane(rc.db_cpu_ms) / 1000.0;
        w.block_io_per_s +=
            rate * (Sane(rc.db_reads) + Sane(rc.db_writes) * Sane(postgres.write_combining_factor));
      }
      w.db_cpu_cores +=
          Sane(peak.facts.batch_cpu_s) / kBatchWindowS * Sane(postgres.batch_db_cpu_per_app_cpu);
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
