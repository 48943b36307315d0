#pragma once
// Can the plan meet each workflow's recovery objectives? For every month of the plan and each
// failure scenario, the achievable RTO and RPO under the plan's recovery design; for every
// business workflow of every tenant, which scenarios meet its targets over the whole horizon,
// from which month one stops meeting them, and the cheapest change of design that meets them.

#include <optional>
#include <string>
#include <vector>

#include "dr/remedies.h"
#include "dr/scenarios.h"
#include "estate/model.h"
#include "plan/plan.h"

namespace headroom {

struct MonthRecovery {
  RecoveryMonth inputs;
  double backup_mib_s = 0;
  double restore_mib_s = 0;
  double base_backup_minutes = 0;
  double wal_since_base_gib = 0;
  double wal_replay_minutes = 0;
  double archive_lag_s = 0;
  std::vector<ScenarioOutcome> outcomes;  // one per scenario, in kScenarios order
};

// A change of design and what it achieves.
struct Remedy {
  RecoveryDesign design;
  std::vector<std::string> changes;
  double monthly_cost = 0;  // the largest extra monthly cost over the horizon
  // Worst month under the new design, for the scenario it fixes (0 in `recommended`, which
  // fixes several).
  double rto_minutes = 0;
  double rpo_minutes = 0;
};

struct WorkflowScenario {
  Scenario scenario = Scenario::kApplicationFailure;
  bool recoverable = true;  // in every month
  double rto_minutes = 0;   // worst month
  double rpo_minutes = 0;   // worst month
  bool meets_rto = false;
  bool meets_rpo = false;
  int first_miss_month = -1;  // -1 when it meets every month
  std::string first_miss_label;
  std::string binding;        // the largest part of the RTO, or what bounds the RPO
  std::optional<Remedy> fix;  // when it misses and some candidate design meets it
  [[nodiscard]] bool meets() const { return recoverable && meets_rto && meets_rpo; }
};

struct WorkflowRecovery {
  std::string tenant;
  RecoveryObjective objective;
  std::vector<WorkflowScenario> scenarios;  // kScenarios order
};

struct DrAssessment {
  RecoveryDesign design;           // the plan's
  DrSettings settings;             // calibration applied
  std::string calibration_source;  // empty when the defaults were used
  std::vector<MonthRecovery> months;
  std::vector<WorkflowRecovery> workflows;
  // The cheapest single design meeting every target some design can meet, when that is more
  // than the plan's; the objectives no candidate meets are listed as "tenant / workflow:
  // scenario".
  std::optional<Remedy> recommended;
  std::vector<std::string> unreachable;
};

// The plan's recovery design: its backup schedule, CloudNativePG's archive_timeout, a second
// region when attachments are replicated (filestore_replication >= 2).
RecoveryDesign PlanDesign(const PlanSettings& plan_settings, const DrSettings& settings);

// What the arithmetic reads of one month of the plan.
RecoveryMonth RecoveryInputs(const MonthPlan& m, const Catalog& catalog);

DrAssessment AssessRecovery(const Estate& estate, const Plan& plan,
                            const PlanSettings& plan_settings, const DrSettings& settings,
                            const std::string& calibration_source = "");

// The defaults with every measured figure of `calibration` put in place.
DrSettings Calibrated(const DrSettings& defaults, const BackupCalibration& calibration);

}  // namespace headroom
