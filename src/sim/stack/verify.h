#pragma once
// Verification of a plan by simulation: each month's peak window and recovery window run through
// the Odoo stack model with the month's sized configuration, and the simulated figures are set
// beside the analytic ones. The simulator reads the plan and returns findings; it never sizes.
//
// Each (month, window) draws from its own seed, RandomStream(plan seed, "simulate/<month
// label>/<window>"), so months are independent of each other and of the order they run in, and
// the same plan and seed give the same figures.

#include <cstdint>
#include <string>
#include <vector>

#include "estate/model.h"
#include "plan/plan.h"
#include "sim/stack/stack_from_plan.h"
#include "sim/stack/stack_result.h"

namespace headroom::sim {

// The seed of one month's window.
uint64_t WindowSeed(uint64_t plan_seed, const std::string& month_label, SimWindow window);

// The analytic and simulated figures of one window side by side.
SimulatedWindow CompareWindow(const MonthPlan& month, SimWindow window, const StackConfig& config,
                              const StackResult& result, const SimulationSettings& simulation);

// True when the two configurations would simulate the same thing (same seed given).
bool SameStack(const StackConfig& a, const StackConfig& b);

// Simulates the peak and the recovery window of every month. With `previous` (an earlier pass's
// plan, its months' verifications filled), a window whose configuration is unchanged keeps the
// earlier figures instead of running again: they would be the same, seed for seed.
std::vector<MonthVerification> VerifyPlan(const Plan& plan, const HeadroomPolicy& policy,
                                          const PlanSettings& settings,
                                          const SimulationSettings& simulation,
                                          const Plan* previous = nullptr);

}  // namespace headroom::sim
