// Cost of one call of the Redis, storage and ingress sizers on a month of the built-in classes
// (the plan calls each once per month and Monte Carlo sample: the goal is well under 10 µs).
//   ./build/dev/bench/rsi_sizers_bench

#include <benchmark/benchmark.h>

#include "sizing/ingress_sizer.h"
#include "sizing/redis_sizer.h"
#include "sizing/storage_sizer.h"

namespace {

using headroom::ClassLoad;
using headroom::MonthLoad;

ClassLoad Class(const char* name, double peak_per_s, double response_kib, bool long_lived) {
  ClassLoad c;
  c.name = name;
  c.rate_per_s = {0.6 * peak_per_s, peak_per_s, 1.8 * peak_per_s};
  c.response_kib = response_kib;
  c.requests_month = peak_per_s * 3600 * 9.4 * 21;
  c.long_lived = long_lived;
  return c;
}

// About the default example at month 12: 22 sites, ~700 named users, a portal and integrations.
MonthLoad Month() {
  MonthLoad load;
  load.classes = {Class("interactive", 7.5, 48, false), Class("report", 0.5, 600, false),
                  Class("portal", 0.6, 40, false), Class("api", 0.4, 6, false),
                  Class("bus", 0, 1, true)};
  load.sessions = {120, 230, 260};
  load.named_users = 700;
  load.documents_total_mib = 400000;
  load.documents_total_mib_lookahead = 700000;
  load.database_gib = 35;
  load.database_gib_lookahead = 48;
  return load;
}

headroom::PostgresSizing Postgres() {
  headroom::PostgresSizing p;
  p.database_gib = 35;
  p.storage_gib = 60;
  p.wal_storage_gib = 20;
  p.wal_gib_per_day = 3;
  p.instances = 3;
  return p;
}

void BM_SizeRedis(benchmark::State& state) {
  const MonthLoad load = Month();
  const headroom::HeadroomPolicy policy;
  const headroom::RedisSettings settings;
  for (auto _ : state) benchmark::DoNotOptimize(headroom::SizeRedis(load, policy, settings));
}
BENCHMARK(BM_SizeRedis);

void BM_SizeStorage(benchmark::State& state) {
  const MonthLoad load = Month();
  const headroom::PostgresSizing postgres = Postgres();
  const headroom::HeadroomPolicy policy;
  const headroom::StorageSettings settings;
  for (auto _ : state) {
    benchmark::DoNotOptimize(headroom::SizeStorage(load, postgres, policy, settings));
  }
}
BENCHMARK(BM_SizeStorage);

// range(0): load multiplier, from a small estate to one needing tens of replicas.
void BM_SizeIngress(benchmark::State& state) {
  MonthLoad load = Month();
  for (ClassLoad& c : load.classes) {
    for (double& r : c.rate_per_s) r *= static_cast<double>(state.range(0));
  }
  const headroom::HeadroomPolicy policy;
  const headroom::IngressSettings settings;
  for (auto _ : state) benchmark::DoNotOptimize(headroom::SizeIngress(load, policy, settings));
}
BENCHMARK(BM_SizeIngress)->Arg(1)->Arg(100)->Arg(5000)->ArgName("load_x");

}  // namespace

BENCHMARK_MAIN();
