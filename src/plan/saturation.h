#pragma once
// Whether a month's sizing saturated: some layer cannot meet its targets at any size it may take
// (the largest PostgreSQL, the most pods, Redis shards or Traefik replicas allowed). Such a month
// does not hold whatever else is done, and simulating it would only confirm it.

#include <string>

#include "plan/plan.h"

namespace headroom {

// The saturated layers' reasons, "; "-joined, in the order odoo, postgres, redis, storage,
// ingress; empty when no layer saturated.
std::string SaturatedLayers(const MonthPlan& month);

// The same, leaving out a layer saturated only by a target below what any size gives: such a
// month is sized all the same, and what is sized can still be checked.
std::string SaturatedLayersBeyondTargets(const MonthPlan& month);

}  // namespace headroom
