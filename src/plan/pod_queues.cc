#include "plan/pod_queues.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "plan/saturation.h"
#include "sizing/odoo_latency.h"
#include "sizing/odoo_pods.h"
#include "sizing/odoo_pool.h"

namespace headroom {
namespace {

struct PodLimit {
  std::string request_class;
  ClassTail tail;
  double limit_s = 0;
};

struct WindowQueues {
  const char* name;
  WorkerPool pool;
  std::vector<PodLimit> limits;
};

// The window's pool and the limits of its classes that have requests and a reachable target.
WindowQueues QueuesAt(const MonthLoad& load, int window, double factor, const char* name,
                      const OdooSettings& settings) {
  WindowQueues q{name, PoolAt(load, window, settings), {}};
  for (const ClassLoad& c : load.classes) {
    if (c.long_lived || !(c.rate_per_s[static_cast<size_t>(window)] > 0) ||
        !(c.p95_target_ms > 0)) {
      continue;
    }
    PodLimit limit{c.name, ClassTailFor(WorkerOccupancyMs(c, settings) / 1000.0, c.service_cv),
                   c.p95_target_ms * factor / 1000.0};
    // A target no number of workers meets is the sizing's verdict to report, not a queue's.
    if (limit.limit_s > limit.tail.service_p95_s) q.limits.push_back(std::move(limit));
  }
  return q;
}

// The first limit one pod's queue misses, or none.
const PodLimit* Miss(const WindowQueues& q, int64_t pods, int64_t wpp) {
  if (q.limits.empty()) return nullptr;
  const PoolWait wait = PodWaitAt(q.pool, pods, wpp);
  for (const PodLimit& limit : q.limits) {
    if (wait.saturated || !MeetsP95(limit.tail, wait, limit.limit_s)) return &limit;
  }
  return nullptr;
}

struct PodMiss {
  const WindowQueues* window = nullptr;
  const PodLimit* limit = nullptr;
};

PodMiss FirstMiss(const std::vector<WindowQueues>& windows, const ZoneLayout& layout, int64_t pods,
                  int64_t wpp) {
  for (const WindowQueues& q : windows) {
    const bool recovery = &q == &windows.back();
    const int64_t serving = recovery ? std::max<int64_t>(1, SurvivingPods(pods, layout)) : pods;
    if (const PodLimit* limit = Miss(q, serving, wpp)) return {&q, limit};
  }
  return {};
}

std::optional<std::string> Constrain(const MonthPlan& m, const HeadroomPolicy& policy,
                                     const PlanSettings& settings, MonthConstraint* c) {
  const std::vector<WindowQueues> windows = {
      QueuesAt(m.load, kPeak, 1.0, "peak", settings.odoo),
      QueuesAt(m.load, kRecovery, policy.recovery_latency_factor, "recovery", settings.odoo)};
  const ZoneLayout layout = ZoneLayoutFor(policy);
  int64_t pods = std::max(1, m.odoo.pods);
  int64_t wpp = std::max(1, m.odoo.workers_per_pod);
  const PodMiss first = FirstMiss(windows, layout, pods, wpp);
  if (first.limit == nullptr) return std::nullopt;
  const int64_t most_wpp = std::max<int64_t>(
      wpp, std::min(settings.odoo.max_workers_per_pod, m.odoo.workers_per_pod_max));
  const int64_t most_pods = int64_t{kMostPodsFactor} * pods;
  PodMiss miss = first;
  while (miss.limit != nullptr && (wpp < most_wpp || pods < most_pods)) {
    if (wpp < most_wpp) {
      ++wpp;
    } else {
      pods = std::min(most_pods, pods + std::max<int64_t>(1, pods / 10));
    }
    miss = FirstMiss(windows, layout, pods, wpp);
  }
  if (miss.limit != nullptr) return std::nullopt;
  c->min_workers_per_pod = std::max<int>(c->min_workers_per_pod, static_cast<int>(wpp));
  c->min_pods = std::max<int>(c->min_pods, static_cast<int>(pods));
  std::string what;
  if (wpp != m.odoo.workers_per_pod) {
    what = fmt::format("workers per pod {} -> {}", m.odoo.workers_per_pod, wpp);
  }
  if (pods != m.odoo.pods) {
    what += fmt::format("{}HTTP pods {} -> {}", what.empty() ? "" : ", ", m.odoo.pods, pods);
  }
  return fmt::format("{}: {} {} p95 predicted over {:.0f} ms on each pod's own queue", what,
                     first.window->name, first.limit->request_class, first.limit->limit_s * 1000.0);
}

}  // namespace

std::vector<std::pair<int, std::string>> ConstrainPodQueues(
    const Plan& plan, const HeadroomPolicy& policy, const PlanSettings& settings,
    std::vector<MonthConstraint>* constraints) {
  std::vector<std::pair<int, std::string>> changes;
  if (constraints->size() < plan.month_plans.size()) constraints->resize(plan.month_plans.size());
  for (size_t i = 0; i < plan.month_plans.size(); ++i) {
    const MonthPlan& m = plan.month_plans[i];
    if (!SaturatedLayers(m).empty()) continue;
    std::optional<std::string> changed = Constrain(m, policy, settings, &(*constraints)[i]);
    if (changed) changes.emplace_back(static_cast<int>(i), std::move(*changed));
  }
  return changes;
}

}  // namespace headroom
