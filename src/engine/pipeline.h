#pragma once
// The pipeline: estate → demand → plan (sizing, ratchet, coverage, placement, cost, roadmap).
// Only this file sequences the stages.

#include <functional>

#include "common/result.h"
#include "demand/demand.h"
#include "estate/model.h"
#include "plan/plan.h"

namespace headroom {

struct PlanRun {
  Demand demand;
  Plan plan;
};

// Runs every stage on a validated estate. `progress` (may be empty) receives the fraction done.
// `catalog` prices the nodes, storage and traffic.
Result<PlanRun> RunPipeline(const Estate& estate, const Catalog& catalog,
                            const std::function<void(double)>& progress);

}  // namespace headroom
