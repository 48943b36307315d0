// Demand synthesis throughput. A point is one (tenant, class, hour, sample) value computed;
// the mid evaluation is extra work that is not counted. Counters:
//   points_per_s      points per second of wall time
//   ns_per_point      wall nanoseconds per point
//   cpu_ns_per_point  process CPU nanoseconds per point (all threads)
//   peak_rss_mib      the process's peak resident memory so far (getrusage ru_maxrss): run one
//                     benchmark per process (--benchmark_filter) to attribute it
//
//   build/dev/bench/demand_bench --benchmark_filter=Generated/1000
// bench/demand_compare.sh runs it beside the NumPy reference (bench/demand_numpy.py).

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <ctime>

#include "demand/demand.h"
#include "demand/generated_estate.h"
#include "demand/test_estates.h"

namespace headroom {
namespace {

constexpr int kSamples = 128;
constexpr int kMonths = 24;
constexpr uint64_t kEstateSeed = 42;

double PeakRssMib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void Measure(benchmark::State& state, const Estate& estate, const DemandOptions& options) {
  int64_t points = 0;
  double wall_s = 0;
  double cpu_s = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const double start_cpu = ProcessCpuSeconds();
    Result<Demand> demand = SynthesizeDemand(estate, options);
    wall_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cpu_s += ProcessCpuSeconds() - start_cpu;
    if (!demand.ok()) {
      state.SkipWithError(FormatAll(demand.errors()).c_str());
      return;
    }
    points += demand.value().points;
    benchmark::DoNotOptimize(demand.value().estate_summary.data());
  }
  const auto n = static_cast<double>(points);
  state.counters["points"] = n / static_cast<double>(state.iterations());
  state.counters["points_per_s"] = n / wall_s;
  state.counters["ns_per_point"] = wall_s * 1e9 / n;
  // Process CPU time (all threads): the figure to compare on a loaded machine.
  state.counters["cpu_ns_per_point"] = cpu_s * 1e9 / n;
  state.counters["peak_rss_mib"] = PeakRssMib();
}

// The default example estate (one tenant, 24 months), 128 samples.
void BM_DemandHealthcare(benchmark::State& state) {
  const Estate estate = test_estates::HealthcareGrowthEstate();
  DemandOptions options = DemandOptions::FromPlanning(estate.planning);
  options.samples = kSamples;
  Measure(state, estate, options);
}
BENCHMARK(BM_DemandHealthcare)->Unit(benchmark::kMillisecond)->UseRealTime();

// GenerateEstate(tenants, 24 months), 128 samples. Args: tenants, threads,
// keep_tenant_samples (0/1).
void BM_DemandGenerated(benchmark::State& state) {
  const Estate estate = GenerateEstate(static_cast<int>(state.range(0)), kMonths, kEstateSeed);
  DemandOptions options;
  options.samples = kSamples;
  options.seed = estate.planning.seed;
  options.threads = static_cast<int>(state.range(1));
  options.keep_tenant_samples = state.range(2) != 0;
  Measure(state, estate, options);
}
BENCHMARK(BM_DemandGenerated)
    ->ArgNames({"tenants", "threads", "keep"})
    ->Args({100, 1, 0})
    ->Args({1000, 1, 0})
    ->Args({1000, 2, 0})
    ->Args({1000, 1, 1})
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
}  // namespace headroom

BENCHMARK_MAIN();
