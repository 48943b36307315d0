#pragma once
// The replica count one metric proposes, ported from kubernetes/kubernetes
// `pkg/controller/podautoscaler/replica_calculator.go` (GetResourceReplicas,
// calcPlainMetricReplicas, GetObjectMetricReplicas, GetObjectPerPodMetricReplicas,
// GetExternalMetricReplicas, GetExternalPerPodMetricReplicas, groupPods) and
// `metrics/utilization.go` (GetResourceUtilizationRatio, GetMetricUsageRatio), integer
// truncations included: utilisation is a whole percent, average usage a whole milli-unit.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/hpa/observation.h"

namespace headroom::hpa {

// Scale-up and scale-down tolerances on the usage ratio (replica_calculator.go Tolerances):
// no change while 1 − scale_down ≤ ratio ≤ 1 + scale_up.
struct Tolerances {
  double scale_down = 0.1;
  double scale_up = 0.1;
  [[nodiscard]] bool IsWithin(double usage_ratio) const {
    return 1.0 - scale_down <= usage_ratio && usage_ratio <= 1.0 + scale_up;
  }
};

// kube-controller-manager flags --horizontal-pod-autoscaler-cpu-initialization-period (5 min)
// and --horizontal-pod-autoscaler-initial-readiness-delay (30 s).
struct ReadinessTiming {
  double cpu_initialization_period_s = 300;
  double delay_of_initial_readiness_s = 30;
};

// groupPods: how each listed pod takes part. Ignored (deleting or Failed) and unready pods are
// left out of the first ratio; missing pods have no sample. Names in list order.
struct PodGroups {
  int32_t ready_count = 0;
  std::vector<std::string> unready;
  std::vector<std::string> missing;
  std::vector<std::string> ignored;
};

// For CPU (`is_cpu`), a pod is unready when it has no Ready condition or no start time; inside
// the CPU initialisation period when it is not Ready or its sample was taken less than one
// window after it became Ready; after it, when it is not Ready and has never been Ready (its
// Ready condition changed within the readiness delay of its start). Pending pods are unready
// for every metric.
PodGroups GroupPods(const std::vector<PodState>& pods, const PodMetrics& metrics, bool is_cpu,
                    double now_s, const ReadinessTiming& timing);

// How the proposal came about.
enum class ReplicaOutcome {
  kWithinTolerance,          // the ratio is inside the tolerance: current replicas
  kProportional,             // ceil(ratio × pods counted)
  kAdjustedWithinTolerance,  // with missing/unready pods filled in, inside the tolerance
  kDirectionFlipped,         // filling in missing/unready pods reverses the direction
  kCountFlipped,             // the new count moves against the ratio's direction
};

// The result for one metric. When `failure` is set no count could be computed (upstream returns
// an error) and the other fields are meaningless.
struct ReplicaCalculation {
  std::string failure;
  int32_t replicas = 0;
  ReplicaOutcome outcome = ReplicaOutcome::kWithinTolerance;
  std::optional<int32_t> utilization_percent;  // Resource/Utilization: whole percent of request
  int64_t average_value_m = 0;                 // average usage per counted pod (or per replica)
  double usage_ratio = 0;                      // current / target before any filling in
  std::optional<double> adjusted_usage_ratio;  // after missing (and unready) pods are filled in
  int32_t pods_counted = 0;                    // pods whose samples entered the final ratio
  PodGroups groups;

  [[nodiscard]] bool ok() const { return failure.empty(); }
};

// GetResourceReplicas: target utilisation in percent of the pods' requests for `resource`.
// Missing samples count as max(100 %, target) of their request when the ratio says scale down
// and as 0 when it says scale up; unready pods as 0 on scale-up.
ReplicaCalculation ResourceReplicas(int32_t current_replicas, int32_t target_utilization_percent,
                                    const std::string& resource, const Tolerances& tolerances,
                                    const std::vector<PodState>& pods, const PodMetrics& metrics,
                                    double now_s, const ReadinessTiming& timing);

// calcPlainMetricReplicas (GetRawResourceReplicas, GetMetricReplicas): a target average value
// per pod in milli-units. Missing samples count as the target on scale-down, 0 on scale-up.
ReplicaCalculation PlainMetricReplicas(int32_t current_replicas, int64_t target_average_m,
                                       bool is_cpu, const Tolerances& tolerances,
                                       const std::vector<PodState>& pods, const PodMetrics& metrics,
                                       double now_s, const ReadinessTiming& timing);

// GetObjectMetricReplicas / GetExternalMetricReplicas (getUsageRatioReplicaCount): a target
// total value; the count scales the Running and Ready pods. From zero replicas: ceil(ratio).
ReplicaCalculation TotalValueReplicas(int32_t current_replicas, int64_t usage_m, int64_t target_m,
                                      const Tolerances& tolerances,
                                      const std::vector<PodState>& pods);

// GetObjectPerPodMetricReplicas / GetExternalPerPodMetricReplicas: a target average per
// replica of a total value; ceil(total / target) once outside the tolerance.
ReplicaCalculation AverageValueReplicas(int32_t status_replicas, int64_t usage_m,
                                        int64_t target_average_m, const Tolerances& tolerances);

// "within tolerance", "proportional", ...: for explanations.
std::string_view ReplicaOutcomeName(ReplicaOutcome outcome);

}  // namespace headroom::hpa
