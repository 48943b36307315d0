#include "emit/kustomize.h"

#include <algorithm>
#include <cmath>

#include "emit/k8s.h"
#include "emit/odoo_manifests.h"
#include "estate/model.h"
#include "plan/plan.h"
#include "plan/workloads.h"

namespace headroom::emit {
namespace {

Json Namespace(const std::string& name, const std::string& pool) {
  Json n = Object("v1", "Namespace", name, "namespace");
  for (const char* mode : {"enforce", "audit", "warn"}) {
    n["metadata"]["labels"][std::string("pod-security.kubernetes.io/") + mode] = "restricted";
    n["metadata"]["labels"][std::string("pod-security.kubernetes.io/") + mode + "-version"] =
        "v1.32";
  }
  n["metadata"]["labels"]["headroom.io/pool"] = pool;
  return n;
}

struct Totals {
  double cpu_request_m = 0;
  double cpu_limit_m = 0;
  double memory_request_mib = 0;
  double memory_limit_mib = 0;
  int pods = 0;
};

// Everything the namespace may run at once: each pod group at its most replicas (the HPA's
// maximum for Odoo HTTP) plus one pod of rolling-update surge, at its requests and limits.
// Traefik runs in its own namespace.
Totals NamespaceTotals(const EmitContext& context) {
  const OdooSizing& odoo = context.month.odoo;
  Totals t;
  for (const PodGroup& g : CellWorkloads(context.month, context.estate.policy)) {
    if (g.name == "traefik") continue;
    int replicas = g.replicas;
    double cpu_limit_m = static_cast<double>(g.cpu_request_m);
    double memory_limit_mib = static_cast<double>(g.memory_request_mib);
    if (g.name == "odoo-http") {
      replicas = std::max(odoo.hpa_max_replicas, g.replicas);
      cpu_limit_m = odoo.pod_cpu_limit_m;
      memory_limit_mib = odoo.pod_memory_limit_mib;
    } else if (g.name == "odoo-cron") {
      memory_limit_mib = CronMemoryLimitMib(context, memory_limit_mib);
    } else if (g.name == "redis") {
      memory_limit_mib = std::max(memory_limit_mib, context.month.redis.pod_memory_limit_mib);
    }
    t.pods += replicas + 1;
    t.cpu_request_m += (replicas + 1) * static_cast<double>(g.cpu_request_m);
    t.memory_request_mib += (replicas + 1) * static_cast<double>(g.memory_request_mib);
    t.cpu_limit_m += (replicas + 1) * cpu_limit_m;
    t.memory_limit_mib += (replicas + 1) * memory_limit_mib;
  }
  return t;
}

// Data and WAL volumes of every PostgreSQL instance, and Redis's snapshot volume.
double StorageGib(const EmitContext& context) {
  const PostgresSizing& pg = context.month.postgres;
  const double redis_gib = std::ceil(context.month.redis.pod_memory_limit_mib / 1024.0);
  return pg.instances * (pg.storage_gib + pg.wal_storage_gib) + redis_gib;
}

Json ResourceQuota(const EmitContext& context) {
  const Totals t = NamespaceTotals(context);
  const int volumes = 2 * context.month.postgres.instances + 1;
  Json q = Object("v1", "ResourceQuota", "pool-quota", "namespace");
  q["spec"]["hard"] = {{"requests.cpu", CpuQuantity(t.cpu_request_m)},
                       {"limits.cpu", CpuQuantity(t.cpu_limit_m)},
                       {"requests.memory", MemoryQuantity(t.memory_request_mib)},
                       {"limits.memory", MemoryQuantity(t.memory_limit_mib)},
                       {"requests.storage", StorageQuantity(StorageGib(context))},
                       {"persistentvolumeclaims", std::to_string(volumes)},
                       {"pods", std::to_string(t.pods)}};
  return q;
}

// The largest container the plan runs, as the LimitRange's ceiling.
double LargestMemoryMib(const EmitContext& context) {
  double largest = context.month.odoo.pod_memory_limit_mib;
  for (const PodGroup& g : CellWorkloads(context.month, context.estate.policy)) {
    largest = std::max(largest, static_cast<double>(g.memory_request_mib));
  }
  return std::max(largest, context.month.redis.pod_memory_limit_mib);
}

double LargestCpuM(const EmitContext& context) {
  double largest = context.month.odoo.pod_cpu_limit_m;
  for (const PodGroup& g : CellWorkloads(context.month, context.estate.policy)) {
    largest = std::max(largest, static_cast<double>(g.cpu_request_m));
  }
  return largest;
}

Json LimitRange(const EmitContext& context) {
  const EmitSettings& s = context.settings;
  Json l = Object("v1", "LimitRange", "container-limits", "namespace");
  l["spec"]["limits"] =
      Json::array({Json{{"type", "Container"},
                        {"defaultRequest",
                         {{"cpu", CpuQuantity(s.default_cpu_request_m)},
                          {"memory", MemoryQuantity(s.default_memory_request_mib)}}},
                        {"default",
                         {{"cpu", CpuQuantity(s.default_cpu_limit_m)},
                          {"memory", MemoryQuantity(s.default_memory_limit_mib)}}},
                        {"max",
                         {{"cpu", CpuQuantity(LargestCpuM(context))},
                          {"memory", MemoryQuantity(LargestMemoryMib(context))}}}}});
  return l;
}

Json Port(int port) { return Json{{"protocol", "TCP"}, {"port", port}}; }

Json PodsOf(const Json& match_labels) {
  return Json{{"podSelector", {{"matchLabels", match_labels}}}};
}

Json NamespaceNamed(const std::string& name) {
  return Json{{"namespaceSelector", {{"matchLabels", {{"kubernetes.io/metadata.name", name}}}}}};
}

Json CnpgInstances() {
  return Json{{"cnpg.io/cluster", kCluster}, {"cnpg.io/podRole", "instance"}};
}

Json Policy(const std::string& name, const Json& pod_selector, const char* type, const Json& peers,
            const Json& ports) {
  Json p = Object("networking.k8s.io/v1", "NetworkPolicy", name, "network");
  Json rule{{type == std::string("Ingress") ? "from" : "to", peers}};
  if (!ports.empty()) rule["ports"] = ports;
  p["spec"] = {{"podSelector", pod_selector},
               {"policyTypes", Json::array({type})},
               {type == std::string("Ingress") ? "ingress" : "egress", Json::array({rule})}};
  return p;
}

Json MatchLabels(const Json& labels) { return Json{{"matchLabels", labels}}; }

Json DefaultDeny() {
  Json p = Object("networking.k8s.io/v1", "NetworkPolicy", "default-deny", "network");
  p["spec"] = {{"podSelector", Json::object()},
               {"policyTypes", Json::array({"Ingress", "Egress"})}};
  return p;
}

Json AllowDns() {
  Json peer = NamespaceNamed("kube-system");
  peer["podSelector"] = {{"matchLabels", {{"k8s-app", "kube-dns"}}}};
  Json ports = Json::array({Json{{"protocol", "UDP"}, {"port", 53}}, Port(53)});
  return Policy("allow-dns", Json::object(), "Egress", Json::array({peer}), ports);
}

// HTTPS to anywhere but the cluster's private ranges is how pods reach the object store and
// (for the operator-managed pods) the Kubernetes API server.
Json AllowHttpsOut(const std::string& name, const Json& selector) {
  Json peer{{"ipBlock", {{"cidr", "0.0.0.0/0"}}}};
  return Policy(name, selector, "Egress", Json::array({peer}),
                Json::array({Port(443), Port(6443)}));
}

}  // namespace

Manifests NetworkPolicies(const EmitContext& context) {
  const EmitSettings& s = context.settings;
  const Json odoo_http = SelectorLabels(kOdooHttp);
  const Json odoo_any{
      {"matchExpressions", Json::array({Json{{"key", "app.kubernetes.io/component"},
                                             {"operator", "In"},
                                             {"values", Json::array({kOdooHttp, kOdooCron})}}})}};
  const Json poolers{
      {"matchExpressions",
       Json::array({Json{{"key", "cnpg.io/poolerName"},
                         {"operator", "In"},
                         {"values", Json::array({kPoolerTransaction, kPoolerSession})}}})}};
  const std::string dir = "base/network/";
  return Manifests{
      {dir + "default-deny.yaml", DefaultDeny()},
      {dir + "allow-dns.yaml", AllowDns()},
      {dir + "allow-odoo-in-from-ingress.yaml",
       Policy("allow-odoo-in-from-ingress", MatchLabels(odoo_http), "Ingress",
              Json::array({NamespaceNamed(s.ingress_namespace)}),
              Json::array({Port(s.odoo_http_port), Port(s.odoo_gevent_port)}))},
      {dir + "allow-odoo-out-to-poolers-and-redis.yaml",
       Policy("allow-odoo-out-to-poolers-and-redis", odoo_any, "Egress",
              Json::array({Json{{"podSelector", poolers}}, PodsOf(SelectorLabels(kRedis))}),
              Json::array({Port(s.postgres_port), Port(s.redis_port)}))},
      {dir + "allow-odoo-https-out.yaml", AllowHttpsOut("allow-odoo-https-out", odoo_any)},
      {dir + "allow-poolers-in-from-odoo.yaml",
       Policy("allow-poolers-in-from-odoo", poolers, "Ingress",
              Json::array({Json{{"podSelector", odoo_any}}}),
              Json::array({Port(s.postgres_port)}))},
      {dir + "allow-redis-in-from-odoo.yaml",
       Policy("allow-redis-in-from-odoo", MatchLabels(SelectorLabels(kRedis)), "Ingress",
              Json::array({Json{{"podSelector", odoo_any}}}), Json::array({Port(s.redis_port)}))},
      {dir + "allow-redis-in-from-replicas.yaml",
       Policy("allow-redis-in-from-replicas", MatchLabels(SelectorLabels(kRedis)), "Ingress",
              Json::array({PodsOf(SelectorLabels(kRedisReplica))}),
              Json::array({Port(s.redis_port)}))},
      {dir + "allow-redis-replicas-out-to-primary.yaml",
       Policy("allow-redis-replicas-out-to-primary", MatchLabels(SelectorLabels(kRedisReplica)),
              "Egress", Json::array({PodsOf(SelectorLabels(kRedis))}),
              Json::array({Port(s.redis_port)}))},
      {dir + "allow-poolers-out-to-postgres.yaml",
       Policy("allow-poolers-out-to-postgres", poolers, "Egress",
              Json::array({PodsOf(CnpgInstances())}), Json::array({Port(s.postgres_port)}))},
      {dir + "allow-postgres-in.yaml",
       Policy("allow-postgres-in", MatchLabels(CnpgInstances()), "Ingress",
              Json::array({Json{{"podSelector", poolers}}, PodsOf(CnpgInstances()),
                           NamespaceNamed(s.cnpg_namespace)}),
              Json::array({Port(s.postgres_port), Port(s.cnpg_status_port)}))},
      {dir + "allow-postgres-replication-out.yaml",
       Policy("allow-postgres-replication-out", MatchLabels(CnpgInstances()), "Egress",
              Json::array({PodsOf(CnpgInstances())}), Json::array({Port(s.postgres_port)}))},
      {dir + "allow-cnpg-https-out.yaml",
       AllowHttpsOut("allow-cnpg-https-out",
                     Json{{"matchExpressions", Json::array({Json{{"key", "cnpg.io/cluster"},
                                                                 {"operator", "Exists"}}})}})},
      {dir + "allow-poolers-https-out.yaml", AllowHttpsOut("allow-poolers-https-out", poolers)},
      {dir + "allow-metrics-scrape.yaml",
       Policy("allow-metrics-scrape",
              Json{{"matchExpressions",
                    Json::array({Json{{"key", "cnpg.io/cluster"}, {"operator", "Exists"}}})}},
              "Ingress", Json::array({NamespaceNamed(s.monitoring_namespace)}),
              Json::array({Port(s.postgres_metrics_port), Port(s.pgbouncer_metrics_port)}))},
  };
}

Manifests PoolManifests(const EmitContext& context, const std::string& pool) {
  const std::string dir = "overlays/" + pool + "/";
  return Manifests{
      {dir + "namespace.yaml", Namespace(context.settings.pool_namespace, pool)},
      {dir + "resourcequota.yaml", ResourceQuota(context)},
      {dir + "limitrange.yaml", LimitRange(context)},
  };
}

Json Kustomization(const std::vector<std::string>& resources, const std::string& namespace_name,
                   const std::string& pool) {
  Json k{{"apiVersion", "kustomize.config.k8s.io/v1beta1"}, {"kind", "Kustomization"}};
  if (!namespace_name.empty()) k["namespace"] = namespace_name;
  if (!pool.empty()) {
    k["labels"] =
        Json::array({Json{{"pairs", {{"headroom.io/pool", pool}}}, {"includeSelectors", false}}});
  }
  k["resources"] = resources;
  return k;
}

}  // namespace headroom::emit
