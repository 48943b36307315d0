#include "sim/hpa/explain.h"

#include <fmt/format.h>

namespace headroom::hpa {
namespace {

std::string Names(const std::vector<std::string>& names) {
  constexpr size_t kShown = 8;
  std::string out;
  for (size_t i = 0; i < names.size() && i < kShown; ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  if (names.size() > kShown) out += fmt::format(" and {} more", names.size() - kShown);
  return out;
}

void ExplainGroups(const PodGroups& g, std::vector<std::string>* lines) {
  lines->push_back(fmt::format("{} pod(s) counted with their samples", g.ready_count));
  if (!g.ignored.empty()) {
    lines->push_back(fmt::format("{} pod(s) dropped (failed or being deleted): {}",
                                 g.ignored.size(), Names(g.ignored)));
  }
  if (!g.unready.empty()) {
    lines->push_back(fmt::format(
        "{} pod(s) set aside as unready (Pending, not Ready, or inside the CPU initialisation "
        "period without a full sample since Ready): {}",
        g.unready.size(), Names(g.unready)));
  }
  if (!g.missing.empty()) {
    lines->push_back(
        fmt::format("{} pod(s) without a sample: {}", g.missing.size(), Names(g.missing)));
  }
}

void ExplainCalculation(const MetricResult& m, const Tolerances& t, int32_t current,
                        std::vector<std::string>* lines) {
  const ReplicaCalculation& c = m.calculation;
  if (!c.ok()) {
    lines->push_back(fmt::format("{}: no count: {}", m.metric, c.failure));
    return;
  }
  ExplainGroups(c.groups, lines);
  if (c.utilization_percent) {
    lines->push_back(
        fmt::format("{}: {} % of requests (average {}m per pod), ratio to target {:.3f}", m.metric,
                    *c.utilization_percent, c.average_value_m, c.usage_ratio));
  } else {
    lines->push_back(fmt::format("{}: average {}m, ratio to target {:.3f}", m.metric,
                                 c.average_value_m, c.usage_ratio));
  }
  const std::string band = fmt::format("[{:.3f}, {:.3f}]", 1.0 - t.scale_down, 1.0 + t.scale_up);
  if (c.adjusted_usage_ratio) {
    std::string filled = "missing and unready pods counted at 0 %";
    if (c.usage_ratio < 1.0) {
      filled = c.utilization_percent ? "missing pods counted at max(100 %, target) of their request"
                                     : "missing pods counted at the target value";
    }
    lines->push_back(fmt::format("{}: adjusted ratio {:.3f} over {} pods", filled,
                                 *c.adjusted_usage_ratio, c.pods_counted));
  }
  const double ratio = c.adjusted_usage_ratio.value_or(c.usage_ratio);
  switch (c.outcome) {
    case ReplicaOutcome::kWithinTolerance:
    case ReplicaOutcome::kAdjustedWithinTolerance:
      lines->push_back(fmt::format("ratio {:.3f} is inside the tolerance band {}: keep {}", ratio,
                                   band, current));
      break;
    case ReplicaOutcome::kDirectionFlipped:
      lines->push_back(
          fmt::format("filling in reverses the direction ({:.3f} then {:.3f}): keep {}",
                      c.usage_ratio, ratio, current));
      break;
    case ReplicaOutcome::kCountFlipped:
      lines->push_back(
          fmt::format("ceil({:.3f} × {}) would move against the ratio's direction: keep {}", ratio,
                      c.pods_counted, current));
      break;
    case ReplicaOutcome::kProportional:
      lines->push_back(
          fmt::format("ceil({:.3f} × {} pods) = {}", ratio, c.pods_counted, c.replicas));
      break;
  }
}

}  // namespace

std::vector<std::string> ExplainDecision(const Decision& d, const Tolerances& tolerances,
                                         int32_t min_replicas, int32_t max_replicas) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format("current replicas {}, allowed {} to {}", d.current_replicas,
                              min_replicas, max_replicas));
  if (d.scaling_active_reason == "ScalingDisabled") {
    lines.emplace_back("the target has 0 replicas: autoscaling is disabled until it has some");
    return lines;
  }
  if (d.metrics.empty() && d.rescale) {
    lines.push_back(d.rescale_reason +
                    fmt::format(": set to {} without reading the metrics", d.desired_replicas));
    return lines;
  }
  for (const MetricResult& m : d.metrics)
    ExplainCalculation(m, tolerances, d.current_replicas, &lines);
  if (!d.failure.empty()) {
    lines.push_back(d.failure + fmt::format("; nothing changes: keep {}", d.current_replicas));
    return lines;
  }
  if (d.metrics.size() > 1 && d.metric_replicas) {
    lines.push_back(
        fmt::format("the largest proposal wins: {} from {}", *d.metric_replicas, d.metric));
  }
  if (d.stabilized_replicas && d.metric_replicas && *d.stabilized_replicas != *d.metric_replicas) {
    lines.push_back(fmt::format("stabilisation window ({}): {}", d.able_to_scale_reason,
                                *d.stabilized_replicas));
  }
  if (d.scaling_limited_reason != "DesiredWithinRange") {
    lines.push_back(fmt::format("{}: {}", d.scaling_limited_reason, d.scaling_limited_message));
  }
  lines.push_back(d.rescale ? fmt::format("scale from {} to {} ({})", d.current_replicas,
                                          d.desired_replicas, d.rescale_reason)
                            : fmt::format("no change: {} replicas", d.desired_replicas));
  return lines;
}

}  // namespace headroom::hpa
