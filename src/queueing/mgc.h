#pragma once
// The GI/G/c queue by the Allen–Cunneen approximation (Allen 1990, Probability, Statistics, and
// Queueing Theory, 2nd ed.): the M/M/c mean wait scaled by the variability of arrivals and
// service,
//   Wq ≈ C(c, a) / (cμ − λ) · (ca² + cs²) / 2,
// with ca, cs the coefficients of variation of the inter-arrival and service times (ca = 1 for
// Poisson arrivals: M/G/c). Exact for M/M/c (ca = cs = 1) and for M/G/1 (Pollaczek–Khinchine).
//
// Distributions (an approximation, documented in docs/queueing.md):
//   waiting time: P(W > t) ≈ C e^(−γ t) with γ = C / Wq, i.e. the probability of waiting is
//     Erlang C and the conditional wait is exponential with the Allen–Cunneen conditional mean
//     Wq / C (the heavy-traffic exponential tail, Kingman 1962; Köllerström 1974). Exact for
//     M/M/c.
//   response time: R = W + service, W independent of the service time, the service time taken
//     as Gamma-distributed with mean S and coefficient of variation cs (shape 1/cs²); the
//     convolution is evaluated exactly through incomplete gamma functions. At cs = 1 this is
//     the exact M/M/c response time; at cs = 0 the service time is the constant S (and so for
//     cs < 0.001, where the Gamma p95 differs from the constant's by under 0.2% of S).
// Saturation (a >= c) is reported as in mmc.h: `saturated`, empty means, tails of 1.

#include <cstdint>
#include <optional>

#include "queueing/mmc.h"

namespace headroom::queueing {

struct MgcQueue {
  double arrival_rate_per_s = 0.0;  // λ, REQUIRES >= 0 and finite
  double service_time_s = 0.0;      // mean S, REQUIRES >= 0 and finite
  int64_t servers = 1;              // c, REQUIRES >= 1
  double service_cv = 1.0;          // cs, REQUIRES >= 0 and finite; values above 10^6 count as 10^6
  double arrival_cv = 1.0;          // ca, same; 1 for Poisson arrivals
};

// Means by Allen–Cunneen; probability_of_waiting is Erlang C (0 when ca = cs = 0: a D/D/c queue
// below saturation never waits).
QueueMetrics AnalyseMgc(const MgcQueue& queue);

// P(W > t) ≈ C e^(−γ t). 1 when saturated. REQUIRES: t_s >= 0.
double MgcWaitTail(const MgcQueue& queue, double t_s);

// P(R > t) for Gamma service convolved with the waiting time above. 1 when saturated.
double MgcResponseTail(const MgcQueue& queue, double t_s);

// p-quantiles of the waiting and response times; empty when saturated. REQUIRES: 0 < p < 1.
std::optional<double> MgcWaitPercentile(const MgcQueue& queue, double p);
std::optional<double> MgcResponsePercentile(const MgcQueue& queue, double p);

// The p-quantile of the service time alone (Gamma with mean S and cv cs): the response-time
// quantile that infinitely many servers would give, a floor no staffing can beat.
double ServiceTimePercentile(const MgcQueue& queue, double p);

}  // namespace headroom::queueing
