#include "sizing/odoo_workers.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace headroom {

int64_t CeilCount(double x, int64_t cap) {
  if (!(x > 0)) return 0;
  const double c = std::ceil(x - 1e-9 * std::max(1.0, x));
  if (c >= static_cast<double>(cap)) return cap;
  return static_cast<int64_t>(c);
}

bool MeetsLimits(const WorkerPool& pool, int64_t workers, std::span<const ClassLimit> limits) {
  const PoolWait wait = PoolWaitAt(pool, workers);
  if (wait.saturated) return false;
  for (const ClassLimit& limit : limits) {
    if (!MeetsP95OrAlmostNoWait(*limit.tail, wait, limit.limit_s)) return false;
  }
  return true;
}

const ClassLimit* BindingLimit(const WorkerPool& pool, const WindowNeed& need,
                               std::span<const ClassLimit> limits) {
  if (!need.by_latency || need.workers <= 1) return nullptr;
  const PoolWait wait = PoolWaitAt(pool, need.workers - 1);
  const ClassLimit* binding = nullptr;
  double worst = 0;
  for (const ClassLimit& limit : limits) {
    if (MeetsP95OrAlmostNoWait(*limit.tail, wait, limit.limit_s)) continue;
    const double ratio =
        wait.saturated ? 1.0 : ResponseP95UpperS(*limit.tail, wait) / limit.limit_s;
    if (binding == nullptr || ratio > worst) {
      binding = &limit;
      worst = ratio;
    }
  }
  return binding;
}

WindowNeed WorkersFor(const WorkerPool& pool, double max_utilisation,
                      std::span<const ClassLimit> limits) {
  assert(max_utilisation > 0 && max_utilisation <= 1);
  const double a = pool.offered_load();
  // The utilisation floor; with a ceiling of 1, the fewest stable workers (⌊a⌋ + 1).
  int64_t lo = std::max<int64_t>(1, CeilCount(a / max_utilisation, kMaxHttpWorkers));
  if (a >= static_cast<double>(kMaxHttpWorkers)) return {kMaxHttpWorkers, false, true};
  lo = std::max(lo, static_cast<int64_t>(std::floor(a)) + 1);
  if (lo >= kMaxHttpWorkers) {
    const bool over_ceiling = a > max_utilisation * static_cast<double>(kMaxHttpWorkers);
    return {kMaxHttpWorkers, false, over_ceiling || !MeetsLimits(pool, kMaxHttpWorkers, limits)};
  }
  if (MeetsLimits(pool, lo, limits)) return {lo, false, false};
  // Invariant: !meets(lo). Doubling steps, then bisection.
  int64_t step = 1;
  int64_t hi = lo;
  while (true) {
    hi = std::min(kMaxHttpWorkers, lo + step);
    if (MeetsLimits(pool, hi, limits)) break;
    if (hi == kMaxHttpWorkers) return {kMaxHttpWorkers, true, true};
    lo = hi;
    step *= 2;
  }
  while (hi - lo > 1) {
    const int64_t mid = lo + (hi - lo) / 2;
    if (MeetsLimits(pool, mid, limits)) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return {hi, true, false};
}

}  // namespace headroom
