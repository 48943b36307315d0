#include "sim/hpa/controller.h"

#include <fmt/format.h>

#include <limits>
#include <utility>

namespace headroom::hpa {
namespace {

ReplicaCalculation Failed(std::string message) {
  ReplicaCalculation r;
  r.failure = std::move(message);
  return r;
}

// The sum of an external metric's values, capped at the int64 maximum as upstream does.
int64_t SaturatingSum(const std::vector<int64_t>& values) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  int64_t sum = 0;
  for (int64_t v : values) {
    if (v > 0 && sum > kMax - v) return kMax;
    sum += v;
  }
  return sum;
}

}  // namespace

Controller::Controller(HpaSpec spec, ControllerConfig config)
    : spec_(std::move(spec)), config_(config) {}

void Controller::SetRecommendations(std::vector<TimestampedRecommendation> recommendations) {
  recommendations_ = std::move(recommendations);
  has_recommendations_ = true;
}

Tolerances Controller::tolerances() const {
  Tolerances t{config_.tolerance, config_.tolerance};
  if (!spec_.behavior) return t;
  const Behavior& b = *spec_.behavior;
  if (b.scale_up && b.scale_up->tolerance) t.scale_up = *b.scale_up->tolerance;
  if (b.scale_down && b.scale_down->tolerance) t.scale_down = *b.scale_down->tolerance;
  return t;
}

MetricResult Controller::ComputeMetric(const MetricSpec& metric,
                                       const Observation& observation) const {
  MetricResult out{DescribeMetric(metric), {}};
  const ReadinessTiming timing{config_.cpu_initialization_period_s,
                               config_.delay_of_initial_readiness_s};
  const int32_t spec_replicas = observation.spec_replicas;
  const int32_t status_replicas = observation.status_replicas.value_or(spec_replicas);
  const MetricTarget& target = metric.target;
  switch (metric.type) {
    case MetricSourceType::kResource: {
      auto it = observation.resource_metrics.find(metric.name);
      if (it == observation.resource_metrics.end() || it->second.empty()) {
        out.calculation = Failed(fmt::format(
            "unable to get metrics for resource {}: no metrics returned from resource metrics API",
            metric.name));
      } else if (target.type == MetricTargetType::kUtilization) {
        out.calculation =
            ResourceReplicas(spec_replicas, target.average_utilization_percent, metric.name,
                             tolerances(), observation.pods, it->second, observation.now_s, timing);
      } else {
        out.calculation =
            PlainMetricReplicas(spec_replicas, target.value_m, metric.name == "cpu", tolerances(),
                                observation.pods, it->second, observation.now_s, timing);
      }
      break;
    }
    case MetricSourceType::kPods: {
      auto it = observation.pods_metrics.find(metric.name);
      if (it == observation.pods_metrics.end() || it->second.empty()) {
        out.calculation =
            Failed(fmt::format("unable to get metric {}: no metrics returned from "
                               "custom metrics API",
                               metric.name));
      } else {
        out.calculation =
            PlainMetricReplicas(spec_replicas, target.value_m, false, tolerances(),
                                observation.pods, it->second, observation.now_s, timing);
      }
      break;
    }
    case MetricSourceType::kObject: {
      auto it =
          observation.object_metrics_m.find(ObjectMetricKey(metric.described_object, metric.name));
      if (it == observation.object_metrics_m.end()) {
        out.calculation = Failed(
            fmt::format("unable to get metric {} on {}", metric.name, metric.described_object));
      } else if (target.type == MetricTargetType::kValue) {
        out.calculation = TotalValueReplicas(spec_replicas, it->second, target.value_m,
                                             tolerances(), observation.pods);
      } else {
        out.calculation =
            AverageValueReplicas(status_replicas, it->second, target.value_m, tolerances());
      }
      break;
    }
    case MetricSourceType::kExternal: {
      auto it = observation.external_metrics_m.find(metric.name);
      if (it == observation.external_metrics_m.end()) {
        out.calculation = Failed(fmt::format("unable to get external metric {}", metric.name));
      } else if (target.type == MetricTargetType::kValue) {
        out.calculation = TotalValueReplicas(spec_replicas, SaturatingSum(it->second),
                                             target.value_m, tolerances(), observation.pods);
      } else {
        out.calculation = AverageValueReplicas(status_replicas, SaturatingSum(it->second),
                                               target.value_m, tolerances());
      }
      break;
    }
  }
  return out;
}

