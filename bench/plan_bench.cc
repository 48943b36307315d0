// The whole plan (demand, sizing of every month and every sample, ratchet, placement, cost,
// roadmap) for the default estate with 128 samples, beside the demand stage alone on the same
// estate: the ratio says what planning adds on top of synthesising the load it plans for. The
// verified plan adds the simulation of every month (docs/simulation.md, "Verification"). A
// generated estate of 1,000 healthcare groups shows the scale case (one iteration; peak memory as
// a counter): demand synthesis and sizing at that size. Its databases spread over many
// PostgreSQL clusters; the verified pipeline simulates the busiest cell of each month whose
// sizing is not saturated (docs/simulation.md gives how many).
// The plan command is what `headroom plan --samples 128` runs from start to end: the verified plan,
// the tenancy advice, the simulated peak day, plan.json, report.html and the artifacts written.
//
//   build/release/bench/plan_bench
//   build/release/bench/plan_bench --benchmark_filter=Generated   (peak memory of that case)

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cost/catalog.h"
#include "demand/demand.h"
#include "demand/generated_estate.h"
#include "engine/pipeline.h"
#include "estate/examples.h"
#include "estate/yaml_reader.h"
#include "plan/planner.h"

namespace headroom {
namespace {

double PeakRssMib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

Estate DefaultEstate() {
  const ExampleEstate* example = FindExample(kDefaultExample);
  return ReadEstate(example->yaml, example->name).value();
}

void BM_DemandOnly_Default128(benchmark::State& state) {
  const Estate estate = DefaultEstate();
  DemandOptions options = DemandOptions::FromPlanning(estate.planning);
  options.samples = 128;
  for (auto _ : state) {
    Result<Demand> demand = SynthesizeDemand(estate, options);
    benchmark::DoNotOptimize(demand.ok());
  }
}
BENCHMARK(BM_DemandOnly_Default128)->Unit(benchmark::kMillisecond);

void PlanOnce(benchmark::State& state, const Estate& estate, int samples) {
  DemandOptions options = DemandOptions::FromPlanning(estate.planning);
  options.samples = samples;
  options.keep_tenant_samples = false;
  for (auto _ : state) {
    Result<Demand> demand = SynthesizeDemand(estate, options);
    if (!demand.ok()) {
      state.SkipWithError("demand failed");
      return;
    }
    Result<Plan> plan = BuildPlan(estate, demand.value(), PlanSettings{});
    benchmark::DoNotOptimize(plan.ok());
  }
  state.counters["peak_rss_mib"] = PeakRssMib();
}

void BM_Plan_Default128(benchmark::State& state) { PlanOnce(state, DefaultEstate(), 128); }
BENCHMARK(BM_Plan_Default128)->Unit(benchmark::kMillisecond);

// What `headroom plan` runs before its outputs: the demand (on the verification's threads), the
// plan above, then every month's peak and recovery windows simulated, the sizing passes the
// simulation's findings ask for, and the backup and recovery assessment.
void VerifiedOnce(benchmark::State& state, Estate estate, int samples) {
  estate.planning.samples = samples;
  for (auto _ : state) {
    Result<PlanRun> run = RunPipeline(estate, BuiltinCatalog(), {});
    if (!run.ok()) {
      state.SkipWithError("pipeline failed");
      return;
    }
    benchmark::DoNotOptimize(run.value().plan.holds);
  }
  state.counters["peak_rss_mib"] = PeakRssMib();
}

void BM_PlanVerified_Default128(benchmark::State& state) {
  VerifiedOnce(state, DefaultEstate(), 128);
}
BENCHMARK(BM_PlanVerified_Default128)->Unit(benchmark::kMillisecond);

void BM_PlanCommand_Default128(benchmark::State& state) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "headroom-plan-bench";
  std::vector<std::string> args = {"headroom", "plan", "--samples", "128", "-o", dir.string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  std::ostringstream sink;
  std::streambuf* const out = std::cout.rdbuf(sink.rdbuf());
  for (auto _ : state) {
    sink.str({});
    const int code = headroom::cli::Run(static_cast<int>(argv.size()), argv.data());
    if (code != 0) {
      std::cout.rdbuf(out);
      state.SkipWithError("headroom plan failed");
      return;
    }
  }
  std::cout.rdbuf(out);
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_PlanCommand_Default128)->Unit(benchmark::kMillisecond);

void BM_Plan_Generated1000Tenants128(benchmark::State& state) {
  PlanOnce(state, GenerateEstate(1000, 24, 42), 128);
}
BENCHMARK(BM_Plan_Generated1000Tenants128)->Unit(benchmark::kSecond)->Iterations(1);

// The same estate through the verified pipeline, as `headroom plan` runs it (the tenancy advice
// and the peak day are left out above their size limits, so this is the whole command's work
// but for writing the outputs).
void BM_PlanVerified_Generated1000Tenants128(benchmark::State& state) {
  VerifiedOnce(state, GenerateEstate(1000, 24, 42), 128);
}
BENCHMARK(BM_PlanVerified_Generated1000Tenants128)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
}  // namespace headroom

BENCHMARK_MAIN();
