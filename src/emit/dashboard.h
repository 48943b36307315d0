#pragma once
// A Grafana dashboard that puts business outcomes (month-end batch, integration backlog,
// onboarding readiness, recovery readiness) beside the platform's technical signals, each
// against the figure the plan set for it.

#include <string>

#include "emit/context.h"

namespace headroom::emit {

Json Dashboard(const EmitContext& context);
std::string DashboardJson(const EmitContext& context);
// The dashboard in a ConfigMap that Grafana's sidecar loads (label grafana_dashboard: "1").
Manifests DashboardManifests(const EmitContext& context);

}  // namespace headroom::emit
