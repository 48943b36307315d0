#pragma once
// The summary `headroom plan` prints: fits 100 columns, plain text.

#include <string>

#include "engine/pipeline.h"
#include "estate/model.h"

namespace headroom {

std::string TerminalSummary(const Estate& estate, const PlanRun& run, const std::string& source);

}  // namespace headroom
