// Packing time for realistic Odoo estates of about 100, 1,000 and 10,000 pods (about 12 pods a
// tenant), and of exactly 1,000 tenants, on the built-in catalog's 15 node types in 3 zones,
// surviving a zone loss. Counters report the result: tenants, pods, nodes, monthly cost, lower
// bound and optimality gap.
//
//   build/dev/bench/packing_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <string>
#include <vector>

#include "common/random.h"
#include "cost/catalog.h"
#include "sizing/packing.h"

namespace headroom {
namespace {

// One tenant's pods: Odoo HTTP (hostname + zone spread), cron, websocket, PgBouncer, a
// CloudNativePG cluster (primary + standbys) and Redis. Sizes vary per tenant, from a seeded
// stream, between small clinics and large groups.
void AddTenant(int t, RandomStream& rng, std::vector<PodGroup>& groups) {
  auto pick = [&](int lo, int hi) {
    return lo + static_cast<int>(rng.NextU64() % static_cast<uint64_t>(hi - lo + 1));
  };
  const std::string p = fmt::format("t{}-", t);
  const int size = pick(1, 4);  // 1 small ... 4 large
  const double need = 0.5;      // half the HTTP replicas' load must survive a zone loss
  const int http = 1 + size;
  groups.push_back(
      {p + "odoo-http", http, 1000, 2560, AntiAffinity::kHostnameZoneSpread, 1, need * http});
  groups.push_back({p + "odoo-cron", 1, 500, 1536, AntiAffinity::kNone, 1, 0});
  groups.push_back({p + "odoo-ws", 2, 200, 512, AntiAffinity::kZoneSpread, 1, 1});
  groups.push_back({p + "pgbouncer", 2, 100, 128, AntiAffinity::kHostname, 1, 1});
  groups.push_back({p + "postgres", size >= 3 ? 3 : 2, 500 * size, 2048 * size,
                    AntiAffinity::kHostnameZoneSpread, 1, 1});
  groups.push_back({p + "redis", 1, 100, 256 * size, AntiAffinity::kNone, 1, 0});
}

// Tenants are added until the estate has `target_pods` pods or `max_tenants` tenants.
std::vector<PodGroup> Estate(int target_pods, int max_tenants) {
  RandomStream rng(42, "packing-bench");
  std::vector<PodGroup> groups = {
      {"traefik", 3, 500, 512, AntiAffinity::kHostnameZoneSpread, 1, 2}};
  int pods = 3;
  for (int t = 0; pods < target_pods && t < max_tenants; ++t) {
    const size_t first = groups.size();
    AddTenant(t, rng, groups);
    for (size_t g = first; g < groups.size(); ++g) pods += groups[g].replicas;
  }
  return groups;
}

void Pack(benchmark::State& state, const std::vector<PodGroup>& groups) {
  const Catalog& catalog = BuiltinCatalog();
  PackingOptions options;
  options.survive_zone_loss = true;
  Placement last;
  for (auto _ : state) {
    Result<Placement> r = PackPods(groups, catalog.node_types, catalog.zones, options);
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    last = std::move(r).value();
    // A const copy: DoNotOptimize on a non-const double may clobber it (its "+r" constraint).
    const double monthly = last.monthly_cost;
    benchmark::DoNotOptimize(monthly);
  }
  int pods = 0;
  for (const PodGroup& g : groups) pods += g.replicas;
  state.counters["tenants"] = static_cast<double>(groups.size() - 1) / 6;
  state.counters["pods"] = pods;
  state.counters["nodes"] = static_cast<double>(last.nodes.size());
  state.counters["monthly"] = last.monthly_cost;
  state.counters["bound"] = last.bound.monthly;
  state.counters["gap_pct"] = 100 * last.optimality_gap;
}

void BM_PackPods(benchmark::State& state) {
  Pack(state, Estate(static_cast<int>(state.range(0)), 1 << 30));
}

void BM_PackTenants(benchmark::State& state) {
  Pack(state, Estate(1 << 30, static_cast<int>(state.range(0))));
}

BENCHMARK(BM_PackPods)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PackTenants)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace headroom

BENCHMARK_MAIN();
