#include "plan/workloads.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "sizing/allocatable.h"

namespace headroom {
namespace {

int64_t Ceil(double v) { return static_cast<int64_t>(std::ceil(std::max(0.0, v))); }

// Replicas that must survive: all but the worst zone's share when zone loss is planned for.
double SurvivingReplicas(int replicas, const HeadroomPolicy& policy) {
  if (!policy.survive_zone_loss || policy.zones < 2) return replicas > 1 ? replicas - 1 : 0;
  const int worst_zone = (replicas + policy.zones - 1) / policy.zones;
  return std::max(0, replicas - worst_zone);
}

PodGroup Group(std::string name, int replicas, double cpu_m, double memory_mib,
               const HeadroomPolicy& policy) {
  PodGroup g;
  g.name = std::move(name);
  g.replicas = replicas;
  g.cpu_request_m = Ceil(cpu_m);
  g.memory_request_mib = Ceil(memory_mib);
  g.anti_affinity = AntiAffinity::kHostnameZoneSpread;
  g.needed_after_loss = SurvivingReplicas(replicas, policy);
  return g;
}

}  // namespace

std::vector<PodGroup> CellWorkloads(const MonthPlan& month, const HeadroomPolicy& policy) {
  const OdooSizing& odoo = month.odoo;
  std::vector<PodGroup> groups;
  groups.push_back(
      Group("odoo-http", odoo.pods, odoo.pod_cpu_request_m, odoo.pod_memory_request_mib, policy));
  // Cron pods run batch work flat out: a core per thread; memory as an HTTP worker's share.
  const int threads = std::max(
      1, (odoo.cron_workers + std::max(1, odoo.cron_pods) - 1) / std::max(1, odoo.cron_pods));
  const double per_worker_mib =
      odoo.workers_per_pod > 0 ? odoo.pod_memory_request_mib / odoo.workers_per_pod : 512;
  PodGroup cron = Group("odoo-cron", std::max(1, odoo.cron_pods), threads * 1000.0,
                        per_worker_mib * (threads + 1), policy);
  cron.anti_affinity = AntiAffinity::kNone;
  cron.needed_after_loss = 0;
  groups.push_back(cron);
  const PostgresSizing& pg = month.postgres;
  groups.push_back(Group("postgres", std::max(0, pg.instances), pg.vcpu * 1000.0,
                         pg.memory_gib * 1024.0 + kPostgresPodOverheadMib, policy));
  const int bouncers = policy.survive_zone_loss ? std::max(2, policy.zones) : 2;
  groups.push_back(Group("pgbouncer", bouncers, kPgBouncerCpuM, kPgBouncerMemoryMib, policy));
  const RedisSizing& redis = month.redis;
  groups.push_back(Group("redis", redis.replicas * std::max(1, redis.shards),
                         std::max(redis.pod_cpu_request_m, 100.0),
                         redis.memory_mib + kRedisPodOverheadMib, policy));
  groups.push_back(Group("traefik", month.ingress.replicas, month.ingress.replica_cpu_request_m,
                         month.ingress.replica_memory_request_mib, policy));
  // A group of one replica has nothing to spread.
  for (PodGroup& g : groups) {
    if (g.replicas < 2) g.anti_affinity = AntiAffinity::kNone;
  }
  return groups;
}

namespace {

// Copies of the group called `name`, "name-2" to "name-<count>": one per cluster or cell.
void AddCopies(std::vector<PodGroup>& groups, std::string_view name, int count) {
  const auto first = std::find_if(groups.begin(), groups.end(),
                                  [name](const PodGroup& g) { return g.name == name; });
  const PodGroup group = *first;
  for (int k = 2; k <= count; ++k) {
    PodGroup more = group;
    more.name = fmt::format("{}-{}", name, k);
    groups.push_back(std::move(more));
  }
}

}  // namespace

std::vector<PodGroup> MonthWorkloads(const MonthPlan& month, const HeadroomPolicy& policy) {
  std::vector<PodGroup> groups = CellWorkloads(month, policy);
  AddCopies(groups, "postgres", month.postgres.clusters);
  // Each cell's Traefik is a deployment of its own (plan/ingress_cells.h).
  AddCopies(groups, "traefik", month.ingress.cells);
  return groups;
}

bool IsPostgresGroup(std::string_view name) {
  return name == "postgres" || name.starts_with("postgres-");
}

PostgresSettings PostgresSizesThatFit(PostgresSettings postgres,
                                      const std::vector<NodeType>& node_types) {
  int64_t cpu_m = 0;
  int64_t memory_mib = 0;
  for (const NodeType& type : node_types) {
    const Allocatable a = NodeAllocatable(type);
    cpu_m = std::max(cpu_m, a.cpu_m);
    memory_mib = std::max(memory_mib, a.memory_mib);
  }
  if (node_types.empty()) return postgres;
  const auto keep = [](auto& sizes, auto fits) {
    if (sizes.empty()) return;
    const auto smallest = sizes.front();
    std::erase_if(sizes, [&fits](auto size) { return !fits(size); });
    if (sizes.empty()) sizes.push_back(smallest);
  };
  keep(postgres.vcpu_sizes, [cpu_m](int vcpu) { return vcpu * int64_t{1000} <= cpu_m; });
  keep(postgres.memory_sizes_gib, [memory_mib](double gib) {
    return gib * 1024.0 + kPostgresPodOverheadMib <= static_cast<double>(memory_mib);
  });
  return postgres;
}

}  // namespace headroom
