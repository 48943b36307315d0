#pragma once
// The Kustomize layout: `base/` holds the workloads, `overlays/<pool>/` a namespace for one
// pool of tenants with its guard rails (Pod Security "restricted" labels, ResourceQuota and
// LimitRange from the plan, default-deny NetworkPolicies and the allows the stack needs, the
// Odoo ServiceAccount without a token). The plan sizes one shared pool today; an overlay per
// tenant or per tenant group is one more folder of the same shape.

#include <string>
#include <vector>

#include "emit/context.h"

namespace headroom::emit {

// The namespace-scoped guard rails of a pool, into `overlays/<pool>/`.
Manifests PoolManifests(const EmitContext& context, const std::string& pool);

// NetworkPolicies of the stack: default deny, DNS, and one allow per path (into base/).
Manifests NetworkPolicies(const EmitContext& context);

// kustomization.yaml listing `resources` (paths relative to its folder), with a namespace and
// a pool label when given (overlays).
Json Kustomization(const std::vector<std::string>& resources, const std::string& namespace_name,
                   const std::string& pool);

}  // namespace headroom::emit
