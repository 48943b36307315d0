#include "emit/odoo_manifests.h"

#include <algorithm>
#include <cmath>

#include "emit/k8s.h"
#include "emit/odoo_conf.h"
#include "estate/model.h"
#include "plan/plan.h"
#include "plan/workloads.h"

namespace headroom::emit {
namespace {

constexpr const char* kHealthPath = "/web/health";  // Odoo's health endpoint, no database

Json HttpGet(const EmitSettings& s, int period_s, int failures) {
  return Json{{"httpGet", {{"path", kHealthPath}, {"port", s.odoo_http_port}}},
              {"periodSeconds", period_s},
              {"timeoutSeconds", s.probe_timeout_s},
              {"failureThreshold", failures}};
}

// Readiness and liveness differ (kube-score): a pod leaves the Service quickly but is restarted
// only after a minute of failures; the startup probe covers module loading.
Json Probes(const EmitSettings& s) {
  return Json{{"startupProbe", HttpGet(s, s.probe_period_s, s.startup_failures)},
              {"readinessProbe", HttpGet(s, s.probe_period_s, s.probe_failures)},
              {"livenessProbe", HttpGet(s, s.liveness_period_s, s.probe_failures)}};
}

Json SecretEnv(const std::string& name, const std::string& key) {
  return Json{{"name", name},
              {"valueFrom", {{"secretKeyRef", {{"name", kClusterAppSecret}, {"key", key}}}}}};
}

Json Env(const EmitContext& context) {
  const RedisSettings& redis = context.plan_settings.redis;
  return Json::array({
      Json{{"name", "HOST"}, {"value", kPoolerTransaction}},
      Json{{"name", "PORT"}, {"value", std::to_string(context.settings.postgres_port)}},
      SecretEnv("USER", "username"),
      SecretEnv("PASSWORD", "password"),
      // camptocamp session_redis: sessions in Redis, expiring as the Redis sizing assumes.
      Json{{"name", "ODOO_SESSION_REDIS"}, {"value", "1"}},
      Json{{"name", "ODOO_SESSION_REDIS_HOST"}, {"value", kRedis}},
      Json{{"name", "ODOO_SESSION_REDIS_PORT"},
           {"value", std::to_string(context.settings.redis_port)}},
      Json{{"name", "ODOO_SESSION_REDIS_EXPIRATION"},
           {"value", std::to_string(std::lround(redis.session_expiry_days * 86400))}},
  });
}

Json Ports(const EmitContext& context, bool http) {
  Json ports = Json::array({Json{
      {"name", "http"}, {"containerPort", context.settings.odoo_http_port}, {"protocol", "TCP"}}});
  if (http) {
    ports.push_back(Json{{"name", "websocket"},
                         {"containerPort", context.settings.odoo_gevent_port},
                         {"protocol", "TCP"}});
  }
  return ports;
}

Json Volumes(const char* conf_key) {
  return Json::array(
      {Json{{"name", "config"},
            {"configMap",
             {{"name", kOdooConfig},
              {"items", Json::array({Json{{"key", conf_key}, {"path", "odoo.conf"}}})}}}},
       Json{{"name", "data"}, {"emptyDir", Json::object()}},
       Json{{"name", "tmp"}, {"emptyDir", Json::object()}}});
}

Json Mounts() {
  return Json::array({Json{{"name", "config"}, {"mountPath", "/etc/odoo"}, {"readOnly", true}},
                      Json{{"name", "data"}, {"mountPath", "/var/lib/odoo"}},
                      Json{{"name", "tmp"}, {"mountPath", "/tmp"}}});
}

struct PodShape {
  std::string component;
  const char* conf_key;
  bool http = false;
  ContainerResources resources;
};

Json PodTemplate(const EmitContext& context, const PodShape& shape) {
  const EmitSettings& s = context.settings;
  Json container{{"name", "odoo"},
                 {"image", s.odoo_image},
                 {"imagePullPolicy", "Always"},
                 {"env", Env(context)},
                 {"ports", Ports(context, shape.http)},
                 {"resources", Resources(shape.resources)},
                 {"securityContext", ContainerSecurityContext(s.odoo_uid)},
                 {"volumeMounts", Mounts()}};
  container.update(Probes(s));
  Json spec{
      {"serviceAccountName", kOdooServiceAccount},
      {"automountServiceAccountToken", false},
      {"securityContext", PodSecurityContext(s.odoo_uid)},
      // In-flight requests finish before the pod stops: Odoo kills them at limit_time_real.
      {"terminationGracePeriodSeconds", std::lround(context.plan_settings.odoo.limit_time_real_s)},
      {"affinity", PodAntiAffinity(shape.component)},
      {"topologySpreadConstraints", TopologySpread(shape.component, context.estate.policy)},
      {"containers", Json::array({container})},
      {"volumes", Volumes(shape.conf_key)}};
  return Json{{"metadata", {{"labels", SelectorLabels(shape.component)}}}, {"spec", spec}};
}

Json Deployment(const EmitContext& context, const PodShape& shape, int replicas) {
  Json d = Object("apps/v1", "Deployment", shape.component, shape.component);
  d["spec"] = Json::object();
  // The HPA owns the HTTP Deployment's replicas: a `replicas` field would reset them on apply.
  if (replicas > 0) d["spec"]["replicas"] = replicas;
  d["spec"]["selector"] = {{"matchLabels", SelectorLabels(shape.component)}};
  d["spec"]["template"] = PodTemplate(context, shape);
  return d;
}

PodShape HttpShape(const EmitContext& context) {
  const OdooSizing& odoo = context.month.odoo;
  return PodShape{kOdooHttp, "odoo-http.conf", true,
                  ContainerResources{odoo.pod_cpu_request_m, odoo.pod_cpu_limit_m,
                                     odoo.pod_memory_request_mib, odoo.pod_memory_limit_mib,
                                     static_cast<double>(context.settings.ephemeral_storage_gib)}};
}

// The cron pod's requests are the packer's (plan/workloads.h); its limit follows the plan's
// reconciliation with odoo.conf (docs/sizing-odoo.md, section 8).
PodShape CronShape(const EmitContext& context, const PodGroup& cron) {
  const auto cpu = static_cast<double>(cron.cpu_request_m);
  const auto memory = static_cast<double>(cron.memory_request_mib);
  return PodShape{kOdooCron, "odoo-cron.conf", false,
                  ContainerResources{cpu, cpu, memory, CronMemoryLimitMib(context, memory),
                                     static_cast<double>(context.settings.ephemeral_storage_gib)}};
}

Json Service(const EmitContext& context) {
  Json s = Object("v1", "Service", kOdooHttp, kOdooHttp);
  s["spec"] = {{"selector", SelectorLabels(kOdooHttp)},
               {"ports", Json::array({Json{{"name", "http"},
                                           {"port", context.settings.odoo_http_port},
                                           {"targetPort", "http"}},
                                      Json{{"name", "websocket"},
                                           {"port", context.settings.odoo_gevent_port},
                                           {"targetPort", "websocket"}}})}};
  return s;
}

// Scale-up and scale-down behaviour: Kubernetes' autoscaling/v2 defaults written out, so that
// a reader sees them and the autoscale command's replay uses the same.
Json HpaBehaviour() {
  auto policy = [](const char* type, int value) {
    return Json{{"type", type}, {"value", value}, {"periodSeconds", 15}};
  };
  return Json{{"scaleUp",
               {{"stabilizationWindowSeconds", 0},
                {"selectPolicy", "Max"},
                {"policies", Json::array({policy("Percent", 100), policy("Pods", 4)})}}},
              {"scaleDown",
               {{"stabilizationWindowSeconds", 300},
                {"selectPolicy", "Max"},
                {"policies", Json::array({policy("Percent", 100)})}}}};
}

Json Hpa(const EmitContext& context) {
  const OdooSizing& odoo = context.month.odoo;
  Json h = Object("autoscaling/v2", "HorizontalPodAutoscaler", kOdooHttp, kOdooHttp);
  const auto target = static_cast<int>(std::lround(odoo.hpa_target_cpu_utilisation * 100));
  h["spec"] = {
      {"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", kOdooHttp}}},
      {"minReplicas", odoo.hpa_min_replicas},
      {"maxReplicas", std::max(odoo.hpa_min_replicas, odoo.hpa_max_replicas)},
      {"metrics", Json::array({Json{
                      {"type", "Resource"},
                      {"resource",
                       {{"name", "cpu"},
                        {"target", {{"type", "Utilization"}, {"averageUtilization", target}}}}}}})},
      {"behavior", HpaBehaviour()}};
  return h;
}

