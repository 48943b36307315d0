#include "sim/stack/stack_from_plan.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "plan/cells.h"

namespace headroom::sim {
namespace {

constexpr double kMibPerByte = 1.0 / (1024.0 * 1024.0);
// The peak window is a load window of the demand model: an hour.
constexpr double kPeakHourS = 3600;

std::vector<StackClass> ClassesOf(const MonthPlan& m, const PlanSettings& settings) {
  std::vector<StackClass> out;
  for (const ClassLoad& c : m.load.classes) {
    StackClass s;
    s.name = c.name;
    if (!c.long_lived) {
      s.app_cpu_ms = c.app_cpu_ms + settings.odoo.request_overhead_ms;
      s.db_cpu_ms = c.db_cpu_ms;
      s.db_io_ms = c.db_reads * settings.odoo.db_io_ms_per_read;
    }
    s.service_cv = c.service_cv;
    s.worker_memory_mib = c.worker_memory_mib;
    s.p95_target_ms = c.p95_target_ms;
    out.push_back(std::move(s));
  }
  return out;
}

// One stream per short class at the window's rate, for every hour of the window.
std::vector<StackStream> EstateStreams(const MonthPlan& m, int window, double duration_s) {
  const auto hours = static_cast<size_t>(std::max(1.0, std::ceil(duration_s / 3600.0)));
  std::vector<StackStream> out;
  for (size_t k = 0; k < m.load.classes.size(); ++k) {
    const ClassLoad& c = m.load.classes[k];
    const double rate = c.rate_per_s[static_cast<size_t>(window)] * CellShare(m);
    if (c.long_lived || !(rate > 0)) continue;
    out.push_back({"estate", static_cast<int>(k), std::vector<double>(hours, rate)});
  }
  return out;
}

hpa::HpaSpec HpaOf(const OdooSizing& odoo) {
  hpa::HpaSpec spec;
  spec.name = "odoo-http";
  spec.min_replicas = std::max(1, odoo.hpa_min_replicas);
  spec.max_replicas = std::max(*spec.min_replicas, odoo.hpa_max_replicas);
  const auto percent = static_cast<int32_t>(
      std::lround(100.0 * std::clamp(odoo.hpa_target_cpu_utilisation, 0.01, 1.0)));
  spec.metrics = {
      hpa::MetricSpec{hpa::MetricSourceType::kResource, "cpu", "",
                      hpa::MetricTarget{hpa::MetricTargetType::kUtilization, percent, 0}}};
  return spec;
}

double WindowDurationS(const MonthPlan& m, int window, const SimulationSettings& simulation) {
  double rate = 0;
  for (const ClassLoad& c : m.load.classes) {
    if (!c.long_lived) rate += std::max(0.0, c.rate_per_s[static_cast<size_t>(window)]);
  }
  rate *= CellShare(m);
  if (!(rate > 0)) return simulation.window_s;
  const double capped = std::max(simulation.min_window_s, simulation.max_window_requests / rate);
  return std::min(simulation.window_s, capped);
}

}  // namespace

std::string_view SimWindowName(SimWindow window) {
  switch (window) {
    case SimWindow::kPeak:
      return "peak";
    case SimWindow::kRecovery:
      return "recovery";
    case SimWindow::kDay:
      return "day";
  }
  return "peak";
}

Result<SimWindow> ParseSimWindow(std::string_view name) {
  for (SimWindow w : {SimWindow::kPeak, SimWindow::kRecovery, SimWindow::kDay}) {
    if (name == SimWindowName(w)) return w;
  }
  return InvalidError("unknown window '" + std::string(name) + "': expected peak, recovery or day");
}

double WindowTargetMs(const MonthPlan& month, const HeadroomPolicy& policy, size_t index,
                      SimWindow window) {
  if (index >= month.load.classes.size()) return 0;
  const double target = month.load.classes[index].p95_target_ms;
  if (!(target > 0)) return 0;
  return window == SimWindow::kRecovery ? target * std::max(0.0, policy.recovery_latency_factor)
                                        : target;
}

StackConfig StackConfigFor(const MonthPlan& m, const HeadroomPolicy& policy,
                           const PlanSettings& settings, SimWindow window,
                           const SimulationSettings& simulation) {
  const OdooSizing odoo = CellOdoo(m);
  StackConfig c;
  c.classes = ClassesOf(m, settings);
  for (size_t k = 0; k < c.classes.size(); ++k) {
    c.classes[k].p95_target_ms = WindowTargetMs(m, policy, k, window);
  }
  const int w = window == SimWindow::kRecovery ? kRecovery : kPeak;
  c.duration_s = window == SimWindow::kDay ? 86400.0 : WindowDurationS(m, w, simulation);
  // The peak window is the start of the peak hour, whose rates hold for all of it. Recovery is
  // left as simulated: the whole window is the zone's loss, the state it is there to judge.
  if (window == SimWindow::kPeak) c.represents_s = kPeakHourS;
  if (window != SimWindow::kDay) c.streams = EstateStreams(m, w, c.duration_s);
  c.zones = std::max(1, policy.zones);
  // Pods of one zone per node, for a node failure: the zone's pods over its nodes (the packing
  // spreads them; every node is counted, whatever else it runs).
  const int nodes_per_zone = std::max(1, m.nodes.nodes / c.zones);
  const int pods_per_zone = (std::max(1, m.odoo.pods) + c.zones - 1) / c.zones;  // the estate's
  c.pods_per_node = std::max(1, (pods_per_zone + nodes_per_zone - 1) / nodes_per_zone);
  c.workers_per_pod = std::max(1, odoo.workers_per_pod);
  c.pod_cpu_cores = std::max(0.001, odoo.pod_cpu_limit_m / 1000.0);
  c.pod_cpu_request_m = std::max(1.0, odoo.pod_cpu_request_m);
  c.pod_startup_s = simulation.pod_startup_s;
  c.limit_time_real_s = settings.odoo.limit_time_real_s;
  c.limit_memory_soft_mib = static_cast<double>(odoo.limit_memory_soft_bytes) * kMibPerByte;
  c.worker_base_rss_mib = settings.odoo.base_worker_rss_mib;
  c.rss_per_vms = std::clamp(settings.odoo.rss_per_vms, 0.01, 1.0);
  c.worker_respawn_s = simulation.worker_respawn_s;
  c.pool_connections = std::max(1, m.postgres.pools.transaction_pool_size);
  // The sizing adds autovacuum and background work on top of the queries' CPU; here it takes
  // its share of the vCPU away from them.
  c.postgres_vcpu = std::max(
      0.001, m.postgres.vcpu / (1.0 + std::max(0.0, settings.postgres.autovacuum_cpu_share)));
  c.db_queries_per_request = simulation.db_queries_per_request;
  c.cron.workers = odoo.cron_workers;
  // Batch CPU-seconds in flight during the window's hour, pro rata for a shorter window.
  c.cron.batch_cpu_s = window == SimWindow::kDay ? 0.0
                                                 : m.load.batch_cpu_s[static_cast<size_t>(w)] *
                                                       CellShare(m) * c.duration_s / 3600.0;
  c.cron.db_cpu_per_app_cpu = settings.postgres.batch_db_cpu_per_app_cpu;
  c.hpa = HpaOf(odoo);
  c.timeline_step_s = simulation.timeline_step_s;
  c.initial_pods = window == SimWindow::kRecovery ? std::max(1, odoo.pods) : *c.hpa->min_replicas;
  const bool lose_zone = policy.survive_zone_loss && c.zones >= 2;
  if (window == SimWindow::kRecovery && lose_zone) {
    c.failure = StackFailure{0.0, true, 0, simulation.replacement_delay_s};
  }
  return c;
}

}  // namespace headroom::sim
