#include "plan/adjust.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "plan/pod_queues.h"
#include "plan/workloads.h"

namespace headroom {
namespace {

// The first class of a window that missed its target, for the reason text.
std::string FirstMiss(const SimulatedWindow& w) {
  for (const SimulatedClass& c : w.classes) {
    if (!c.meets_target) {
      return fmt::format("{} {} p95 {:.0f} ms simulated against {:.0f} ms", w.window,
                         c.request_class, c.p95_ms_simulated, c.target_ms);
    }
  }
  return w.window + " window";
}

const SimulatedWindow* FailedWindow(const MonthVerification& v, bool* peak_lagged) {
  const SimulatedWindow* failed = nullptr;
  *peak_lagged = false;
  for (const SimulatedWindow& w : v.windows) {
    if (w.meets_targets) continue;
    if (w.window == "peak" && w.autoscaler_lags) *peak_lagged = true;
    if (failed == nullptr) failed = &w;
  }
  return failed;
}

// The next vCPU size above `vcpu`, or twice it past the largest size.
int NextVcpu(int vcpu, const std::vector<int>& sizes) {
  for (int size : sizes) {
    if (size > vcpu) return size;
  }
  return 2 * std::max(1, vcpu);
}

// Busy workers below this share while requests queue for a worker: the queueing comes from the
// per-pod backlogs, not from too few workers.
constexpr double kImbalancedUtilisation = 0.5;

std::string Tighten(const MonthPlan& m, const SimulatedWindow& failed, bool peak_lagged,
                    const HeadroomPolicy& policy, const PlanSettings& settings,
                    MonthConstraint* c) {
  const std::string why = FirstMiss(failed);
  if (peak_lagged && m.odoo.hpa_min_replicas < m.odoo.pods) {
    c->min_hpa_replicas = std::max(c->min_hpa_replicas, m.odoo.pods);
    return fmt::format("HPA minReplicas {} -> {}: {}, the autoscaler lagging",
                       m.odoo.hpa_min_replicas, m.odoo.pods, why);
  }
  if (failed.bottleneck == "postgres") {
    // Past the largest size whose instance a node holds, one more cluster instead.
    const std::vector<int> sizes =
        PostgresSizesThatFit(settings.postgres, settings.catalog.node_types).vcpu_sizes;
    if (m.postgres.vcpu >= sizes.back() && settings.postgres.max_clusters > m.postgres.clusters) {
      const int clusters = m.postgres.clusters + 1;
      c->min_postgres_clusters = std::max(c->min_postgres_clusters, clusters);
      return fmt::format("PostgreSQL clusters {} -> {}: {}, time lost in PostgreSQL at {} vCPU",
                         m.postgres.clusters, clusters, why, m.postgres.vcpu);
    }
    const int vcpu = NextVcpu(m.postgres.vcpu, sizes);
    c->min_postgres_vcpu = std::max(c->min_postgres_vcpu, vcpu);
    return fmt::format("PostgreSQL vCPU {} -> {}: {}, time lost in PostgreSQL", m.postgres.vcpu,
                       vcpu, why);
  }
  if (failed.bottleneck == "pgbouncer") {
    const int pool = m.postgres.pools.transaction_pool_size;
    const int raised = pool + std::max(2, (pool + 3) / 4);
    c->min_pool_connections = std::max(c->min_pool_connections, raised);
    return fmt::format(
        "PgBouncer transaction pool {} -> {}: {}, time lost waiting for a "
        "connection",
        pool, raised, why);
  }
  const char* how = failed.worker_utilisation_simulated < kImbalancedUtilisation
                        ? "requests queued at pods whose workers were held by slow requests"
                        : "time lost waiting in Odoo";
  if (std::optional<std::string> shaped = ConstrainSimulatedMiss(m, failed, policy, settings, c)) {
    return fmt::format("{}: {}, {}; each pod's own queue, scaled to the simulation, meets it",
                       *shaped, why, how);
  }
  // Without a queue model for the window: workers per pod first, since more pods would spread
  // the same workers thinner (the sizer divides the workers the load needs over the pods), which
  // deepens the imbalance of per-pod backlogs.
  const int wpp = m.odoo.workers_per_pod;
  c->min_pods = std::max(c->min_pods, m.odoo.pods);
  // The sizer grants no more workers than the pod's CPU limit holds: past that, pods.
  const int most = std::min(settings.odoo.max_workers_per_pod, m.odoo.workers_per_pod_max);
  if (wpp < most) {
    const int raised = std::min(most, wpp + std::max(1, wpp / 2));
    c->min_workers_per_pod = std::max(c->min_workers_per_pod, raised);
    return fmt::format("workers per pod {} -> {}: {}, {}", wpp, raised, why, how);
  }
  c->min_workers_per_pod = std::max(c->min_workers_per_pod, wpp);
  const int pods = m.odoo.pods + std::max(1, (m.odoo.pods + 3) / 4);
  c->min_pods = std::max(c->min_pods, pods);
  return fmt::format("HTTP pods {} -> {}: {}, time lost waiting in Odoo", m.odoo.pods, pods, why);
}

}  // namespace

std::vector<std::pair<int, std::string>> TightenConstraints(
    const Plan& plan, const HeadroomPolicy& policy, const PlanSettings& settings,
    std::vector<MonthConstraint>* constraints) {
  std::vector<std::pair<int, std::string>> changes;
  if (constraints->size() < plan.month_plans.size()) constraints->resize(plan.month_plans.size());
  for (size_t i = 0; i < plan.month_plans.size(); ++i) {
    const MonthPlan& m = plan.month_plans[i];
    bool peak_lagged = false;
    const SimulatedWindow* failed = FailedWindow(m.verification, &peak_lagged);
    if (failed == nullptr) continue;
    changes.emplace_back(static_cast<int>(i),
                         Tighten(m, *failed, peak_lagged, policy, settings, &(*constraints)[i]));
  }
  return changes;
}

}  // namespace headroom
