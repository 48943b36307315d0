#pragma once
// Turning a metric proposal into the replica count the controller sets: stabilisation over
// recent recommendations, then min/max and the scale rate limits. Ported from kubernetes/
// kubernetes `pkg/controller/podautoscaler/horizontal.go`: stabilizeRecommendation and
// convertDesiredReplicasWithRules (HPAs without `behavior`), stabilizeRecommendationWithBehaviors,
// convertDesiredReplicasWithBehaviorRate, calculateScaleUpLimitWithScalingRules,
// calculateScaleDownLimitWithBehaviors, getReplicasChangePerPeriod, storeScaleEvent and
// markScaleEventsOutdated. Time is explicit (`now_s`) instead of time.Now(); the strict
// Before/After comparisons of the Go code are kept.

#include <cstdint>
#include <string_view>
#include <vector>

#include "sim/hpa/spec.h"

namespace headroom::hpa {

struct TimestampedRecommendation {
  int32_t recommendation = 0;
  double timestamp_s = 0;
};

struct TimestampedScaleEvent {
  int32_t replica_change = 0;  // absolute value, non-negative
  double timestamp_s = 0;
  bool outdated = false;
};

// A replica count and why it is what it is: the reason is upstream's condition reason
// ("DesiredWithinRange", "ScaleUpLimit", "TooManyReplicas", "ScaleDownLimit", "TooFewReplicas",
// "ScaleUpStabilized", "ScaleDownStabilized") and the message its sentence.
struct ReasonedReplicas {
  int32_t replicas = 0;
  std::string_view reason;
  std::string_view message;
};

// The scale-up limit without behavior: max(2 × current, 4) (scaleUpLimitFactor,
// scaleUpLimitMinimum; kubernetes issue #32304).
int32_t CalculateScaleUpLimit(int32_t current_replicas);

// convertDesiredReplicasWithRules: clamps to [min, min(max, scale-up limit)].
ReasonedReplicas ConvertDesiredReplicasWithRules(int32_t current_replicas, int32_t desired_replicas,
                                                 int32_t min_replicas, int32_t max_replicas);

// stabilizeRecommendation (no behavior): the highest of `desired` and the recommendations not
// older than `window_s`; records `desired`, reusing the slot of an expired recommendation.
int32_t StabilizeRecommendation(std::vector<TimestampedRecommendation>* recommendations,
                                int32_t desired_replicas, double window_s, double now_s);

// NormalizationArg with complete rules (GenerateScaleUpRules / GenerateScaleDownRules applied
// and the scale-down window set).
struct NormalizationArg {
  ScalingRules scale_up;
  ScalingRules scale_down;
  int32_t min_replicas = 1;
  int32_t max_replicas = 1;
  int32_t current_replicas = 0;
  int32_t desired_replicas = 0;
};

// stabilizeRecommendationWithBehaviors: the current count brought within [lowest recommendation
// of the scale-up window, highest of the scale-down window] (both windows include `desired`);
// records the unstabilised `desired`.
ReasonedReplicas StabilizeRecommendationWithBehaviors(
    std::vector<TimestampedRecommendation>* recommendations, const NormalizationArg& arg,
    double now_s);

// getReplicasChangePerPeriod: the replicas changed by events newer than `period_s`.
int32_t GetReplicasChangePerPeriod(int32_t period_s,
                                   const std::vector<TimestampedScaleEvent>& events, double now_s);

// The most replicas the scale-up policies allow now (selectPolicy Max: the largest proposal;
// Min: the smallest; Disabled: current). Each policy starts from the count its period began
// with: current − added + removed within the period.
int32_t CalculateScaleUpLimitWithScalingRules(int32_t current_replicas,
                                              const std::vector<TimestampedScaleEvent>& up_events,
                                              const std::vector<TimestampedScaleEvent>& down_events,
                                              const ScalingRules& rules, double now_s);

// The fewest replicas the scale-down policies allow now (Percent proposals truncate).
int32_t CalculateScaleDownLimitWithBehaviors(int32_t current_replicas,
                                             const std::vector<TimestampedScaleEvent>& up_events,
                                             const std::vector<TimestampedScaleEvent>& down_events,
                                             const ScalingRules& rules, double now_s);

// convertDesiredReplicasWithBehaviorRate: clamps to the rate limits and to min/max.
ReasonedReplicas ConvertDesiredReplicasWithBehaviorRate(
    const NormalizationArg& arg, const std::vector<TimestampedScaleEvent>& up_events,
    const std::vector<TimestampedScaleEvent>& down_events, double now_s);

// The longest periodSeconds among the rules' policies (0 when none).
int32_t GetLongestPolicyPeriod(const ScalingRules& rules);

// markScaleEventsOutdated: flags events older than the longest policy period for reuse.
void MarkScaleEventsOutdated(std::vector<TimestampedScaleEvent>* events, int32_t longest_period_s,
                             double now_s);

// storeScaleEvent: records a rescale from `previous` to `next` replicas in the up or down list,
// replacing the last outdated event when there is one. `behavior` is the defaulted behavior;
// without behavior nothing is stored (the events would never be read).
void StoreScaleEvent(const std::optional<Behavior>& behavior,
                     std::vector<TimestampedScaleEvent>* up_events,
                     std::vector<TimestampedScaleEvent>* down_events, int32_t previous_replicas,
                     int32_t next_replicas, double now_s);

}  // namespace headroom::hpa
