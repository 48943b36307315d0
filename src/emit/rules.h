#pragma once
// Capacity alerts tied to the plan: each threshold is a planned figure (the utilisation ceiling,
// max_connections, the RPO, the backup interval, the planned peak load), so an alert says
// "reality has left the plan", not only "something is busy".

#include "emit/context.h"

namespace headroom::emit {

// The rule groups, as both the Prometheus rules file and the PrometheusRule's spec hold them.
Json RuleGroups(const EmitContext& context);

// The plain rules file (`promtool check rules` reads it) and the PrometheusRule object.
std::string RulesFile(const EmitContext& context);
Manifests RuleManifests(const EmitContext& context);

// The shortest RPO any tenant's workflow asks for, in seconds; 0 when none states one.
double ShortestRpoSeconds(const Estate& estate);

}  // namespace headroom::emit
