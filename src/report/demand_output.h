#pragma once
// Demand as files: the monthly load windows and the hourly series, as CSV or JSON
// ("schema": "headroom.demand/v1", documented in docs/demand.md). Deterministic for the same
// demand: fixed key order, shortest round-trip number formatting.

#include <nlohmann/json.hpp>
#include <string>

#include "demand/demand.h"

namespace headroom {

enum class DemandTable { kWindows, kHourly };

// Windows: one row per (scope, month, window, statistic), where scope is "estate" or a tenant
// and statistic is mid, p10, p50, planning or p90; a rate_per_s column per request class.
std::string DemandWindowsCsv(const Demand& demand);
// Hourly: one row per (UTC hour, tenant) with a column per request class (the mid evaluation).
// REQUIRES: the demand was synthesized with keep_hourly_mid.
std::string DemandHourlyCsv(const Demand& demand);
// A window statistic's spread over the samples: p10, p50, planning (the plan's quantile), p90.
nlohmann::ordered_json QuantilesJson(const Quantiles& q);
// Both tables in one document; `hourly` only when the demand kept its hourly series.
std::string DemandJson(const Demand& demand);

}  // namespace headroom
