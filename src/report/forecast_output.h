#pragma once
// `headroom forecast`'s outputs: a line per resource for the terminal, and the JSON document
// headroom.forecast/v1 (docs/observe.md) with the chart data.

#include <string>

#include "engine/forecast.h"

namespace headroom {

inline constexpr const char* kForecastSchema = "headroom.forecast/v1";

std::string ForecastText(const ForecastReport& report);
std::string ForecastJson(const ForecastReport& report);

// "crosses", "not_within_horizon" or "no_capacity".
std::string SaturationStatus(const ResourceForecast& forecast);

}  // namespace headroom
