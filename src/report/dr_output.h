#pragma once
// The recovery assessment (dr/assessment.h) for people and for programs: the table `headroom dr`
// prints, and the "recovery" section of plan.json (docs/plan-json.md), which `headroom dr
// --format json` prints on its own.

#include <nlohmann/json.hpp>
#include <string>

#include "dr/assessment.h"

namespace headroom {

// Per workflow: each scenario's worst achievable RTO and RPO over the horizon against the
// targets, the month it first misses, and the cheapest change that meets it with its monthly
// cost in `currency`; then the design that meets every reachable objective. When `month` is a
// month of the plan (0-based), that month's recovery arithmetic is shown term by term first.
// Fits 100 columns.
std::string DrTable(const DrAssessment& dr, const std::string& currency, int month = -1);

nlohmann::ordered_json DrJsonValue(const DrAssessment& dr);

inline constexpr const char* kRecoverySchema = "headroom.recovery/v1";

// The assessment on its own ("schema": "headroom.recovery/v1"): the plan's estate, source and
// currency, then the fields of plan.json's "recovery" section.
std::string RecoveryJson(const DrAssessment& dr, const Plan& plan, const std::string& source);

}  // namespace headroom
