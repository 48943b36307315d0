// Ported from kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator_test.go
// (TestReplicaCalcResourceScale, TestReplicaCalc*, TestGroupPods): same fixtures, same
// expected counts, utilisations and raw values. As upstream, every pod has two containers, each
// with the request and the usage of the fixture, so a pod's request and usage are twice those.
#include "sim/hpa/replica_calculator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace headroom::hpa {
namespace {

constexpr int64_t kContainersPerPod = 2;
constexpr double kNow = 1e6;
// Upstream test periods: defaultTestingCPUInitializationPeriod (2 min) and
// defaultTestingDelayOfInitialReadinessStatus (10 s).
const ReadinessTiming kTestTiming{120, 10};
const Tolerances kDefault{0.1, 0.1};

enum Start { kZero, kHot, kCool };  // zero time, time.Now(), time.Now() - 3 min

struct Fixture {
  int32_t current = 0;
  std::vector<double> request_cores = {};  // per container
  std::vector<int64_t> levels_m = {};      // per container; pods beyond have no sample
  std::vector<bool> ready = {};            // Ready condition status; default true
  std::vector<Start> start = {};
  std::vector<PodPhase> phase = {};
  std::vector<bool> deleting = {};
  std::vector<std::string> metric_pod_names = {};  // overrides the sampled pods' names
};

std::string PodName(size_t i) { return "test-pod-" + std::to_string(i); }

std::vector<PodState> Pods(const Fixture& f) {
  const size_t count = std::max<size_t>(f.current, f.phase.size());
  std::vector<PodState> pods;
  for (size_t i = 0; i < count; ++i) {
    PodState p;
    p.name = PodName(i);
    p.ready = i < f.ready.size() ? f.ready[i] : true;
    p.ready_transition_s = 0;  // upstream leaves LastTransitionTime at the zero time
    const Start s = i < f.start.size() ? f.start[i] : kZero;
    p.start_time_s = s == kZero ? 0.0 : (s == kHot ? kNow : kNow - 180);
    p.phase = i < f.phase.size() ? f.phase[i] : PodPhase::kRunning;
    p.being_deleted = i < f.deleting.size() && f.deleting[i];
    if (i < f.request_cores.size()) {
      p.requests_m["cpu"] = std::llround(f.request_cores[i] * 1000) * kContainersPerPod;
    }
    pods.push_back(p);
  }
  return pods;
}

PodMetrics Metrics(const Fixture& f) {
  PodMetrics m;
  for (size_t i = 0; i < f.levels_m.size(); ++i) {
    const std::string name = i < f.metric_pod_names.size() ? f.metric_pod_names[i] : PodName(i);
    m[name] = PodMetric{f.levels_m[i] * kContainersPerPod, 0.0, 60.0};  // zero timestamp, 1 min
  }
  return m;
}

ReplicaCalculation Resource(const Fixture& f, int32_t target, Tolerances t = kDefault) {
  return ResourceReplicas(f.current, target, "cpu", t, Pods(f), Metrics(f), kNow, kTestTiming);
}

void ExpectResource(const ReplicaCalculation& r, int32_t replicas, int32_t utilization,
                    int64_t raw) {
  ASSERT_TRUE(r.ok()) << r.failure;
  EXPECT_EQ(r.replicas, replicas);
  ASSERT_TRUE(r.utilization_percent.has_value());
  EXPECT_EQ(*r.utilization_percent, utilization);
  EXPECT_EQ(r.average_value_m, raw);
}

using P = PodPhase;

// TestReplicaCalcResourceScale "scale up".
TEST(ReplicaCalculatorTest, ScaleUp) {
  ExpectResource(
      Resource({.current = 3, .request_cores = {1, 1, 1}, .levels_m = {300, 500, 700}}, 30), 5, 50,
      kContainersPerPod * 500);
}

// "scale up: unready pod scales less": the unready pod counts as 0 % on scale-up.
TEST(ReplicaCalculatorTest, UnreadyPodScalesLess) {
  const Fixture f{.current = 3,
                  .request_cores = {1, 1, 1},
                  .levels_m = {300, 500, 700},
                  .ready = {false, true, true}};
  ExpectResource(Resource(f, 30), 4, 60, kContainersPerPod * 600);
}

// "scale up: hot-CPU pod scales less": inside the CPU initialisation period, a sample taken less
// than a window after the pod became Ready is set aside.
TEST(ReplicaCalculatorTest, HotCpuPodScalesLess) {
  const Fixture f{.current = 3,
                  .request_cores = {1, 1, 1},
                  .levels_m = {300, 500, 700},
                  .start = {kHot, kCool, kCool}};
  ExpectResource(Resource(f, 30), 4, 60, kContainersPerPod * 600);
}

// "no scale: unready pods ignored" and "no scale: hot-CPU pods ignored".
TEST(ReplicaCalculatorTest, UnreadyAndHotPodsCanCancelScaleUp) {
  const Fixture unready{.current = 3,
                        .request_cores = {1, 1, 1},
                        .levels_m = {400, 500, 700},
                        .ready = {true, false, false}};
  ExpectResource(Resource(unready, 30), 3, 40, kContainersPerPod * 400);
  EXPECT_EQ(Resource(unready, 30).outcome, ReplicaOutcome::kDirectionFlipped);  // 13 % < 30 %
  Fixture hot = unready;
  hot.start = {kCool, kHot, kHot};
  ExpectResource(Resource(hot, 30), 3, 40, kContainersPerPod * 400);
}

// "scale up: failed pods ignored" and "scale up: pods being deleted are ignored".
TEST(ReplicaCalculatorTest, FailedAndDeletingPodsAreDroppedOnScaleUp) {
  const Fixture failed{.current = 2,
                       .request_cores = {1, 1, 1, 1},
                       .levels_m = {500, 700},
                       .ready = {true, true, false, false},
                       .phase = {P::kRunning, P::kRunning, P::kFailed, P::kFailed}};
  const ReplicaCalculation r = Resource(failed, 30);
  ExpectResource(r, 4, 60, kContainersPerPod * 600);
  EXPECT_EQ(r.groups.ignored, (std::vector<std::string>{"test-pod-2", "test-pod-3"}));
  Fixture deleting = failed;
  deleting.phase = {P::kRunning, P::kRunning, P::kRunning, P::kRunning};
  deleting.deleting = {false, false, true, true};
  ExpectResource(Resource(deleting, 30), 4, 60, kContainersPerPod * 600);
}

// "scale down".
TEST(ReplicaCalculatorTest, ScaleDown) {
  const Fixture f{
      .current = 5, .request_cores = {1, 1, 1, 1, 1}, .levels_m = {100, 300, 500, 250, 250}};
  ExpectResource(Resource(f, 50), 3, 28, kContainersPerPod * 280);
}

// "scale down: exclude unready pods", "exclude unscheduled pods", "ignore hot-CPU pods".
TEST(ReplicaCalculatorTest, ScaleDownSetsAsideUnreadyPendingAndHotPods) {
  Fixture unready{.current = 5,
                  .request_cores = {1, 1, 1, 1, 1},
                  .levels_m = {100, 300, 500, 250, 250},
                  .ready = {true, true, true, false, false}};
  ExpectResource(Resource(unready, 50), 2, 30, kContainersPerPod * 300);

  const Fixture pending{.current = 5,
                        .request_cores = {1, 1, 1, 1, 1},
                        .levels_m = {100},
                        .ready = {true, false, false, false, false},
                        .phase = {P::kRunning, P::kPending, P::kPending, P::kPending, P::kPending}};
  ExpectResource(Resource(pending, 50), 1, 10, kContainersPerPod * 100);

  Fixture hot = unready;
  hot.ready = {};
  hot.start = {kCool, kCool, kCool, kHot, kHot};
  ExpectResource(Resource(hot, 50), 2, 30, kContainersPerPod * 300);
}

// "scale down: failed pods ignored", "pods being deleted are ignored".
TEST(ReplicaCalculatorTest, FailedAndDeletingPodsAreDroppedOnScaleDown) {
  const Fixture failed{.current = 5,
                       .request_cores = {1, 1, 1, 1, 1, 1, 1},
                       .levels_m = {100, 300, 500, 250, 250},
                       .ready = {true, true, true, true, true, false, false},
                       .phase = {P::kRunning, P::kRunning, P::kRunning, P::kRunning, P::kRunning,
                                 P::kFailed, P::kFailed}};
  ExpectResource(Resource(failed, 50), 3, 28, kContainersPerPod * 280);
  Fixture deleting = failed;
  deleting.phase.assign(7, P::kRunning);
  deleting.deleting = {false, false, false, false, false, true, true};
  ExpectResource(Resource(deleting, 50), 3, 28, kContainersPerPod * 280);
}

// TestReplicaCalcTolerance: 102 % of a 100 % target is inside the 10 % band.
TEST(ReplicaCalculatorTest, ToleranceBand) {
  const Fixture f{.current = 3, .request_cores = {0.9, 1.0, 1.1}, .levels_m = {1010, 1030, 1020}};
  const ReplicaCalculation r = Resource(f, 100);
  ExpectResource(r, 3, 102, kContainersPerPod * 1020);
  EXPECT_EQ(r.outcome, ReplicaOutcome::kWithinTolerance);
}

// TestReplicaCalcConfigurableTolerance: per-direction tolerances (HPAConfigurableTolerance).
TEST(ReplicaCalculatorTest, ConfigurableTolerance) {
  struct Case {
    const char* name;
    Tolerances tolerances;
    std::vector<int64_t> levels;
    int32_t replicas;
    int32_t utilization;
  };
  const Case cases[] = {
      {"Outside of a 0% tolerance", {0, 0}, {909, 1010, 1111}, 4, 101},
      {"Within a 200% scale-up tolerance", {0.1, 2.0}, {1890, 1910, 1900}, 3, 190},
      {"Outside 8% scale-up tolerance", {2.0, 0.08}, {1100, 1080, 1090}, 4, 109},
      {"Within a 36% scale-down tolerance", {0.36, 0.1}, {660, 640, 650}, 3, 65},
      {"Outside a 34% scale-down tolerance", {0.34, 0.1}, {660, 640, 650}, 2, 65},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Fixture f{.current = 3, .request_cores = {0.9, 1.0, 1.1}, .levels_m = c.levels};
    const int64_t mean = (c.levels[0] + c.levels[1] + c.levels[2]) / 3;
    ExpectResource(Resource(f, 100, c.tolerances), c.replicas, c.utilization,
                   kContainersPerPod * mean);
  }
}

// TestReplicaCalcSuperfluousMetrics: samples of pods that are not listed do not count in the
// utilisation.
TEST(ReplicaCalculatorTest, SuperfluousMetrics) {
  const Fixture f{.current = 4,
                  .request_cores = {1, 1, 1, 1},
                  .levels_m = {4000, 9500, 3000, 7000, 3200, 2000}};
  ExpectResource(Resource(f, 100), 24, 587, kContainersPerPod * 5875);
}

// TestReplicaCalcMissingMetrics: on scale-down the missing pods count as 100 % of request.
TEST(ReplicaCalculatorTest, MissingMetricsAsFullRequestOnScaleDown) {
  const Fixture f{.current = 4, .request_cores = {1, 1, 1, 1}, .levels_m = {400, 95}};
  const ReplicaCalculation r = Resource(f, 100);
  ExpectResource(r, 3, 24, 495);
  ASSERT_TRUE(r.adjusted_usage_ratio.has_value());
  EXPECT_DOUBLE_EQ(*r.adjusted_usage_ratio, 0.62);  // (990 + 2 × 2000) m / 8000 m
  EXPECT_EQ(r.groups.missing, (std::vector<std::string>{"test-pod-2", "test-pod-3"}));
}

// TestReplicaCalcMissingMetricsNoChange{Eq,Gt,Lt}: filling the missing pod in lands inside the
// tolerance or reverses the direction.
TEST(ReplicaCalculatorTest, MissingMetricsNoChange) {
  const int64_t levels[] = {1000, 1900, 600};
  const int32_t utilizations[] = {100, 190, 60};
  for (int i = 0; i < 3; ++i) {
    const Fixture f{.current = 2, .request_cores = {1, 1}, .levels_m = {levels[i]}};
    ExpectResource(Resource(f, 100), 2, utilizations[i], kContainersPerPod * levels[i]);
  }
}

// TestReplicaCalcMissingMetricsUnreadyChange / HotCpuNoChange / UnreadyScaleUp / HotCpuScaleUp
// / UnreadyScaleDown / ScaleDownTargetOver100.
TEST(ReplicaCalculatorTest, MissingMetricsWithUnreadyPods) {
  const Fixture unready{.current = 3,
                        .request_cores = {1, 1, 1},
                        .levels_m = {100, 450},
                        .ready = {false, true, true}};
  ExpectResource(Resource(unready, 50), 3, 45, kContainersPerPod * 450);
  EXPECT_EQ(Resource(unready, 50).outcome, ReplicaOutcome::kDirectionFlipped);
  Fixture hot{.current = 3,
              .request_cores = {1, 1, 1},
              .levels_m = {100, 450},
              .start = {kHot, kCool, kCool}};
  ExpectResource(Resource(hot, 50), 3, 45, kContainersPerPod * 450);

  Fixture up = unready;
  up.levels_m = {100, 2000};
  ExpectResource(Resource(up, 50), 4, 200, kContainersPerPod * 2000);
  up.start = {kHot, kCool, kCool};
  ExpectResource(Resource(up, 50), 4, 200, kContainersPerPod * 2000);

  const Fixture down{.current = 4,
                     .request_cores = {1, 1, 1, 1},
                     .levels_m = {100, 100, 100},
                     .ready = {false, true, true, true}};
  ExpectResource(Resource(down, 50), 3, 10, kContainersPerPod * 100);

  // Above 100 %, a missing pod counts as the target: max(100, 300) % of its request.
  const Fixture over{.current = 4,
                     .request_cores = {1, 1, 2, 2},
                     .levels_m = {200, 100, 100},
                     .ready = {false, true, true, true}};
  ExpectResource(Resource(over, 300), 2, 6, kContainersPerPod * 100);
}

// TestReplicaCalcDuringRollingUpdateWithMaxSurge: one more pod than replicas, without a
// sample; the recomputed count would rise while the ratio says down, so nothing changes.
TEST(ReplicaCalculatorTest, RollingUpdateSurgePodDoesNotScaleUp) {
  const Fixture f{.current = 2,
                  .request_cores = {1, 1, 1},
                  .levels_m = {100, 100},
                  .phase = {P::kRunning, P::kRunning, P::kRunning}};
  const ReplicaCalculation r = Resource(f, 50);
  ExpectResource(r, 2, 10, kContainersPerPod * 100);
  EXPECT_EQ(r.outcome, ReplicaOutcome::kCountFlipped);
}

// TestReplicaCalcComputedToleranceAlgImplementation: a target just past the tolerance scales,
// one just inside does not.
TEST(ReplicaCalculatorTest, ComputedToleranceAlgImplementation) {
  const double requested_to_used = 2;
  const double target = 1 / (requested_to_used * (1 - 0.1)) + 0.01;
  const auto target_percent = static_cast<int32_t>(target * 100);
  EXPECT_EQ(target_percent, 56);
  const int32_t final_pods = static_cast<int32_t>(std::ceil(1500.0 / (3000.0 * target) * 10));
  EXPECT_EQ(final_pods, 9);
  Fixture f{.current = 10,
            .request_cores = {0.400, 0.200, 0.310, 0.290, 0.302, 0.298, 0.301, 0.299, 0.300, 0.300},
            .levels_m = std::vector<int64_t>(10, 150)};
  ExpectResource(Resource(f, target_percent), final_pods, 50, kContainersPerPod * 150);
  const auto close_percent =
      static_cast<int32_t>((1 / (requested_to_used * (1 - 0.1)) + 0.004) * 100);
  ExpectResource(Resource(f, close_percent), 10, 50, kContainersPerPod * 150);
}

// TestReplicaCalcEmptyCPURequest and TestReplicaCalcDisjointResourcesMetrics.
TEST(ReplicaCalculatorTest, FailuresAreReported) {
  const Fixture no_request{.current = 1, .request_cores = {}, .levels_m = {200}};
  EXPECT_NE(Resource(no_request, 100).failure.find("missing request for"), std::string::npos);
  const Fixture disjoint{.current = 1,
                         .request_cores = {1},
                         .levels_m = {100},
                         .metric_pod_names = {"an-older-pod-name"}};
  // The only pod has no sample (it is missing) and the only sample matches no pod.
  EXPECT_EQ(Resource(disjoint, 100).failure, "no metrics returned matched known pods");
  const Fixture all_unready{
      .current = 2, .request_cores = {1, 1}, .levels_m = {100, 100}, .ready = {false, false}};
  EXPECT_EQ(Resource(all_unready, 50).failure,
            "did not receive metrics for targeted pods (pods might be unready)");
  EXPECT_EQ(ResourceReplicas(1, 50, "cpu", kDefault, {}, {}, kNow, kTestTiming).failure,
            "no pods returned by selector while calculating replica count");
}

ReplicaCalculation Plain(const Fixture& f, int64_t target, Tolerances t = kDefault) {
  PodMetrics m;
  for (size_t i = 0; i < f.levels_m.size(); ++i) m[PodName(i)] = PodMetric{f.levels_m[i], 0, 60};
  return PlainMetricReplicas(f.current, target, false, t, Pods(f), m, kNow, kTestTiming);
}

void ExpectPlain(const ReplicaCalculation& r, int32_t replicas, int64_t usage) {
  ASSERT_TRUE(r.ok()) << r.failure;
  EXPECT_EQ(r.replicas, replicas);
  EXPECT_EQ(r.average_value_m, usage);
}

// TestReplicaCalcScaleUpCM, ...UnreadyHotCpuNoLessScale, ...ScaleWouldScaleDown,
// TestReplicaCalcScaleDownCM, TestReplicaCalcToleranceCM, TestReplicaCalcConfigurableToleranceCM,
// TestPlainMetricReplicaCalcMissingMetricsNoChangeEq, ...DuringRollingUpdateWithMaxSurgeCM.
// Readiness rules are CPU-only: unready and hot pods count for a custom metric.
TEST(ReplicaCalculatorTest, PodsMetric) {
  ExpectPlain(Plain({.current = 3, .levels_m = {20000, 10000, 30000}}, 15000), 4, 20000);
  ExpectPlain(Plain({.current = 3,
                     .levels_m = {50000, 10000, 30000},
                     .ready = {true, true, false},
                     .start = {kCool, kCool, kHot}},
                    15000),
              6, 30000);
  ExpectPlain(Plain({.current = 3,
                     .levels_m = {50000, 15000, 30000},
                     .ready = {false, true, false},
                     .start = {kHot, kCool, kHot}},
                    15000),
              7, 31666);
  ExpectPlain(Plain({.current = 5, .levels_m = {12000, 12000, 12000, 12000, 12000}}, 20000), 3,
              12000);
  ExpectPlain(Plain({.current = 3, .levels_m = {20000, 21000, 21000}}, 20000), 3, 20666);
  ExpectPlain(Plain({.current = 3, .levels_m = {20000, 21000, 21000}}, 20000, {0.1, 0.01}), 4,
              20666);
  ExpectPlain(Plain({.current = 5, .levels_m = {20000, 19000, 21000}}, 20000), 5, 20000);
  ExpectPlain(Plain({.current = 2,
                     .levels_m = {10000, 10000},
                     .phase = {P::kRunning, P::kRunning, P::kRunning}},
                    17000),
              2, 10000);
}

// TestReplicaCalcScaleUpCMObject, ...ObjectIgnoresUnreadyPods, TestReplicaCalcToleranceCMObject,
// ...ConfigurableToleranceCMObject, TestReplicaCalcScaleDownCMObject and the External
// equivalents (ScaleUpCMExternalIgnoresUnreadyPods, ScaleDownCMExternal, ToleranceCMExternal,
// ConfigurableToleranceCMExternal): the count scales the Running and Ready pods.
TEST(ReplicaCalculatorTest, TotalValueMetric) {
  auto total = [](int32_t current, std::vector<bool> ready, int64_t usage, int64_t target,
                  Tolerances t = kDefault) {
    const Fixture f{.current = current, .ready = std::move(ready)};
    return TotalValueReplicas(current, usage, target, t, Pods(f)).replicas;
  };
  EXPECT_EQ(total(3, {}, 20000, 15000), 4);
  EXPECT_EQ(total(3, {false, true, false}, 50000, 10000), 5);
  EXPECT_EQ(total(3, {}, 20666, 20000), 3);
  EXPECT_EQ(total(3, {}, 20666, 20000, {0.1, 0.01}), 4);
  EXPECT_EQ(total(5, {}, 12000, 20000), 3);
  EXPECT_EQ(total(3, {false, true, false}, 8600, 4400), 2);
  EXPECT_EQ(total(5, {}, 8600, 14334), 3);
  EXPECT_EQ(total(3, {}, 8600, 8888), 3);
  EXPECT_EQ(total(3, {}, 8900, 8800, {0.1, 0.01}), 4);
  // TestReplicaCalcScaleUpOverflow: the count saturates at MaxInt32.
  EXPECT_EQ(total(3, {}, std::numeric_limits<int64_t>::max(), 1),
            std::numeric_limits<int32_t>::max());
}

// TestReplicaCalcScaleUpCMPerPodObject, ScaleDownPerPodCMObject, TolerancePerPodCMObject,
// ConfigurableTolerancePerPodCMObject and the PerPodCMExternal equivalents.
TEST(ReplicaCalculatorTest, AverageValueMetric) {
  struct Case {
    int32_t status;
    int64_t usage;
    int64_t target;
    Tolerances tolerances;
    int32_t replicas;
    int64_t average;
  };
  const Case cases[] = {
      {3, 20000, 5000, kDefault, 4, 6667}, {5, 6000, 2000, kDefault, 3, 1200},
      {4, 20166, 5000, kDefault, 4, 5042}, {4, 20208, 5000, {0.1, 0.01}, 5, 5052},
      {3, 8600, 2150, kDefault, 4, 2867},  {5, 8600, 2867, kDefault, 3, 1720},
      {3, 8600, 2900, kDefault, 3, 2867},  {3, 8600, 2800, {0.1, 0.01}, 4, 2867},
  };
  for (const Case& c : cases) {
    const ReplicaCalculation r = AverageValueReplicas(c.status, c.usage, c.target, c.tolerances);
    EXPECT_EQ(r.replicas, c.replicas) << c.usage << "/" << c.target;
    EXPECT_EQ(r.average_value_m, c.average) << c.usage << "/" << c.target;
  }
}

// TestGroupPods (CPU cases; upstream's test uses the 2 min / 10 s test periods).
TEST(ReplicaCalculatorTest, GroupPods) {
  auto pod = [](std::string name, std::optional<bool> ready, std::optional<double> start,
                double transition) {
    PodState p;
    p.name = std::move(name);
    p.phase = PodPhase::kSucceeded;
    p.ready = ready;
    p.start_time_s = start;
    p.ready_transition_s = transition;
    return p;
  };
  struct Case {
    const char* name;
    PodState pod;
    std::optional<PodMetric> metric;
    int32_t ready;
    bool unready;
    bool missing;
  };
  const Case cases[] = {
      {"unready a pod without ready condition", pod("a", std::nullopt, kNow, 0), PodMetric{1, 0, 0},
       0, true, false},
      {"count in a ready pod with fresh metrics during initialization period",
       pod("b", true, kNow - 60, kNow - 30), PodMetric{1, kNow, 30}, 1, false, false},
      {"unready a ready pod without fresh metrics during initialization period",
       pod("c", true, kNow - 60, kNow - 30), PodMetric{1, kNow, 60}, 0, true, false},
      {"unready an unready pod during initialization period",
       pod("d", false, kNow - 600, kNow - 594), PodMetric{1, 0, 0}, 0, true, false},
      {"count in a ready pod without fresh metrics after initialization period",
       pod("e", true, kNow - 180, kNow - 180), PodMetric{1, kNow - 120, 60}, 1, false, false},
      {"count in an unready pod that was ready after initialization period",
       pod("f", false, kNow - 600, kNow - 540), PodMetric{1, 0, 0}, 1, false, false},
      {"unready pod that has never been ready after initialization period",
       pod("g", false, kNow - 600, kNow - 590), PodMetric{1, 0, 0}, 1, false, false},
      {"a missing pod", pod("h", std::nullopt, kNow - 180, 0), std::nullopt, 0, false, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PodMetrics m;
    if (c.metric) m[c.pod.name] = *c.metric;
    const PodGroups g = GroupPods({c.pod}, m, true, kNow, kTestTiming);
    EXPECT_EQ(g.ready_count, c.ready);
    EXPECT_EQ(g.unready.size(), c.unready ? 1u : 0u);
    EXPECT_EQ(g.missing.size(), c.missing ? 1u : 0u);
  }
  PodState pending = pod("p", std::nullopt, std::nullopt, 0);
  pending.phase = PodPhase::kPending;
  PodState deleted = pod("x", true, kNow, 0);
  deleted.phase = PodPhase::kPending;
  deleted.being_deleted = true;
  PodState failed = pod("y", true, kNow, 0);
  failed.phase = PodPhase::kFailed;
  const PodGroups g = GroupPods({pending, deleted, failed}, {}, true, kNow, kTestTiming);
  EXPECT_EQ(g.unready, std::vector<std::string>{"p"});
  EXPECT_EQ(g.ignored, (std::vector<std::string>{"x", "y"}));
  // "count in a ready pod - memory": readiness only matters for CPU.
  const PodGroups memory = GroupPods({pod("m", std::nullopt, std::nullopt, 0)},
                                     {{"m", PodMetric{1, kNow, 60}}}, false, kNow, kTestTiming);
  EXPECT_EQ(memory.ready_count, 1);
}

}  // namespace
}  // namespace headroom::hpa
