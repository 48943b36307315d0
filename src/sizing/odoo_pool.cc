#include "sizing/odoo_pool.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom {
namespace {

// Keeps sums of absurd rates finite, so that saturation is reported instead of infinity.
double Finite(double x) { return std::isfinite(x) ? x : std::numeric_limits<double>::max(); }

}  // namespace

double WorkerOccupancyMs(const ClassLoad& c, const OdooSettings& settings) {
  if (c.long_lived) return 0;
  return Finite(c.app_cpu_ms + c.db_cpu_ms + c.db_reads * settings.db_io_ms_per_read +
                settings.request_overhead_ms);
}

double WorkerCpuMs(const ClassLoad& c, const OdooSettings& settings) {
  if (c.long_lived) return 0;
  return Finite(c.app_cpu_ms + settings.request_overhead_ms);
}

double WorkerPool::cpu_share() const {
  const double busy = offered_load();
  return busy > 0 ? std::min(1.0, cpu_cores / busy) : 0.0;
}

WorkerPool PoolAt(const MonthLoad& load, int window, const OdooSettings& settings) {
  double rate = 0;
  double busy_s = 0;     // Σ λ_c S_c
  double second_s2 = 0;  // Σ λ_c S_c² (1 + cv_c²)
  double cpu_cores = 0;
  for (const ClassLoad& c : load.classes) {
    if (c.long_lived) continue;
    const double lambda = c.rate_per_s[static_cast<size_t>(window)];
    if (!(lambda > 0)) continue;
    const double s = WorkerOccupancyMs(c, settings) / 1000.0;
    rate = Finite(rate + lambda);
    busy_s = Finite(busy_s + lambda * s);
    second_s2 = Finite(second_s2 + lambda * s * s * (1 + c.service_cv * c.service_cv));
    cpu_cores = Finite(cpu_cores + lambda * WorkerCpuMs(c, settings) / 1000.0);
  }
  WorkerPool pool;
  pool.cpu_cores = cpu_cores;
  if (rate == 0 || busy_s == 0) return pool;
  pool.rate_per_s = rate;
  pool.mean_service_s = busy_s / rate;
  // cs² = E[S²] / S̄² − 1 = λ Σ λ_c S_c² (1 + cv_c²) / (Σ λ_c S_c)² − 1, at least 0 (Jensen;
  // the clamp only absorbs rounding).
  const double ratio = (second_s2 / busy_s) * (rate / busy_s);
  pool.service_cv = std::sqrt(std::max(0.0, Finite(ratio) - 1.0));
  return pool;
}

}  // namespace headroom
