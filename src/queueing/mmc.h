#pragma once
// The M/M/c queue: Poisson arrivals, c identical servers, exponential service times, FCFS
// (Erlang 1917; Kleinrock 1975, Queueing Systems Vol. 1; Gross & Harris, Fundamentals of
// Queueing Theory). Exact formulas, with a = λ S, C = ErlangC(c, a) and γ = (c − a) / S:
//   mean wait          Wq = C / (cμ − λ) = C S / (c − a)
//   waiting time       P(W > t) = C e^(−γ t)
//   response time      R = W + service, a mixture: with probability 1 − C an Exp(1/S), with
//                      probability C the sum of Exp(γ) and Exp(1/S) (hypoexponential), so
//                      P(R > t) = e^(−t/S) + C (e^(−γt) − e^(−t/S)) / (1 − γS),
//                      which at γ = 1/S (c − a = 1) is e^(−t/S) (1 + C t / S).
// A saturated queue (a >= c) has no steady state: `saturated` is set, the waiting metrics are
// empty (std::nullopt), the probability of waiting is 1 and the tails are 1. No function here
// returns NaN or infinity for finite, non-negative inputs.

#include <cstdint>
#include <optional>

namespace headroom::queueing {

struct MmcQueue {
  double arrival_rate_per_s = 0.0;  // λ, REQUIRES >= 0 and finite
  double service_time_s = 0.0;      // mean service time S = 1/μ, REQUIRES >= 0 and finite
  int64_t servers = 1;              // c, REQUIRES >= 1
};

// Steady-state means of a multi-server queue (M/M/c here, M/G/c in mgc.h).
struct QueueMetrics {
  // a = λ S in erlangs, capped at the largest finite double.
  double offered_load_erlangs = 0.0;
  // ρ = a / c; >= 1 means saturated.
  double utilisation = 0.0;
  bool saturated = false;
  // Probability that an arrival waits (Erlang C); 1 when saturated.
  double probability_of_waiting = 0.0;
  // Means, empty when saturated.
  std::optional<double> mean_wait_s;            // Wq
  std::optional<double> mean_response_s;        // R = Wq + S
  std::optional<double> mean_queue_length;      // Lq = λ Wq (Little)
  std::optional<double> mean_number_in_system;  // L = λ R (Little)
};

QueueMetrics AnalyseMmc(const MmcQueue& queue);

// P(W > t), the probability of waiting longer than t_s. 1 when saturated. REQUIRES: t_s >= 0.
double MmcWaitTail(const MmcQueue& queue, double t_s);

// P(R > t), the probability that waiting plus service exceeds t_s. 1 when saturated.
double MmcResponseTail(const MmcQueue& queue, double t_s);

// The p-quantile of the waiting time, S ln(C / (1 − p)) / (c − a), or 0 when C <= 1 − p.
// Empty when saturated. REQUIRES: 0 < p < 1.
std::optional<double> MmcWaitPercentile(const MmcQueue& queue, double p);

// The p-quantile of the response time, solving P(R > t) = 1 − p (tail_quantile.h) to a relative
// 1e-13. Empty when saturated. REQUIRES: 0 < p < 1.
std::optional<double> MmcResponsePercentile(const MmcQueue& queue, double p);

}  // namespace headroom::queueing
