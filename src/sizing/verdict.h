#pragma once
// What every sizer reports beside its sizes: the utilisation it plans for, which load window
// bound the decision, and the resource that binds. Sizers are pure functions of a MonthLoad
// (sizing/load.h), the headroom policy and their layer's settings; they never read the estate's
// tenants, the demand tables, YAML or JSON. A saturated layer is an outcome reported here
// (saturated = true, with the bottleneck named), never an error, NaN or infinity.

#include <string>

#include "sizing/load.h"

namespace headroom {

struct LayerVerdict {
  double utilisation = 0;      // of the binding resource, in the binding window
  int binding_window = kPeak;  // kSustained, kPeak or kRecovery
  std::string bottleneck;      // e.g. "http workers", "postgres cpu", "redis memory"
  bool saturated = false;      // the layer cannot meet its targets at any size it may take
  std::string reason;          // one sentence: why this size ("p95 of report 7.9 s at peak")
  // Saturated only because a latency target is below what any size gives (a class's own service
  // time): every size is still sized, the tightest for that class (sizing/odoo_latency.h).
  bool saturated_by_targets_only = false;
};

}  // namespace headroom
