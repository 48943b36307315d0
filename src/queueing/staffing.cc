#include "queueing/staffing.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numbers>

#include "queueing/erlang.h"

namespace headroom::queueing {
namespace {

constexpr double kMaxBeta = 38.0;
// Searches stop here (2^62 servers): beyond any real estate, and safe from int64 overflow.
constexpr int64_t kMaxServers = int64_t{1} << 62;

// ln(β Φ(β) / φ(β)) for β > 0, without overflow: ln β + ln Φ(β) + β²/2 + ln √(2π).
double LogMillsTerm(double beta) {
  const double phi_cdf = 0.5 * std::erfc(-beta / std::numbers::sqrt2);
  return std::log(beta) + std::log(phi_cdf) + 0.5 * beta * beta +
         0.5 * std::log(2.0 * std::numbers::pi);
}

// The smallest stable server count: ⌊a⌋ + 1, at least 1.
int64_t FirstStable(double a) {
  if (a >= static_cast<double>(kMaxServers)) return kMaxServers;
  return static_cast<int64_t>(std::floor(a)) + 1;
}

// The smallest c in [lo, kMaxServers] with meets(c), for a predicate that is false then true
// as c grows; empty if even kMaxServers fails.
template <typename Predicate>
std::optional<int64_t> SmallestMeeting(int64_t lo, const Predicate& meets) {
  if (meets(lo)) return lo;
  int64_t step = 1;
  int64_t hi = lo;
  while (true) {  // invariant: !meets(lo)
    if (hi >= kMaxServers) return std::nullopt;
    hi = std::min(kMaxServers, lo + step);
    if (meets(hi)) break;
    lo = hi;
    if (step < kMaxServers) step *= 2;  // hi = lo + step is then still below 2^63
  }
  while (hi - lo > 1) {  // invariant: !meets(lo), meets(hi)
    const int64_t mid = lo + (hi - lo) / 2;
    if (meets(mid)) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return hi;
}

double OfferedLoad(const MgcQueue& q) {
  const double a = q.arrival_rate_per_s * q.service_time_s;
  return std::isfinite(a) ? a : std::numeric_limits<double>::max();
}

}  // namespace

double HalfinWhittBeta(double max_probability_of_waiting) {
  assert(max_probability_of_waiting >= 0.0);
  const double alpha = max_probability_of_waiting;
  if (alpha >= 1.0) return 0.0;
  if (alpha <= 0.0) return kMaxBeta;
  // 1 + β Φ(β)/φ(β) = 1/α, i.e. ln(β Φ/φ) = ln(1/α − 1); the left side increases with β.
  const double goal = std::log1p(-alpha) - std::log(alpha);
  double lo = 0.0;
  double hi = kMaxBeta;
  if (LogMillsTerm(hi) <= goal) return kMaxBeta;
  for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (LogMillsTerm(mid) < goal) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return 0.5 * (lo + hi);
}

int64_t SquareRootStaffing(double offered_load_erlangs, double max_probability_of_waiting) {
  assert(offered_load_erlangs >= 0.0 && std::isfinite(offered_load_erlangs));
  const double a = offered_load_erlangs;
  const double c = std::ceil(a + HalfinWhittBeta(max_probability_of_waiting) * std::sqrt(a));
  if (c >= static_cast<double>(kMaxServers)) return kMaxServers;
  return std::max(FirstStable(a), static_cast<int64_t>(c));
}

std::optional<int64_t> MinServersForWaitProbability(double offered_load_erlangs,
                                                    double max_probability_of_waiting) {
  assert(offered_load_erlangs >= 0.0 && std::isfinite(offered_load_erlangs));
  const double a = offered_load_erlangs;
  if (a == 0.0) return 1;
  if (max_probability_of_waiting <= 0.0) return std::nullopt;
  return SmallestMeeting(FirstStable(a),
                         [&](int64_t c) { return ErlangC(c, a) <= max_probability_of_waiting; });
}

std::optional<int64_t> MinServersForMeanWait(const MgcQueue& queue, double max_mean_wait_s) {
  MgcQueue q = queue;
  q.servers = FirstStable(OfferedLoad(queue));
  if (AnalyseMgc(q).mean_wait_s.value_or(1.0) == 0.0) return q.servers;
  if (max_mean_wait_s <= 0.0) return std::nullopt;
  return SmallestMeeting(q.servers, [&](int64_t c) {
    q.servers = c;
    const QueueMetrics m = AnalyseMgc(q);
    return m.mean_wait_s.has_value() && *m.mean_wait_s <= max_mean_wait_s;
  });
}

std::optional<int64_t> MinServersForResponsePercentile(const MgcQueue& queue, double p,
                                                       double max_response_s) {
  assert(p > 0.0 && p < 1.0);
  if (max_response_s <= ServiceTimePercentile(queue, p)) {
    // Still feasible when no arrival ever waits (no load, or no variability at all).
    MgcQueue q = queue;
    q.servers = FirstStable(OfferedLoad(queue));
    const std::optional<double> r = MgcResponsePercentile(q, p);
    if (r.has_value() && *r <= max_response_s) return q.servers;
    return std::nullopt;
  }
  MgcQueue q = queue;
  return SmallestMeeting(FirstStable(OfferedLoad(queue)), [&](int64_t c) {
    q.servers = c;
    const std::optional<double> r = MgcResponsePercentile(q, p);
    return r.has_value() && *r <= max_response_s;
  });
}

}  // namespace headroom::queueing
