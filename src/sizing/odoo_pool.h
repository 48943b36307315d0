#pragma once
// The HTTP workers of an Odoo estate as one M/G/c pool fed by every short request class.
//
// A prefork worker serves one request at a time and waits synchronously for PostgreSQL, so a
// request of class c occupies its worker for
//   S_c = app_cpu_ms + db_cpu_ms + db_reads × db_io_ms_per_read + request_overhead_ms.
// With Poisson arrivals per class the pool sees the merged stream, λ = Σ λ_c, and a service
// time drawn from the mixture of the classes (a class's share of arrivals is λ_c / λ):
//   S̄ = Σ λ_c S_c / λ,   E[S²] = Σ (λ_c / λ) S_c² (1 + cv_c²),   cs² = E[S²] / S̄² − 1
// (moments of a mixture; Gamma service per class with mean S_c and cv cv_c).
// Long-lived classes (the websocket bus) hold a gevent session, not an HTTP worker: skipped.

#include "sizing/load.h"
#include "sizing/odoo_sizer.h"

namespace headroom {

// S_c in milliseconds. 0 for a long-lived class.
double WorkerOccupancyMs(const ClassLoad& c, const OdooSettings& settings);

// CPU one request burns in its worker, milliseconds: app_cpu_ms + request_overhead_ms.
double WorkerCpuMs(const ClassLoad& c, const OdooSettings& settings);

struct WorkerPool {
  double rate_per_s = 0;      // λ
  double mean_service_s = 0;  // S̄
  double service_cv = 1;      // cs, from the mixture's second moment
  double cpu_cores = 0;       // Σ λ_c × WorkerCpuMs / 1000: CPU the workers burn
  [[nodiscard]] double offered_load() const { return rate_per_s * mean_service_s; }
  // Share of a busy worker's time spent on CPU (0 with no load).
  [[nodiscard]] double cpu_share() const;
};

// The pool at one window (kSustained, kPeak or kRecovery). Rates and demands are taken as
// finite and non-negative; a pool with no load has λ = 0, S̄ = 0 and cv 1.
WorkerPool PoolAt(const MonthLoad& load, int window, const OdooSettings& settings);

}  // namespace headroom
