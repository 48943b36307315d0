#pragma once
// The HorizontalPodAutoscaler spec of autoscaling/v2, as a plain model: what the API server
// stores after defaulting. Mirrors kubernetes/kubernetes `staging/src/k8s.io/api/autoscaling/v2/
// types.go` (HorizontalPodAutoscalerSpec, MetricSpec, HPAScalingRules) and the defaulting of
// `pkg/apis/autoscaling/v2/defaults.go`. Metric values are milli-units (Quantity.MilliValue()):
// 500m CPU is 500, "2" requests per second is 2000.
//
// Only estate/hpa_reader.cc builds one from YAML; the controller (hpa/controller.h) reads it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom::hpa {

enum class MetricSourceType { kResource, kPods, kObject, kExternal };
enum class MetricTargetType { kUtilization, kAverageValue, kValue };

struct MetricTarget {
  MetricTargetType type = MetricTargetType::kUtilization;
  int32_t average_utilization_percent = 0;  // kUtilization: percent of the pods' requests
  int64_t value_m = 0;                      // kAverageValue / kValue, milli-units
};

// One entry of spec.metrics. `name` is the resource name ("cpu", "memory") for kResource and the
// metric name otherwise; `described_object` ("Kind/name") only for kObject.
struct MetricSpec {
  MetricSourceType type = MetricSourceType::kResource;
  std::string name = "cpu";
  std::string described_object;
  MetricTarget target;
};

enum class ScalingPolicyType { kPods, kPercent };

struct ScalingPolicy {
  ScalingPolicyType type = ScalingPolicyType::kPods;
  int32_t value = 0;
  int32_t period_s = 0;
};

enum class SelectPolicy { kMax, kMin, kDisabled };

// HPAScalingRules. After defaulting (ApplyDefaults) select_policy and policies are set;
// stabilization_window_s may stay unset for scale-down, where the controller substitutes its
// --horizontal-pod-autoscaler-downscale-stabilization (300 s), as upstream does; tolerance unset
// means the cluster-wide tolerance (0.1).
struct ScalingRules {
  std::optional<int32_t> stabilization_window_s;
  std::optional<SelectPolicy> select_policy;
  std::optional<std::vector<ScalingPolicy>> policies;
  std::optional<double> tolerance;
};

struct Behavior {
  std::optional<ScalingRules> scale_up;
  std::optional<ScalingRules> scale_down;
};

struct ScaleTargetRef {
  std::string api_version;
  std::string kind;
  std::string name;
};

struct HpaSpec {
  std::string name;
  std::string namespace_name;
  ScaleTargetRef target;
  std::optional<int32_t> min_replicas;  // defaulted to 1
  int32_t max_replicas = 1;
  std::vector<MetricSpec> metrics;  // defaulted to CPU at 80% utilisation when empty
  // Set only when the manifest has `behavior`: without it the controller uses the older rules
  // (scale-up limit max(2 × current, 4), downscale stabilisation only), as upstream does.
  std::optional<Behavior> behavior;
};

// Upstream constants (pkg/apis/autoscaling/v2/defaults.go, pkg/apis/autoscaling/types.go,
// pkg/apis/autoscaling/validation/validation.go).
inline constexpr int32_t kDefaultCpuUtilizationPercent = 80;
inline constexpr int32_t kDefaultScaleUpPercent = 100;
inline constexpr int32_t kDefaultScaleUpPods = 4;
inline constexpr int32_t kDefaultScaleUpPeriodS = 15;
inline constexpr int32_t kDefaultScaleDownPercent = 100;
inline constexpr int32_t kDefaultScaleDownPeriodS = 15;
inline constexpr int32_t kMaxPeriodSeconds = 1800;
inline constexpr int32_t kMaxStabilizationWindowSeconds = 3600;

// SetDefaults_HorizontalPodAutoscaler: minReplicas 1, metrics CPU 80 %, and when behavior is
// present every unset field of scaleUp and scaleDown from the defaults (copyHPAScalingRules:
// a given `policies` list replaces the default list whole).
void ApplyDefaults(HpaSpec* spec);

// GenerateHPAScaleUpRules / GenerateHPAScaleDownRules: `given` with its unset fields filled.
ScalingRules GenerateScaleUpRules(const std::optional<ScalingRules>& given);
ScalingRules GenerateScaleDownRules(const std::optional<ScalingRules>& given);

// "Resource", "Pods", "Object", "External"; "Utilization", ...; "Pods"/"Percent"; "Max", ...
std::string_view MetricSourceTypeName(MetricSourceType type);
std::string_view MetricTargetTypeName(MetricTargetType type);
std::string_view ScalingPolicyTypeName(ScalingPolicyType type);
std::string_view SelectPolicyName(SelectPolicy policy);

// "cpu resource utilization (percentage of request)", "pods metric http_requests", ... as
// upstream names the metric in its events.
std::string DescribeMetric(const MetricSpec& metric);

}  // namespace headroom::hpa
