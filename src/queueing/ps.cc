#include "queueing/ps.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace headroom::queueing {
namespace {

double Utilisation(const PsQueue& q) {
  assert(q.arrival_rate_per_s >= 0.0 && q.service_time_s >= 0.0);
  const double rho = q.arrival_rate_per_s * q.service_time_s;
  return std::isfinite(rho) ? rho : std::numeric_limits<double>::max();
}

}  // namespace

PsMetrics AnalysePs(const PsQueue& queue) {
  PsMetrics m;
  m.utilisation = Utilisation(queue);
  m.saturated = m.utilisation >= 1.0;
  if (m.saturated) return m;
  m.mean_response_s =
      std::min(queue.service_time_s / (1.0 - m.utilisation), std::numeric_limits<double>::max());
  m.mean_number_in_system = m.utilisation / (1.0 - m.utilisation);
  return m;
}

std::optional<double> PsConditionalResponse(const PsQueue& queue, double job_size_s) {
  assert(job_size_s >= 0.0);
  const double rho = Utilisation(queue);
  if (rho >= 1.0) return std::nullopt;
  return std::min(job_size_s / (1.0 - rho), std::numeric_limits<double>::max());
}

}  // namespace headroom::queueing
