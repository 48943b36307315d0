// Discrete-event engine throughput on M/M/c (c = 8, ρ = 0.8, S = 1 s, 10^6 customers per run),
// three ways, in one binary so they share the machine's state:
//   BM_EngineMmc    Simulator + FifoServers + an arrival handler: the engine as a model uses it,
//                   with its statistics (wait and response histograms, busy and queue averages)
//   BM_NetworkMmc   the same model as a one-step route in a Network fed by a PoissonSource
//                   (per-request timestamps, station and route statistics on top)
//   BM_HandLoopMmc  a minimal hand-written loop: std::priority_queue of (time, type) events, a
//                   FIFO of arrival times, the mean wait only
// All draw from the same RandomStream type (xoshiro256**, exponential by inversion), so the
// random-number cost is the same. An event is an arrival or a departure: 2 per customer.
// Counters:
//   events_per_s      events per second of wall time
//   ns_per_event      wall nanoseconds per event
//   cpu_ns_per_event  process CPU nanoseconds per event (steadier on a shared machine)
//   mean_wait_s       the run's mean wait (Erlang C: 0.286028 s), so the three are seen to agree
//   allocs_per_event  heap allocations during the runs divided by events: the engine allocates
//                     only while its vectors grow to the run's peak, so this is about 0
// After the runs the binary prints the engine's and the network's events per second as a
// fraction of the hand-written loop's (the goal: at least 0.5 for the engine).
//
//   build/dev/bench/sim_bench
// bench/sim_compare.sh runs BM_EngineMmc beside the SimPy model (bench/sim_simpy.py).

#include <benchmark/benchmark.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <limits>
#include <map>
#include <new>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "common/random.h"
#include "sim/distribution.h"
#include "sim/fifo_servers.h"
#include "sim/network.h"
#include "sim/poisson_source.h"
#include "sim/simulator.h"

// Every heap allocation in the process is counted, so a run can show it allocates nothing per
// event. The replacements forward to malloc and free; GCC, seeing free() applied to what it knows
// as operator new's result, warns of a mismatch that the replacement pair makes correct.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
namespace {
std::atomic<uint64_t> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t /*size*/) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t /*size*/) noexcept { std::free(p); }
#pragma GCC diagnostic pop

namespace headroom::sim {
namespace {

constexpr int64_t kServers = 8;
constexpr double kServiceS = 1.0;
constexpr double kArrivalRatePerS = 0.8 * kServers / kServiceS;  // ρ = 0.8
constexpr int64_t kCustomers = 1000000;
constexpr uint64_t kSeed = 42;

double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct RunResult {
  uint64_t events = 0;
  double mean_wait_s = 0.0;
};

// Times `run` once per benchmark iteration and sets the counters.
void Measure(benchmark::State& state, const std::function<RunResult()>& run) {
  uint64_t events = 0;
  double wall_s = 0.0;
  double cpu_s = 0.0;
  uint64_t allocations = 0;
  double mean_wait_s = 0.0;
  for (auto _ : state) {
    const uint64_t allocations_before = g_allocations.load(std::memory_order_relaxed);
    const auto start = std::chrono::steady_clock::now();
    const double start_cpu = ProcessCpuSeconds();
    const RunResult result = run();
    wall_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cpu_s += ProcessCpuSeconds() - start_cpu;
    allocations += g_allocations.load(std::memory_order_relaxed) - allocations_before;
    events += result.events;
    mean_wait_s = result.mean_wait_s;
  }
  const auto n = static_cast<double>(events);
  state.counters["events"] = n / static_cast<double>(state.iterations());
  state.counters["events_per_s"] = n / wall_s;
  state.counters["ns_per_event"] = wall_s * 1e9 / n;
  state.counters["cpu_ns_per_event"] = cpu_s * 1e9 / n;
  state.counters["mean_wait_s"] = mean_wait_s;
  state.counters["allocs_per_event"] = static_cast<double>(allocations) / n;
}

// Poisson arrivals offered to a FifoServers, with exponential service; stops after kCustomers.
class MmcArrivals final : public EventHandler {
 public:
  MmcArrivals(Simulator& simulator, FifoServers& servers)
      : simulator_(simulator),
        servers_(servers),
        kind_(simulator.AddHandler(this)),
        gaps_(simulator.Stream("arrivals")),
        services_(simulator.Stream("services")) {
    simulator_.Schedule(gaps_.NextExponential(kArrivalRatePerS), kind_);
  }
  void HandleEvent(const Event& /*event*/) override {
    servers_.Arrive(static_cast<JobId>(arrived_), services_.NextExponential(1.0 / kServiceS));
    if (++arrived_ < kCustomers) {
      simulator_.Schedule(simulator_.now_s() + gaps_.NextExponential(kArrivalRatePerS), kind_);
    }
  }

