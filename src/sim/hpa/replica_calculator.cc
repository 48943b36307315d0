#include "sim/hpa/replica_calculator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace headroom::hpa {
namespace {

constexpr int32_t kMaxInt32 = std::numeric_limits<int32_t>::max();

ReplicaCalculation Failure(std::string message) {
  ReplicaCalculation r;
  r.failure = std::move(message);
  return r;
}

// int32(math.Ceil(x)), saturating where Go's conversion would be undefined.
int32_t CeilToInt32(double x) {
  const double c = std::ceil(x);
  if (!(c < static_cast<double>(kMaxInt32))) return kMaxInt32;
  if (c < 0) return 0;
  return static_cast<int32_t>(c);
}

void RemoveMetrics(PodMetrics* metrics, const std::vector<std::string>& pods) {
  for (const std::string& name : pods) metrics->erase(name);
}

// The CPU readiness rule of groupPods for a pod that has a sample.
bool IsCpuUnready(const PodState& pod, const PodMetric& metric, double now_s,
                  const ReadinessTiming& timing) {
  if (!pod.ready.has_value() || !pod.start_time_s.has_value()) return true;
  const bool ready = *pod.ready;
  if (*pod.start_time_s + timing.cpu_initialization_period_s > now_s) {
    // Still within the initialisation period: a sample counts once one full window was
    // collected after the pod became Ready.
    return !ready || metric.timestamp_s < pod.ready_transition_s + metric.window_s;
  }
  // After it, only a pod that has never been Ready is set aside.
  return !ready && *pod.start_time_s + timing.delay_of_initial_readiness_s > pod.ready_transition_s;
}

struct UtilizationRatio {
  bool ok = false;
  double ratio = 0;
  int32_t utilization_percent = 0;
  int64_t raw_average_m = 0;
};

// GetResourceUtilizationRatio: samples of pods without a request are extraneous and skipped.
UtilizationRatio ResourceUtilizationRatio(const PodMetrics& metrics,
                                          const std::map<std::string, int64_t>& requests,
                                          int32_t target_percent) {
  int64_t metrics_total = 0;
  int64_t requests_total = 0;
  int64_t entries = 0;
  for (const auto& [name, metric] : metrics) {
    auto it = requests.find(name);
    if (it == requests.end()) continue;
    metrics_total += metric.value_m;
    requests_total += it->second;
    ++entries;
  }
  UtilizationRatio r;
  if (requests_total == 0) return r;
  r.ok = true;
  r.utilization_percent = static_cast<int32_t>((metrics_total * 100) / requests_total);
  r.ratio = static_cast<double>(r.utilization_percent) / static_cast<double>(target_percent);
  r.raw_average_m = metrics_total / entries;
  return r;
}

// GetMetricUsageRatio: the whole-milli-unit mean over every sample.
std::pair<double, int64_t> MetricUsageRatio(const PodMetrics& metrics, int64_t target_m) {
  int64_t total = 0;
  for (const auto& [name, metric] : metrics) total += metric.value_m;
  const int64_t usage = total / static_cast<int64_t>(metrics.size());
  return {static_cast<double>(usage) / static_cast<double>(target_m), usage};
}

// The shared tail of GetResourceReplicas and calcPlainMetricReplicas: given the first ratio,
// either answer at once or fill in missing and unready pods and recompute. `fill_missing`
// returns the value a missing pod is given on scale-down; `ratio_of` recomputes the ratio.
template <typename FillMissing, typename RatioOf>
void FinishCalculation(int32_t current, const Tolerances& tolerances, PodMetrics metrics,
                       FillMissing fill_missing, RatioOf ratio_of, ReplicaCalculation* r) {
  const double ratio = r->usage_ratio;
  const bool scale_up_with_unready = !r->groups.unready.empty() && ratio > 1.0;
  if (!scale_up_with_unready && r->groups.missing.empty()) {
    r->pods_counted = r->groups.ready_count;
    if (tolerances.IsWithin(ratio)) {
      r->outcome = ReplicaOutcome::kWithinTolerance;
      r->replicas = current;
      return;
    }
    r->outcome = ReplicaOutcome::kProportional;
    r->replicas = CeilToInt32(ratio * r->groups.ready_count);
    return;
  }
  for (const std::string& name : r->groups.missing) {
    if (ratio < 1.0) {
      metrics[name] = PodMetric{fill_missing(name), 0, 0};
    } else if (ratio > 1.0) {
      metrics[name] = PodMetric{0, 0, 0};
    }
  }
  if (scale_up_with_unready) {
    for (const std::string& name : r->groups.unready) metrics[name] = PodMetric{0, 0, 0};
  }
  const double new_ratio = ratio_of(metrics);
  r->adjusted_usage_ratio = new_ratio;
  r->pods_counted = static_cast<int32_t>(metrics.size());
  r->replicas = current;
  if (tolerances.IsWithin(new_ratio)) {
    r->outcome = ReplicaOutcome::kAdjustedWithinTolerance;
    return;
  }
  if ((ratio < 1.0 && new_ratio > 1.0) || (ratio > 1.0 && new_ratio < 1.0)) {
    r->outcome = ReplicaOutcome::kDirectionFlipped;
    return;
  }
  const int32_t new_replicas = CeilToInt32(new_ratio * static_cast<double>(metrics.size()));
  if ((new_ratio < 1.0 && new_replicas > current) || (new_ratio > 1.0 && new_replicas < current)) {
    r->outcome = ReplicaOutcome::kCountFlipped;
    return;
  }
  r->outcome = ReplicaOutcome::kProportional;
  r->replicas = new_replicas;
}

const char* const kNoPods = "no pods returned by selector while calculating replica count";
const char* const kNoReadyMetrics =
    "did not receive metrics for targeted pods (pods might be unready)";

}  // namespace

