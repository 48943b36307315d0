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

namespace headroom {

struct PlanRun {
  Demand demand;
  Plan plan;
  DrAssessment recovery;  // backups and recovery against every workflow's RTO and RPO
};

// Runs every stage on a validated estate. `progress` (may be empty) receives the fraction done.
// `catalog` prices the nodes, storage and traffic; `calibration` (measured backup, restore and
// WAL replay throughputs) replaces the recovery defaults it measured.
Result<PlanRun> RunPipeline(const Estate& estate, const Catalog& catalog,
                            const std::function<void(double)>& progress,
                            const std::optional<BackupCalibration>& calibration = std::nullopt);

}  // namespace headroom