// computeReplicasForMetrics: the largest valid proposal wins. When every metric failed, or some
// failed and the valid ones would scale down, the HPA does nothing (it must not scale down on
// partial information).
void Controller::ComputeReplicasForMetrics(const Observation& observation,
                                           Decision* decision) const {
  int32_t replicas = 0;
  bool any_valid = false;
  int invalid = 0;
  std::string first_failure;
  for (const MetricSpec& metric : spec_.metrics) {
    MetricResult result = ComputeMetric(metric, observation);
    if (!result.calculation.ok()) {
      if (invalid == 0) first_failure = result.metric + ": " + result.calculation.failure;
      ++invalid;
    } else if (replicas == 0 || result.calculation.replicas > replicas) {
      replicas = result.calculation.replicas;
      decision->metric = result.metric;
      any_valid = true;
    }
    decision->metrics.push_back(std::move(result));
  }
  const auto count = static_cast<int>(spec_.metrics.size());
  if (invalid >= count || (invalid > 0 && replicas < observation.spec_replicas)) {
    decision->failure = fmt::format("invalid metrics ({} invalid out of {}), first error is: {}",
                                    invalid, count, first_failure);
    decision->scaling_active_reason = "FailedGetMetric";
    decision->metric.clear();
    return;
  }
  if (any_valid) decision->metric_replicas = replicas;
  decision->scaling_active_reason = "ValidMetricFound";
}

int32_t Controller::Normalize(int32_t current, int32_t desired, double now_s, Decision* decision) {
  const int32_t min_replicas = spec_.min_replicas.value_or(1);
  if (!spec_.behavior) {
    // normalizeDesiredReplicas: downscale stabilisation, then min/max and max(2×current, 4).
    const int32_t stabilized = StabilizeRecommendation(
        &recommendations_, desired, config_.downscale_stabilization_window_s, now_s);
    decision->stabilized_replicas = stabilized;
    decision->able_to_scale_reason =
        stabilized != desired ? "ScaleDownStabilized" : "ReadyForNewScale";
    const ReasonedReplicas r =
        ConvertDesiredReplicasWithRules(current, stabilized, min_replicas, spec_.max_replicas);
    decision->scaling_limited_reason = r.reason;
    decision->scaling_limited_message = r.message;
    return r.replicas;
  }
  // normalizeDesiredReplicasWithBehaviors; maybeInitScaleDownStabilizationWindow gives an unset
  // scale-down window the controller's.
  NormalizationArg arg;
  arg.scale_up = GenerateScaleUpRules(spec_.behavior->scale_up);
  arg.scale_down = GenerateScaleDownRules(spec_.behavior->scale_down);
  if (!arg.scale_down.stabilization_window_s) {
    arg.scale_down.stabilization_window_s =
        static_cast<int32_t>(config_.downscale_stabilization_window_s);
  }
  arg.min_replicas = min_replicas;
  arg.max_replicas = spec_.max_replicas;
  arg.current_replicas = current;
  arg.desired_replicas = desired;
  const ReasonedReplicas stabilized =
      StabilizeRecommendationWithBehaviors(&recommendations_, arg, now_s);
  decision->stabilized_replicas = stabilized.replicas;
  decision->able_to_scale_reason =
      stabilized.replicas != desired ? stabilized.reason : "ReadyForNewScale";
  arg.desired_replicas = stabilized.replicas;
  const ReasonedReplicas r =
      ConvertDesiredReplicasWithBehaviorRate(arg, scale_up_events_, scale_down_events_, now_s);
  decision->scaling_limited_reason = r.reason;
  decision->scaling_limited_message = r.message;
  return r.replicas;
}

Decision Controller::Sync(const Observation& observation) {
  Decision d;
  d.time_s = observation.now_s;
  const int32_t current = observation.spec_replicas;
  d.current_replicas = current;
  if (!has_recommendations_) {  // recordInitialRecommendation
    recommendations_.push_back({current, observation.now_s});
    has_recommendations_ = true;
  }
  const int32_t min_replicas = spec_.min_replicas.value_or(1);
  int32_t desired = 0;
  bool rescale = true;
  if (current == 0 && min_replicas != 0) {
    rescale = false;  // autoscaling is disabled for this resource
    d.scaling_active_reason = "ScalingDisabled";
  } else if (current > spec_.max_replicas) {
    d.rescale_reason = "Current number of replicas above Spec.MaxReplicas";
    desired = spec_.max_replicas;
  } else if (current < min_replicas) {
    d.rescale_reason = "Current number of replicas below Spec.MinReplicas";
    desired = min_replicas;
  } else {
    ComputeReplicasForMetrics(observation, &d);
    if (!d.failure.empty()) {
      d.desired_replicas = current;
      return d;
    }
    std::string rescale_metric;
    if (d.metric_replicas.value_or(0) > desired) {
      desired = *d.metric_replicas;
      rescale_metric = d.metric;
    }
    if (desired > current) d.rescale_reason = rescale_metric + " above target";
    if (desired < current) d.rescale_reason = "All metrics below target";
    desired = Normalize(current, desired, observation.now_s, &d);
    rescale = desired != current;
  }
  if (rescale) {
    StoreScaleEvent(spec_.behavior, &scale_up_events_, &scale_down_events_, current, desired,
                    observation.now_s);
  } else {
    desired = current;
  }
  d.rescale = rescale;
  d.desired_replicas = desired;
  return d;
}

}  // namespace headroom::hpa
