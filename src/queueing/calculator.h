#pragma once
// The queue calculator behind `headroom queue`: one multi-server queue with Poisson arrivals,
// analysed as M/M/c when the service-time cv is 1 and as M/G/c by Allen–Cunneen otherwise
// (mmc.h, mgc.h); given either a server count, or a p95 response-time target for which it finds
// the smallest server count (staffing.h).

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"

namespace headroom::queueing {

struct QueueQuery {
  double arrival_rate_per_s = 0.0;  // >= 0, finite
  double service_time_s = 0.0;      // mean, > 0, finite
  double service_cv = 1.0;          // >= 0, finite
  // Exactly one of the two:
  std::optional<int64_t> servers;               // >= 1
  std::optional<double> target_p95_response_s;  // > 0, finite
};

struct QueueReport {
  std::string model;  // "M/M/c" or "M/G/c (Allen-Cunneen)"
  double arrival_rate_per_s = 0.0;
  double service_time_s = 0.0;
  double service_cv = 1.0;
  std::optional<double> target_p95_response_s;
  // False when the target is at or below the service time's own p95, which no number of
  // servers beats; the fields after offered_load_erlangs are then left at their defaults.
  bool target_reachable = true;
  double service_p95_s = 0.0;  // p95 of the service time alone
  double offered_load_erlangs = 0.0;
  int64_t servers = 0;  // as given, or the smallest count meeting the target
  double utilisation = 0.0;
  bool saturated = false;
  double probability_of_waiting = 0.0;
  // Empty when saturated or unreachable.
  std::optional<double> mean_wait_s, p95_wait_s, p99_wait_s;
  std::optional<double> mean_response_s, p95_response_s, p99_response_s;
};

// Validates the query (every error at once, kInvalid naming the field) and analyses it.
// Saturation and an unreachable target are outcomes in the report, not errors.
Result<QueueReport> Analyse(const QueueQuery& query);

}  // namespace headroom::queueing
