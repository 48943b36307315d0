#include "queueing/mgc.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>

#include "queueing/erlang.h"
#include "queueing/incomplete_gamma.h"
#include "queueing/tail_quantile.h"

namespace headroom::queueing {
namespace {

constexpr double kSumEpsilon = std::numeric_limits<double>::epsilon();
// Bounds the sums below; with the shape capped (kMinGammaCv) they need O(√(1/cs²)) <= ~30 000.
constexpr int64_t kMaxSumTerms = 10'000'000;
// Below this service cv the service time is taken as constant: a Gamma shape 1/cs² above 10^6
// would cost O(10^3) terms per evaluation, and its p95 differs from the constant's by under
// 0.2% of S.
constexpr double kMinGammaCv = 1e-3;
// Coefficients of variation above this are taken as equal to it, so that cv² and the
// Allen–Cunneen factor stay finite (a variance 10^12 times the squared mean is already absurd).
constexpr double kMaxCv = 1e6;

// Everything the tails need, with times in units of the mean service time S, so that no
// product with S overflows; results go back to seconds at the end (capped at the largest double).
struct Model {
  bool saturated = false;
  double a = 0.0;          // offered load
  double gap = 0.0;        // c − a
  double p_wait = 0.0;     // probability of waiting
  double wait_rate = 0.0;  // γ S, rate of the conditional exponential wait; 0 if nobody waits
  double service_s = 0.0;  // S
  double shape = 0.0;      // k = 1 / cs² (0 means a constant service time)
  double scale = 0.0;      // θ / S = cs²
};

Model ModelOf(const MgcQueue& q) {
  assert(q.arrival_rate_per_s >= 0.0 && q.service_time_s >= 0.0 && q.servers >= 1);
  assert(q.service_cv >= 0.0 && q.arrival_cv >= 0.0);
  Model m;
  const double a = q.arrival_rate_per_s * q.service_time_s;
  m.a = std::isfinite(a) ? a : std::numeric_limits<double>::max();
  m.gap = static_cast<double>(q.servers) - m.a;
  m.saturated = m.gap <= 0.0;
  m.service_s = q.service_time_s;
  const double cs = std::min(q.service_cv, kMaxCv);
  const double ca = std::min(q.arrival_cv, kMaxCv);
  const double cs2 = cs * cs;
  if (cs >= kMinGammaCv) {
    m.shape = 1.0 / cs2;
    m.scale = cs2;
  }
  if (m.saturated) {
    m.p_wait = 1.0;
    return m;
  }
  // Allen–Cunneen: conditional mean wait Wq / C = S (ca² + cs²) / (2 (c − a)).
  const double variability = 0.5 * (ca * ca + cs2);
  if (variability == 0.0 || q.service_time_s == 0.0) return m;  // nobody waits
  m.p_wait = ErlangC(q.servers, m.a);
  m.wait_rate = m.gap / variability;
  return m;
}

// Mean wait in units of S.
double MeanWait(const Model& m) { return m.p_wait > 0.0 ? m.p_wait / m.wait_rate : 0.0; }

// F(k, z) = ∫₀¹ (1 − w)^(k−1) e^(−z w) dw for z >= 0 (= M(1, k + 1, −z) / k, DLMF 13.4.1).
double KummerIntegral(double k, double z) {
  if (z == 0.0) return 1.0 / k;
  if (z >= 40.0 && z >= 2.0 * (k + 1.0)) {
    // Watson's lemma: F ~ (1/z) Σ_j (1 − k)_j / z^j; the neglected part is O(e^−z).
    double term = 1.0;
    double sum = 1.0;
    double previous = 1.0;
    for (int j = 0; j < 500; ++j) {
      term *= (j + 1.0 - k) / z;
      if (std::abs(term) > previous) break;  // asymptotic series turning
      sum += term;
      if (std::abs(term) <= kSumEpsilon * std::abs(sum)) break;
      previous = std::abs(term);
    }
    return sum / z;
  }
  // F = e^−z Σ_n z^n / (n! (k + n)): Poisson(z) weights of 1 / (k + n), summed outward from the
  // mode so that nothing overflows and only O(√z) terms are needed.
  const double mode = std::floor(z);
  const double p_mode = GammaDensity(mode + 1.0, z);
  double sum = p_mode / (k + mode);
  double p = p_mode;
  for (int64_t i = 1; i < kMaxSumTerms && p > 0.0; ++i) {
    const double n = mode + static_cast<double>(i);
    p *= z / n;
    const double term = p / (k + n);
    sum += term;
    if (term <= 0.5 * kSumEpsilon * sum) break;
  }
  p = p_mode;
  for (int64_t i = 0; i < kMaxSumTerms && p > 0.0; ++i) {
    const double n = mode - static_cast<double>(i);
    if (n < 1.0) break;
    p *= n / z;
    sum += p / (k + n - 1.0);
    // The weights 1/(k + n) left below are at most 1/k.
    if (p / k <= 0.5 * kSumEpsilon * sum) break;
  }
  return sum;
}

// Σ_{n≥0} y^n / (k (k+1) … (k+n)) = F(k, −y) for 0 <= y < k (DLMF 8.7.1 scaled).
double TiltedSeries(double k, double y) {
  double term = 1.0 / k;
  double sum = term;
  for (int64_t n = 1; n < kMaxSumTerms; ++n) {
    const double ratio = y / (k + static_cast<double>(n));
    term *= ratio;
    sum += term;
    if (term * ratio <= 0.5 * kSumEpsilon * sum * (1.0 - ratio)) break;
  }
  return sum;
}

// J(t) = ∫₀ᵗ f_S(s) e^(−γ (t − s)) ds, the part of P(W' + S > t) beyond P(S > t) for an
// exponential wait W' of rate γ and Gamma(k, θ) service. In units u = t/θ, g = γθ:
// J = u^k e^−u / Γ(k) · F(k, (g − 1) u); when g < 1 and (1 − g) u >= k this equals
// e^(−g u) (1 − g)^−k P(k, (1 − g) u), the tilted-gamma form, used there because F grows like
// e^((1−g)u).
double ConvolutionTerm(const Model& m, double u) {
  const double k = m.shape;
  const double g = m.wait_rate * m.scale;
  const double z = (g - 1.0) * u;
  if (z >= 0.0) return u * GammaDensity(k, u) * KummerIntegral(k, z);
  const double y = -z;
  if (y < k) return u * GammaDensity(k, u) * TiltedSeries(k, y);
  return std::exp(-g * u - k * std::log1p(-g)) * RegularisedGammaP(k, y);
}

// P(R > x S) and its density, x in units of S.
TailPoint ResponsePoint(const Model& m, double x) {
  const double u = x / m.scale;
  if (!std::isfinite(u)) return {};
  const double convolution = m.p_wait > 0.0 ? ConvolutionTerm(m, u) : 0.0;
  TailPoint point;
  point.survival = std::min(1.0, RegularisedGammaQ(m.shape, u) + m.p_wait * convolution);
  // f_R = (1 − Pw) f_S + Pw γ J, since d/dt P(W' + S > t) = −γ J(t).
  const double service_density = u > 0.0 ? GammaDensity(m.shape, u) / m.scale : 0.0;
  point.density = (1.0 - m.p_wait) * service_density + m.p_wait * m.wait_rate * convolution;
  return point;
}

// The p-quantile of the wait in units of S.
std::optional<double> WaitPercentile(const Model& m, double p) {
  if (m.saturated) return std::nullopt;
  if (m.p_wait <= 1.0 - p) return 0.0;
  return std::log(m.p_wait / (1.0 - p)) / m.wait_rate;
}

}  // namespace

QueueMetrics AnalyseMgc(const MgcQueue& queue) {
  const Model m = ModelOf(queue);
  QueueMetrics metrics;
  metrics.offered_load_erlangs = m.a;
  metrics.utilisation = m.a / static_cast<double>(queue.servers);
  metrics.saturated = m.saturated;
  metrics.probability_of_waiting = m.p_wait;
  if (m.saturated) return metrics;
  const double wait_s = CappedSeconds(MeanWait(m) * queue.service_time_s);
  const double response_s = CappedSeconds(wait_s + queue.service_time_s);
  metrics.mean_wait_s = wait_s;
  metrics.mean_response_s = response_s;
  metrics.mean_queue_length = CappedSeconds(queue.arrival_rate_per_s * wait_s);
  metrics.mean_number_in_system = CappedSeconds(queue.arrival_rate_per_s * response_s);
  return metrics;
}

double MgcWaitTail(const MgcQueue& queue, double t_s) {
  assert(t_s >= 0.0);
  const Model m = ModelOf(queue);
  if (m.saturated) return 1.0;
  if (m.p_wait == 0.0) return 0.0;
  return m.p_wait * std::exp(-m.wait_rate * (t_s / m.service_s));
}

double MgcResponseTail(const MgcQueue& queue, double t_s) {
  assert(t_s >= 0.0);
  const Model m = ModelOf(queue);
  if (m.saturated) return 1.0;
  if (m.service_s == 0.0) return 0.0;
  const double x = t_s / m.service_s;
  if (m.shape == 0.0) {  // constant service: R = S + W
    if (x < 1.0) return 1.0;
    return m.p_wait == 0.0 ? 0.0 : m.p_wait * std::exp(-m.wait_rate * (x - 1.0));
  }
  return ResponsePoint(m, x).survival;
}

std::optional<double> MgcWaitPercentile(const MgcQueue& queue, double p) {
  assert(p > 0.0 && p < 1.0);
  const Model m = ModelOf(queue);
  const std::optional<double> x = WaitPercentile(m, p);
  if (!x.has_value()) return std::nullopt;
  return CappedSeconds(*x * m.service_s);
}

std::optional<double> MgcResponsePercentile(const MgcQueue& queue, double p) {
  assert(p > 0.0 && p < 1.0);
  const Model m = ModelOf(queue);
  if (m.saturated) return std::nullopt;
  if (m.service_s == 0.0) return 0.0;
  if (m.shape == 0.0) return CappedSeconds(m.service_s * (1.0 + *WaitPercentile(m, p)));
  const double x =
      TailQuantile([&](double t) { return ResponsePoint(m, t); }, p, 1.0 + MeanWait(m));
  return CappedSeconds(x * m.service_s);
}

double ServiceTimePercentile(const MgcQueue& queue, double p) {
  assert(p > 0.0 && p < 1.0);
  MgcQueue alone = queue;
  alone.arrival_rate_per_s = 0.0;
  alone.servers = 1;
  return MgcResponsePercentile(alone, p).value_or(0.0);
}

}  // namespace headroom::queueing
