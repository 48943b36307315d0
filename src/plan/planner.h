#pragma once
// The planner: for every month, sizes every layer on the load at the planning quantile, keeps
// sizes from churning (ratchet.h), checks against every Monte Carlo sample how often the plan
// holds, places the pods on nodes and costs the month; then lists the changes as a roadmap.

#include <functional>

#include "common/result.h"
#include "demand/demand.h"
#include "estate/model.h"
#include "plan/plan.h"

namespace headroom {

// Sizes of one month, as the sizers return them for one load (no ratchet, no placement).
MonthPlan SizeMonth(const MonthLoad& load, const HeadroomPolicy& policy,
                    const PlanSettings& settings);

// REQUIRES: the demand was synthesized from `estate`. `progress` may be empty.
Result<Plan> BuildPlan(const Estate& estate, const Demand& demand, const PlanSettings& settings,
                       const std::function<void(double)>& progress = {});

// Each Monte Carlo sample's own need per month, what coverage is measured against. They do not
// depend on PlanSettings::month_constraints.
struct SampleNeeds {
  std::vector<std::vector<double>> workers, vcpu, memory, redis, ingress;  // [month][sample]
};

// The same, reusing `needs` across calls that differ only in month_constraints (the verify
// loop's passes): filled on the first call, read on the next.
Result<Plan> BuildPlan(const Estate& estate, const Demand& demand, const PlanSettings& settings,
                       const std::function<void(double)>& progress, SampleNeeds* needs);

}  // namespace headroom
