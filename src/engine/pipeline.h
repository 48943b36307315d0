#pragma once
// The pipeline: estate → demand → plan (sizing, ratchet, coverage, placement, cost, roadmap).
// Only this file sequences the stages.

#include <functional>
#include <optional>

#include "common/result.h"
#include "demand/demand.h"
#include "dr/assessment.h"
#include "estate/model.h"
#include "plan/plan.h"
#include "sim/stack/stack_from_plan.h"

namespace headroom {

struct PlanRun {
  Demand demand;
  Plan plan;
  DrAssessment recovery;  // backups and recovery against every workflow's RTO and RPO
};

// Sizes the plan, constrains the months whose pods' own queues miss a limit and sizes them again
// (plan/pod_queues.h), simulates every month's peak and recovery window with the sized
// configuration (sim/stack/verify.h), and while a month misses a target sizes again with the
// findings as extra constraints (plan/adjust.h), at most six simulated passes. Each month's
// verification records the passes and what they changed; a month still failing after the last pass
// is a warning and the plan does not hold.
Result<Plan> PlanAndVerify(const Estate& estate, const Demand& demand, PlanSettings settings,
                           const sim::SimulationSettings& simulation,
                           const std::function<void(double)>& progress);

// Runs every stage on a validated estate. `progress` (may be empty) receives the fraction done.
// `catalog` prices the nodes, storage and traffic; `calibration` (measured backup, restore and
// WAL replay throughputs) replaces the recovery defaults it measured.
Result<PlanRun> RunPipeline(const Estate& estate, const Catalog& catalog,
                            const std::function<void(double)>& progress,
                            const std::optional<BackupCalibration>& calibration = std::nullopt);

}  // namespace headroom
