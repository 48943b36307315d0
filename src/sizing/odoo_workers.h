#pragma once
// How many HTTP workers one load window needs: the fewest workers whose utilisation stays under
// the window's ceiling and whose every class meets its p95 limit (odoo_latency.h bound).
// Utilisation falls and every wait quantile falls as workers are added, so the search starts
// at the utilisation floor, doubles its step until the limits hold, then bisects.

#include <cstdint>
#include <span>

#include "sizing/odoo_latency.h"
#include "sizing/odoo_pool.h"

namespace headroom {

// Beyond any estate; a load that needs more is reported saturated at this size.
inline constexpr int64_t kMaxHttpWorkers = 1'000'000;

// A class's p95 limit in one window.
struct ClassLimit {
  const ClassTail* tail = nullptr;
  double limit_s = 0;                        // the target, × recovery_latency_factor at recovery
  const ClassLoad* request_class = nullptr;  // for names and targets in reasons
};

struct WindowNeed {
  int64_t workers = 1;
  bool by_latency = false;  // a p95 limit, not the utilisation ceiling, set the count
  bool capped = false;      // kMaxHttpWorkers do not meet the window: workers = kMaxHttpWorkers
};

// ⌈x⌉ that ignores rounding noise of a relative 1e-9 (17 / 0.85 is 20.000000000000004), at
// least 0, at most `cap`.
int64_t CeilCount(double x, int64_t cap);

// ⌈a / b⌉ for a >= 0, b > 0.
inline int64_t CeilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

// REQUIRES: 0 < max_utilisation <= 1; every limit's tail non-null. A limit is met as
// MeetsP95OrAlmostNoWait meets it, so one at or below its service_p95_s asks for almost no
// waiting. With max_utilisation = 1 the count is the fewest stable workers (utilisation < 1). At
// least 1 worker.
WindowNeed WorkersFor(const WorkerPool& pool, double max_utilisation,
                      std::span<const ClassLimit> limits);

// True when every limit holds at `workers` (and the pool is stable there).
bool MeetsLimits(const WorkerPool& pool, int64_t workers, std::span<const ClassLimit> limits);

// The limit that set a latency-bound count: among those that fail at need.workers − 1, the one
// whose upper bound there exceeds its limit most (relatively). Null when the count is not
// latency-bound.
const ClassLimit* BindingLimit(const WorkerPool& pool, const WindowNeed& need,
                               std::span<const ClassLimit> limits);

}  // namespace headroom
