#pragma once
// One shared Odoo pool serving several tenants, request by request, with the per-tenant limits a
// platform team sets to keep one tenant from degrading the others (docs/tenancy.md):
//   worker cap        at most `max_workers` of the pool's HTTP workers serve one tenant at a time
//                     (a per-tenant worker pool, or a namespace ResourceQuota on its pods);
//   database cap      at most `max_db_connections` of the database's server connections run one
//                     tenant's queries at a time (PgBouncer's per-database max_db_connections);
//   rate limit        Traefik's token bucket (average, burst): a request finding the bucket empty
//                     is answered 429 at once and counted, never queued.
// A request waits for a worker (FIFO across the tenants allowed to take one), holds it for its
// application time, then waits for a database connection while still holding the worker (Odoo
// keeps the worker during its queries), and holds both for its database time. Both times have the
// tenant's mean and coefficient of variation: exponential at cv 1, lognormal otherwise
// (sim/distribution.h).
//
// Response time = arrival to the end of the database phase. Requests still in the system at the
// end of the run count with their age so far (a lower bound), so a saturated tenant shows a
// large p95 instead of hiding behind the few requests it finished.

#include <cstdint>
#include <string>
#include <vector>

namespace headroom::sim {

struct TenantTraffic {
  std::string name;
  double rate_per_s = 0;  // offered requests per second, REQUIRES >= 0
  double app_mean_s = 0;  // worker time outside the database per request, REQUIRES >= 0
  double db_mean_s = 0;   // database time per request, REQUIRES >= 0
  double service_cv = 1;  // of both phases, REQUIRES >= 0
};

// 0 in a field means "no limit".
struct TenantLimit {
  int max_workers = 0;
  int max_db_connections = 0;
  double rate_limit_per_s = 0;
  double rate_burst = 0;  // bucket size in requests; with a rate limit, at least 1
};

struct SharedPoolShape {
  int workers = 1;         // Odoo HTTP workers, REQUIRES >= 1
  int db_connections = 1;  // queries the database runs at once, REQUIRES >= 1
};

struct PoolRunSettings {
  double duration_s = 600;  // observed time after the warm-up
  double warmup_s = 60;     // discarded
  uint64_t seed = 1;
};

struct TenantOutcome {
  std::string name;
  int64_t offered = 0;   // arrivals after the warm-up
  int64_t served = 0;    // finished after the warm-up
  int64_t rejected = 0;  // answered 429 by the rate limit
  double p95_ms = 0;     // response time of served and still-waiting requests
  double mean_ms = 0;
};

// REQUIRES: limits.size() == tenants.size(). Deterministic for the same inputs and seed.
std::vector<TenantOutcome> SimulateSharedPool(const SharedPoolShape& pool,
                                              const std::vector<TenantTraffic>& tenants,
                                              const std::vector<TenantLimit>& limits,
                                              const PoolRunSettings& settings);

}  // namespace headroom::sim
