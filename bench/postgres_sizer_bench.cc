// Time of one SizePostgres call: the plan calls it for every month and Monte Carlo sample, so it
// must take microseconds. The load is the built-in classes (interactive, report, portal, api,
// bus; docs/assumptions.md) at a mid-sized estate's rates, with batch work in flight. Counters
// report the result, so a change of model shows beside a change of speed.
//
//   build/dev/bench/postgres_sizer_bench

#include <benchmark/benchmark.h>

#include <string>

#include "sizing/postgres_sizer.h"

namespace headroom {
namespace {

ClassLoad Class(std::string name, double peak_rate_per_s, double app_cpu_ms, double db_cpu_ms,
                double db_reads, double db_writes, double service_cv) {
  ClassLoad c;
  c.name = std::move(name);
  c.rate_per_s = {peak_rate_per_s * 0.6, peak_rate_per_s, peak_rate_per_s * 1.4};
  c.app_cpu_ms = app_cpu_ms;
  c.db_cpu_ms = db_cpu_ms;
  c.db_reads = db_reads;
  c.db_writes = db_writes;
  c.service_cv = service_cv;
  c.requests_month = peak_rate_per_s * 0.6 * 3600 * 10 * 21;  // business hours of a month
  return c;
}

MonthLoad Load() {
  MonthLoad load;
  load.classes = {Class("interactive", 60, 90, 25, 40, 6, 1.5),
                  Class("report", 0.8, 1400, 900, 4000, 10, 1.2),
                  Class("portal", 12, 70, 15, 20, 3, 1.3), Class("api", 8, 45, 20, 12, 8, 1.0),
                  Class("bus", 0, 2, 1, 0, 0, 1.0)};
  load.classes.back().long_lived = true;
  load.batch_cpu_s = {0, 1800, 3600};
  load.database_gib = 180;
  load.database_gib_lookahead = 240;
  load.rpo_hours = 5.0 / 60.0;
  return load;
}

OdooSizing Odoo() {
  OdooSizing o;
  o.http_workers = 40;
  o.cron_workers = 2;
  o.gevent_workers = 5;
  o.pods = 5;
  o.cron_pods = 1;
  o.db_maxconn = 64;
  return o;
}

void SizePostgresOnce(benchmark::State& state) {
  const MonthLoad load = Load();
  const OdooSizing odoo = Odoo();
  const HeadroomPolicy policy;
  const PostgresSettings settings;
  PostgresSizing last;
  for (auto _ : state) {
    last = SizePostgres(load, odoo, policy, settings);
    const int vcpu = last.vcpu;  // a const copy: see packing_bench.cc
    benchmark::DoNotOptimize(vcpu);
  }
  state.counters["vcpu"] = last.vcpu;
  state.counters["memory_gib"] = last.memory_gib;
  state.counters["pool"] = last.pools.transaction_pool_size;
  state.counters["max_connections"] = last.settings.max_connections;
  state.counters["work_mem_mib"] = static_cast<double>(last.settings.work_mem_kib) / 1024.0;
  state.counters["db_p95_ms"] = last.db_time_ms_p95;
}
BENCHMARK(SizePostgresOnce)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace headroom

BENCHMARK_MAIN();
