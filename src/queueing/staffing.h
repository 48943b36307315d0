#pragma once
// How many servers a load needs.
//
// Square-root staffing (Halfin & Whitt 1981, "Heavy-traffic limits for queues with many
// exponential servers", Operations Research 29(3)): c = a + β √a, where β solves
//   α = [1 + β Φ(β) / φ(β)]^−1
// for a target probability of waiting α (the Halfin–Whitt limit of Erlang C as a → ∞ with
// (c − a) / √a = β fixed). An approximation, good to a server or two for a >= 10.
//
// Exact staffing: the smallest c with a stable queue (c > a) meeting a target, found by a
// doubling search followed by bisection over c, using that P(wait), the mean wait and every
// waiting- and response-time quantile decrease as c grows. About 2 log2(c) evaluations.

#include <cstdint>
#include <optional>

#include "queueing/mgc.h"

namespace headroom::queueing {

// β for a target probability of waiting α. 0 for α >= 1; capped at 38 (α below ~1e-300).
// REQUIRES: α >= 0.
double HalfinWhittBeta(double max_probability_of_waiting);

// ⌈a + β √a⌉, at least ⌊a⌋ + 1 (the smallest stable count) and at least 1.
// REQUIRES: offered_load_erlangs >= 0 and finite, α >= 0.
int64_t SquareRootStaffing(double offered_load_erlangs, double max_probability_of_waiting);

// The smallest c >= 1 with c > a and ErlangC(c, a) <= α. Empty when no finite c meets it
// (α <= 0 with a > 0). REQUIRES: offered_load_erlangs >= 0 and finite.
std::optional<int64_t> MinServersForWaitProbability(double offered_load_erlangs,
                                                    double max_probability_of_waiting);

// The smallest c (queue.servers is ignored) whose Allen–Cunneen mean wait is <= the target
// (exact M/M/c when both cvs are 1). Empty when no c meets it (target <= 0 with waiting).
std::optional<int64_t> MinServersForMeanWait(const MgcQueue& queue, double max_mean_wait_s);

// The smallest c whose p-quantile of response time (mgc.h) is <= the target. Empty when the
// target is at or below the service time's own p-quantile, which no number of servers beats.
// REQUIRES: 0 < p < 1.
std::optional<int64_t> MinServersForResponsePercentile(const MgcQueue& queue, double p,
                                                       double max_response_s);

}  // namespace headroom::queueing
