#pragma once
// A short window standing for a longer span of the same traffic.
//
// The peak window simulates the start of its hour (SimulationSettings::window_s, and at most
// max_window_requests): the autoscaler's catch-up from minReplicas, then a steady stretch. The
// rates are constant over the hour, so the rest of it repeats the steady stretch. Taken as they
// come, the window's requests over-weigh the catch-up by the hour over the window (twelve times
// for a 300 s window), and a catch-up of 45 s (a sync, then a pod's start) is 15% of the
// requests, enough to move a p95 that over the hour it would not. Here the requests that arrived
// once the Deployment last had every pod it asked for (`steady_from_s`) each stand for
// (span − steady_from) / (window − steady_from) requests of the hour; the ones before stand for
// themselves. With no steady stretch (the catch-up lasted the whole window) nothing is
// weighted: the window is all the evidence there is.

#include <utility>
#include <vector>

#include "sim/stack/stack_result.h"

namespace headroom::sim {

// (arrival time, response time) of an answered request, seconds.
using TimedResponse = std::pair<double, double>;

// The weight of a request that arrived in the steady stretch; 1 when there is none, or when the
// span is not longer than the window.
double SteadyWeight(double steady_from_s, double window_s, double span_s);

// Mean, p50, p95 and p99 (ms) of the responses with the steady stretch weighted as above; the
// counts, timeouts, failures and max of `unweighted` are kept. `responses` in any order.
LatencySummary WeighedOverSpan(const std::vector<TimedResponse>& responses, double steady_from_s,
                               double window_s, double span_s, const LatencySummary& unweighted);

}  // namespace headroom::sim
