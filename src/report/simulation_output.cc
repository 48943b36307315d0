#include "report/simulation_output.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace headroom {
namespace {

using Json = nlohmann::ordered_json;
using sim::LatencySummary;
using sim::SimulationRun;
using sim::TimelinePoint;

Json LatencyJson(const LatencySummary& l) {
  return Json{{"completed", l.completed}, {"timeouts", l.timeouts}, {"failed", l.failed},
              {"mean_ms", l.mean_ms},     {"p50_ms", l.p50_ms},     {"p95_ms", l.p95_ms},
              {"p99_ms", l.p99_ms},       {"max_ms", l.max_ms}};
}

Json ConfigurationJson(const sim::StackConfig& c) {
  Json failure = nullptr;
  if (c.failure) {
    failure = Json{{"at_s", c.failure->at_s},
                   {"zone", c.failure->zone},
                   {"whole_zone", c.failure->whole_zone},
                   {"replacement_delay_s", c.failure->replacement_delay_s}};
  }
  Json hpa = nullptr;
  if (c.hpa) {
    hpa = Json{
        {"min_replicas", c.hpa->min_replicas.value_or(1)},
        {"max_replicas", c.hpa->max_replicas},
        {"target_cpu_utilisation_percent",
         c.hpa->metrics.empty() ? 0 : c.hpa->metrics.front().target.average_utilization_percent},
        {"sync_period_s", c.hpa_sync_period_s}};
  }
  return Json{{"start_pods", c.initial_pods},
              {"zones", c.zones},
              {"workers_per_pod", c.workers_per_pod},
              {"pod_cpu_limit_cores", c.pod_cpu_cores},
              {"pod_cpu_request_m", c.pod_cpu_request_m},
              {"pod_startup_s", c.pod_startup_s},
              {"hpa", std::move(hpa)},
              {"limit_time_real_s", c.limit_time_real_s},
              {"limit_memory_soft_mib", c.limit_memory_soft_mib},
              {"pool_connections", c.pool_connections},
              {"postgres_vcpu_for_queries", c.postgres_vcpu},
              {"db_queries_per_request", c.db_queries_per_request},
              {"cron_workers", c.cron.workers},
              {"batch_cpu_s", c.cron.batch_cpu_s},
              {"failure", std::move(failure)}};
}

Json SummaryJson(const sim::StackResult& r) {
  bool meets = true;
  for (const sim::ClassOutcome& c : r.classes) meets = meets && c.meets_target;
  return Json{{"latency", LatencyJson(r.all)},
              {"meets_targets", meets},
              {"throughput_per_s", r.throughput_per_s},
              {"mean_requests_in_system", r.mean_requests_in_system},
              {"worker_utilisation", r.worker_utilisation},
              {"pod_cpu_utilisation", r.pod_cpu_utilisation},
              {"postgres_cpu_utilisation", r.postgres_cpu_utilisation},
              {"pool_utilisation", r.pool_utilisation},
              {"pool_wait_p95_ms", r.pool_wait_p95_ms},
              {"worker_recycles", r.worker_recycles},
              {"cron_cpu_s_done", r.cron_cpu_s_done},
              {"min_ready_pods", r.min_ready_pods},
              {"max_ready_pods", r.max_ready_pods},
              {"underprovisioned_s", r.underprovisioned_s}};
}

// Column per series, one row per step: what a chart library takes as is.
Json TimelineJson(const std::vector<TimelinePoint>& points) {
  Json t = Json::object();
  auto column = [&](const char* name, auto get) {
    Json values = Json::array();
    for (const TimelinePoint& p : points) values.push_back(get(p));
    t[name] = std::move(values);
  };
  column("time_s", [](const TimelinePoint& p) { return p.time_s; });
  column("desired_pods", [](const TimelinePoint& p) { return p.desired_pods; });
  column("ready_pods", [](const TimelinePoint& p) { return p.ready_pods; });
  column("busy_workers", [](const TimelinePoint& p) { return p.busy_workers; });
  column("queued_requests", [](const TimelinePoint& p) { return p.queued_requests; });
  column("pool_waiting", [](const TimelinePoint& p) { return p.pool_waiting; });
  column("pod_cpu_utilisation", [](const TimelinePoint& p) { return p.pod_cpu_utilisation; });
  column("postgres_cpu_utilisation",
         [](const TimelinePoint& p) { return p.postgres_cpu_utilisation; });
  column("completed", [](const TimelinePoint& p) { return p.completed; });
  column("timeouts", [](const TimelinePoint& p) { return p.timeouts; });
  column("failed", [](const TimelinePoint& p) { return p.failed; });
  column("p95_ms", [](const TimelinePoint& p) { return p.p95_ms; });
  return t;
}

}  // namespace

