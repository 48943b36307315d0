// The Odoo stack model against queueing theory where it reduces to a known case, and its
// behaviour under limit_time_real, a zone loss and the HPA. Theory checks run 10 independent
// replications (seeds 1..10) and require the exact value inside the t-based 95% interval of the
// replication means (sim/confidence.h; t(9, 0.975) = 2.262).

#include "sim/stack/stack_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "queueing/erlang.h"
#include "queueing/mmc.h"
#include "sim/confidence.h"

namespace headroom::sim {
namespace {

constexpr int kReplications = 10;

// One pod, `workers` prefork workers with a core each (no CPU sharing), one class with
// exponential app CPU of mean `service_ms`, no database: the stack is the M/M/c queue.
StackConfig OnePod(int workers, double cores, double rate_per_s, double service_ms) {
  StackConfig c;
  c.classes = {StackClass{"web", service_ms, 0, 0, 1.0, 0, 0}};
  c.streams = {StackStream{"t", 0, std::vector<double>(24, rate_per_s)}};
  c.initial_pods = 1;
  c.workers_per_pod = workers;
  c.pod_cpu_cores = cores;
  c.pool_connections = workers;
  c.postgres_vcpu = 8;
  c.exponential_service = true;
  c.limit_time_real_s = 1e6;
  c.limit_memory_soft_mib = 1e9;
  c.timeline_step_s = 0;
  return c;
}

template <typename F>
MeanInterval Replicate(const StackConfig& config, F summary) {
  std::vector<double> values;
  for (int seed = 1; seed <= kReplications; ++seed) {
    values.push_back(summary(SimulateStack(config, static_cast<uint64_t>(seed))));
  }
  return ReplicationInterval(values);
}

// M/M/4 with λ = 30/s, S = 0.1 s (a = 3 erlangs, ρ = 0.75): Erlang C(4, 3) = 0.50943 and the mean
// response W = S + C / (cμ − λ) = 0.1 + 0.50943 / 10 = 0.150943 s (Kleinrock 1975, §3.5).
TEST(StackModelTest, OnePodWithoutDatabaseIsMmc) {
  StackConfig c = OnePod(4, 4.0, 30.0, 100.0);
  c.duration_s = 4000;
  c.warmup_s = 400;
  const double expected_s = 0.1 + queueing::ErlangC(4, 3.0) / (40.0 - 30.0);
  EXPECT_NEAR(expected_s, 0.150943, 1e-6);  // the published value, rounded
  const MeanInterval mean =
      Replicate(c, [](const StackResult& r) { return r.all.mean_ms / 1000.0; });
  EXPECT_TRUE(mean.Contains(expected_s)) << mean.lower() << " .. " << mean.upper();
  // The p95 of the response time: MmcResponsePercentile (queueing/mmc.h), within the interval.
  const double p95_s = *queueing::MmcResponsePercentile({30.0, 0.1, 4}, 0.95);
  const MeanInterval p95 = Replicate(c, [](const StackResult& r) { return r.all.p95_ms / 1000.0; });
  EXPECT_TRUE(p95.Contains(p95_s)) << p95_s << " not in " << p95.lower() << " .. " << p95.upper();
}

// More workers than cores: the pod's CPU is shared. With one core, workers never the limit
// (P(n > 40) = 0.5^40) and exponential work of mean 0.1 s at λ = 5/s (ρ = 0.5), the pod is
// M/M/1-PS: mean response S / (1 − ρ) = 0.2 s (Kleinrock 1976, vol. 2, §4.4).
TEST(StackModelTest, PodCpuIsProcessorSharing) {
  StackConfig c = OnePod(40, 1.0, 5.0, 100.0);
  c.duration_s = 8000;
  c.warmup_s = 400;
  const MeanInterval mean =
      Replicate(c, [](const StackResult& r) { return r.all.mean_ms / 1000.0; });
  EXPECT_TRUE(mean.Contains(0.2)) << mean.lower() << " .. " << mean.upper();
  const MeanInterval util =
      Replicate(c, [](const StackResult& r) { return r.pod_cpu_utilisation; });
  EXPECT_TRUE(util.Contains(0.5)) << util.lower() << " .. " << util.upper();  // ρ = λ S
}

// Little's law L = λ W over the whole stack (pods, pool, PostgreSQL, storage): it holds on every
// sample path up to the requests in flight at the ends, so 1% relative here. The utilisation law
// at PostgreSQL: U = λ · E[db CPU] / vCPU = 20 × 0.02 / 2 = 0.2, inside the interval.
TEST(StackModelTest, LittlesLawAndUtilisationLawHold) {
  StackConfig c = OnePod(8, 2.0, 20.0, 40.0);
  c.classes[0].db_cpu_ms = 20;
  c.classes[0].db_io_ms = 10;
  c.postgres_vcpu = 2;
  c.pool_connections = 4;
  c.duration_s = 3000;
  c.warmup_s = 300;
  const StackResult r = SimulateStack(c, 1);
  EXPECT_NEAR(r.mean_requests_in_system, r.throughput_per_s * r.all.mean_ms / 1000.0,
              0.01 * r.mean_requests_in_system);
  const MeanInterval pg =
      Replicate(c, [](const StackResult& x) { return x.postgres_cpu_utilisation; });
  EXPECT_TRUE(pg.Contains(0.2)) << pg.lower() << " .. " << pg.upper();
}

// limit_time_real = 0.3 s: a class needing 0.5 s of CPU (deterministic, cv 0) is killed every
// time and never completes (λ T = 1,800 arrivals expected); a 0.1 s class is never killed.
TEST(StackModelTest, LimitTimeRealKillsLongRequests) {
  StackConfig c = OnePod(4, 4.0, 0.5, 0);
  c.exponential_service = false;
  c.classes = {StackClass{"report", 500, 0, 0, 0.0, 0, 0}, StackClass{"web", 100, 0, 0, 0.0, 0, 0}};
  c.streams = {StackStream{"t", 0, std::vector<double>(1, 0.5)},
               StackStream{"t", 1, std::vector<double>(1, 0.5)}};
  c.limit_time_real_s = 0.3;
  c.duration_s = 3600;
  const StackResult r = SimulateStack(c, 1);
  EXPECT_EQ(r.classes[0].latency.completed, 0U);
  EXPECT_GT(r.classes[0].latency.timeouts, 1000U);  // λ T = 1800 expected, all killed
  EXPECT_EQ(r.classes[1].latency.timeouts, 0U);
  EXPECT_GT(r.classes[1].latency.completed, 1000U);
}

// Memory: a class whose worker peaks at 520 MiB resident, rss/vms 0.6, gives 867 MiB of virtual
// memory, above a 629 MiB limit_memory_soft: every request recycles its worker.
TEST(StackModelTest, LimitMemorySoftRecyclesWorkers) {
  StackConfig c = OnePod(2, 2.0, 1.0, 50.0);
  c.classes[0].worker_memory_mib = 520;
  c.limit_memory_soft_mib = 629;
  c.duration_s = 1000;
  const StackResult r = SimulateStack(c, 1);
  EXPECT_EQ(r.worker_recycles, r.all.completed);
}

// Three pods in three zones; zone 0 goes down at minute 10 and is not replaced within the run.
// The ready pods fall from 3 to 2 exactly at that minute, requests fail only then (those on the
// lost pod), and the survivors, carrying the same load, answer more slowly (per-minute p95,
// averaged).
TEST(StackModelTest, ZoneLossAtMinuteDropsCapacityAndRaisesLatency) {
  StackConfig c = OnePod(2, 2.0, 24.0, 100.0);
  c.initial_pods = 3;
  c.zones = 3;
  c.pool_connections = 100;
  c.duration_s = 1800;
  c.timeline_step_s = 60;
  c.failure = StackFailure{600, true, 0, 1e6};
  const StackResult r = SimulateStack(c, 1);
  ASSERT_EQ(r.timeline.size(), 30U);
  EXPECT_EQ(r.timeline[8].ready_pods, 3);  // t = 540 s
  EXPECT_EQ(r.timeline[9].ready_pods, 2);  // t = 600 s: the failure at 600 s
  EXPECT_EQ(r.timeline[29].ready_pods, 2);
  EXPECT_EQ(r.min_ready_pods, 2);
  // Only the failure's minute can lose requests (those on the lost pod then, possibly none).
  for (size_t i = 0; i < r.timeline.size(); ++i) {
    if (i == 9) continue;
    EXPECT_EQ(r.timeline[i].failed, 0U) << i;
  }
  double before = 0, after = 0;
  for (int i = 1; i < 9; ++i) before += r.timeline[static_cast<size_t>(i)].p95_ms / 8;
  for (int i = 12; i < 30; ++i) after += r.timeline[static_cast<size_t>(i)].p95_ms / 18;
  // ρ per worker rises from 24 × 0.1 / 6 = 0.4 to 24 × 0.1 / 4 = 0.6.
  EXPECT_GT(after, before);
}

// One zone, two nodes of two pods each (pods_per_node 2); node 0 goes down at minute 5 and takes
// pods 0 and 1 with it: the ready pods fall from 4 to 2 exactly then, and the per-minute p95
// rises (ρ per worker from 32 × 0.1 / 8 = 0.4 to 32 × 0.1 / 4 = 0.8).
TEST(StackModelTest, NodeLossAtMinuteDropsItsPods) {
  StackConfig c = OnePod(2, 2.0, 32.0, 100.0);
  c.initial_pods = 4;
  c.zones = 1;
  c.pods_per_node = 2;
  c.pool_connections = 100;
  c.duration_s = 900;
  c.timeline_step_s = 60;
  c.failure = StackFailure{300, false, 0, 1e6};
  const StackResult r = SimulateStack(c, 1);
  ASSERT_EQ(r.timeline.size(), 15U);
  EXPECT_EQ(r.timeline[3].ready_pods, 4);  // t = 240 s
  EXPECT_EQ(r.timeline[4].ready_pods, 2);  // t = 300 s
  EXPECT_EQ(r.min_ready_pods, 2);
  double before = 0, after = 0;
  for (int i = 0; i < 4; ++i) before += r.timeline[static_cast<size_t>(i)].p95_ms / 4;
  for (int i = 6; i < 15; ++i) after += r.timeline[static_cast<size_t>(i)].p95_ms / 9;
  EXPECT_GT(after, before);
}

// The HPA on the simulated CPU: 2 pods with a 2-core limit and a 1000m request, target 50%,
// receive 4 cores of work. At the first sync (15 s) each reports 2000m, ratio 4, so it wants 8;
// without `behavior` the scale-up limit is max(2 × 2, 4) = 4 (horizontal.go). The new pods are
// ready 30 s later: 2 ready at t = 30 s, 4 at t = 60 s.
StackConfig TwoPodsThatMustScaleUp() {
  StackConfig c = OnePod(4, 2.0, 40.0, 100.0);
  c.initial_pods = 2;
  c.pod_cpu_request_m = 1000;
  c.pod_startup_s = 30;
  c.pool_connections = 100;
  c.duration_s = 300;
  c.timeline_step_s = 30;
  hpa::HpaSpec spec;
  spec.min_replicas = 2;
  spec.max_replicas = 10;
  spec.metrics = {hpa::MetricSpec{hpa::MetricSourceType::kResource, "cpu", "",
                                  hpa::MetricTarget{hpa::MetricTargetType::kUtilization, 50, 0}}};
  c.hpa = spec;
  return c;
}

TEST(StackModelTest, HpaScalesUpOnSimulatedCpuWithStartupDelay) {
  const StackResult r = SimulateStack(TwoPodsThatMustScaleUp(), 1);
  ASSERT_FALSE(r.scaling.empty());
  EXPECT_DOUBLE_EQ(r.scaling[0].time_s, 15.0);
  EXPECT_EQ(r.scaling[0].from_pods, 2);
  EXPECT_EQ(r.scaling[0].to_pods, 4);
  EXPECT_EQ(r.timeline[0].ready_pods, 2);  // t = 30 s
  EXPECT_GE(r.timeline[1].ready_pods, 4);  // t = 60 s
  EXPECT_GT(r.underprovisioned_s, 29.0);   // at least the 30 s start-up of the first pods
}

// The same catch-up in a 300 s window standing for an hour: the requests after it stand for the
// rest of the hour (span_weights.h), so the class's p95 is what a whole hour simulated gives, not
// the window's, which the 60 s catch-up weighs twelve times too much. Recording them changes
// nothing else: the same events, the same answered requests.
TEST(StackModelTest, AWindowStandingForAnHourWeighsItsCatchUpAsTheHour) {
  StackConfig c = TwoPodsThatMustScaleUp();
  const StackResult window = SimulateStack(c, 1);
  c.represents_s = 3600;
  const StackResult weighed = SimulateStack(c, 1);
  c.represents_s = 0;
  c.duration_s = 3600;
  const StackResult hour = SimulateStack(c, 1);
  EXPECT_EQ(weighed.events, window.events);
  EXPECT_EQ(weighed.classes[0].latency.completed, window.classes[0].latency.completed);
  EXPECT_LT(weighed.classes[0].latency.p95_ms, 0.8 * window.classes[0].latency.p95_ms);
  // One class in one stream: the estate's and the tenant's latencies are weighed alike.
  EXPECT_DOUBLE_EQ(weighed.all.p95_ms, weighed.classes[0].latency.p95_ms);
  ASSERT_EQ(weighed.tenants.size(), 1U);
  EXPECT_DOUBLE_EQ(weighed.tenants[0].latency.p95_ms, weighed.classes[0].latency.p95_ms);
  EXPECT_DOUBLE_EQ(weighed.steady_from_s, 60.0);  // 4 ready at 60 s, as above
  // 1,077 ms in the window alone, 321.6 ms weighed, 320.5 ms over the whole hour.
  EXPECT_NEAR(weighed.classes[0].latency.p95_ms, hour.classes[0].latency.p95_ms,
              0.05 * hour.classes[0].latency.p95_ms);
}

TEST(StackModelTest, SameSeedSameResult) {
  StackConfig c = OnePod(4, 2.0, 20.0, 100.0);
  c.duration_s = 600;
  const StackResult a = SimulateStack(c, 7);
  const StackResult b = SimulateStack(c, 7);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.all.p95_ms, b.all.p95_ms);
  EXPECT_NE(a.events, SimulateStack(c, 8).events);
}

}  // namespace
}  // namespace headroom::sim