// One pod at a time may be evicted for maintenance (the plan's maintenance reserve holds it);
// unhealthy pods may always be evicted, so a broken pod never blocks a node drain.
Json Pdb(const EmitContext& context, const std::string& component) {
  Json p = Object("policy/v1", "PodDisruptionBudget", component, component);
  p["spec"] = {{"maxUnavailable", context.settings.pdb_max_unavailable},
               {"unhealthyPodEvictionPolicy", "AlwaysAllow"},
               {"selector", {{"matchLabels", SelectorLabels(component)}}}};
  return p;
}

Json ConfigMap(const EmitContext& context) {
  Json c = Object("v1", "ConfigMap", kOdooConfig, "odoo");
  c["data"] = {{"odoo-http.conf", OdooConf(context, OdooRole::kHttp)},
               {"odoo-cron.conf", OdooConf(context, OdooRole::kCron)}};
  return c;
}

Json ServiceAccount() {
  Json a = Object("v1", "ServiceAccount", kOdooServiceAccount, "odoo");
  // Odoo never calls the Kubernetes API: no token in its pods.
  a["automountServiceAccountToken"] = false;
  return a;
}

const PodGroup& CronGroup(const std::vector<PodGroup>& groups) {
  return *std::find_if(groups.begin(), groups.end(),
                       [](const PodGroup& g) { return g.name == "odoo-cron"; });
}

}  // namespace

double CronMemoryLimitMib(const EmitContext& context, double request_mib) {
  const OdooSettings& odoo = context.plan_settings.odoo;
  const double hard_mib =
      static_cast<double>(context.month.odoo.limit_memory_hard_bytes) / (1024.0 * 1024.0);
  const int processes = CronThreadsPerPod(context.month.odoo) + 1;  // + the health worker
  return std::max(request_mib, odoo.master_rss_mib + processes * hard_mib * odoo.rss_per_vms);
}

Manifests OdooManifests(const EmitContext& context) {
  const std::vector<PodGroup> groups = CellWorkloads(context.month, context.estate.policy);
  const PodGroup& cron = CronGroup(groups);
  return Manifests{
      {"base/odoo/serviceaccount.yaml", ServiceAccount()},
      {"base/odoo/configmap.yaml", ConfigMap(context)},
      {"base/odoo/http-deployment.yaml", Deployment(context, HttpShape(context), 0)},
      {"base/odoo/cron-deployment.yaml",
       Deployment(context, CronShape(context, cron), cron.replicas)},
      {"base/odoo/service.yaml", Service(context)},
      {"base/odoo/hpa.yaml", Hpa(context)},
      {"base/odoo/http-pdb.yaml", Pdb(context, kOdooHttp)},
      {"base/odoo/cron-pdb.yaml", Pdb(context, kOdooCron)},
  };
}

}  // namespace headroom::emit
