// Erlang C cost across server counts, at utilisation 0.8 and 0.99 (the goal: under 2 µs for any
// c), and the cost of the percentile and staffing calls built on it.
//   ./build/dev/bench/queueing_bench

#include <benchmark/benchmark.h>

#include <cstdint>

#include "queueing/erlang.h"
#include "queueing/mgc.h"
#include "queueing/mmc.h"
#include "queueing/staffing.h"

namespace {

using headroom::queueing::ErlangC;

// range(0): servers; range(1): utilisation in thousandths.
void BM_ErlangC(benchmark::State& state) {
  const int64_t servers = state.range(0);
  const double rho = static_cast<double>(state.range(1)) / 1000.0;
  double load = rho * static_cast<double>(servers);
  for (auto _ : state) {
    benchmark::DoNotOptimize(load);
    benchmark::DoNotOptimize(ErlangC(servers, load));
  }
}
BENCHMARK(BM_ErlangC)
    ->ArgsProduct({{1, 10, 100, 1000, 10000, 100000, 1000000}, {800, 990}})
    ->ArgNames({"c", "rho_milli"});

void BM_MmcResponseP99(benchmark::State& state) {
  const int64_t servers = state.range(0);
  const headroom::queueing::MmcQueue queue{0.9 * static_cast<double>(servers), 1.0, servers};
  for (auto _ : state) {
    benchmark::DoNotOptimize(headroom::queueing::MmcResponsePercentile(queue, 0.99));
  }
}
BENCHMARK(BM_MmcResponseP99)->Arg(1)->Arg(100)->Arg(10000)->ArgName("c");

void BM_MgcResponseP95(benchmark::State& state) {
  const int64_t servers = state.range(0);
  headroom::queueing::MgcQueue queue;
  queue.arrival_rate_per_s = 0.9 * static_cast<double>(servers);
  queue.service_time_s = 1.0;
  queue.servers = servers;
  queue.service_cv = static_cast<double>(state.range(1)) / 100.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(headroom::queueing::MgcResponsePercentile(queue, 0.95));
  }
}
BENCHMARK(BM_MgcResponseP95)
    ->ArgsProduct({{1, 100, 10000}, {50, 200}})
    ->ArgNames({"c", "cv_percent"});

void BM_MinServersForResponseP95(benchmark::State& state) {
  headroom::queueing::MgcQueue queue;
  queue.arrival_rate_per_s = static_cast<double>(state.range(0));
  queue.service_time_s = 1.0;
  queue.service_cv = 1.5;
  for (auto _ : state) {
    benchmark::DoNotOptimize(headroom::queueing::MinServersForResponsePercentile(queue, 0.95, 5.0));
  }
}
BENCHMARK(BM_MinServersForResponseP95)->Arg(10)->Arg(1000)->Arg(100000)->ArgName("load");

}  // namespace

BENCHMARK_MAIN();
