// One SizeOdoo call for a month of five request classes (interactive, report, portal, api and
// the websocket bus), at several load scales. The goal: a few microseconds, since a 24-month ×
// 128-sample plan makes 3,072 calls per layer. Measured figures: docs/sizing-odoo.md ("Cost").
//   ./build/dev/bench/odoo_sizer_bench

#include <benchmark/benchmark.h>

#include <array>

#include "sizing/odoo_sizer.h"

namespace {

using headroom::ClassLoad;
using headroom::MonthLoad;

ClassLoad Class(const char* name, std::array<double, 3> rates, double app_cpu_ms, double db_cpu_ms,
                double db_reads, double memory_mib, double cv, double target_ms, double scale) {
  ClassLoad c;
  c.name = name;
  for (size_t i = 0; i < 3; ++i) c.rate_per_s[i] = rates[i] * scale;
  c.app_cpu_ms = app_cpu_ms;
  c.db_cpu_ms = db_cpu_ms;
  c.db_reads = db_reads;
  c.worker_memory_mib = memory_mib;
  c.service_cv = cv;
  c.p95_target_ms = target_ms;
  return c;
}

// The built-in classes' demands (src/estate/defaults.cc), report target 12 s; scale 1 is an
// estate of ~3,000 active users at its peak hour.
MonthLoad FiveClassMonth(double scale) {
  MonthLoad load;
  load.classes = {Class("interactive", {20, 45, 60}, 90, 25, 40, 180, 1.5, 800, scale),
                  Class("report", {0.2, 0.6, 0.8}, 1400, 900, 4000, 900, 1.2, 12000, scale),
                  Class("portal", {3, 8, 10}, 70, 15, 20, 160, 1.3, 1000, scale),
                  Class("api", {5, 12, 15}, 45, 20, 12, 150, 1.0, 1500, scale),
                  Class("bus", {0, 0, 0}, 2, 1, 0, 2, 1.0, 5000, scale)};
  load.classes.back().long_lived = true;
  load.sessions = {1500 * scale, 3000 * scale, 3000 * scale};
  load.max_sessions = 3200 * scale;
  load.batch_cpu_s = {0, 1800 * scale, 1800 * scale};
  load.heaviest_batch_cpu_s = 20000 * scale;
  load.heaviest_batch_deadline_h = 4;
  return load;
}

// range(0): load scale in hundredths.
void BM_SizeOdoo(benchmark::State& state) {
  const MonthLoad load = FiveClassMonth(static_cast<double>(state.range(0)) / 100.0);
  const headroom::HeadroomPolicy policy;
  const headroom::OdooSettings settings;
  for (auto _ : state) {
    benchmark::DoNotOptimize(headroom::SizeOdoo(load, policy, settings));
  }
}
BENCHMARK(BM_SizeOdoo)->Arg(5)->Arg(30)->Arg(100)->Arg(400)->Arg(2000)->ArgName("scale_pct");

}  // namespace

BENCHMARK_MAIN();
