#include "dr/assessment.h"

#include <fmt/format.h>

#include <algorithm>

namespace headroom {
namespace {

// Targets compare with a little slack so that a figure printed as "60.0 min" against a 60 min
// target is not a miss through rounding of its parts.
constexpr double kSlackMinutes = 1e-6;

MonthRecovery EvaluateMonth(const RecoveryMonth& in, const RecoveryDesign& d, const DrSettings& s) {
  MonthRecovery m;
  m.inputs = in;
  m.backup_mib_s = BackupMibS(in, d, s);
  m.restore_mib_s = RestoreMibS(in, d, s);
  m.base_backup_minutes = BaseBackupMinutes(in, d, s);
  m.wal_since_base_gib = WalSinceBaseGib(in, d);
  m.wal_replay_minutes = WalReplayMinutes(in, d, s);
  m.archive_lag_s = ArchiveLagSeconds(in, d, s);
  for (Scenario sc : kScenarios) m.outcomes.push_back(EvaluateScenario(sc, in, d, s));
  return m;
}

std::string Binding(const ScenarioOutcome& o, bool rto_missed, bool rpo_missed) {
  if (!o.recoverable) return o.rpo_reason;
  if (rpo_missed && !rto_missed) return "RPO: " + o.rpo_reason;
  const auto largest = std::max_element(
      o.rto.begin(), o.rto.end(),
      [](const RecoveryTerm& a, const RecoveryTerm& b) { return a.minutes < b.minutes; });
  if (largest == o.rto.end()) return o.rpo_reason;
  return fmt::format("RTO: {} {:.1f} min", largest->name, largest->minutes);
}

// The scenario's verdict over every month under `design`.
WorkflowScenario Judge(Scenario sc, const RecoveryObjective& goal,
                       const std::vector<RecoveryMonth>& months, const RecoveryDesign& design,
                       const DrSettings& s) {
  WorkflowScenario w;
  w.scenario = sc;
  w.meets_rto = true;
  w.meets_rpo = true;
  std::optional<ScenarioOutcome> worst;
  for (const RecoveryMonth& m : months) {
    const ScenarioOutcome o = EvaluateScenario(sc, m, design, s);
    const bool rto_ok = o.recoverable && o.rto_minutes <= goal.rto_minutes + kSlackMinutes;
    const bool rpo_ok = o.recoverable && o.rpo_minutes <= goal.rpo_minutes + kSlackMinutes;
    w.recoverable = w.recoverable && o.recoverable;
    w.meets_rto = w.meets_rto && rto_ok;
    w.meets_rpo = w.meets_rpo && rpo_ok;
    w.rto_minutes = std::max(w.rto_minutes, o.rto_minutes);
    w.rpo_minutes = std::max(w.rpo_minutes, o.rpo_minutes);
    if ((!rto_ok || !rpo_ok) && w.first_miss_month < 0) {
      w.first_miss_month = m.month;
      w.first_miss_label = m.label;
      w.binding = Binding(o, !rto_ok, !rpo_ok);
    }
    if (!worst || o.rto_minutes > worst->rto_minutes) worst = o;
  }
  if (w.binding.empty() && worst) w.binding = Binding(*worst, false, false);
  return w;
}

double WorstExtraCost(const std::vector<RecoveryMonth>& months, const RecoveryDesign& current,
                      const RecoveryDesign& design, const RemedyPrices& prices) {
  double worst = 0;
  for (const RecoveryMonth& m : months) {
    worst = std::max(worst, ExtraMonthlyCost(m, current, design, prices));
  }
  return worst;
}

struct Priced {
  RecoveryDesign design;
  double monthly_cost = 0;
  size_t changes = 0;
};

// Candidates cheapest first; ties go to fewer changes, then to the fixed candidate order.
std::vector<Priced> PricedCandidates(const std::vector<RecoveryMonth>& months,
                                     const RecoveryDesign& current, const RemedyPrices& prices) {
  const int instances = months.empty() ? 2 : months.back().postgres_instances;
  std::vector<Priced> out;
  for (const RecoveryDesign& d : CandidateDesigns(current, prices.dr, instances)) {
    if (d == current) continue;
    out.push_back(
        {d, WorstExtraCost(months, current, d, prices), DescribeChanges(current, d).size()});
  }
  std::stable_sort(out.begin(), out.end(), [](const Priced& a, const Priced& b) {
    if (a.monthly_cost != b.monthly_cost) return a.monthly_cost < b.monthly_cost;
    return a.changes < b.changes;
  });
  return out;
}

Remedy MakeRemedy(const Priced& p, const RecoveryDesign& current, const WorkflowScenario& judged) {
  return Remedy{p.design, DescribeChanges(current, p.design), p.monthly_cost, judged.rto_minutes,
                judged.rpo_minutes};
}

std::optional<Remedy> CheapestFix(Scenario sc, const RecoveryObjective& goal,
                                  const std::vector<RecoveryMonth>& months,
                                  const RecoveryDesign& current,
                                  const std::vector<Priced>& candidates, const DrSettings& s) {
  for (const Priced& p : candidates) {
    const WorkflowScenario judged = Judge(sc, goal, months, p.design, s);
    if (judged.meets()) return MakeRemedy(p, current, judged);
  }
  return std::nullopt;
}

bool MeetsAllReachable(const RecoveryDesign& d, const DrAssessment& a,
                       const std::vector<RecoveryMonth>& months) {
  for (const WorkflowRecovery& w : a.workflows) {
    for (const WorkflowScenario& ws : w.scenarios) {
      if (!ws.meets() && !ws.fix) continue;  // nothing meets it: not asked of any design
      if (!Judge(ws.scenario, w.objective, months, d, a.settings).meets()) return false;
    }
  }
  return true;
}

void Recommend(DrAssessment& a, const std::vector<RecoveryMonth>& months,
               const std::vector<Priced>& candidates) {
  bool any_fix = false;
  for (const WorkflowRecovery& w : a.workflows) {
    for (const WorkflowScenario& ws : w.scenarios) {
      if (ws.fix) any_fix = true;
      if (!ws.meets() && !ws.fix) {
        a.unreachable.push_back(
            fmt::format("{} / {}: {}", w.tenant, w.objective.workflow, ScenarioName(ws.scenario)));
      }
    }
  }
  if (!any_fix) return;
  for (const Priced& p : candidates) {
    if (!MeetsAllReachable(p.design, a, months)) continue;
    a.recommended = Remedy{p.design, DescribeChanges(a.design, p.design), p.monthly_cost, 0, 0};
    return;
  }
}

}  // namespace

RecoveryDesign PlanDesign(const PlanSettings& plan_settings, const DrSettings& settings) {
  RecoveryDesign d;
  d.base_backups_per_week = std::max(1, plan_settings.storage.base_backups_per_week);
  d.archive_timeout_s = settings.archive_timeout_s;
  d.secondary = plan_settings.storage.filestore_replication >= 2 ? SecondaryRegion::kCold
                                                                 : SecondaryRegion::kNone;
  return d;
}

RecoveryMonth RecoveryInputs(const MonthPlan& m, const Catalog& catalog) {
  RecoveryMonth r;
  r.month = m.month;
  r.label = m.label;
  r.database_gib = m.postgres.database_gib;
  r.wal_gib_per_day = m.postgres.wal_gib_per_day;
  r.filestore_gib = m.storage.filestore_gib;
  r.postgres_vcpu = m.postgres.vcpu;
  r.postgres_instances = m.postgres.instances;
  r.synchronous_standby = m.postgres.synchronous_standby;
  // The data volume as the plan provisions it (plan/plan.h, MonthCost): its throughput, or its
  // class's included baseline when larger.
  const BlockStoragePrice* storage = FindBlockStorage(catalog, m.cost.block_storage_class);
  if (storage == nullptr) storage = &catalog.block_storage;
  r.volume_mib_s = std::max({storage->included_throughput_mib_s, m.cost.data_volume_mib_s,
                             m.postgres.throughput_mib_s_peak});
  r.odoo_pods = m.odoo.pods;
  r.instance_monthly =
      PostgresPods(m.postgres) > 0 ? m.cost.postgres_in_cluster / PostgresPods(m.postgres) : 0.0;
  r.backup_footprint_gib = m.storage.backup_footprint_gib;
  return r;
}

DrSettings Calibrated(const DrSettings& defaults, const BackupCalibration& c) {
  DrSettings s = defaults;
  if (c.backup_mib_s_per_process > 0) s.backup_mib_s_per_process = c.backup_mib_s_per_process;
  if (c.restore_mib_s_per_process > 0) s.restore_mib_s_per_process = c.restore_mib_s_per_process;
  if (c.wal_replay_mib_s > 0) s.wal_replay_mib_s = c.wal_replay_mib_s;
  if (c.restore_start_s > 0) s.restore_start_s = c.restore_start_s;
  return s;
}

DrAssessment AssessRecovery(const Estate& estate, const Plan& plan,
                            const PlanSettings& plan_settings, const DrSettings& settings,
                            const std::string& calibration_source) {
  DrAssessment a;
  a.design = PlanDesign(plan_settings, settings);
  a.settings = settings;
  a.calibration_source = calibration_source;
  std::vector<RecoveryMonth> months;
  for (const MonthPlan& m : plan.month_plans) {
    months.push_back(RecoveryInputs(m, plan_settings.catalog));
    a.months.push_back(EvaluateMonth(months.back(), a.design, settings));
  }
  const RemedyPrices prices{&plan_settings.catalog, plan_settings.storage, settings};
  const std::vector<Priced> candidates = PricedCandidates(months, a.design, prices);
  for (const Tenant& t : estate.tenants) {
    for (const RecoveryObjective& goal : t.recovery) {
      WorkflowRecovery w{t.name, goal, {}};
      for (Scenario sc : kScenarios) {
        WorkflowScenario ws = Judge(sc, goal, months, a.design, settings);
        if (!ws.meets()) ws.fix = CheapestFix(sc, goal, months, a.design, candidates, settings);
        w.scenarios.push_back(std::move(ws));
      }
      a.workflows.push_back(std::move(w));
    }
  }
  Recommend(a, months, candidates);
  return a;
}

}  // namespace headroom