PodGroups GroupPods(const std::vector<PodState>& pods, const PodMetrics& metrics, bool is_cpu,
                    double now_s, const ReadinessTiming& timing) {
  PodGroups groups;
  for (const PodState& pod : pods) {
    if (pod.being_deleted || pod.phase == PodPhase::kFailed) {
      groups.ignored.push_back(pod.name);
      continue;
    }
    if (pod.phase == PodPhase::kPending) {
      groups.unready.push_back(pod.name);
      continue;
    }
    auto it = metrics.find(pod.name);
    if (it == metrics.end()) {
      groups.missing.push_back(pod.name);
      continue;
    }
    if (is_cpu && IsCpuUnready(pod, it->second, now_s, timing)) {
      groups.unready.push_back(pod.name);
      continue;
    }
    ++groups.ready_count;
  }
  return groups;
}

ReplicaCalculation ResourceReplicas(int32_t current_replicas, int32_t target_utilization_percent,
                                    const std::string& resource, const Tolerances& tolerances,
                                    const std::vector<PodState>& pods, const PodMetrics& metrics,
                                    double now_s, const ReadinessTiming& timing) {
  if (pods.empty()) return Failure(kNoPods);
  ReplicaCalculation r;
  r.groups = GroupPods(pods, metrics, resource == "cpu", now_s, timing);
  PodMetrics counted = metrics;
  RemoveMetrics(&counted, r.groups.ignored);
  RemoveMetrics(&counted, r.groups.unready);
  if (counted.empty()) return Failure(kNoReadyMetrics);

  std::map<std::string, int64_t> requests;
  for (const PodState& pod : pods) {
    auto it = pod.requests_m.find(resource);
    if (it == pod.requests_m.end()) {
      return Failure(fmt::format("missing request for {} in Pod {}", resource, pod.name));
    }
    requests[pod.name] = it->second;
  }
  const UtilizationRatio first =
      ResourceUtilizationRatio(counted, requests, target_utilization_percent);
  if (!first.ok) return Failure("no metrics returned matched known pods");
  r.usage_ratio = first.ratio;
  r.utilization_percent = first.utilization_percent;
  r.average_value_m = first.raw_average_m;

  // Missing pods count as max(100 %, target) of their request on scale-down.
  const int64_t fallback_percent = std::max<int64_t>(100, target_utilization_percent);
  auto fill_missing = [&](const std::string& name) {
    return requests[name] * fallback_percent / 100;
  };
  auto ratio_of = [&](const PodMetrics& m) {
    return ResourceUtilizationRatio(m, requests, target_utilization_percent).ratio;
  };
  FinishCalculation(current_replicas, tolerances, std::move(counted), fill_missing, ratio_of, &r);
  return r;
}

