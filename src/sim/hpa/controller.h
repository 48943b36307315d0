#pragma once
// The HPA controller's decision at one sync, driven by explicit observations: a port of
// reconcileAutoscaler, computeReplicasForMetrics and normalizeDesiredReplicas(WithBehaviors)
// from kubernetes/kubernetes `pkg/controller/podautoscaler/horizontal.go`. It keeps, per HPA,
// what upstream keeps in memory: the recent unstabilised recommendations and the scale-up and
// scale-down events the rate limits read.
//
//   Controller hpa(spec, ControllerConfig{});
//   for (const Observation& o : syncs) { Decision d = hpa.Sync(o); ... d.desired_replicas ... }

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/hpa/observation.h"
#include "sim/hpa/replica_calculator.h"
#include "sim/hpa/scaling_rules.h"
#include "sim/hpa/spec.h"

namespace headroom::hpa {

// kube-controller-manager flags (pkg/controller/podautoscaler/config/v1alpha1/defaults.go).
struct ControllerConfig {
  double tolerance = 0.1;                         // --horizontal-pod-autoscaler-tolerance
  double cpu_initialization_period_s = 300;       // ...-cpu-initialization-period
  double delay_of_initial_readiness_s = 30;       // ...-initial-readiness-delay
  double downscale_stabilization_window_s = 300;  // ...-downscale-stabilization
  double sync_period_s = 15;                      // --horizontal-pod-autoscaler-sync-period
};

// One metric's proposal.
struct MetricResult {
  std::string metric;  // DescribeMetric()
  ReplicaCalculation calculation;
};

struct Decision {
  double time_s = 0;
  int32_t current_replicas = 0;  // scale.spec.replicas when the sync began
  int32_t desired_replicas = 0;  // what the scale is set to (current when nothing changes)
  bool rescale = false;
  std::vector<MetricResult> metrics;
  // The largest valid proposal and its metric; unset when the metrics were not consulted
  // (replicas outside [min, max], scaling disabled) or none could be computed.
  std::optional<int32_t> metric_replicas;
  std::string metric;
  // Set when the metrics gave no usable answer: all failed, or some failed and the valid ones
  // would scale down. Nothing changes then.
  std::string failure;
  std::optional<int32_t> stabilized_replicas;  // after the stabilisation window
  std::string able_to_scale_reason;            // ReadyForNewScale, ScaleUpStabilized, ...
  std::string scaling_active_reason;           // ValidMetricFound, ScalingDisabled, FailedGet...
  std::string scaling_limited_reason;  // DesiredWithinRange, ScaleUpLimit, TooManyReplicas...
  std::string scaling_limited_message;
  std::string rescale_reason;  // upstream's event text, e.g. "All metrics below target"
};

class Controller {
 public:
  // REQUIRES: `spec` has had ApplyDefaults(); max_replicas ≥ min_replicas.
  Controller(HpaSpec spec, ControllerConfig config);

  // One reconcile: reads the observation, returns the decision and updates the history.
  Decision Sync(const Observation& observation);

  // Replaces the recommendation history (e.g. recommendations known from a snapshot). Once set,
  // even empty, the first sync does not record the current count as a recommendation.
  void SetRecommendations(std::vector<TimestampedRecommendation> recommendations);

  [[nodiscard]] const std::vector<TimestampedRecommendation>& recommendations() const {
    return recommendations_;
  }
  [[nodiscard]] const std::vector<TimestampedScaleEvent>& scale_up_events() const {
    return scale_up_events_;
  }
  [[nodiscard]] const std::vector<TimestampedScaleEvent>& scale_down_events() const {
    return scale_down_events_;
  }
  [[nodiscard]] const HpaSpec& spec() const { return spec_; }
  [[nodiscard]] const ControllerConfig& config() const { return config_; }

  // The tolerances this HPA uses: behavior.scaleUp/scaleDown.tolerance or the controller's.
  [[nodiscard]] Tolerances tolerances() const;

 private:
  MetricResult ComputeMetric(const MetricSpec& metric, const Observation& observation) const;
  void ComputeReplicasForMetrics(const Observation& observation, Decision* decision) const;
  int32_t Normalize(int32_t current, int32_t desired, double now_s, Decision* decision);

  HpaSpec spec_;
  ControllerConfig config_;
  bool has_recommendations_ = false;
  std::vector<TimestampedRecommendation> recommendations_;
  std::vector<TimestampedScaleEvent> scale_up_events_;
  std::vector<TimestampedScaleEvent> scale_down_events_;
};

}  // namespace headroom::hpa
