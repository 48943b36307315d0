#include "sim/hpa/scaling_rules.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::hpa {
namespace {

// int32 bounds held as int64, to clamp sums of replica counts before narrowing.
constexpr int64_t kMinInt32Wide = std::numeric_limits<int32_t>::min();
constexpr int64_t kMaxInt32Wide = std::numeric_limits<int32_t>::max();

int32_t ClampToInt32(int64_t value) {
  return static_cast<int32_t>(std::clamp(value, kMinInt32Wide, kMaxInt32Wide));
}

constexpr std::string_view kWithinRange = "DesiredWithinRange";
constexpr std::string_view kWithinRangeMessage = "the desired count is within the acceptable range";
constexpr std::string_view kScaleUpLimit = "ScaleUpLimit";
constexpr std::string_view kScaleUpLimitMessage =
    "the desired replica count is increasing faster than the maximum scale rate";
constexpr std::string_view kTooMany = "TooManyReplicas";
constexpr std::string_view kTooManyMessage =
    "the desired replica count is more than the maximum replica count";
constexpr std::string_view kScaleDownLimit = "ScaleDownLimit";
constexpr std::string_view kScaleDownLimitMessage =
    "the desired replica count is decreasing faster than the maximum scale rate";
constexpr std::string_view kTooFew = "TooFewReplicas";
constexpr std::string_view kTooFewMessage =
    "the desired replica count is less than the minimum replica count";

// The count at the start of a policy period: events inside it are undone.
int64_t PeriodStartReplicas(int32_t current, const ScalingPolicy& policy,
                            const std::vector<TimestampedScaleEvent>& up_events,
                            const std::vector<TimestampedScaleEvent>& down_events, double now_s) {
  const int32_t added = GetReplicasChangePerPeriod(policy.period_s, up_events, now_s);
  const int32_t removed = GetReplicasChangePerPeriod(policy.period_s, down_events, now_s);
  return int64_t{current} - added + removed;
}

// Replaces the last outdated event with a new one, or appends it.
void RecordEvent(std::vector<TimestampedScaleEvent>* events, int32_t longest_period_s,
                 int32_t change, double now_s) {
  MarkScaleEventsOutdated(events, longest_period_s, now_s);
  const TimestampedScaleEvent event{change, now_s, false};
  for (size_t i = events->size(); i-- > 0;) {
    if ((*events)[i].outdated) {
      (*events)[i] = event;
      return;
    }
  }
  events->push_back(event);
}

}  // namespace

int32_t CalculateScaleUpLimit(int32_t current_replicas) {
  return ClampToInt32(std::max<int64_t>(2 * int64_t{current_replicas}, 4));
}

ReasonedReplicas ConvertDesiredReplicasWithRules(int32_t current_replicas, int32_t desired_replicas,
                                                 int32_t min_replicas, int32_t max_replicas) {
  const int32_t scale_up_limit = CalculateScaleUpLimit(current_replicas);
  ReasonedReplicas limit{max_replicas, kTooMany, kTooManyMessage};
  if (max_replicas > scale_up_limit) limit = {scale_up_limit, kScaleUpLimit, kScaleUpLimitMessage};
  if (desired_replicas < min_replicas) return {min_replicas, kTooFew, kTooFewMessage};
  if (desired_replicas > limit.replicas) return limit;
  return {desired_replicas, kWithinRange, kWithinRangeMessage};
}

int32_t StabilizeRecommendation(std::vector<TimestampedRecommendation>* recommendations,
                                int32_t desired_replicas, double window_s, double now_s) {
  int32_t max_recommendation = desired_replicas;
  bool found_old_sample = false;
  size_t old_sample_index = 0;
  const double cutoff = now_s - window_s;
  for (size_t i = 0; i < recommendations->size(); ++i) {
    const TimestampedRecommendation& rec = (*recommendations)[i];
    if (rec.timestamp_s < cutoff) {
      found_old_sample = true;
      old_sample_index = i;
    } else if (rec.recommendation > max_recommendation) {
      max_recommendation = rec.recommendation;
    }
  }
  const TimestampedRecommendation now_rec{desired_replicas, now_s};
  if (found_old_sample) {
    (*recommendations)[old_sample_index] = now_rec;
  } else {
    recommendations->push_back(now_rec);
  }
  return max_recommendation;
}

