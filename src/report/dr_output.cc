#include "report/dr_output.h"

#include <fmt/format.h>

#include "report/text_wrap.h"

namespace headroom {
namespace {

using Json = nlohmann::ordered_json;

const char* RegionWord(SecondaryRegion r) {
  switch (r) {
    case SecondaryRegion::kNone:
      return "none";
    case SecondaryRegion::kCold:
      return "cold";
    case SecondaryRegion::kWarm:
      return "warm";
  }
  return "none";
}

std::string DesignText(const RecoveryDesign& d) {
  return fmt::format(
      "{} base backup{} a week, archive_timeout {:.0f} s, {}{}, {} standby, second region: {}",
      d.base_backups_per_week, d.base_backups_per_week == 1 ? "" : "s", d.archive_timeout_s,
      d.volume_snapshots ? "daily volume snapshots" : "no volume snapshots",
      d.volume_mib_s > 0 ? fmt::format(", volumes at {:.0f} MiB/s", d.volume_mib_s) : "",
      d.synchronous_standby ? "synchronous" : "asynchronous", RegionWord(d.secondary));
}

std::string Minutes(double m) {
  if (m < 10) return fmt::format("{:.1f} min", m);
  if (m < 600) return fmt::format("{:.0f} min", m);
  return fmt::format("{:.1f} h", m / 60);
}

// RPOs are often a few minutes or seconds, where a miss by a fraction of a minute matters.
std::string Rpo(double minutes) {
  if (minutes * 60 < 600) return fmt::format("{:.1f} s", minutes * 60);
  return Minutes(minutes);
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::string Verdict(const WorkflowScenario& w) {
  if (w.meets()) return "meets";
  if (!w.recoverable) return "cannot recover";
  const char* what = !w.meets_rto && !w.meets_rpo ? "RTO+RPO" : (!w.meets_rto ? "RTO" : "RPO");
  return fmt::format("misses {} from {}", what, w.first_miss_label);
}

std::string MonthDetail(const MonthRecovery& m) {
  const RecoveryMonth& in = m.inputs;
  std::string out = fmt::format(
      "Recovery arithmetic in {}: database {:.1f} GiB, WAL {:.2f} GiB/day, {} vCPU, volumes "
      "{:.0f} MiB/s\n",
      in.label, in.database_gib, in.wal_gib_per_day, in.postgres_vcpu, in.volume_mib_s);
  out +=
      Wrap("  ", fmt::format("base backup {} at {:.0f} MiB/s; restore at {:.0f} MiB/s; {:.1f} "
                             "GiB of WAL since the base replays in {}; archive lag {:.1f} s",
                             Minutes(m.base_backup_minutes), m.backup_mib_s, m.restore_mib_s,
                             m.wal_since_base_gib, Minutes(m.wal_replay_minutes), m.archive_lag_s));
  for (const ScenarioOutcome& o : m.outcomes) {
    std::string terms;
    for (const RecoveryTerm& t : o.rto) {
      terms += fmt::format("{}{} {}", terms.empty() ? "" : " + ", t.name, Minutes(t.minutes));
    }
    const std::string text =
        o.recoverable ? fmt::format("{}: RTO {} = {}; RPO {} ({})", ScenarioName(o.scenario),
                                    Minutes(o.rto_minutes), terms, Rpo(o.rpo_minutes), o.rpo_reason)
                      : fmt::format("{}: cannot recover: {}", ScenarioName(o.scenario), o.approach);
    out += Wrap("  ", text);
  }
  return out + "\n";
}

std::string WorkflowBlock(const WorkflowRecovery& w, const std::string& currency) {
  std::string out = fmt::format("{} / {}: RTO {}, RPO {}\n", w.tenant, w.objective.workflow,
                                Minutes(w.objective.rto_minutes), Rpo(w.objective.rpo_minutes));
  out += fmt::format("  {:<22} {:>9} {:>9}  {}\n", "scenario", "RTO", "RPO", "verdict");
  for (const WorkflowScenario& s : w.scenarios) {
    out += fmt::format("  {:<22} {:>9} {:>9}  {}\n", ScenarioName(s.scenario),
                       s.recoverable ? Minutes(s.rto_minutes) : "-",
                       s.recoverable ? Rpo(s.rpo_minutes) : "-", Verdict(s));
    if (s.meets()) continue;
    out += Wrap("      why: ", s.binding);
    if (s.fix) {
      out += Wrap("      fix: ", fmt::format("{} (+{:.2f} {}/month) gives RTO {}, RPO {}",
                                             Join(s.fix->changes), s.fix->monthly_cost, currency,
                                             Minutes(s.fix->rto_minutes), Rpo(s.fix->rpo_minutes)));
    } else {
      out += "      fix: no change Headroom models meets it\n";
    }
  }
  return out;
}

Json DesignJson(const RecoveryDesign& d) {
  return Json{{"base_backups_per_week", d.base_backups_per_week},
              {"archive_timeout_s", d.archive_timeout_s},
              {"volume_snapshots", d.volume_snapshots},
              {"synchronous_standby", d.synchronous_standby},
              {"extra_instances", d.extra_instances},
              {"volume_mib_s", d.volume_mib_s},
              {"secondary_region", RegionWord(d.secondary)}};
}

Json OutcomeJson(const ScenarioOutcome& o) {
  Json terms = Json::array();
  for (const RecoveryTerm& t : o.rto)
    terms.push_back(Json{{"name", t.name}, {"minutes", t.minutes}});
  return Json{{"recoverable", o.recoverable}, {"approach", o.approach},
              {"rto_minutes", o.rto_minutes}, {"rto_terms", std::move(terms)},
              {"rpo_minutes", o.rpo_minutes}, {"rpo_reason", o.rpo_reason}};
}

Json MonthJson(const MonthRecovery& m) {
  Json scenarios = Json::object();
  for (const ScenarioOutcome& o : m.outcomes) scenarios[ScenarioKey(o.scenario)] = OutcomeJson(o);
  return Json{{"month", m.inputs.month},
              {"label", m.inputs.label},
              {"database_gib", m.inputs.database_gib},
              {"wal_gib_per_day", m.inputs.wal_gib_per_day},
              {"backup_footprint_gib", m.inputs.backup_footprint_gib},
              {"backup_mib_s", m.backup_mib_s},
              {"restore_mib_s", m.restore_mib_s},
              {"base_backup_minutes", m.base_backup_minutes},
              {"wal_since_base_gib", m.wal_since_base_gib},
              {"wal_replay_minutes", m.wal_replay_minutes},
              {"archive_lag_s", m.archive_lag_s},
              {"scenarios", std::move(scenarios)}};
}

Json RemedyJson(const Remedy& r, bool with_outcome) {
  Json j{
      {"changes", r.changes}, {"design", DesignJson(r.design)}, {"monthly_cost", r.monthly_cost}};
  if (with_outcome) {
    j["rto_minutes"] = r.rto_minutes;
    j["rpo_minutes"] = r.rpo_minutes;
  }
  return j;
}

Json WorkflowJson(const WorkflowRecovery& w) {
  Json scenarios = Json::array();
  for (const WorkflowScenario& s : w.scenarios) {
    scenarios.push_back(Json{{"scenario", ScenarioKey(s.scenario)},
                             {"name", ScenarioName(s.scenario)},
                             {"recoverable", s.recoverable},
                             {"rto_minutes", s.rto_minutes},
                             {"rpo_minutes", s.rpo_minutes},
                             {"meets_rto", s.meets_rto},
                             {"meets_rpo", s.meets_rpo},
                             {"meets", s.meets()},
                             {"first_miss_month", s.first_miss_month},
                             {"first_miss_label", s.first_miss_label},
                             {"binding", s.binding},
                             {"fix", s.fix ? RemedyJson(*s.fix, true) : Json(nullptr)}});
  }
  return Json{{"tenant", w.tenant},
              {"workflow", w.objective.workflow},
              {"rto_target_minutes", w.objective.rto_minutes},
              {"rpo_target_minutes", w.objective.rpo_minutes},
              {"request_classes", w.objective.request_classes},
              {"scenarios", std::move(scenarios)}};
}

Json SettingsJson(const DrSettings& s, const std::string& calibration) {
  return Json{{"calibration", calibration.empty() ? Json(nullptr) : Json(calibration)},
              {"backup_mib_s_per_process", s.backup_mib_s_per_process},
              {"restore_mib_s_per_process", s.restore_mib_s_per_process},
              {"wal_replay_mib_s", s.wal_replay_mib_s},
              {"network_mib_s", s.network_mib_s},
              {"provisioning_minutes", s.provisioning_minutes},
              {"validation_minutes", s.validation_minutes},
              {"failover_s", s.failover_s},
              {"async_standby_lag_s", s.async_standby_lag_s},
              {"dns_ttl_s", s.dns_ttl_s},
              {"cross_region_copy_minutes", s.cross_region_copy_minutes},
              {"secondary_region_cold_minutes", s.secondary_region_cold_minutes},
              {"secondary_region_warm_minutes", s.secondary_region_warm_minutes}};
}

}  // namespace

std::string DrTable(const DrAssessment& dr, const std::string& currency, int month) {
  std::string out = Wrap("Recovery design: ", DesignText(dr.design));
  out += Wrap("Throughputs: ",
              fmt::format("backup {:.0f} MiB/s per process, restore {:.0f} MiB/s per process, WAL "
                          "replay {:.0f} MiB/s ({})",
                          dr.settings.backup_mib_s_per_process,
                          dr.settings.restore_mib_s_per_process, dr.settings.wal_replay_mib_s,
                          dr.calibration_source.empty()
                              ? "defaults; measure yours with `headroom calibrate backup`"
                              : "calibrated: " + dr.calibration_source));
  out += "\n";
  if (month >= 0 && month < static_cast<int>(dr.months.size()))
    out += MonthDetail(dr.months[month]);
  if (dr.workflows.empty()) {
    return out + "No recovery objectives in the estate: add `recovery` entries to its tenants.\n";
  }
  out += "Worst month over the horizon, per workflow:\n\n";
  for (const WorkflowRecovery& w : dr.workflows) out += WorkflowBlock(w, currency) + "\n";
  if (dr.recommended) {
    out += Wrap("Recommended: ",
                fmt::format("{} (+{:.2f} {}/month) meets every objective that "
                            "some design can meet.",
                            Join(dr.recommended->changes), dr.recommended->monthly_cost, currency));
  } else {
    out += "The plan's design meets every objective that some design can meet.\n";
  }
  for (const std::string& u : dr.unreachable) out += Wrap("Out of reach: ", u);
  return out;
}

Json DrJsonValue(const DrAssessment& dr) {
  Json months = Json::array();
  for (const MonthRecovery& m : dr.months) months.push_back(MonthJson(m));
  Json workflows = Json::array();
  for (const WorkflowRecovery& w : dr.workflows) workflows.push_back(WorkflowJson(w));
  return Json{{"design", DesignJson(dr.design)},
              {"settings", SettingsJson(dr.settings, dr.calibration_source)},
              {"months", std::move(months)},
              {"workflows", std::move(workflows)},
              {"recommended", dr.recommended ? RemedyJson(*dr.recommended, false) : Json(nullptr)},
              {"unreachable", dr.unreachable}};
}

std::string RecoveryJson(const DrAssessment& dr, const Plan& plan, const std::string& source) {
  Json doc{{"schema", kRecoverySchema},
           {"estate", plan.estate},
           {"source", source},
           {"currency", plan.currency}};
  const Json body = DrJsonValue(dr);
  for (const auto& [key, value] : body.items()) doc[key] = value;
  return doc.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace headroom
