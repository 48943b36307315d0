#pragma once
// plan.json: the plan as a versioned, documented JSON document ("schema": "headroom.plan/v1",
// docs/plan-json.md). Deterministic: fixed key order, shortest round-trip numbers, no clock.

#include <nlohmann/json.hpp>
#include <string>

#include "dr/assessment.h"
#include "estate/calibration.h"
#include "estate/model.h"
#include "plan/plan.h"
#include "tenancy/advice.h"

namespace headroom {

inline constexpr const char* kPlanSchema = "headroom.plan/v1";

// `recovery`, when given, becomes the "recovery" section (report/dr_output.h); `tenancy` the
// "tenancy" section; `forecast` the "forecast" section (report/forecast_section.h);
// `calibration` the "calibration" section (report/plan_document.h).
std::string PlanJson(const Estate& estate, const Plan& plan, const std::string& source,
                     const DrAssessment* recovery = nullptr, const TenancyAdvice* tenancy = nullptr,
                     const nlohmann::ordered_json* forecast = nullptr,
                     const AppliedCalibration* calibration = nullptr);

}  // namespace headroom
