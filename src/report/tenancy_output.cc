#include "report/tenancy_output.h"

#include <fmt/format.h>

#include "report/text_wrap.h"

namespace headroom {
namespace {

using Json = nlohmann::ordered_json;

std::string Percent(double share) { return fmt::format("{:+.0f}%", 100.0 * share); }

// A p95 over a minute is a saturated queue in a 5-minute window: say so rather than print it.
std::string Ms(double ms) {
  if (ms >= 60000) return "saturated";
  if (ms >= 10000) return fmt::format("{:.0f} s", ms / 1000);
  return fmt::format("{:.0f} ms", ms);
}

std::string Where(const TenantPlacement& p, const TenancyAdvice& a) {
  if (p.model == HostingModel::kPhased) {
    return fmt::format("own, {} from {}", p.pool,
                       a.month_labels[static_cast<size_t>(p.move_month)]);
  }
  return p.pool;
}

void Options(const TenancyAdvice& a, std::string& out) {
  out += fmt::format("{:<14}{:>16}{:>8}{:>8}{:>12}{:>12}  {}\n", "model",
                     fmt::format("{}/month", a.currency), "envs", "blast", "p95 noisy",
                     "with quota", "governance");
  for (const OptionSummary& o : a.options) {
    const std::string fit = o.governance_violations.empty()
                                ? "fits"
                                : fmt::format("breaks {}", o.governance_violations.size());
    out += fmt::format("{:<14}{:>16.0f}{:>8}{:>8}{:>12}{:>12}  {}{}\n", o.model,
                       o.mean_monthly_cost, o.environments, o.blast_radius,
                       Percent(o.p95_inflation), Percent(o.p95_inflation_with_quota), fit,
                       o.model == a.recommended ? "  ← recommended" : "");
  }
}

void Tenants(const TenancyAdvice& a, std::string& out) {
  out += fmt::format("\n{:<20}{:<9}{:>11}{:>9}{:>8}{:>9}  {}\n", "tenant", "model", "dedicated",
                     "shared", "noisy", "w/ quota", "environment");
  for (const TenantAdvice& t : a.tenants) {
    out += fmt::format("{:<20}{:<9}{:>11.0f}{:>9.0f}{:>8}{:>9}  {}\n", t.placement.tenant,
                       HostingModelName(t.placement.model), t.dedicated_monthly, t.shared_monthly,
                       Percent(t.p95_inflation_caused), Percent(t.p95_inflation_caused_with_quota),
                       Where(t.placement, a));
  }
}

void Interference(const TenancyAdvice& a, std::string& out) {
  for (const PoolInterference& p : a.interference) {
    out += "\n" + Wrap("", fmt::format("Interference in {} ({}, {} workers before the autoscaler "
                                       "reacts, {} database connections): every tenant at its "
                                       "worst hour; the rise is against the same hour with that "
                                       "tenant at its sustained load.",
                                       p.pool, a.month_labels[static_cast<size_t>(p.month)],
                                       p.shape.workers, p.shape.db_connections));
    out += fmt::format("  {:<18}{:<15}{:>11}{:>8}{:>12}{:>6}  {}\n", "worst hour of", "mitigation",
                       "others p95", "rise", "its own p95", "429", "setting");
    for (const AggressorImpact& ag : p.aggressors) {
      for (const MitigationEffect& e : ag.effects) {
        out += fmt::format("  {:<18}{:<15}{:>11}{:>8}{:>12}{:>5.0f}%  {}\n",
                           &e == &ag.effects.front() ? ag.tenant : "", e.mitigation,
                           Ms(e.others_p95_ms), Percent(e.others_inflation), Ms(e.aggressor_p95_ms),
                           100.0 * e.aggressor_rejected_share,
                           e.mitigation == "all three" ? "the three above" : e.setting);
      }
      for (const MitigationEffect* e : {&ag.runaway, &ag.runaway_with_quota}) {
        out += fmt::format("  {:<18}{:<15}{:>11}{:>8}{:>12}{:>5.0f}%  {}\n", "",
                           e == &ag.runaway ? "runaway" : "runaway+quota", Ms(e->others_p95_ms),
                           Percent(e->others_inflation), Ms(e->aggressor_p95_ms),
                           100.0 * e->aggressor_rejected_share,
                           e == &ag.runaway ? "its rate x runaway factor" : e->setting);
      }
    }
  }
}

Json PlacementJson(const TenantPlacement& p) {
  Json j{{"tenant", p.tenant},    {"model", HostingModelName(p.model)},
         {"environment", p.pool}, {"region", p.region},
         {"forced", p.forced},    {"reasons", p.reasons}};
  if (p.model == HostingModel::kPhased) j["move_month"] = p.move_month;
  return j;
}

Json EffectJson(const MitigationEffect& e) {
  return Json{
      {"mitigation", e.mitigation},       {"setting", e.setting},
      {"others_p95_ms", e.others_p95_ms}, {"others_p95_inflation", e.others_inflation},
      {"own_p95_ms", e.aggressor_p95_ms}, {"own_rejected_share", e.aggressor_rejected_share}};
}

}  // namespace

std::string TenancyTable(const TenancyAdvice& a) {
  std::string out = Wrap(
      "",
      fmt::format("Where each tenant lives: {} (mean monthly cost over {} months, {:.0f} {} "
                  "per environment for its control plane; plans of {} samples)",
                  a.estate, a.month_labels.size(), a.control_plane_monthly, a.currency, a.samples));
  out += "\n";
  Options(a, out);
  out += fmt::format("\nRecommendation: {}\n", a.recommended);
  for (const std::string& r : a.reasons) out += Wrap("- ", r);
  Tenants(a, out);
  Interference(a, out);
  return out;
}

Json TenancyJsonValue(const TenancyAdvice& a) {
  Json options = Json::array();
  for (const OptionSummary& o : a.options) {
    Json placements = Json::array();
    for (const TenantPlacement& p : o.placements) placements.push_back(PlacementJson(p));
    options.push_back(Json{{"model", o.model},
                           {"mean_monthly_cost", o.mean_monthly_cost},
                           {"monthly_cost", o.monthly_cost},
                           {"environments", o.environments},
                           {"blast_radius_tenants", o.blast_radius},
                           {"p95_inflation", o.p95_inflation},
                           {"p95_inflation_with_quota", o.p95_inflation_with_quota},
                           {"runaway_tenant", o.runaway_tenant},
                           {"runaway_inflation", o.runaway_inflation},
                           {"runaway_inflation_with_quota", o.runaway_inflation_with_quota},
                           {"governance_violations", o.governance_violations},
                           {"placements", placements}});
  }
  Json tenants = Json::array();
  for (const TenantAdvice& t : a.tenants) {
    Json j = PlacementJson(t.placement);
    j["dedicated_monthly_cost"] = t.dedicated_monthly;
    j["shared_monthly_cost"] = t.shared_monthly;
    j["p95_inflation_caused"] = t.p95_inflation_caused;
    j["p95_inflation_caused_with_quota"] = t.p95_inflation_caused_with_quota;
    tenants.push_back(j);
  }
  Json pools = Json::array();
  for (const PoolInterference& p : a.interference) {
    Json aggressors = Json::array();
    for (const AggressorImpact& ag : p.aggressors) {
      Json effects = Json::array();
      for (const MitigationEffect& e : ag.effects) effects.push_back(EffectJson(e));
      aggressors.push_back(Json{{"tenant", ag.tenant},
                                {"effects", effects},
                                {"runaway", EffectJson(ag.runaway)},
                                {"runaway_with_quota", EffectJson(ag.runaway_with_quota)}});
    }
    pools.push_back(Json{{"environment", p.pool},
                         {"month", p.month},
                         {"label", a.month_labels[static_cast<size_t>(p.month)]},
                         {"workers", p.shape.workers},
                         {"db_connections", p.shape.db_connections},
                         {"members", p.members},
                         {"baseline_p95_ms", p.baseline_p95_ms},
                         {"aggressors", aggressors}});
  }
  return Json{{"recommended", a.recommended},
              {"reasons", a.reasons},
              {"control_plane_monthly", a.control_plane_monthly},
              {"samples", a.samples},
              {"months", a.month_labels},
              {"options", options},
              {"tenants", tenants},
              {"interference", pools}};
}

std::string TenancyJson(const TenancyAdvice& a, const std::string& source) {
  Json doc{{"schema", kTenancySchema},
           {"estate", a.estate},
           {"source", source},
           {"currency", a.currency}};
  const Json body = TenancyJsonValue(a);
  for (const auto& [key, value] : body.items()) doc[key] = value;
  return doc.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace headroom
