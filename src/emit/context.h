#pragma once
// What every emitter reads: the estate, the plan, the month being emitted and the settings.
// Emitters are pure functions of it, returning Kubernetes objects or configuration text.

#include <string>
#include <vector>

#include "emit/emit_settings.h"
#include "emit/yaml_writer.h"

namespace headroom {
struct Estate;
struct MonthPlan;
struct Plan;
struct PlanSettings;
}  // namespace headroom

namespace headroom::emit {

struct EmitContext {
  const Estate& estate;
  const Plan& plan;
  const MonthPlan& month;
  const PlanSettings& plan_settings;  // the settings the plan was sized with
  const EmitSettings& settings;
};

// One Kubernetes object and the file it goes to, relative to the artifacts folder.
struct Manifest {
  std::string path;
  Json object;
};

using Manifests = std::vector<Manifest>;

// Names of the objects that reference one another.
inline constexpr const char* kCluster = "odoo-pg";
inline constexpr const char* kClusterAppSecret = "odoo-pg-app";  // CloudNativePG creates it
inline constexpr const char* kClusterRwService = "odoo-pg-rw";
inline constexpr const char* kPoolerTransaction = "odoo-pg-pooler-rw";
inline constexpr const char* kPoolerSession = "odoo-pg-pooler-bus";
inline constexpr const char* kObjectStore = "odoo-pg-backup";
inline constexpr const char* kBarmanPlugin = "barman-cloud.cloudnative-pg.io";
inline constexpr const char* kOdooHttp = "odoo-http";
inline constexpr const char* kOdooCron = "odoo-cron";
inline constexpr const char* kOdooConfig = "odoo-config";
inline constexpr const char* kOdooServiceAccount = "odoo";
inline constexpr const char* kRedis = "redis";
inline constexpr const char* kRedisReplica = "redis-replica";

}  // namespace headroom::emit
