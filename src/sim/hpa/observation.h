#pragma once
// What the HPA controller sees at one sync: the scale subresource, the pods its selector lists
// (with the status fields the replica calculator reads) and the metric samples. Times are
// seconds on one explicit clock (any origin); metric values are milli-units, as
// Quantity.MilliValue() gives them (CPU in millicores).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom::hpa {

enum class PodPhase { kPending, kRunning, kSucceeded, kFailed, kUnknown };

// "Pending", "Running", "Succeeded", "Failed", "Unknown".
std::string_view PodPhaseName(PodPhase phase);

// One pod as the controller's pod lister returns it.
struct PodState {
  std::string name;
  PodPhase phase = PodPhase::kRunning;
  bool being_deleted = false;          // metadata.deletionTimestamp is set
  std::optional<bool> ready;           // status of the Ready condition; nullopt: no condition
  double ready_transition_s = 0;       // the Ready condition's lastTransitionTime
  std::optional<double> start_time_s;  // status.startTime; nullopt: not started
  std::map<std::string, int64_t> requests_m;  // resource name → summed container requests
};

// One sample of a per-pod metric (metrics.k8s.io PodMetrics, custom.metrics.k8s.io).
struct PodMetric {
  int64_t value_m = 0;
  double timestamp_s = 0;
  double window_s = 0;  // the sampling window metrics-server reports
};

// Pod name → sample. Pods absent here have a missing metric; names that match no listed pod are
// kept, as upstream keeps them (they count in the replica total, not in the utilisation).
using PodMetrics = std::map<std::string, PodMetric>;

struct Observation {
  double now_s = 0;
  int32_t spec_replicas = 0;               // scale.spec.replicas: the controller's "current"
  std::optional<int32_t> status_replicas;  // scale.status.replicas; spec_replicas when unset
  std::vector<PodState> pods;
  std::map<std::string, PodMetrics> resource_metrics;              // "cpu", "memory" → samples
  std::map<std::string, PodMetrics> pods_metrics;                  // custom metric name → samples
  std::map<std::string, int64_t> object_metrics_m;                 // "Kind/name/metric" → value
  std::map<std::string, std::vector<int64_t>> external_metrics_m;  // metric → values, summed
};

// The key of an Object metric in Observation::object_metrics_m.
std::string ObjectMetricKey(std::string_view described_object, std::string_view metric);

}  // namespace headroom::hpa
