#pragma once
// The plan as a JSON value, before it is written out: plan.json is this value dumped, and
// report.html embeds the same value, so the two files cannot disagree on a figure.

#include <nlohmann/json.hpp>
#include <string>

#include "dr/assessment.h"
#include "estate/calibration.h"
#include "estate/model.h"
#include "plan/plan.h"
#include "tenancy/advice.h"

namespace headroom {

using Json = nlohmann::ordered_json;

// The document docs/plan-json.md describes ("schema": "headroom.plan/v1"); `recovery`, when
// given, becomes its "recovery" section (report/dr_output.h); `tenancy`, when given, its
// "tenancy" section (report/tenancy_output.h); `forecast`, when given, its "forecast" section
// (report/forecast_section.h); `calibration`, when given, its "calibration" section (the
// measured figures the plan used), else null.
Json PlanDocument(const Estate& estate, const Plan& plan, const std::string& source,
                  const DrAssessment* recovery = nullptr, const TenancyAdvice* tenancy = nullptr,
                  const Json* forecast = nullptr, const AppliedCalibration* calibration = nullptr);

}  // namespace headroom