std::string SimulationJson(const SimulationRun& run, const std::string& source) {
  const sim::StackResult& r = run.result;
  Json classes = Json::array();
  for (size_t i = 0; i < r.classes.size(); ++i) {
    const sim::ClassOutcome& c = r.classes[i];
    classes.push_back(
        Json{{"class", c.request_class},
             {"target_ms", c.target_ms},
             {"p95_ms_analytic", i < run.analytic_p95_ms.size() ? run.analytic_p95_ms[i] : 0.0},
             {"meets_target", c.meets_target},
             {"latency", LatencyJson(c.latency)},
             {"time_ms",
              {{"queue", c.phases.queue_ms},
               {"pool_wait", c.phases.pool_wait_ms},
               {"app", c.phases.app_ms},
               {"db", c.phases.db_ms},
               {"io", c.phases.io_ms}}}});
  }
  Json tenants = Json::array();
  for (const sim::TenantClassOutcome& t : r.tenants) {
    tenants.push_back(Json{
        {"tenant", t.tenant}, {"class", t.request_class}, {"latency", LatencyJson(t.latency)}});
  }
  Json scaling = Json::array();
  for (const sim::ScalingEvent& e : r.scaling) {
    scaling.push_back(
        Json{{"time_s", e.time_s}, {"from", e.from_pods}, {"to", e.to_pods}, {"reason", e.reason}});
  }
  Json doc;
  doc["schema"] = kSimulationSchema;
  doc["estate"] = run.estate;
  doc["source"] = source;
  doc["month"] = run.month;
  doc["label"] = run.label;
  doc["window"] = run.window;
  doc["start_utc"] = run.start_utc;
  doc["seed"] = run.seed;
  doc["tenant"] = run.tenant.empty() ? Json(nullptr) : Json(run.tenant);
  doc["duration_s"] = run.config.duration_s;
  doc["warmup_s"] = run.config.warmup_s;
  // The span the window stands for (0: itself) and when its steady stretch began.
  doc["represents_s"] = run.config.represents_s;
  doc["steady_from_s"] = r.steady_from_s;
  doc["timeline_step_s"] = run.config.timeline_step_s;
  doc["events"] = r.events;
  doc["configuration"] = ConfigurationJson(run.config);
  doc["summary"] = SummaryJson(r);
  doc["classes"] = std::move(classes);
  doc["tenants"] = std::move(tenants);
  doc["scaling"] = std::move(scaling);
  doc["timeline"] = TimelineJson(r.timeline);
  return doc.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string SimulationText(const SimulationRun& run, const std::string& source) {
  const sim::StackResult& r = run.result;
  std::string out =
      fmt::format("{} ({}): {} window of {} (month {}), from {}, seed {}\n", run.estate, source,
                  run.window, run.label, run.month, run.start_utc, run.seed);
  out += fmt::format(
      "simulated {:.0f} s, {} events; pods {} at start, ready {}..{}, "
      "under-provisioned {:.0f} s\n",
      run.config.duration_s, r.events, run.config.initial_pods, r.min_ready_pods, r.max_ready_pods,
      r.underprovisioned_s);
  if (sim::StandsForLongerSpan(run.config)) {
    out += fmt::format(
        "latencies over the {:.0f} s it stands for: requests from {:.0f} s on (all pods ready) "
        "stand for the rest\n",
        run.config.represents_s, r.steady_from_s);
  }
  out += fmt::format("{:<16} {:>9} {:>9} {:>9} {:>9} {:>10} {:>9} {:>8} {:>7}  {}\n", "class",
                     "p50 ms", "p95 ms", "p99 ms", "target", "analytic", "answered", "timeouts",
                     "failed", "meets");
  for (size_t i = 0; i < r.classes.size(); ++i) {
    const sim::ClassOutcome& c = r.classes[i];
    const double analytic = i < run.analytic_p95_ms.size() ? run.analytic_p95_ms[i] : 0.0;
    out +=
        fmt::format("{:<16} {:>9.1f} {:>9.1f} {:>9.1f} {:>9.0f} {:>10.1f} {:>9} {:>8} {:>7}  {}\n",
                    c.request_class, c.latency.p50_ms, c.latency.p95_ms, c.latency.p99_ms,
                    c.target_ms, analytic, c.latency.completed, c.latency.timeouts,
                    c.latency.failed, c.meets_target ? "yes" : "NO");
  }
  out += fmt::format(
      "utilisation: workers {:.0f}%, pod CPU {:.0f}%, PostgreSQL CPU {:.0f}%, "
      "PgBouncer pool {:.0f}% (p95 wait {:.1f} ms); worker recycles {}\n",
      100 * r.worker_utilisation, 100 * r.pod_cpu_utilisation, 100 * r.postgres_cpu_utilisation,
      100 * r.pool_utilisation, r.pool_wait_p95_ms, r.worker_recycles);
  if (!r.tenants.empty()) {
    out += fmt::format("{:<28} {:<16} {:>9} {:>9} {:>9}\n", "tenant", "class", "p95 ms", "answered",
                       "timeouts");
    for (const sim::TenantClassOutcome& t : r.tenants) {
      out += fmt::format("{:<28} {:<16} {:>9.1f} {:>9} {:>9}\n", t.tenant, t.request_class,
                         t.latency.p95_ms, t.latency.completed, t.latency.timeouts);
    }
  }
  for (const sim::ScalingEvent& e : r.scaling) {
    out += fmt::format("t={:>6.0f} s  HPA {} -> {} pods  {}\n", e.time_s, e.from_pods, e.to_pods,
                       e.reason);
  }
  return out;
}

}  // namespace headroom
