#include "sim/stack/verify.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <optional>
#include <thread>

#include "common/random.h"
#include "plan/saturation.h"
#include "sim/stack/stack_model.h"

namespace headroom::sim {
namespace {

double AnalyticP95Ms(const OdooSizing& odoo, const std::string& name, SimWindow window) {
  for (const ClassLatency& l : odoo.latency) {
    if (l.request_class != name) continue;
    return window == SimWindow::kRecovery ? l.p95_ms_recovery : l.p95_ms_peak;
  }
  return 0;
}

bool SameClasses(const std::vector<StackClass>& a, const std::vector<StackClass>& b) {
  return std::equal(
      a.begin(), a.end(), b.begin(), b.end(), [](const StackClass& x, const StackClass& y) {
        return x.name == y.name && x.app_cpu_ms == y.app_cpu_ms && x.db_cpu_ms == y.db_cpu_ms &&
               x.db_io_ms == y.db_io_ms && x.service_cv == y.service_cv &&
               x.worker_memory_mib == y.worker_memory_mib && x.p95_target_ms == y.p95_target_ms;
      });
}

bool SameStreams(const std::vector<StackStream>& a, const std::vector<StackStream>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const StackStream& x, const StackStream& y) {
                      return x.tenant == y.tenant && x.class_index == y.class_index &&
                             x.hourly_rate_per_s == y.hourly_rate_per_s;
                    });
}

bool SameHpa(const std::optional<hpa::HpaSpec>& a, const std::optional<hpa::HpaSpec>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  return a->min_replicas == b->min_replicas && a->max_replicas == b->max_replicas &&
         a->metrics.size() == b->metrics.size() &&
         (a->metrics.empty() || a->metrics[0].target.average_utilization_percent ==
                                    b->metrics[0].target.average_utilization_percent);
}

const SimulatedWindow* FindWindow(const MonthVerification& v, SimWindow window) {
  for (const SimulatedWindow& w : v.windows) {
    if (w.window == SimWindowName(window)) return &w;
  }
  return nullptr;
}

// The layer where the missing classes lost the most time beyond their own demands (CPU and
// reads at full speed), weighted by their answered requests.
std::string Bottleneck(const StackConfig& config, const StackResult& result) {
  double odoo = 0, pool = 0, postgres = 0;
  for (const ClassOutcome& c : result.classes) {
    if (c.meets_target) continue;
    const auto n = static_cast<double>(c.latency.completed);
    for (const StackClass& k : config.classes) {
      if (k.name != c.request_class) continue;
      odoo += n * (c.phases.queue_ms + std::max(0.0, c.phases.app_ms - k.app_cpu_ms));
      pool += n * c.phases.pool_wait_ms;
      postgres += n * std::max(0.0, c.phases.db_ms - k.db_cpu_ms);
    }
  }
  if (odoo == 0 && pool == 0 && postgres == 0) return "";
  if (postgres >= odoo && postgres >= pool) return "postgres";
  return pool > odoo ? "pgbouncer" : "odoo";
}

struct Task {
  const MonthPlan* month;
  SimWindow window;
  StackConfig config;
  size_t slot;
  uint64_t seed;
  double requests = 0;  // offered in the window: what simulating it costs
};

// Runs the tasks on `simulation.threads` threads. Each task writes only its own slot and draws
// only from its own seed, so the result does not depend on the thread count or the order.
void RunTasks(const std::vector<Task>& tasks, const SimulationSettings& simulation,
              std::vector<SimulatedWindow>* windows) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t t = next++; t < tasks.size(); t = next++) {
      const Task& task = tasks[t];
      const StackResult result = SimulateStack(task.config, task.seed);
      (*windows)[task.slot] =
          CompareWindow(*task.month, task.window, task.config, result, simulation);
    }
  };
  const size_t threads =
      std::clamp<size_t>(static_cast<size_t>(std::max(1, simulation.threads)), 1, tasks.size() + 1);
  std::vector<std::thread> pool;
  for (size_t i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
  for (std::thread& th : pool) th.join();
}

}  // namespace

bool SameStack(const StackConfig& a, const StackConfig& b) {
  return SameClasses(a.classes, b.classes) && SameStreams(a.streams, b.streams) &&
         a.initial_pods == b.initial_pods && a.zones == b.zones &&
         a.pods_per_node == b.pods_per_node && a.workers_per_pod == b.workers_per_pod &&
         a.pod_cpu_cores == b.pod_cpu_cores && a.pod_cpu_request_m == b.pod_cpu_request_m &&
         a.pod_startup_s == b.pod_startup_s && a.limit_time_real_s == b.limit_time_real_s &&
         a.limit_memory_soft_mib == b.limit_memory_soft_mib &&
         a.worker_base_rss_mib == b.worker_base_rss_mib && a.rss_per_vms == b.rss_per_vms &&
         a.worker_respawn_s == b.worker_respawn_s && a.pool_connections == b.pool_connections &&
         a.postgres_vcpu == b.postgres_vcpu &&
         a.db_queries_per_request == b.db_queries_per_request && a.cron.workers == b.cron.workers &&
         a.cron.batch_cpu_s == b.cron.batch_cpu_s && a.cron.chunk_cpu_s == b.cron.chunk_cpu_s &&
         a.cron.db_cpu_per_app_cpu == b.cron.db_cpu_per_app_cpu &&
         a.failure.has_value() == b.failure.has_value() &&
         (!a.failure || (a.failure->at_s == b.failure->at_s && a.failure->zone == b.failure->zone &&
                         a.failure->whole_zone == b.failure->whole_zone &&
                         a.failure->replacement_delay_s == b.failure->replacement_delay_s)) &&
         SameHpa(a.hpa, b.hpa) && a.hpa_sync_period_s == b.hpa_sync_period_s &&
         a.duration_s == b.duration_s && a.warmup_s == b.warmup_s &&
         a.timeline_step_s == b.timeline_step_s && a.exponential_service == b.exponential_service;
}

