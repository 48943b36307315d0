#include "emit/redis.h"

#include <fmt/format.h>

#include <cmath>

#include "emit/k8s.h"
#include "estate/model.h"
#include "plan/plan.h"
#include "plan/workloads.h"

namespace headroom::emit {
namespace {

Json RedisConfigMap(const EmitContext& context) {
  Json c = Object("v1", "ConfigMap", "redis-config", kRedis);
  c["data"] = {{"redis.conf", RedisConf(context)}};
  return c;
}

// The snapshot volume holds one RDB file of at most maxmemory, and the next one being written.
double SnapshotVolumeGib(const RedisSizing& redis) {
  return std::ceil(redis.pod_memory_limit_mib / 1024.0);
}

Json Volume(const EmitContext& context) {
  Json v = Object("v1", "PersistentVolumeClaim", "redis-data", kRedis);
  v["spec"] = {
      {"accessModes", Json::array({"ReadWriteOnce"})},
      {"resources",
       {{"requests", {{"storage", StorageQuantity(SnapshotVolumeGib(context.month.redis))}}}}}};
  return v;
}

Json Probe(const EmitSettings& s, int period_s) {
  return Json{{"tcpSocket", {{"port", s.redis_port}}},
              {"periodSeconds", period_s},
              {"timeoutSeconds", s.probe_timeout_s},
              {"failureThreshold", s.probe_failures}};
}

// A replica follows the primary through its Service and resynchronises after a restart.
Json Args(const EmitContext& context, bool replica) {
  Json args = Json::array({"/etc/redis/redis.conf"});
  if (replica) {
    args.push_back("--replicaof");
    args.push_back(kRedis);
    args.push_back(std::to_string(context.settings.redis_port));
  }
  return args;
}

Json Container(const EmitContext& context, bool replica) {
  const RedisSizing& redis = context.month.redis;
  const EmitSettings& s = context.settings;
  const double cpu_m = std::max(redis.pod_cpu_request_m, 100.0);  // as the packer (workloads.h)
  const double memory_mib = redis.memory_mib + kRedisPodOverheadMib;
  return Json{
      {"name", "redis"},
      {"image", s.redis_image},
      {"imagePullPolicy", "Always"},
      {"args", Args(context, replica)},
      {"ports", Json::array({Json{
                    {"name", "redis"}, {"containerPort", s.redis_port}, {"protocol", "TCP"}}})},
      {"resources", Resources(ContainerResources{cpu_m, cpu_m, memory_mib,
                                                 std::max(memory_mib, redis.pod_memory_limit_mib),
                                                 static_cast<double>(s.ephemeral_storage_gib)})},
      {"securityContext", ContainerSecurityContext(s.redis_uid)},
      {"readinessProbe", Probe(s, s.probe_period_s)},
      {"livenessProbe", Probe(s, s.liveness_period_s)},
      {"volumeMounts",
       Json::array({Json{{"name", "config"}, {"mountPath", "/etc/redis"}, {"readOnly", true}},
                    Json{{"name", "data"}, {"mountPath", "/data"}},
                    Json{{"name", "tmp"}, {"mountPath", "/tmp"}}})}};
}

// The primary keeps its snapshots on a volume; replicas hold a copy in memory and resynchronise
// from the primary, so their /data is scratch space.
Json PodSpec(const EmitContext& context, bool replica) {
  const EmitSettings& s = context.settings;
  const Json data =
      replica ? Json{{"name", "data"}, {"emptyDir", Json::object()}}
              : Json{{"name", "data"}, {"persistentVolumeClaim", {{"claimName", "redis-data"}}}};
  // Replicas keep off the primary's node and zone as well as off each other's.
  return Json{
      {"serviceAccountName", kOdooServiceAccount},
      {"automountServiceAccountToken", false},
      {"securityContext", PodSecurityContext(s.redis_uid)},
      {"affinity", PodAntiAffinity(kRedis)},
      {"topologySpreadConstraints",
       TopologySpread(replica ? kRedisReplica : kRedis, context.estate.policy)},
      {"containers", Json::array({Container(context, replica)})},
      {"volumes", Json::array({Json{{"name", "config"}, {"configMap", {{"name", "redis-config"}}}},
                               data, Json{{"name", "tmp"}, {"emptyDir", Json::object()}}})}};
}

Json Deployment(const EmitContext& context, bool replica) {
  const char* name = replica ? kRedisReplica : kRedis;
  Json d = Object("apps/v1", "Deployment", name, name);
  // The primary holds a ReadWriteOnce volume: the old pod stops before the new one starts.
  d["spec"] = {
      {"replicas", replica ? context.month.redis.replicas - 1 : 1},
      {"strategy", {{"type", replica ? "RollingUpdate" : "Recreate"}}},
      {"selector", {{"matchLabels", SelectorLabels(name)}}},
      {"template",
       {{"metadata", {{"labels", SelectorLabels(name)}}}, {"spec", PodSpec(context, replica)}}}};
  return d;
}

Json RedisService(const EmitContext& context) {
  Json s = Object("v1", "Service", kRedis, kRedis);
  s["spec"] = {{"selector", SelectorLabels(kRedis)},
               {"ports", Json::array({Json{{"name", "redis"},
                                           {"port", context.settings.redis_port},
                                           {"targetPort", "redis"}}})}};
  return s;
}

Json Pdb(const EmitSettings& s, const char* name) {
  Json p = Object("policy/v1", "PodDisruptionBudget", name, name);
  p["spec"] = {{"maxUnavailable", s.pdb_max_unavailable},
               {"unhealthyPodEvictionPolicy", "AlwaysAllow"},
               {"selector", {{"matchLabels", SelectorLabels(name)}}}};
  return p;
}

}  // namespace

std::string RedisConf(const EmitContext& context) {
  const RedisSizing& redis = context.month.redis;
  std::string out =
      fmt::format("# Redis for the {} plan, {}: {:.0f} sessions at the month's end.\n",
                  context.estate.name, context.month.label, redis.sessions);
  out += fmt::format("port {}\n", context.settings.redis_port);
  out += fmt::format("maxmemory {}mb\n", std::llround(redis.memory_mib));
  out += "maxmemory-policy " + redis.eviction_policy + "\n";
  // Sessions survive a restart from the snapshot; the append-only file would double the writes.
  out += "save 900 1\nsave 300 100\nappendonly no\ndir /data\n";
  out += "protected-mode no\n";
  return out;
}

Manifests RedisManifests(const EmitContext& context) {
  Manifests m{{"base/redis/configmap.yaml", RedisConfigMap(context)},
              {"base/redis/pvc.yaml", Volume(context)},
              {"base/redis/deployment.yaml", Deployment(context, false)},
              {"base/redis/service.yaml", RedisService(context)},
              {"base/redis/pdb.yaml", Pdb(context.settings, kRedis)}};
  // The plan's replicas per shard count the primary.
  if (context.month.redis.replicas > 1) {
    m.push_back({"base/redis/replica-deployment.yaml", Deployment(context, true)});
    m.push_back({"base/redis/replica-pdb.yaml", Pdb(context.settings, kRedisReplica)});
  }
  return m;
}

}  // namespace headroom::emit
