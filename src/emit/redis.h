#pragma once
// Redis for Odoo's sessions and caches: a Deployment with the plan's maxmemory and eviction
// policy in its redis.conf, a volume for its snapshots, a Service, a PodDisruptionBudget.

#include <string>

#include "emit/context.h"

namespace headroom::emit {

Manifests RedisManifests(const EmitContext& context);

std::string RedisConf(const EmitContext& context);

}  // namespace headroom::emit
