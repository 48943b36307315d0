#pragma once
// The p95 response time of one request class served by the shared HTTP worker pool.
//
// A request of class c waits W, the pool's wait, then holds a worker for its own service time
// S_c, independent of W. The queueing library's model of W (mgc.h, Allen–Cunneen): with
// probability 1 − C no wait, otherwise an exponential wait of mean m = Wq / C. S_c is Gamma
// with mean S_c and cv cv_c. The p95 of W + S_c is found three ways, cheapest first:
//
//  - bounds: max(p95(W), p95(S_c)) <= p95(W + S_c) (both are non-negative), and the union
//    bound P(W + S > x + y) <= P(W > x) + P(S > y) gives
//      p95(W + S_c) <= min over β of w(0.95 + β) + s_c(1 − β)
//    over the splits β in kSplitShares (w, s_c the quantiles of W and S_c);
//  - exact (for the model): the library's M/G/c response time (mgc.h) IS the distribution of
//    W + S for a wait with probability ErlangC(c, a) and conditional mean S (ca² + cs²) / (2 (c −
//    a)). The queue with the pool's c and offered load a, the class's S_c and cv_c, and
//      ca² = 2 (c − a) m / S_c − cv_c²
//    has the pool's C and m, so its p95 response time is the class's. When that ca² would be
//    negative (a class much longer and more variable than the pool's average:
//    cv_c² > (1 + cs²) S̄ / S_c), ca = 0 gives a conditional wait longer than m: an upper bound
//    (within about 1% of a Monte Carlo estimate for a report class, docs/sizing-odoo.md).
//
// The plain sum p95(W) + p95(S_c) is not a bound: when fewer than 5% of requests wait,
// p95(W) = 0 and the sum is the service p95 alone, whatever the waits of the few who wait
// (docs/sizing-odoo.md: an interactive class in a pool with reports, 9% under the exact p95).

#include <array>
#include <cstdint>
#include <optional>

#include "sizing/odoo_pool.h"

namespace headroom {

// β: the share of the 5% tail the union bound gives to the service time; 0.05 − β goes to the
// wait.
inline constexpr std::array<double, 8> kSplitShares = {0.001, 0.0025, 0.005, 0.01,
                                                       0.02,  0.03,   0.04,  0.0499};

// A class's service time and its quantiles, in seconds.
struct ClassTail {
  double mean_s = 0;
  double cv = 1;
  double service_p95_s = 0;  // the floor: no number of workers gives a lower p95
  std::array<double, kSplitShares.size()> service_quantile_s{};  // s_c(1 − β) per split
};

// REQUIRES: mean_s >= 0 and cv >= 0, finite. Quantiles of a unit-mean Gamma are computed once
// per cv and thread (queueing::ServiceTimePercentile costs microseconds for cv != 1) and scaled
// by mean_s; the cache only saves time: the values are the same.
ClassTail ClassTailFor(double mean_s, double cv);

// The pool's wait at a given number of workers.
struct PoolWait {
  int64_t workers = 1;
  bool saturated = false;         // offered load >= workers
  double offered_load = 0;        // a
  double p_wait = 0;              // C
  double log_p_wait = 0;          // ln C (when C > 0)
  double conditional_mean_s = 0;  // m = Wq / C
};

// REQUIRES: workers >= 1.
PoolWait PoolWaitAt(const WorkerPool& pool, int64_t workers);

// The wait at one of `pods` pods of `workers_per_pod` workers each. Traefik sends requests round
// robin over the ready pods and each pod queues its own for its own workers (Odoo's listen
// backlog): a pod is its own queue, with every pods-th arrival of the merged Poisson stream
// (Erlang interarrival times, ca² = 1 / pods) and the pool's service mixture. With few workers
// per pod and long requests among short ones this waits much longer than the pooled M/G/c of
// all workers, which lets a request take any idle worker. REQUIRES: pods >= 1 and
// workers_per_pod >= 1.
PoolWait PodWaitAt(const WorkerPool& pool, int64_t pods, int64_t workers_per_pod);

// The q-quantile of the wait, m ln(C / (1 − q)), or 0 when C <= 1 − q; 0 when saturated.
// REQUIRES: 0 < q < 1.
double WaitQuantileS(const PoolWait& wait, double q);

// The bounds above, seconds. REQUIRES: !wait.saturated.
double ResponseP95LowerS(const ClassTail& tail, const PoolWait& wait);
double ResponseP95UpperS(const ClassTail& tail, const PoolWait& wait);
// The p95 for the model, seconds, to a relative 1e-4 (rounded up), between the two bounds:
// false position on the equivalent queue's response tail (queueing::MgcResponseTail), which
// needs a handful of tail evaluations where the library's percentile, solved to 1e-13, needs
// more. The upper bound where no equivalent queue exists. REQUIRES: !wait.saturated.
double ResponseP95S(const ClassTail& tail, const PoolWait& wait);

// p95 <= limit_s: the bounds when they decide, else P(R > limit_s) <= 0.05 for the equivalent
// queue (one tail evaluation). False when saturated.
bool MeetsP95(const ClassTail& tail, const PoolWait& wait, double limit_s);

// The most a p95 limit asks of the workers: that fewer than this share of requests wait. A target
// at or below the class's own service p95 is met by no number of workers, and one just above it
// by ever more of them; once fewer than 1% of the requests wait, more workers barely move any
// p95. So a class asks for no more than that, its workers stay finite, and a tighter target never
// asks for fewer workers than a looser one.
inline constexpr double kAlmostNoWait = 0.01;

// MeetsP95, or fewer than kAlmostNoWait of the requests wait. False when saturated.
bool MeetsP95OrAlmostNoWait(const ClassTail& tail, const PoolWait& wait, double limit_s);

// The p95 to report: the upper bound when it is within 0.5% of the lower one, else
// ResponseP95S. Empty when saturated.
std::optional<double> PredictP95S(const ClassTail& tail, const PoolWait& wait);

}  // namespace headroom