ReasonedReplicas StabilizeRecommendationWithBehaviors(
    std::vector<TimestampedRecommendation>* recommendations, const NormalizationArg& arg,
    double now_s) {
  const double up_cutoff = now_s - arg.scale_up.stabilization_window_s.value_or(0);
  const double down_cutoff = now_s - arg.scale_down.stabilization_window_s.value_or(0);
  int32_t up_recommendation = arg.desired_replicas;
  int32_t down_recommendation = arg.desired_replicas;
  bool found_old_sample = false;
  size_t old_sample_index = 0;
  for (size_t i = 0; i < recommendations->size(); ++i) {
    const TimestampedRecommendation& rec = (*recommendations)[i];
    if (rec.timestamp_s > up_cutoff) {
      up_recommendation = std::min(rec.recommendation, up_recommendation);
    }
    if (rec.timestamp_s > down_cutoff) {
      down_recommendation = std::max(rec.recommendation, down_recommendation);
    }
    if (rec.timestamp_s < up_cutoff && rec.timestamp_s < down_cutoff) {
      found_old_sample = true;
      old_sample_index = i;
    }
  }
  // Bring the current count within the limits: it moves only as far as every recommendation
  // of the window agrees.
  int32_t recommendation = arg.current_replicas;
  recommendation = std::max(recommendation, up_recommendation);
  recommendation = std::min(recommendation, down_recommendation);

  const TimestampedRecommendation now_rec{arg.desired_replicas, now_s};
  if (found_old_sample) {
    (*recommendations)[old_sample_index] = now_rec;
  } else {
    recommendations->push_back(now_rec);
  }
  if (arg.desired_replicas >= arg.current_replicas) {
    return {recommendation, "ScaleUpStabilized",
            "recent recommendations were lower than current one, applying the lowest recent "
            "recommendation"};
  }
  return {recommendation, "ScaleDownStabilized",
          "recent recommendations were higher than current one, applying the highest recent "
          "recommendation"};
}

int32_t GetReplicasChangePerPeriod(int32_t period_s,
                                   const std::vector<TimestampedScaleEvent>& events, double now_s) {
  const double cutoff = now_s - period_s;
  int64_t replicas = 0;
  for (const TimestampedScaleEvent& event : events) {
    if (event.timestamp_s > cutoff) replicas += event.replica_change;
  }
  return ClampToInt32(replicas);
}

int32_t CalculateScaleUpLimitWithScalingRules(int32_t current_replicas,
                                              const std::vector<TimestampedScaleEvent>& up_events,
                                              const std::vector<TimestampedScaleEvent>& down_events,
                                              const ScalingRules& rules, double now_s) {
  const SelectPolicy select = rules.select_policy.value_or(SelectPolicy::kMax);
  if (select == SelectPolicy::kDisabled) return current_replicas;  // scaling is disabled
  // For scaling up, the smallest change ('Min') is the lowest count.
  const bool pick_min = select == SelectPolicy::kMin;
  int64_t result = pick_min ? kMaxInt32Wide : kMinInt32Wide;
  for (const ScalingPolicy& policy : rules.policies.value_or(std::vector<ScalingPolicy>{})) {
    const int64_t start =
        PeriodStartReplicas(current_replicas, policy, up_events, down_events, now_s);
    int64_t proposed = 0;
    if (policy.type == ScalingPolicyType::kPods) {
      proposed = start + policy.value;
    } else {
      // Rounded up, or a small percentage of a few pods would never add one.
      proposed = static_cast<int64_t>(
          std::ceil(static_cast<double>(start) * (1 + static_cast<double>(policy.value) / 100)));
    }
    result = pick_min ? std::min(result, proposed) : std::max(result, proposed);
  }
  return ClampToInt32(result);
}

