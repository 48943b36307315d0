// Odoo's documented sizing rule (odoo/documentation content/administration/on_premise/deploy.rst,
// "Worker number calculation" and "Memory size calculation"):
//   workers wanted = concurrent users / 6 (one worker serves about 6 concurrent users);
//   workers at most = 2 × CPU + 1;
//   RAM = workers × (0.8 × 150 + 0.2 × 1024) — the guide writes 1 GB as 1024 in the same unit
//   as the 150 MB light worker, so the unit is read as MiB and the result reported in GiB
//   (its example: 9 × 324.8 MiB = 2.85 GiB, "≈ 3 GB").

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "sizing/odoo_sizer.h"

namespace headroom {
namespace {

constexpr double kUsersPerWorker = 6.0;
constexpr double kLightWorkerMib = 150.0;
constexpr double kHeavyWorkerMib = 1024.0;
constexpr double kLightShare = 0.8;
// Keeps the integer conversions defined for absurd inputs (far beyond any estate).
constexpr double kMaxCount = 1e9;

int CeilToCount(double x) { return static_cast<int>(std::clamp(std::ceil(x), 0.0, kMaxCount)); }

}  // namespace

OdooRuleOfThumb OdooRuleOfThumbFor(double concurrent_users, int cpu_cores) {
  assert(concurrent_users >= 0 && cpu_cores >= 0);
  OdooRuleOfThumb r;
  r.concurrent_users = std::isfinite(concurrent_users) ? std::max(0.0, concurrent_users) : 0.0;
  r.workers_for_users = CeilToCount(r.concurrent_users / kUsersPerWorker);
  if (cpu_cores > 0) {
    r.cpu_cores = cpu_cores;
    const double most = 2.0 * cpu_cores + 1.0;
    r.workers = static_cast<int>(std::min<double>(r.workers_for_users, most));
  } else {
    // The fewest cores whose 2 × CPU + 1 covers the workers wanted, at least one.
    r.cpu_cores = std::max(1, CeilToCount((r.workers_for_users - 1) / 2.0));
    r.workers = r.workers_for_users;
  }
  const double per_worker_mib = kLightShare * kLightWorkerMib + (1 - kLightShare) * kHeavyWorkerMib;
  r.memory_gib = r.workers * per_worker_mib / 1024.0;
  return r;
}

}  // namespace headroom
