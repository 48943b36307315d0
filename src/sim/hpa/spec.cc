#include "sim/hpa/spec.h"

#include <fmt/format.h>

namespace headroom::hpa {
namespace {

// defaultHPAScaleUpRules: no stabilisation; +4 pods or +100 % per 15 s, whichever is more.
ScalingRules DefaultScaleUpRules() {
  ScalingRules rules;
  rules.stabilization_window_s = 0;
  rules.select_policy = SelectPolicy::kMax;
  rules.policies = std::vector<ScalingPolicy>{
      {ScalingPolicyType::kPods, kDefaultScaleUpPods, kDefaultScaleUpPeriodS},
      {ScalingPolicyType::kPercent, kDefaultScaleUpPercent, kDefaultScaleUpPeriodS}};
  return rules;
}

// defaultHPAScaleDownRules: -100 % per 15 s; the window is left to the controller flag.
ScalingRules DefaultScaleDownRules() {
  ScalingRules rules;
  rules.select_policy = SelectPolicy::kMax;
  rules.policies = std::vector<ScalingPolicy>{
      {ScalingPolicyType::kPercent, kDefaultScaleDownPercent, kDefaultScaleDownPeriodS}};
  return rules;
}

// copyHPAScalingRules: every field set in `from` replaces the one in `to`.
ScalingRules CopyScalingRules(const std::optional<ScalingRules>& from, ScalingRules to) {
  if (!from) return to;
  if (from->select_policy) to.select_policy = from->select_policy;
  if (from->stabilization_window_s) to.stabilization_window_s = from->stabilization_window_s;
  if (from->policies) to.policies = from->policies;
  if (from->tolerance) to.tolerance = from->tolerance;
  return to;
}

}  // namespace

ScalingRules GenerateScaleUpRules(const std::optional<ScalingRules>& given) {
  return CopyScalingRules(given, DefaultScaleUpRules());
}

ScalingRules GenerateScaleDownRules(const std::optional<ScalingRules>& given) {
  return CopyScalingRules(given, DefaultScaleDownRules());
}

void ApplyDefaults(HpaSpec* spec) {
  if (!spec->min_replicas) spec->min_replicas = 1;
  if (spec->metrics.empty()) {
    MetricSpec cpu;
    cpu.type = MetricSourceType::kResource;
    cpu.name = "cpu";
    cpu.target.type = MetricTargetType::kUtilization;
    cpu.target.average_utilization_percent = kDefaultCpuUtilizationPercent;
    spec->metrics.push_back(cpu);
  }
  if (spec->behavior) {
    spec->behavior->scale_up = GenerateScaleUpRules(spec->behavior->scale_up);
    spec->behavior->scale_down = GenerateScaleDownRules(spec->behavior->scale_down);
  }
}

std::string_view MetricSourceTypeName(MetricSourceType type) {
  switch (type) {
    case MetricSourceType::kResource:
      return "Resource";
    case MetricSourceType::kPods:
      return "Pods";
    case MetricSourceType::kObject:
      return "Object";
    case MetricSourceType::kExternal:
      return "External";
  }
  return "Resource";
}

std::string_view MetricTargetTypeName(MetricTargetType type) {
  switch (type) {
    case MetricTargetType::kUtilization:
      return "Utilization";
    case MetricTargetType::kAverageValue:
      return "AverageValue";
    case MetricTargetType::kValue:
      return "Value";
  }
  return "Utilization";
}

std::string_view ScalingPolicyTypeName(ScalingPolicyType type) {
  return type == ScalingPolicyType::kPods ? "Pods" : "Percent";
}

std::string_view SelectPolicyName(SelectPolicy policy) {
  switch (policy) {
    case SelectPolicy::kMax:
      return "Max";
    case SelectPolicy::kMin:
      return "Min";
    case SelectPolicy::kDisabled:
      return "Disabled";
  }
  return "Max";
}

std::string DescribeMetric(const MetricSpec& metric) {
  switch (metric.type) {
    case MetricSourceType::kResource:
      if (metric.target.type == MetricTargetType::kUtilization) {
        return fmt::format("{} resource utilization (percentage of request)", metric.name);
      }
      return fmt::format("{} resource", metric.name);
    case MetricSourceType::kPods:
      return fmt::format("pods metric {}", metric.name);
    case MetricSourceType::kObject:
      return fmt::format("{} metric {}", metric.described_object, metric.name);
    case MetricSourceType::kExternal:
      return fmt::format("external metric {}", metric.name);
  }
  return metric.name;
}

}  // namespace headroom::hpa