 private:
  Simulator& simulator_;
  FifoServers& servers_;
  EventKind kind_;
  RandomStream gaps_;
  RandomStream services_;
  int64_t arrived_ = 0;
};

RunResult EngineMmc() {
  Simulator simulator(kSeed);
  FifoServers servers(simulator, kServers, FifoServers::kUnboundedQueue);
  MmcArrivals arrivals(simulator, servers);
  simulator.Run(std::numeric_limits<double>::infinity());
  return RunResult{simulator.events_handled(), servers.waits_s().mean()};
}

void BM_EngineMmc(benchmark::State& state) { Measure(state, EngineMmc); }
BENCHMARK(BM_EngineMmc)->Unit(benchmark::kMillisecond)->UseRealTime();

RunResult NetworkMmc() {
  Simulator simulator(kSeed);
  Network network(simulator);
  const StationId station = network.AddFifo("servers", kServers, FifoServers::kUnboundedQueue);
  const RouteId route = network.AddRoute("customers", {{StepKind::kVisit, station}}).value();
  PoissonSource source(simulator, network, route, {Distribution::Exponential(kServiceS)},
                       kArrivalRatePerS, "customers");
  // The source runs open-ended: stop it after kCustomers arrivals, then drain.
  while (source.submitted() < static_cast<uint64_t>(kCustomers)) simulator.Step();
  source.SetRate(0.0);
  simulator.Run(std::numeric_limits<double>::infinity());
  return RunResult{simulator.events_handled(), network.fifo(station).waits_s().mean()};
}

void BM_NetworkMmc(benchmark::State& state) { Measure(state, NetworkMmc); }
BENCHMARK(BM_NetworkMmc)->Unit(benchmark::kMillisecond)->UseRealTime();

// The hand-written reference: the textbook event loop.
RunResult HandLoopMmc() {
  enum Type : int { kArrival = 0, kDeparture = 1 };
  using TimedEvent = std::pair<double, int>;
  std::priority_queue<TimedEvent, std::vector<TimedEvent>, std::greater<>> events;
  std::queue<double> waiting;  // arrival times of customers in line
  RandomStream gaps(kSeed, "arrivals");
  RandomStream services(kSeed, "services");
  int64_t busy = 0;
  int64_t arrived = 0;
  int64_t served = 0;
  uint64_t handled = 0;
  double total_wait_s = 0.0;
  events.emplace(gaps.NextExponential(kArrivalRatePerS), kArrival);
  while (!events.empty()) {
    const auto [now, type] = events.top();
    events.pop();
    ++handled;
    if (type == kArrival) {
      if (busy < kServers) {
        ++busy;
        ++served;
        events.emplace(now + services.NextExponential(1.0 / kServiceS), kDeparture);
      } else {
        waiting.push(now);
      }
      if (++arrived < kCustomers)
        events.emplace(now + gaps.NextExponential(kArrivalRatePerS), kArrival);
    } else if (!waiting.empty()) {
      total_wait_s += now - waiting.front();
      waiting.pop();
      ++served;
      events.emplace(now + services.NextExponential(1.0 / kServiceS), kDeparture);
    } else {
      --busy;
    }
  }
  return RunResult{handled, total_wait_s / static_cast<double>(served)};
}

void BM_HandLoopMmc(benchmark::State& state) { Measure(state, HandLoopMmc); }
BENCHMARK(BM_HandLoopMmc)->Unit(benchmark::kMillisecond)->UseRealTime();

// Keeps each run's events per second (wall and CPU) to print the ratios at the end.
class RatioReporter final : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
      const auto wall = run.counters.find("ns_per_event");
      const auto cpu = run.counters.find("cpu_ns_per_event");
      if (wall == run.counters.end() || cpu == run.counters.end()) continue;
      ns_per_event_[run.run_name.function_name] = {wall->second.value, cpu->second.value};
    }
    ConsoleReporter::ReportRuns(runs);
  }

  void PrintRatios() const {
    const auto hand = ns_per_event_.find("BM_HandLoopMmc");
    if (hand == ns_per_event_.end()) return;
    for (const char* name : {"BM_EngineMmc", "BM_NetworkMmc"}) {
      const auto it = ns_per_event_.find(name);
      if (it == ns_per_event_.end()) continue;
      std::printf(
          "%s events/s as a fraction of the hand-written loop's: %.2f wall, %.2f CPU "
          "(%.1f vs %.1f ns/event wall)\n",
          name, hand->second.first / it->second.first, hand->second.second / it->second.second,
          it->second.first, hand->second.first);
    }
  }

 private:
  std::map<std::string, std::pair<double, double>> ns_per_event_;
};

}  // namespace
}  // namespace headroom::sim

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  headroom::sim::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.PrintRatios();
  benchmark::Shutdown();
  return 0;
}
