#pragma once
// `headroom simulate` output: the JSON document (schema headroom.simulation/v1, described in
// docs/simulation.md, "headroom simulate") and the terminal text.

#include <string>

#include "sim/stack/simulation_run.h"

namespace headroom {

inline constexpr const char* kSimulationSchema = "headroom.simulation/v1";

// Deterministic: the same run gives the same bytes.
std::string SimulationJson(const sim::SimulationRun& run, const std::string& source);
std::string SimulationText(const sim::SimulationRun& run, const std::string& source);

}  // namespace headroom