ReplicaCalculation PlainMetricReplicas(int32_t current_replicas, int64_t target_average_m,
                                       bool is_cpu, const Tolerances& tolerances,
                                       const std::vector<PodState>& pods, const PodMetrics& metrics,
                                       double now_s, const ReadinessTiming& timing) {
  if (pods.empty()) return Failure(kNoPods);
  ReplicaCalculation r;
  r.groups = GroupPods(pods, metrics, is_cpu, now_s, timing);
  PodMetrics counted = metrics;
  RemoveMetrics(&counted, r.groups.ignored);
  RemoveMetrics(&counted, r.groups.unready);
  if (counted.empty()) return Failure(kNoReadyMetrics);

  const auto [ratio, usage] = MetricUsageRatio(counted, target_average_m);
  r.usage_ratio = ratio;
  r.average_value_m = usage;
  auto fill_missing = [&](const std::string&) { return target_average_m; };
  auto ratio_of = [&](const PodMetrics& m) { return MetricUsageRatio(m, target_average_m).first; };
  FinishCalculation(current_replicas, tolerances, std::move(counted), fill_missing, ratio_of, &r);
  return r;
}

ReplicaCalculation TotalValueReplicas(int32_t current_replicas, int64_t usage_m, int64_t target_m,
                                      const Tolerances& tolerances,
                                      const std::vector<PodState>& pods) {
  ReplicaCalculation r;
  r.usage_ratio = static_cast<double>(usage_m) / static_cast<double>(target_m);
  r.average_value_m = usage_m;
  if (current_replicas == 0) {  // scale to zero or n pods depending on the ratio
    r.outcome = ReplicaOutcome::kProportional;
    r.replicas = CeilToInt32(r.usage_ratio);
    return r;
  }
  if (tolerances.IsWithin(r.usage_ratio)) {
    r.outcome = ReplicaOutcome::kWithinTolerance;
    r.replicas = current_replicas;
    return r;
  }
  if (pods.empty()) return Failure(std::string("unable to calculate ready pods: ") + kNoPods);
  int32_t ready = 0;
  for (const PodState& pod : pods) {
    if (pod.phase == PodPhase::kRunning && pod.ready.value_or(false)) ++ready;
  }
  r.groups.ready_count = ready;
  r.pods_counted = ready;
  r.outcome = ReplicaOutcome::kProportional;
  r.replicas = CeilToInt32(r.usage_ratio * ready);
  return r;
}

ReplicaCalculation AverageValueReplicas(int32_t status_replicas, int64_t usage_m,
                                        int64_t target_average_m, const Tolerances& tolerances) {
  ReplicaCalculation r;
  r.replicas = status_replicas;
  r.pods_counted = status_replicas;
  r.usage_ratio = static_cast<double>(usage_m) /
                  (static_cast<double>(target_average_m) * static_cast<double>(status_replicas));
  r.outcome = ReplicaOutcome::kWithinTolerance;
  if (!tolerances.IsWithin(r.usage_ratio)) {
    r.outcome = ReplicaOutcome::kProportional;
    r.replicas = CeilToInt32(static_cast<double>(usage_m) / static_cast<double>(target_average_m));
  }
  if (!std::isfinite(r.usage_ratio)) r.usage_ratio = 0;  // zero replicas: no ratio to report
  r.average_value_m =
      status_replicas == 0
          ? usage_m
          : static_cast<int64_t>(std::ceil(static_cast<double>(usage_m) / status_replicas));
  return r;
}

std::string_view ReplicaOutcomeName(ReplicaOutcome outcome) {
  switch (outcome) {
    case ReplicaOutcome::kWithinTolerance:
      return "within tolerance";
    case ReplicaOutcome::kProportional:
      return "proportional";
    case ReplicaOutcome::kAdjustedWithinTolerance:
      return "within tolerance once missing and unready pods are filled in";
    case ReplicaOutcome::kDirectionFlipped:
      return "filling in missing and unready pods reverses the direction";
    case ReplicaOutcome::kCountFlipped:
      return "the recomputed count moves against the direction";
  }
  return "proportional";
}

}  // namespace headroom::hpa
