#include "queueing/mmc.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "queueing/erlang.h"
#include "queueing/tail_quantile.h"

namespace headroom::queueing {
namespace {

// (1 − e^−x) / x for x >= 0, equal to 1 at 0, without cancellation near 0.
double OneMinusExpOverX(double x) { return x == 0.0 ? 1.0 : -std::expm1(-x) / x; }

struct Shape {
  double a = 0.0;     // offered load
  double gap = 0.0;   // c − a, > 0 when stable
  double c_wait = 0;  // Erlang C
};

double OfferedLoad(const MmcQueue& q) {
  assert(q.arrival_rate_per_s >= 0.0 && q.service_time_s >= 0.0 && q.servers >= 1);
  const double a = q.arrival_rate_per_s * q.service_time_s;
  return std::isfinite(a) ? a : std::numeric_limits<double>::max();
}

bool Saturated(const MmcQueue& q) { return OfferedLoad(q) >= static_cast<double>(q.servers); }

Shape ShapeOf(const MmcQueue& q) {
  Shape s;
  s.a = OfferedLoad(q);
  s.gap = static_cast<double>(q.servers) - s.a;
  s.c_wait = ErlangC(q.servers, s.a);
  return s;
}

// The response-time survival and density with time x in units of the service time: with
// g = c − a (the waiting-tail rate in units of 1/S), P(R > xS) = e^−x + C x e^(−m x) k(|1 − g| x)
// where m = min(1, g) and k(y) = (1 − e^−y) / y; this is the hypoexponential form written so
// that neither the difference of exponentials nor the division by 1 − g loses digits, and
// g = 1 needs no special case.
TailPoint ResponsePoint(const Shape& s, double x) {
  if (!std::isfinite(x)) return {};
  const double m = std::min(1.0, s.gap);
  const double mixed = x * std::exp(-m * x) * OneMinusExpOverX(std::abs(1.0 - s.gap) * x);
  TailPoint point;
  point.survival = std::min(1.0, std::exp(-x) + s.c_wait * mixed);
  // Density (per unit S): (1 − C) e^−x for the arrivals that do not wait, and
  // C γ (e^−γt − e^−t) / (1 − γ) for those that do.
  point.density = (1.0 - s.c_wait) * std::exp(-x) + s.c_wait * s.gap * mixed;
  return point;
}

}  // namespace

QueueMetrics AnalyseMmc(const MmcQueue& queue) {
  const Shape s = ShapeOf(queue);
  QueueMetrics m;
  m.offered_load_erlangs = s.a;
  m.utilisation = s.a / static_cast<double>(queue.servers);
  m.saturated = s.gap <= 0.0;
  m.probability_of_waiting = s.c_wait;
  if (m.saturated) return m;
  // Wq = C S / (c − a) (Kleinrock 1975); Little's law for the lengths.
  const double wait_s = CappedSeconds(s.c_wait * queue.service_time_s / s.gap);
  const double response_s = CappedSeconds(wait_s + queue.service_time_s);
  m.mean_wait_s = wait_s;
  m.mean_response_s = response_s;
  m.mean_queue_length = CappedSeconds(queue.arrival_rate_per_s * wait_s);
  m.mean_number_in_system = CappedSeconds(queue.arrival_rate_per_s * response_s);
  return m;
}

double MmcWaitTail(const MmcQueue& queue, double t_s) {
  assert(t_s >= 0.0);
  if (Saturated(queue)) return 1.0;
  if (queue.service_time_s == 0.0) return 0.0;
  const Shape s = ShapeOf(queue);
  return s.c_wait * std::exp(-s.gap * (t_s / queue.service_time_s));
}

double MmcResponseTail(const MmcQueue& queue, double t_s) {
  assert(t_s >= 0.0);
  if (Saturated(queue)) return 1.0;
  if (queue.service_time_s == 0.0) return 0.0;
  return ResponsePoint(ShapeOf(queue), t_s / queue.service_time_s).survival;
}

std::optional<double> MmcWaitPercentile(const MmcQueue& queue, double p) {
  assert(p > 0.0 && p < 1.0);
  if (Saturated(queue)) return std::nullopt;
  const Shape s = ShapeOf(queue);
  if (s.c_wait <= 1.0 - p || queue.service_time_s == 0.0) return 0.0;
  return CappedSeconds(queue.service_time_s * (std::log(s.c_wait / (1.0 - p)) / s.gap));
}

std::optional<double> MmcResponsePercentile(const MmcQueue& queue, double p) {
  assert(p > 0.0 && p < 1.0);
  if (Saturated(queue)) return std::nullopt;
  if (queue.service_time_s == 0.0) return 0.0;
  const Shape s = ShapeOf(queue);
  const double mean = 1.0 + s.c_wait / s.gap;  // in units of S
  const double x = TailQuantile([&](double t) { return ResponsePoint(s, t); }, p, mean);
  return CappedSeconds(x * queue.service_time_s);
}

}  // namespace headroom::queueing
