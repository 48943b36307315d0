#pragma once
// plan.json: the plan as a versioned, documented JSON document ("schema": "headroom.plan/v1",
// docs/plan-json.md). Deterministic: fixed key order, shortest round-trip numbers, no clock.

#include <string>

#include "estate/model.h"
#include "plan/plan.h"

namespace headroom {

inline constexpr const char* kPlanSchema = "headroom.plan/v1";

std::string PlanJson(const Estate& estate, const Plan& plan, const std::string& source);

}  // namespace headroom