int32_t CalculateScaleDownLimitWithBehaviors(int32_t current_replicas,
                                             const std::vector<TimestampedScaleEvent>& up_events,
                                             const std::vector<TimestampedScaleEvent>& down_events,
                                             const ScalingRules& rules, double now_s) {
  const SelectPolicy select = rules.select_policy.value_or(SelectPolicy::kMax);
  if (select == SelectPolicy::kDisabled) return current_replicas;  // scaling is disabled
  // For scaling down, the smallest change ('Min') is the highest count.
  const bool pick_max = select == SelectPolicy::kMin;
  int64_t result = pick_max ? kMinInt32Wide : kMaxInt32Wide;
  for (const ScalingPolicy& policy : rules.policies.value_or(std::vector<ScalingPolicy>{})) {
    const int64_t start =
        PeriodStartReplicas(current_replicas, policy, up_events, down_events, now_s);
    int64_t proposed = 0;
    if (policy.type == ScalingPolicyType::kPods) {
      proposed = start - policy.value;
    } else {
      proposed = static_cast<int64_t>(  // truncated, as Go's int32(float64) conversion does
          static_cast<double>(start) * (1 - static_cast<double>(policy.value) / 100));
    }
    result = pick_max ? std::max(result, proposed) : std::min(result, proposed);
  }
  return ClampToInt32(result);
}

ReasonedReplicas ConvertDesiredReplicasWithBehaviorRate(
    const NormalizationArg& arg, const std::vector<TimestampedScaleEvent>& up_events,
    const std::vector<TimestampedScaleEvent>& down_events, double now_s) {
  if (arg.desired_replicas > arg.current_replicas) {
    int32_t scale_up_limit = CalculateScaleUpLimitWithScalingRules(
        arg.current_replicas, up_events, down_events, arg.scale_up, now_s);
    // Never below the current count: no further scale-up until old events expire.
    scale_up_limit = std::max(scale_up_limit, arg.current_replicas);
    ReasonedReplicas limit{arg.max_replicas, kTooMany, kTooManyMessage};
    if (arg.max_replicas > scale_up_limit) {
      limit = {scale_up_limit, kScaleUpLimit, kScaleUpLimitMessage};
    }
    if (arg.desired_replicas > limit.replicas) return limit;
  } else if (arg.desired_replicas < arg.current_replicas) {
    int32_t scale_down_limit = CalculateScaleDownLimitWithBehaviors(
        arg.current_replicas, up_events, down_events, arg.scale_down, now_s);
    scale_down_limit = std::min(scale_down_limit, arg.current_replicas);
    ReasonedReplicas limit{arg.min_replicas, kTooFew, kTooFewMessage};
    if (arg.min_replicas < scale_down_limit) {
      limit = {scale_down_limit, kScaleDownLimit, kScaleDownLimitMessage};
    }
    if (arg.desired_replicas < limit.replicas) return limit;
  }
  return {arg.desired_replicas, kWithinRange, kWithinRangeMessage};
}

int32_t GetLongestPolicyPeriod(const ScalingRules& rules) {
  int32_t longest = 0;
  for (const ScalingPolicy& policy : rules.policies.value_or(std::vector<ScalingPolicy>{})) {
    longest = std::max(longest, policy.period_s);
  }
  return longest;
}

void MarkScaleEventsOutdated(std::vector<TimestampedScaleEvent>* events, int32_t longest_period_s,
                             double now_s) {
  const double cutoff = now_s - longest_period_s;
  for (TimestampedScaleEvent& event : *events) {
    if (event.timestamp_s < cutoff) event.outdated = true;
  }
}

void StoreScaleEvent(const std::optional<Behavior>& behavior,
                     std::vector<TimestampedScaleEvent>* up_events,
                     std::vector<TimestampedScaleEvent>* down_events, int32_t previous_replicas,
                     int32_t next_replicas, double now_s) {
  if (!behavior) return;  // no event is stored: nothing would read it
  if (next_replicas > previous_replicas) {
    const int32_t longest = GetLongestPolicyPeriod(GenerateScaleUpRules(behavior->scale_up));
    RecordEvent(up_events, longest, next_replicas - previous_replicas, now_s);
  } else {
    const int32_t longest = GetLongestPolicyPeriod(GenerateScaleDownRules(behavior->scale_down));
    RecordEvent(down_events, longest, previous_replicas - next_replicas, now_s);
  }
}

}  // namespace headroom::hpa
