#pragma once
// The "forecast" section of plan.json and report.html: `headroom plan --forecast FILE` reads
// the headroom.forecast/v1 document `headroom forecast --format json` wrote, and puts each
// resource's saturation date beside the plan month it falls in (docs/plan-json.md).

#include <string>
#include <string_view>

#include "common/result.h"
#include "plan/plan.h"
#include "report/plan_document.h"

namespace headroom {

// Points kept per chart line (observed, forecast): longer series are thinned by a stride.
inline constexpr size_t kForecastChartPoints = 400;

// Errors: kInvalid, located in `file`, when the text is not a headroom.forecast/v1 document.
Result<Json> ForecastSection(std::string_view text, const std::string& file, const Plan& plan);

}  // namespace headroom
