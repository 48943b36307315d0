#pragma once
// The `simulation` object of a plan.json month (docs/plan-json.md, "Simulation"): the simulated
// peak and recovery windows beside the analytic figures, and the sizing passes they took.

#include <nlohmann/json.hpp>

#include "plan/verification.h"

namespace headroom {

nlohmann::ordered_json VerificationJson(const MonthVerification& verification);

}  // namespace headroom
