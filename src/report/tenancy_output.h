#pragma once
// The tenancy advice (tenancy/advice.h) for people and for programs: the table `headroom
// tenancy` prints, and the "tenancy" section of plan.json (docs/plan-json.md), which `headroom
// tenancy --format json` prints on its own.

#include <nlohmann/json.hpp>
#include <string>

#include "tenancy/advice.h"

namespace headroom {

// The three models side by side, the recommendation with its reasons, each tenant's place and
// the interference figures of every shared pool. Fits 100 columns.
std::string TenancyTable(const TenancyAdvice& advice);

nlohmann::ordered_json TenancyJsonValue(const TenancyAdvice& advice);

inline constexpr const char* kTenancySchema = "headroom.tenancy/v1";

// The advice on its own ("schema": "headroom.tenancy/v1", then plan.json's "tenancy" fields).
std::string TenancyJson(const TenancyAdvice& advice, const std::string& source);

}  // namespace headroom
