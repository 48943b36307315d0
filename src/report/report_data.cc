#include "report/report_data.h"

#include <array>

#include "estate/enum_words.h"
#include "report/demand_output.h"
#include "sizing/odoo_cron.h"

namespace headroom {
namespace {

// Per month and window, the estate's offered CPU (cores) across the Monte Carlo samples: the
// uncertainty band around the load the plan was sized for.
Json DemandBand(const Demand& demand) {
  Json months = Json::array();
  for (int m = 0; m < demand.months(); ++m) {
    const MonthSummary& s = demand.estate_summary[m];
    months.push_back(
        Json{{"label", demand.MonthLabel(m)},
             {"sustained", QuantilesJson(s.Window(WindowKind::kSustained).offered_cpu_cores)},
             {"peak", QuantilesJson(s.Window(WindowKind::kPeak).offered_cpu_cores)},
             {"recovery", QuantilesJson(s.Window(WindowKind::kRecovery).offered_cpu_cores)},
             {"sessions_peak", QuantilesJson(s.Window(WindowKind::kPeak).sessions)}});
  }
  return Json{{"unit", "cores"}, {"months", std::move(months)}};
}

Json RecoveryJson(const Tenant& tenant) {
  Json list = Json::array();
  for (const RecoveryObjective& r : tenant.recovery) {
    list.push_back(Json{{"workflow", r.workflow},
                        {"rto_minutes", r.rto_minutes},
                        {"rpo_minutes", r.rpo_minutes},
                        {"request_classes", r.request_classes}});
  }
  return list;
}

Json TenantsJson(const Estate& estate, const Demand& demand) {
  Json list = Json::array();
  for (size_t i = 0; i < estate.tenants.size() && i < demand.tenants.size(); ++i) {
    const Tenant& t = estate.tenants[i];
    list.push_back(Json{{"name", t.name},
                        {"kind", std::string(WordOf(TenantKindWords(), t.kind))},
                        {"time_zone", t.time_zone},
                        {"sites", demand.tenants[i].sites},
                        {"added_sites", demand.tenants[i].added_sites},
                        {"recovery", RecoveryJson(t)}});
  }
  return list;
}

Json TenantCostsJson(const TenantCostReport& costs) {
  Json months = Json::array();
  for (const MonthTenantCosts& m : costs.months) {
    Json tenants = Json::array();
    for (const TenantCost& c : m.tenants) {
      tenants.push_back(Json{{"tenant", c.tenant},
                             {"workload", c.workload_cost},
                             {"idle", c.idle_cost},
                             {"shared", c.shared_cost},
                             {"total", c.total}});
    }
    months.push_back(Json{{"label", m.label}, {"total", m.total}, {"tenants", std::move(tenants)}});
  }
  return Json{{"error", costs.error}, {"months", std::move(months)}};
}

// The month's heaviest batch release (mid evaluation): which job, for whom, and its deadline.
Json HeaviestBatches(const Demand& demand) {
  Json list = Json::array();
  for (const BatchMonth& b : demand.batch) {
    if (!b.heaviest) {
      list.push_back(nullptr);
      continue;
    }
    const BatchRelease& r = *b.heaviest;
    list.push_back(Json{{"source", demand.batch_sources.at(r.source)},
                        {"tenant", demand.tenants.at(r.tenant).name},
                        {"released_utc", demand.HourUtc(r.hour)},
                        {"cpu_s", r.cpu_seconds},
                        {"deadline_h", r.deadline_hours}});
  }
  return list;
}

bool IsMonthEnd(const Estate& estate, int source) {
  return source < static_cast<int>(estate.events.size()) &&
         estate.events[source].kind == EventKind::kMonthEnd;
}

// Per month, the heaviest month-end close release (mid evaluation) and how long it runs on the
// plan's cron workers; null in a month without one.
Json MonthEndJson(const ReportInput& in) {
  const Demand& demand = *in.demand;
  std::vector<const BatchRelease*> heaviest(in.plan->month_plans.size(), nullptr);
  for (const BatchRelease& r : demand.batch_releases) {
    if (!IsMonthEnd(*in.estate, r.source)) continue;
    const std::string label = demand.HourUtc(r.hour).substr(0, 7);
    for (size_t m = 0; m < heaviest.size(); ++m) {
      if (in.plan->month_plans[m].label != label) continue;
      if (heaviest[m] == nullptr || r.cpu_seconds > heaviest[m]->cpu_seconds) heaviest[m] = &r;
    }
  }
  Json list = Json::array();
  for (size_t m = 0; m < heaviest.size(); ++m) {
    const BatchRelease* r = heaviest[m];
    if (r == nullptr) {
      list.push_back(nullptr);
      continue;
    }
    const int workers = in.plan->month_plans[m].odoo.cron_workers;
    list.push_back(Json{{"source", demand.batch_sources.at(r->source)},
                        {"tenant", demand.tenants.at(r->tenant).name},
                        {"released_utc", demand.HourUtc(r->hour)},
                        {"cpu_s", r->cpu_seconds},
                        {"deadline_h", r->deadline_hours},
                        {"cron_workers", workers},
                        {"duration_h", BatchDurationH(r->cpu_seconds, workers, in.odoo)}});
  }
  return list;
}

// Per month, the CPU the load at the planning quantile offers to Odoo's workers and to
// PostgreSQL, per window: Σ rate × cpu_ms / 1000 over the classes of the plan's own load.
Json OfferedCpuJson(const Plan& plan) {
  Json list = Json::array();
  for (const MonthPlan& m : plan.month_plans) {
    std::array<double, 3> app{}, db{};
    for (const ClassLoad& c : m.load.classes) {
      if (c.long_lived) continue;  // websocket sessions: no per-request CPU
      for (int w : {kSustained, kPeak, kRecovery}) {
        app[static_cast<size_t>(w)] += c.rate_per_s[static_cast<size_t>(w)] * c.app_cpu_ms / 1000;
        db[static_cast<size_t>(w)] += c.rate_per_s[static_cast<size_t>(w)] * c.db_cpu_ms / 1000;
      }
    }
    list.push_back(
        Json{{"app_cores", {{"sustained", app[0]}, {"peak", app[1]}, {"recovery", app[2]}}},
             {"db_cores", {{"sustained", db[0]}, {"peak", db[1]}, {"recovery", db[2]}}}});
  }
  return list;
}

Json InputsJson(const Estate& e) {
  const HeadroomPolicy& p = e.policy;
  Json classes = Json::array();
  for (const RequestClass& c : e.request_classes) {
    classes.push_back(Json{{"name", c.name}, {"p95_target_ms", c.p95_target_ms}});
  }
  return Json{{"planning",
               {{"quantile", e.planning.quantile},
                {"samples", e.planning.samples},
                {"seed", e.planning.seed},
                {"backlog_return_share", e.planning.backlog_return_share},
                {"backlog_drain_hours", e.planning.backlog_drain_hours}}},
              {"policy",
               {{"sustained_max_utilisation", p.sustained_max_utilisation},
                {"peak_max_utilisation", p.peak_max_utilisation},
                {"recovery_latency_factor", p.recovery_latency_factor},
                {"survive_zone_loss", p.survive_zone_loss},
                {"survive_node_loss", p.survive_node_loss},
                {"zones", p.zones},
                {"maintenance_reserve", p.maintenance_reserve},
                {"storage_lookahead_months", p.storage_lookahead_months},
                {"storage_growth_room", p.storage_growth_room}}},
              {"request_classes", std::move(classes)}};
}

Json SeriesJson(const std::vector<SimulatedSeries>& series) {
  Json list = Json::array();
  for (const SimulatedSeries& s : series) {
    list.push_back(
        Json{{"name", s.name}, {"unit", s.unit}, {"time_s", s.time_s}, {"value", s.value}});
  }
  return list;
}

Json SimulationJson(const SimulationView* sim) {
  if (sim == nullptr) return nullptr;
  Json latency = Json::array();
  for (const SimulatedLatency& l : sim->latency) {
    latency.push_back(Json{{"class", l.request_class},
                           {"p50_ms", l.p50_ms},
                           {"p95_ms", l.p95_ms},
                           {"p99_ms", l.p99_ms},
                           {"target_ms", l.target_ms},
                           {"completed", l.completed}});
  }
  return Json{{"window", sim->window},
              {"month", sim->month},
              {"seed", std::to_string(sim->seed)},  // text: JavaScript numbers stop at 2^53
              {"latency", std::move(latency)},
              {"queues", SeriesJson(sim->queues)},
              {"replicas", SeriesJson(sim->replicas)}};
}

}  // namespace

Json ReportData(const ReportInput& in) {
  Json doc;
  doc["schema"] = kReportSchema;
  doc["plan"] = PlanDocument(*in.estate, *in.plan, in.source, in.recovery, in.tenancy, in.forecast,
                             in.calibration);
  doc["demand"] = DemandBand(*in.demand);
  doc["offered_cpu"] = OfferedCpuJson(*in.plan);
  doc["tenants"] = TenantsJson(*in.estate, *in.demand);
  doc["tenant_costs"] = TenantCostsJson(AllocatePlanToTenants(*in.demand, *in.plan, *in.catalog));
  doc["heaviest_batch"] = HeaviestBatches(*in.demand);
  doc["month_end"] = MonthEndJson(in);
  doc["inputs"] = InputsJson(*in.estate);
  doc["simulation"] = SimulationJson(in.simulation);
  return doc;
}

}  // namespace headroom
