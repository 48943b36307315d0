#include "plan/roadmap.h"

#include <fmt/format.h>

namespace headroom {
namespace {

struct Tracked {
  const char* layer;
  const char* resource;
  const char* unit;
  double (*get)(const MonthPlan&);
  const LayerVerdict* (*verdict)(const MonthPlan&);
};

const std::vector<Tracked>& TrackedResources() {
  static const std::vector<Tracked> kTracked = {
      {"odoo", "http workers", "workers",
       [](const MonthPlan& m) { return static_cast<double>(m.odoo.http_workers); },
       [](const MonthPlan& m) { return &m.odoo.verdict; }},
      {"odoo", "http pods", "pods",
       [](const MonthPlan& m) { return static_cast<double>(m.odoo.pods); },
       [](const MonthPlan& m) { return &m.odoo.verdict; }},
      {"odoo", "cron workers", "workers",
       [](const MonthPlan& m) { return static_cast<double>(m.odoo.cron_workers); },
       [](const MonthPlan& m) { return &m.odoo.verdict; }},
      {"postgres", "clusters", "clusters",
       [](const MonthPlan& m) { return static_cast<double>(m.postgres.clusters); },
       [](const MonthPlan& m) { return &m.postgres.verdict; }},
      {"postgres", "vCPU", "vCPU",
       [](const MonthPlan& m) { return static_cast<double>(m.postgres.vcpu); },
       [](const MonthPlan& m) { return &m.postgres.verdict; }},
      {"postgres", "memory", "GiB", [](const MonthPlan& m) { return m.postgres.memory_gib; },
       [](const MonthPlan& m) { return &m.postgres.verdict; }},
      {"postgres", "instances", "instances",
       [](const MonthPlan& m) { return static_cast<double>(m.postgres.instances); },
       [](const MonthPlan& m) { return &m.postgres.verdict; }},
      {"postgres", "data volume", "GiB", [](const MonthPlan& m) { return m.postgres.storage_gib; },
       [](const MonthPlan& m) { return &m.postgres.verdict; }},
      {"redis", "memory", "MiB", [](const MonthPlan& m) { return m.redis.memory_mib; },
       [](const MonthPlan& m) { return &m.redis.verdict; }},
      // In all cells, as the ratchet keeps them: a month that adds a cell is no shrink.
      {"ingress", "traefik replicas", "replicas",
       [](const MonthPlan& m) { return TotalReplicas(m.ingress); },
       [](const MonthPlan& m) { return &m.ingress.verdict; }},
      {"nodes", "nodes", "nodes",
       [](const MonthPlan& m) { return static_cast<double>(m.nodes.nodes); },
       [](const MonthPlan&) -> const LayerVerdict* { return nullptr; }},
  };
  return kTracked;
}

std::string Reason(const MonthPlan& m, const LayerVerdict* verdict) {
  std::string reason = verdict != nullptr && !verdict->reason.empty()
                           ? verdict->reason
                           : "the pods of the month's plan need them";
  if (!m.peak_events.empty() && verdict != nullptr && verdict->binding_window != kSustained) {
    std::string events;
    for (const std::string& e : m.peak_events) events += (events.empty() ? "" : ", ") + e;
    reason += fmt::format(" (at the peak: {})", events);
  }
  return reason;
}

}  // namespace

std::vector<RoadmapStep> BuildRoadmap(const Plan& plan) {
  std::vector<RoadmapStep> steps;
  for (size_t i = 1; i < plan.month_plans.size(); ++i) {
    const MonthPlan& before = plan.month_plans[i - 1];
    const MonthPlan& now = plan.month_plans[i];
    for (const Tracked& t : TrackedResources()) {
      const double from = t.get(before);
      const double to = t.get(now);
      if (from == to) continue;
      steps.push_back(RoadmapStep{now.month, now.label, t.layer, t.resource, from, to, t.unit,
                                  Reason(now, t.verdict(now))});
    }
  }
  return steps;
}

}  // namespace headroom
