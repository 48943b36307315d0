#pragma once
// The noisy-neighbour cost of a shared pool, measured by simulation (sim/tenant_limits.h).
//
// For each member in turn (the "aggressor"), the pool is simulated at the worst hour of every
// member (their peak windows: month-end close, payroll, reporting, whatever coincided: the
// coinciding peaks) and every other member's p95 is compared with the same run where the
// aggressor stays at its sustained load: the inflation is the ratio − 1, what that member's
// worst hour costs its neighbours. Then the same worst hour with each mitigation on the
// aggressor alone, and with all three:
//   worker quota      its workers capped so the others keep the workers their own sustained
//                     load needs: c − ⌈a_o + 2√a_o + 1⌉ (square-root staffing with β = 2,
//                     Halfin & Whitt 1981), at least 1;
//   PgBouncer cap     its database connections capped the same way on the database's side;
//   Traefik limit     its request rate limited to what its capped workers serve at 85%
//                     (the sizing's peak ceiling), burst one second of it; above it, 429.
// What a mitigation buys is the others' p95 reduction; what it costs is the aggressor's own
// p95 increase and the share of its requests answered 429.

#include <string>
#include <vector>

#include "sim/tenant_limits.h"

namespace headroom {

struct InterferenceSettings {
  double duration_s = 300;  // simulated time per run after the warm-up
  double warmup_s = 30;
  uint64_t seed = 1;
  int threads = 2;  // runs are independent and seeded by name: figures do not depend on it
  // A runaway burst beyond the plan: the tenant's worst hour at this multiple of its rate (an
  // integration's retry loop, a report scheduled for every user). Engineering estimate: what a
  // quota is for is the load nobody planned; 3× is the order of a retry storm with three retries.
  double runaway_factor = 3.0;
};

struct MitigationEffect {
  std::string mitigation;    // "none", "worker quota", "pgbouncer cap", "rate limit", "all three"
  std::string setting;       // e.g. "at most 9 of 14 workers"
  double others_p95_ms = 0;  // the worst other member's p95
  double others_inflation = 0;  // its p95 / its baseline p95 − 1
  double aggressor_p95_ms = 0;
  double aggressor_rejected_share = 0;  // answered 429
};

struct AggressorImpact {
  std::string tenant;
  std::string victim;                     // the other member hurt most without mitigation
  std::vector<MitigationEffect> effects;  // "none" first
  // The runaway burst (InterferenceSettings::runaway_factor × its worst hour), without
  // mitigation and with the worker quota.
  MitigationEffect runaway;
  MitigationEffect runaway_with_quota;
};

struct PoolInterference {
  std::string pool;
  int month = 0;
  sim::SharedPoolShape shape;
  std::vector<std::string> members;
  std::vector<double> baseline_p95_ms;  // every member at its sustained load (for reference)
  std::vector<AggressorImpact> aggressors;
};

// REQUIRES: sustained.size() == peak.size() == names of the members, at least two members.
PoolInterference MeasureInterference(const std::string& pool, int month,
                                     const sim::SharedPoolShape& shape,
                                     const std::vector<sim::TenantTraffic>& sustained,
                                     const std::vector<sim::TenantTraffic>& peak,
                                     const InterferenceSettings& settings);

// The limits the mitigation `name` puts on member `aggressor` (others unlimited).
std::vector<sim::TenantLimit> MitigationLimits(const std::string& name, size_t aggressor,
                                               const sim::SharedPoolShape& shape,
                                               const std::vector<sim::TenantTraffic>& traffic);

}  // namespace headroom
