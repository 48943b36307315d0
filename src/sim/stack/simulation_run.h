#pragma once
// One simulated window of one month, as `headroom simulate` reports it: where it came from, the
// configuration that ran, what it measured and the sizing's predictions beside it.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/stack/stack_config.h"
#include "sim/stack/stack_result.h"

namespace headroom::sim {

struct SimulationRun {
  std::string estate;
  int month = 0;  // 1-based
  std::string label;
  std::string window;     // "peak", "recovery", "day"
  std::string start_utc;  // the hour simulated time 0 stands for
  uint64_t seed = 0;
  std::string tenant;  // the tenant filter of the per-tenant figures; empty for all
  StackConfig config;
  StackResult result;
  std::vector<double> analytic_p95_ms;  // per result class: the sizing's prediction (0: none)
};

}  // namespace headroom::sim
