#pragma once
// The pipeline: estate → demand → (sizing → verification → tenancy, DR) → results. Only this
// file sequences the stages.

#include <functional>

#include "common/result.h"
#include "demand/demand.h"
#include "estate/model.h"

namespace headroom {

struct PlanRun {
  Demand demand;
};

// Runs every stage on a validated estate. `progress` (may be empty) receives the fraction done.
Result<PlanRun> RunPipeline(const Estate& estate, const std::function<void(double)>& progress);

}  // namespace headroom
