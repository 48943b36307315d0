#include "sizing/odoo_latency.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "queueing/mgc.h"

namespace headroom {
namespace {

constexpr double kMaxDouble = std::numeric_limits<double>::max();
// Reported p95s may round up by this much rather than pay for the exact value.
constexpr double kReportTolerance = 0.005;
// ResponseP95S stops when the quantile is bracketed this closely (relative).
constexpr double kQuantilePrecision = 5e-3;

// Service quantiles of a unit-mean Gamma: the splits, then the p95.
using UnitQuantiles = std::array<double, kSplitShares.size() + 1>;

// ln(0.05 − β) for each split: w(0.95 + β) = m (ln C − ln(0.05 − β)) when positive.
const std::array<double, kSplitShares.size()>& LogWaitShares() {
  static const auto kLogs = [] {
    std::array<double, kSplitShares.size()> logs{};
    for (size_t i = 0; i < kSplitShares.size(); ++i) logs[i] = std::log(0.05 - kSplitShares[i]);
    return logs;
  }();
  return kLogs;
}

UnitQuantiles ComputeUnitQuantiles(double cv) {
  UnitQuantiles q{};
  const queueing::MgcQueue unit{0.0, 1.0, 1, cv, 1.0};
  for (size_t i = 0; i < kSplitShares.size(); ++i) {
    q[i] = queueing::ServiceTimePercentile(unit, 1.0 - kSplitShares[i]);
  }
  q.back() = queueing::ServiceTimePercentile(unit, 0.95);
  return q;
}

// A small direct-mapped cache keyed by the bits of cv.
const UnitQuantiles& UnitQuantilesFor(double cv) {
  struct Entry {
    bool valid = false;
    uint64_t cv_bits = 0;
    UnitQuantiles quantiles{};
  };
  thread_local std::array<Entry, 64> cache{};
  const auto bits = std::bit_cast<uint64_t>(cv);
  Entry& entry = cache[(bits ^ (bits >> 29) ^ (bits >> 47)) % cache.size()];
  if (!entry.valid || entry.cv_bits != bits) {
    entry.quantiles = ComputeUnitQuantiles(cv);
    entry.cv_bits = bits;
    entry.valid = true;
  }
  return entry.quantiles;
}

}  // namespace

ClassTail ClassTailFor(double mean_s, double cv) {
  const UnitQuantiles& unit = UnitQuantilesFor(cv);
  ClassTail tail;
  tail.mean_s = mean_s;
  tail.cv = cv;
  for (size_t i = 0; i < kSplitShares.size(); ++i) {
    tail.service_quantile_s[i] = std::min(unit[i] * mean_s, kMaxDouble);
  }
  tail.service_p95_s = std::min(unit.back() * mean_s, kMaxDouble);
  return tail;
}

namespace {

PoolWait WaitOf(const queueing::MgcQueue& queue) {
  const queueing::QueueMetrics metrics = queueing::AnalyseMgc(queue);
  PoolWait wait;
  wait.workers = queue.servers;
  wait.offered_load = metrics.offered_load_erlangs;
  wait.saturated = metrics.saturated;
  if (wait.saturated) return wait;
  const double mean_wait_s = metrics.mean_wait_s.value_or(0.0);
  if (metrics.probability_of_waiting <= 0 || mean_wait_s <= 0) return wait;
  wait.p_wait = metrics.probability_of_waiting;
  wait.log_p_wait = std::log(wait.p_wait);
  wait.conditional_mean_s = mean_wait_s / wait.p_wait;
  return wait;
}

}  // namespace

PoolWait PoolWaitAt(const WorkerPool& pool, int64_t workers) {
  return WaitOf({pool.rate_per_s, pool.mean_service_s, workers, pool.service_cv, 1.0});
}

PoolWait PodWaitAt(const WorkerPool& pool, int64_t pods, int64_t workers_per_pod) {
  const double share = 1.0 / static_cast<double>(std::max<int64_t>(1, pods));
  return WaitOf({pool.rate_per_s * share, pool.mean_service_s, workers_per_pod, pool.service_cv,
                 std::sqrt(share)});
}

double WaitQuantileS(const PoolWait& wait, double q) {
  if (wait.saturated || wait.p_wait <= 1.0 - q) return 0.0;
  return std::min(kMaxDouble, wait.conditional_mean_s * (wait.log_p_wait - std::log1p(-q)));
}

double ResponseP95LowerS(const ClassTail& tail, const PoolWait& wait) {
  return std::max(tail.service_p95_s, WaitQuantileS(wait, 0.95));
}

double ResponseP95UpperS(const ClassTail& tail, const PoolWait& wait) {
  const auto& log_shares = LogWaitShares();
  double best = kMaxDouble;
  for (size_t i = 0; i < kSplitShares.size(); ++i) {
    const double excess = wait.p_wait > 0 ? wait.log_p_wait - log_shares[i] : 0.0;
    const double wait_s = excess > 0 ? wait.conditional_mean_s * excess : 0.0;
    best = std::min(best, tail.service_quantile_s[i] + wait_s);
  }
  return std::min(best, kMaxDouble);
}

namespace {

// The single-class queue whose response time is the class's (see the header); empty when it
// cannot be formed (a zero or infinitesimal service time).
std::optional<queueing::MgcQueue> EquivalentQueue(const ClassTail& tail, const PoolWait& wait) {
  if (!(tail.mean_s > 0)) return std::nullopt;
  const double gap = static_cast<double>(wait.workers) - wait.offered_load;
  const double ca2 = 2.0 * gap * wait.conditional_mean_s / tail.mean_s - tail.cv * tail.cv;
  const double rate_per_s = wait.offered_load / tail.mean_s;
  if (!std::isfinite(rate_per_s) || !std::isfinite(ca2)) return std::nullopt;
  return queueing::MgcQueue{rate_per_s, tail.mean_s, wait.workers, tail.cv,
                            std::sqrt(std::max(0.0, ca2))};
}

// ln P(R > t) − ln 0.05 for the equivalent queue.
double TailExcess(const queueing::MgcQueue& queue, double t_s) {
  static const double kLogTail = std::log(0.05);
  return std::log(std::max(queueing::MgcResponseTail(queue, t_s), 1e-300)) - kLogTail;
}

}  // namespace

double ResponseP95S(const ClassTail& tail, const PoolWait& wait) {
  if (wait.p_wait == 0) return tail.service_p95_s;  // nobody waits
  double lo = ResponseP95LowerS(tail, wait);
  double hi = ResponseP95UpperS(tail, wait);
  const std::optional<queueing::MgcQueue> queue = EquivalentQueue(tail, wait);
  if (!queue.has_value()) return tail.mean_s > 0 ? hi : lo;  // R = W when S_c = 0
  if (hi <= lo * (1 + kQuantilePrecision)) return hi;
  // False position (Illinois) on ln P(R > t) between the bounds: f(lo) >= 0 >= f(hi). When
  // rounding breaks that, the quantile is at that end (and the upper bound is always safe).
  double f_lo = TailExcess(*queue, lo);
  double f_hi = TailExcess(*queue, hi);
  if (f_lo <= 0) return lo;
  if (f_hi >= 0) return hi;
  int side = 0;
  for (int i = 0; i < 60 && hi - lo > kQuantilePrecision * hi; ++i) {
    double t = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
    if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
    const double f = TailExcess(*queue, t);
    // |f| <= ε: P(R > t) is within a relative ε of 5%, and t within a relative ε / (t |f'|) of
    // the quantile, which is below ε for the exponential-like tails here (t |f'| >= 1).
    if (std::abs(f) <= kQuantilePrecision) return t;
    if (f > 0) {
      lo = t;
      f_lo = f;
      if (side == -1) f_hi *= 0.5;
      side = -1;
    } else {
      hi = t;
      f_hi = f;
      if (side == 1) f_lo *= 0.5;
      side = 1;
    }
  }
  return hi;
}

bool MeetsP95(const ClassTail& tail, const PoolWait& wait, double limit_s) {
  if (wait.saturated) return false;
  if (ResponseP95UpperS(tail, wait) <= limit_s) return true;
  if (ResponseP95LowerS(tail, wait) > limit_s) return false;
  if (!(tail.mean_s > 0)) return true;  // R = W: the lower bound is the p95
  const std::optional<queueing::MgcQueue> queue = EquivalentQueue(tail, wait);
  if (!queue.has_value()) return false;  // between the bounds and nothing finer: not shown met
  return queueing::MgcResponseTail(*queue, limit_s) <= 0.05;
}

bool MeetsP95OrAlmostNoWait(const ClassTail& tail, const PoolWait& wait, double limit_s) {
  if (wait.saturated) return false;
  return wait.p_wait < kAlmostNoWait || MeetsP95(tail, wait, limit_s);
}

std::optional<double> PredictP95S(const ClassTail& tail, const PoolWait& wait) {
  if (wait.saturated) return std::nullopt;
  const double upper = ResponseP95UpperS(tail, wait);
  if (upper <= ResponseP95LowerS(tail, wait) * (1 + kReportTolerance)) return upper;
  return ResponseP95S(tail, wait);
}

}  // namespace headroom
