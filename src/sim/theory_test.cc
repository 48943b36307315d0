// The engine against queueing theory. Each check runs n independent replications with seeds
// 1..n, takes one summary per replication and forms the t-based 95% interval of its mean
// (confidence.h); the exact value must lie inside. Every replication discards a warm-up before
// measuring. The intervals measured with these seeds are quoted beside each check.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "queueing/erlang.h"
#include "queueing/mmc.h"
#include "sim/confidence.h"
#include "sim/distribution.h"
#include "sim/histogram.h"
#include "sim/network.h"
#include "sim/poisson_source.h"
#include "sim/simulator.h"

namespace headroom::sim {
namespace {

constexpr int kTheoryReplications = 10;  // seeds 1..10; t(9, 0.975) = 2.262

struct SingleStationRun {
  double mean_wait_s = 0.0;
  double mean_response_s = 0.0;
  double blocking = 0.0;  // rejections / arrivals
  Histogram waits_s;
};

enum class Discipline { kFifo, kProcessorSharing };

// One station fed by Poisson arrivals at `rate_per_s`, service from `service`: FIFO with
// `servers` and `queue_capacity` waiting places, or processor sharing on `servers` cores.
SingleStationRun RunSingleStation(Discipline discipline, int64_t servers, int64_t queue_capacity,
                                  double rate_per_s, Distribution service, uint64_t seed,
                                  double warmup_s, double measured_s) {
  Simulator simulator(seed);
  Network network(simulator);
  const StationId station =
      discipline == Discipline::kFifo
          ? network.AddFifo("station", servers, queue_capacity)
          : network.AddProcessorSharing("station", static_cast<double>(servers));
  const RouteId route = network.AddRoute("jobs", {{StepKind::kVisit, station}}).value();
  PoissonSource source(simulator, network, route, {service}, rate_per_s, "jobs");
  simulator.SetWarmup(warmup_s);
  simulator.Run(warmup_s + measured_s);
  SingleStationRun run;
  const RouteStatistics& jobs = network.route_statistics(route);
  run.mean_response_s = jobs.response_s.mean();
  if (discipline == Discipline::kFifo) {
    const FifoServers& fifo = network.fifo(station);
    run.mean_wait_s = fifo.waits_s().mean();
    run.waits_s = fifo.waits_s();
    run.blocking = static_cast<double>(fifo.rejections()) / static_cast<double>(fifo.arrivals());
  }
  return run;
}

struct Replicated {
  MeanInterval mean_wait_s;
  MeanInterval mean_response_s;
  MeanInterval blocking;
  Histogram waits_s;  // every replication's waits, merged
};

Replicated Replicate(Discipline discipline, int64_t servers, int64_t queue_capacity,
                     double rate_per_s, Distribution service, double warmup_s, double measured_s) {
  std::vector<double> waits;
  std::vector<double> responses;
  std::vector<double> blocking;
  Replicated result;
  for (uint64_t seed = 1; seed <= kTheoryReplications; ++seed) {
    const SingleStationRun run = RunSingleStation(discipline, servers, queue_capacity, rate_per_s,
                                                  service, seed, warmup_s, measured_s);
    waits.push_back(run.mean_wait_s);
    responses.push_back(run.mean_response_s);
    blocking.push_back(run.blocking);
    result.waits_s.Merge(run.waits_s);
  }
  result.mean_wait_s = ReplicationInterval(waits);
  result.mean_response_s = ReplicationInterval(responses);
  result.blocking = ReplicationInterval(blocking);
  return result;
}

::testing::AssertionResult Covers(const MeanInterval& interval, double exact) {
  if (interval.Contains(exact)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "exact " << exact << " outside the 95% interval " << interval.mean << " ± "
         << interval.half_width << " (n = " << interval.replications << ")";
}

void CheckMmc(int64_t servers) {
  // M/M/c, S = 1 s, ρ = 0.8: a = 0.8 c. Warm-up 1,000 s, then 100,000 s (80,000 c customers)
  // per replication.
  const double service_s = 1.0;
  const double rate = 0.8 * static_cast<double>(servers) / service_s;
  const Replicated r = Replicate(Discipline::kFifo, servers, FifoServers::kUnboundedQueue, rate,
                                 Distribution::Exponential(service_s), 1000.0, 100000.0);
  // Erlang C: Wq = C(c, a) S / (c − a) (queueing/mmc.h).
  const double a = rate * service_s;
  const double erlang_c = queueing::ErlangC(servers, a);
  const double exact_wait = erlang_c * service_s / (static_cast<double>(servers) - a);
  EXPECT_TRUE(Covers(r.mean_wait_s, exact_wait)) << "c = " << servers;
  EXPECT_LT(r.mean_wait_s.RelativeHalfWidth(), 0.02) << "the interval is informative";
  // p95 of the wait from the merged histogram vs S ln(C / 0.05) / (c − a).
  const queueing::MmcQueue queue{rate, service_s, servers};
  const double exact_p95 = *queueing::MmcWaitPercentile(queue, 0.95);
  EXPECT_NEAR(r.waits_s.Percentile(0.95), exact_p95, 0.03 * exact_p95) << "c = " << servers;
}

TEST(TheoryTest, MM4MeanWaitAndP95MatchErlangC) {
  // Exact: C(4, 3.2) = 0.596432, Wq = 0.745541 s, p95 = 3.0987 s.
  // Measured (n = 10, seeds 1..10): Wq 0.74653 ± 0.01300 s; p95 of the merged waits 3.0954 s.
  CheckMmc(4);
}

TEST(TheoryTest, MM8MeanWaitAndP95MatchErlangC) {
  // Exact: C(8, 6.4) = 0.457645, Wq = 0.286028 s, p95 = 1.3838 s.
  // Measured (n = 10, seeds 1..10): Wq 0.28746 ± 0.00343 s; p95 of the merged waits 1.3883 s.
  CheckMmc(8);
}

TEST(TheoryTest, MD1MeanWaitIsPollaczekKhinchine) {
  // M/D/1, S = 1 s, ρ = 0.8: Wq = ρ S / (2 (1 − ρ)) = 2 s (Pollaczek 1930, Khinchine 1932).
  // 100,000 s per replication after 1,000 s. Measured (n = 10, seeds 1..10): 1.9897 ± 0.0342 s.
  const Replicated r = Replicate(Discipline::kFifo, 1, FifoServers::kUnboundedQueue, 0.8,
                                 Distribution::Deterministic(1.0), 1000.0, 100000.0);
  EXPECT_TRUE(Covers(r.mean_wait_s, 2.0));
  EXPECT_LT(r.mean_wait_s.RelativeHalfWidth(), 0.03);
}

TEST(TheoryTest, ProcessorSharingMeanResponseIsInsensitiveToTheServiceDistribution) {
  // M/G/1-PS, S = 1 s, ρ = 0.8: R = S / (1 − ρ) = 5 s whatever the service distribution
  // (Kleinrock 1967; Sakata, Noguchi & Oizumi 1971). Exponential, deterministic and lognormal
  // with cv 2 service, 100,000 s per replication after a 1,000 s warm-up. Measured (n = 10, seeds
  // 1..10): 5.0018 ± 0.1259 s, 4.9794 ± 0.0683 s and 4.9526 ± 0.1691 s.
  for (const Distribution& service :
       {Distribution::Exponential(1.0), Distribution::Deterministic(1.0),
        Distribution::Lognormal(1.0, 2.0)}) {
    const Replicated r =
        Replicate(Discipline::kProcessorSharing, 1, 0, 0.8, service, 1000.0, 100000.0);
    EXPECT_TRUE(Covers(r.mean_response_s, 5.0)) << "cv = " << service.cv();
    EXPECT_LT(r.mean_response_s.RelativeHalfWidth(), 0.04) << "cv = " << service.cv();
  }
}

TEST(TheoryTest, TwoCoreProcessorSharingMatchesMM2) {
  // With exponential work, a two-core PS CPU has the same number-in-system process as M/M/2
  // (both serve min(n, 2) jobs' worth of work per second), so its mean response is the M/M/2
  // one: S + C(2, a) S / (2 − a). S = 1, a = 1.6: C = 0.71111, R = 2.77778 s.
  // Measured (n = 10, seeds 1..10, 100,000 s each): 2.7793 ± 0.0379 s.
  const Replicated r = Replicate(Discipline::kProcessorSharing, 2, 0, 1.6,
                                 Distribution::Exponential(1.0), 1000.0, 100000.0);
  const double exact = 1.0 + queueing::ErlangC(2, 1.6) / (2.0 - 1.6);
  EXPECT_TRUE(Covers(r.mean_response_s, exact));
}

TEST(TheoryTest, MMcKBlockingMatchesTheExactFormula) {
  // M/M/c/K with c = 4, K = 10 (6 waiting places), a = 3.6 (ρ = 0.9). Stationary distribution
  // (Gross & Harris, Fundamentals of Queueing Theory, §2.5): p_n ∝ a^n / n! for n <= c and
  // a^c / c! · ρ^(n − c) for c < n <= K; an arrival is blocked with probability p_K (PASTA).
  const int64_t c = 4;
  const int64_t k = 10;
  const double a = 3.6;
  const double rho = a / static_cast<double>(c);
  std::vector<double> weight(k + 1);
  weight[0] = 1.0;
  for (int64_t n = 1; n <= k; ++n) {
    weight[n] = n <= c ? weight[n - 1] * a / static_cast<double>(n) : weight[n - 1] * rho;
  }
  double total = 0.0;
  for (double w : weight) total += w;
  const double exact_blocking = weight[k] / total;  // 0.0671744
  // Measured (n = 10, seeds 1..10, 50,000 s each after 1,000 s): 0.067348 ± 0.001225.
  const Replicated r =
      Replicate(Discipline::kFifo, c, k - c, a, Distribution::Exponential(1.0), 1000.0, 50000.0);
  EXPECT_TRUE(Covers(r.blocking, exact_blocking));
  EXPECT_NEAR(r.blocking.mean, exact_blocking, 0.03 * exact_blocking);
}

// A two-class network shaped like an application stack, for Little's law and determinism.
struct StackRun {
  std::vector<double> present;     // time-averaged number at each station
  std::vector<double> throughput;  // arrivals per second at each station
  std::vector<double> residence;   // mean residence time at each station
  std::vector<uint64_t> arrivals;
  double web_p95_s = 0.0;
  double web_mean_s = 0.0;
  double report_mean_s = 0.0;
};

StackRun RunStack(uint64_t seed, double warmup_s, double measured_s) {
  Simulator simulator(seed);
  Network network(simulator);
  const StationId workers = network.AddTokenPool("workers", 6, TokenPool::kUnboundedWaiters);
  const StationId cpu = network.AddProcessorSharing("app cpu", 2.0);
  const StationId pool = network.AddTokenPool("db pool", 3, TokenPool::kUnboundedWaiters);
  const StationId db = network.AddFifo("db", 2, FifoServers::kUnboundedQueue);
  const StationId wire = network.AddDelay("network");
  const RouteId web = network
                          .AddRoute("web", {{StepKind::kAcquire, workers},
                                            {StepKind::kVisit, cpu},
                                            {StepKind::kAcquire, pool},
                                            {StepKind::kVisit, db},
                                            {StepKind::kRelease, pool},
                                            {StepKind::kVisit, wire},
                                            {StepKind::kRelease, workers}})
                          .value();
  const RouteId report = network
                             .AddRoute("report", {{StepKind::kAcquire, workers},
                                                  {StepKind::kVisit, cpu},
                                                  {StepKind::kRelease, workers}})
                             .value();
  const Distribution none = Distribution::Deterministic(0.0);
  // Loads: app cpu (12 × 0.06 + 0.5 × 0.6) / 2 = 0.51; db 12 × 0.05 / 2 = 0.3.
  PoissonSource web_source(
      simulator, network, web,
      {none, Distribution::Exponential(0.06), none, Distribution::Lognormal(0.05, 1.5), none,
       Distribution::Exponential(0.02), none},
      12.0, "web");
  PoissonSource report_source(simulator, network, report,
                              {none, Distribution::Lognormal(0.6, 0.8), none}, 0.5, "report");
  simulator.SetWarmup(warmup_s);
  simulator.Run(warmup_s + measured_s);
  StackRun run;
  for (StationId s = 0; s < network.station_count(); ++s) {
    const StationStatistics& stats = network.station_statistics(s);
    run.present.push_back(stats.present.Mean(simulator.now_s()));
    run.throughput.push_back(static_cast<double>(stats.arrivals) / measured_s);
    run.residence.push_back(stats.residence_s.mean());
    run.arrivals.push_back(stats.arrivals);
  }
  run.web_p95_s = network.route_statistics(web).response_s.Percentile(0.95);
  run.web_mean_s = network.route_statistics(web).response_s.mean();
  run.report_mean_s = network.route_statistics(report).response_s.mean();
  return run;
}

TEST(TheoryTest, LittlesLawHoldsAtEveryStation) {
  // L = λ W (Little 1961) on each of the five stations of the stack: the time-averaged number
  // present against the measured arrival rate times the mean residence, over 20,000 s
  // (about 250,000 requests) after a 500 s warm-up; within 2%. Measured: equal to 5 significant
  // digits at every station (e.g. the worker pool: L = 2.34828, λ W = 2.34828).
  const StackRun run = RunStack(1, 500.0, 20000.0);
  ASSERT_EQ(run.present.size(), 5u);
  for (size_t s = 0; s < run.present.size(); ++s) {
    const double little = run.throughput[s] * run.residence[s];
    EXPECT_GT(run.arrivals[s], 9000u) << "station " << s;
    EXPECT_NEAR(run.present[s], little, 0.02 * little) << "station " << s;
  }
}

TEST(TheoryTest, SameSeedSameResultsDifferentSeedDifferentResults) {
  const StackRun a = RunStack(7, 100.0, 2000.0);
  const StackRun b = RunStack(7, 100.0, 2000.0);
  const StackRun c = RunStack(8, 100.0, 2000.0);
  EXPECT_EQ(a.present, b.present);  // bit for bit
  EXPECT_EQ(a.residence, b.residence);
  EXPECT_EQ(a.arrivals, b.arrivals);
  EXPECT_EQ(a.web_p95_s, b.web_p95_s);
  EXPECT_EQ(a.web_mean_s, b.web_mean_s);
  EXPECT_EQ(a.report_mean_s, b.report_mean_s);
  EXPECT_NE(a.arrivals, c.arrivals);
  EXPECT_NE(a.present, c.present);
  EXPECT_NE(a.web_mean_s, c.web_mean_s);
}

}  // namespace
}  // namespace headroom::sim
