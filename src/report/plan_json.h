#pragma once
// plan.json: the plan as a versioned, documented JSON document ("schema": "headroom.plan/v1",
// docs/plan-json.md). Deterministic: fixed key order, shortest round-trip numbers, no clock.

#include <string>

#include "dr/assessment.h"
#include "estate/calibration.h"
#include "estate/model.h"
#include "plan/plan.h"

namespace headroom {

inline constexpr const char* kPlanSchema = "headroom.plan/v1";

// `recovery`, when given, becomes the "recovery" section (report/dr_output.h); `calibration` the
// "calibration" section (report/plan_document.h).
std::string PlanJson(const Estate& estate, const Plan& plan, const std::string& source,
                     const DrAssessment* recovery = nullptr,
                     const AppliedCalibration* calibration = nullptr);

}  // namespace headroom