uint64_t WindowSeed(uint64_t plan_seed, const std::string& month_label, SimWindow window) {
  RandomStream stream(plan_seed,
                      "simulate/" + month_label + "/" + std::string(SimWindowName(window)));
  return stream.NextU64();
}

SimulatedWindow CompareWindow(const MonthPlan& month, SimWindow window, const StackConfig& config,
                              const StackResult& result, const SimulationSettings& simulation) {
  const int w = window == SimWindow::kRecovery ? kRecovery : kPeak;
  SimulatedWindow out;
  out.window = std::string(SimWindowName(window));
  out.duration_s = config.duration_s;
  for (size_t k = 0; k < result.classes.size(); ++k) {
    const ClassOutcome& c = result.classes[k];
    SimulatedClass s;
    s.request_class = c.request_class;
    s.target_ms = c.target_ms;
    s.p95_ms_analytic = AnalyticP95Ms(month.odoo, c.request_class, window);
    s.p95_ms_simulated = c.latency.p95_ms;
    s.p99_ms_simulated = c.latency.p99_ms;
    s.completed = c.latency.completed;
    s.timeouts = c.latency.timeouts;
    s.failed = c.latency.failed;
    s.meets_target = c.meets_target;
    s.queue_ms = c.phases.queue_ms;
    s.pool_wait_ms = c.phases.pool_wait_ms;
    s.app_ms = c.phases.app_ms;
    s.db_ms = c.phases.db_ms;
    s.io_ms = c.phases.io_ms;
    out.meets_targets = out.meets_targets && c.meets_target;
    out.classes.push_back(std::move(s));
  }
  out.worker_utilisation_analytic = month.odoo.worker_utilisation[static_cast<size_t>(w)];
  out.worker_utilisation_simulated = result.worker_utilisation;
  out.pod_cpu_utilisation_simulated = result.pod_cpu_utilisation;
  out.postgres_cpu_utilisation_analytic = month.postgres.cpu_utilisation[static_cast<size_t>(w)];
  out.postgres_cpu_utilisation_simulated = result.postgres_cpu_utilisation;
  out.pool_utilisation_simulated = result.pool_utilisation;
  out.start_pods = config.initial_pods;
  out.min_ready_pods = result.min_ready_pods;
  out.max_ready_pods = result.max_ready_pods;
  out.final_desired_pods =
      result.timeline.empty() ? config.initial_pods : result.timeline.back().desired_pods;
  out.underprovisioned_s = result.underprovisioned_s;
  // Over the span the window stands for: a catch-up of a given length lags the hour less than
  // the window.
  out.autoscaler_lags = result.underprovisioned_s >
                        simulation.lag_share * std::max(config.duration_s, config.represents_s);
  out.bottleneck = Bottleneck(config, result);
  return out;
}

std::vector<MonthVerification> VerifyPlan(const Plan& plan, const HeadroomPolicy& policy,
                                          const PlanSettings& settings,
                                          const SimulationSettings& simulation,
                                          const Plan* previous) {
  // Every (month, window) first: kept from the previous pass, or a task to simulate.
  constexpr std::array<SimWindow, 2> kWindows = {SimWindow::kPeak, SimWindow::kRecovery};
  const size_t n = plan.month_plans.size();
  std::vector<SimulatedWindow> windows(n * kWindows.size());
  std::vector<Task> tasks;
  std::vector<std::string> saturated(n);
  for (size_t i = 0; i < n; ++i) {
    const MonthPlan& m = plan.month_plans[i];
    saturated[i] = SaturatedLayers(m);
    if (!saturated[i].empty()) continue;
    const MonthPlan* before = previous != nullptr && i < previous->month_plans.size()
                                  ? &previous->month_plans[i]
                                  : nullptr;
    for (size_t w = 0; w < kWindows.size(); ++w) {
      StackConfig config = StackConfigFor(m, policy, settings, kWindows[w], simulation);
      const SimulatedWindow* kept =
          before != nullptr ? FindWindow(before->verification, kWindows[w]) : nullptr;
      if (kept != nullptr &&
          SameStack(config, StackConfigFor(*before, policy, settings, kWindows[w], simulation))) {
        windows[i * kWindows.size() + w] = *kept;
        continue;
      }
      const double requests = OfferedRequests(config);
      tasks.push_back({&m, kWindows[w], std::move(config), i * kWindows.size() + w,
                       WindowSeed(plan.seed, m.label, kWindows[w]), requests});
    }
  }
  // Longest first: the last task to start is then a short one, and neither thread waits long
  // for the other at the end (Graham's LPT rule). The result does not depend on the order.
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const Task& a, const Task& b) { return a.requests > b.requests; });
  RunTasks(tasks, simulation, &windows);
  std::vector<MonthVerification> out(n);
  for (size_t i = 0; i < n; ++i) {
    if (!saturated[i].empty()) {
      out[i].not_simulated = "saturated: " + saturated[i];
      out[i].holds = false;
      continue;
    }
    out[i].simulated = true;
    for (size_t w = 0; w < kWindows.size(); ++w) {
      out[i].windows.push_back(std::move(windows[i * kWindows.size() + w]));
      out[i].holds = out[i].holds && out[i].windows.back().meets_targets;
    }
  }
  return out;
}

}  // namespace headroom::sim
