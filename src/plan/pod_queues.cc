#include "plan/pod_queues.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "plan/saturation.h"
#include "sizing/odoo_latency.h"
#include "sizing/odoo_pods.h"
#include "sizing/odoo_pool.h"
#include "sizing/odoo_workers.h"
#include "sizing/postgres_sizer.h"

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

// The window's pool and the limits of its classes that have requests and a target (one no number
// of workers meets asks for almost no waiting, as in the sizing: MeetsP95OrAlmostNoWait).
WindowQueues QueuesAt(const MonthLoad& load, int window, double factor, const char* name,
                      const OdooSettings& settings) {
  WindowQueues q{name, PoolAt(load, window, settings), {}};
  for (const ClassLoad& c : load.classes) {
    if (c.long_lived || !(c.rate_per_s[static_cast<size_t>(window)] > 0) ||
        !(c.p95_target_ms > 0)) {
      continue;
    }
    q.limits.push_back({c.name, ClassTailFor(WorkerOccupancyMs(c, settings) / 1000.0, c.service_cv),
                        c.p95_target_ms * factor / 1000.0});
  }
  return q;
}

// The first limit one pod's queue misses, or none.
const PodLimit* Miss(const WindowQueues& q, int64_t pods, int64_t wpp) {
  if (q.limits.empty()) return nullptr;
  const PoolWait wait = PodWaitAt(q.pool, pods, wpp);
  for (const PodLimit& limit : q.limits) {
    if (!MeetsP95OrAlmostNoWait(limit.tail, wait, limit.limit_s)) return &limit;
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

struct PodShape {
  int64_t pods = 0;
  int64_t workers_per_pod = 0;
};

// The fewest pods, from the planned ones up to `most_pods`, with which every pod's queue meets
// every limit at no more than `most_wpp` workers each, and at that count the fewest workers per
// pod (at least `least_wpp`); never fewer workers in all than the sizing planned, at the peak and
// at recovery. A heavier load plans no fewer pods or workers and its queues wait no less, so
// its shape has no fewer pods and, at the same pods, no fewer workers per pod.
std::optional<PodShape> FewestPods(const std::vector<WindowQueues>& windows,
                                   const ZoneLayout& layout, const MonthPlan& m, int64_t least_wpp,
                                   int64_t most_wpp, int64_t most_pods) {
  const int64_t up = std::max(1, m.odoo.http_workers);
  const int64_t recovery = std::max(1, m.odoo.http_workers_after_zone_loss);
  for (int64_t pods = std::max(1, m.odoo.pods); pods <= most_pods; ++pods) {
    const int64_t survivors = std::max<int64_t>(1, SurvivingPods(pods, layout));
    const int64_t from =
        std::max({least_wpp, CeilDiv(up, pods), CeilDiv(recovery, survivors), int64_t{1}});
    for (int64_t wpp = from; wpp <= most_wpp; ++wpp) {
      if (FirstMiss(windows, layout, pods, wpp).limit == nullptr) return PodShape{pods, wpp};
    }
  }
  return std::nullopt;
}

// The load as the month's PostgreSQL serves it in `window`: each class's database CPU time
// stretched by the processor-sharing slowdown on the busiest cluster's vCPU (CpuSlowdown). The
// Odoo sizing counts it at full speed, which keeps the workers it plans growing with the load
// (a larger estate's larger PostgreSQL would shorten it); a worker waits the slowdown out
// holding its request, and at recovery's utilisation that lengthens a report by a large part.
MonthLoad AsServed(const MonthPlan& m, int window) {
  MonthLoad load = m.load;
  if (m.postgres.vcpu < 1) return load;
  const double slowdown =
      CpuSlowdown(m.postgres.db_cpu_cores[static_cast<size_t>(window)], m.postgres.vcpu);
  for (ClassLoad& c : load.classes) c.db_cpu_ms *= slowdown;
  return load;
}

std::vector<WindowQueues> QueuesOf(const MonthPlan& m, const HeadroomPolicy& policy,
                                   const OdooSettings& settings) {
  return {QueuesAt(AsServed(m, kPeak), kPeak, 1.0, "peak", settings),
          QueuesAt(AsServed(m, kRecovery), kRecovery, policy.recovery_latency_factor, "recovery",
                   settings)};
}

int64_t MostWorkersPerPod(const MonthPlan& m, const OdooSettings& settings) {
  return std::max<int64_t>(std::max(1, m.odoo.workers_per_pod),
                           std::min(settings.max_workers_per_pod, m.odoo.workers_per_pod_max));
}

// Sets the constraint to `shape` and says what changed from the month's pods.
std::string Apply(const MonthPlan& m, const PodShape& shape, MonthConstraint* c) {
  c->min_workers_per_pod =
      std::max(c->min_workers_per_pod, static_cast<int>(shape.workers_per_pod));
  c->min_pods = std::max<int>(c->min_pods, static_cast<int>(shape.pods));
  std::string what;
  if (shape.workers_per_pod != m.odoo.workers_per_pod) {
    what = fmt::format("workers per pod {} -> {}", m.odoo.workers_per_pod, shape.workers_per_pod);
  }
  if (shape.pods != m.odoo.pods) {
    what += fmt::format("{}HTTP pods {} -> {}", what.empty() ? "" : ", ", m.odoo.pods, shape.pods);
  }
  return what;
}

std::optional<std::string> Constrain(const MonthPlan& m, const HeadroomPolicy& policy,
                                     const PlanSettings& settings, MonthConstraint* c) {
  const std::vector<WindowQueues> windows = QueuesOf(m, policy, settings.odoo);
  const ZoneLayout layout = ZoneLayoutFor(policy);
  const int64_t pods = std::max(1, m.odoo.pods);
  const PodMiss first = FirstMiss(windows, layout, pods, std::max(1, m.odoo.workers_per_pod));
  if (first.limit == nullptr) return std::nullopt;
  const int64_t least_wpp = std::max(settings.odoo.min_workers_per_pod, c->min_workers_per_pod);
  const std::optional<PodShape> shape =
      FewestPods(windows, layout, m, least_wpp, MostWorkersPerPod(m, settings.odoo),
                 int64_t{kMostPodsFactor} * pods);
  if (!shape) return std::nullopt;
  const PodLimit& limit = *first.limit;
  if (limit.limit_s <= limit.tail.service_p95_s) {
    return fmt::format(
        "{}: {} {} waiting for {:.0f}% or more of its requests on each pod's own queue (its "
        "{:.0f} ms is below its service time's p95, {:.0f} ms)",
        Apply(m, *shape, c), first.window->name, limit.request_class, 100 * kAlmostNoWait,
        limit.limit_s * 1000.0, limit.tail.service_p95_s * 1000.0);
  }
  return fmt::format("{}: {} {} p95 predicted over {:.0f} ms on each pod's own queue",
                     Apply(m, *shape, c), first.window->name, limit.request_class,
                     limit.limit_s * 1000.0);
}

// Scales the limits of the classes that `failed` saw miss by their p95 simulated over the one
// each pod's own queue predicts at the shape simulated, so that the queue model asks what the
// simulation measured. False when no class of the window with a limit missed.
bool ScaleToSimulation(const SimulatedWindow& failed, int64_t serving_pods, int64_t wpp,
                       WindowQueues* q) {
  const PoolWait wait = PodWaitAt(q->pool, serving_pods, wpp);
  bool missed = false;
  for (PodLimit& limit : q->limits) {
    const auto simulated =
        std::find_if(failed.classes.begin(), failed.classes.end(), [&](const SimulatedClass& s) {
          return s.request_class == limit.request_class && !s.meets_target;
        });
    if (simulated == failed.classes.end()) continue;
    missed = true;
    const std::optional<double> predicted_s = PredictP95S(limit.tail, wait);
    const double ratio =
        predicted_s && *predicted_s > 0 ? simulated->p95_ms_simulated / 1000.0 / *predicted_s : 0;
    if (ratio > 1.0) limit.limit_s /= ratio;
  }
  return missed;
}

}  // namespace

std::optional<std::string> ConstrainSimulatedMiss(const MonthPlan& m, const SimulatedWindow& failed,
                                                  const HeadroomPolicy& policy,
                                                  const PlanSettings& settings,
                                                  MonthConstraint* c) {
  std::vector<WindowQueues> windows = QueuesOf(m, policy, settings.odoo);
  const ZoneLayout layout = ZoneLayoutFor(policy);
  const int64_t pods = std::max(1, m.odoo.pods);
  const int64_t wpp = std::max(1, m.odoo.workers_per_pod);
  const bool recovery = failed.window == "recovery";
  const int64_t serving = recovery ? std::max<int64_t>(1, SurvivingPods(pods, layout)) : pods;
  if (!ScaleToSimulation(failed, serving, wpp, &windows[recovery ? 1 : 0])) return std::nullopt;
  // Never below the shape simulated: the constraint only grows from pass to pass.
  const int64_t least_wpp =
      std::max({int64_t{settings.odoo.min_workers_per_pod}, int64_t{c->min_workers_per_pod}, wpp});
  const std::optional<PodShape> shape =
      FewestPods(windows, layout, m, least_wpp, MostWorkersPerPod(m, settings.odoo),
                 int64_t{kMostPodsFactor} * pods);
  if (!shape || (shape->pods == pods && shape->workers_per_pod == wpp)) return std::nullopt;
  return Apply(m, *shape, c);
}

std::vector<std::pair<int, std::string>> ConstrainPodQueues(
    const Plan& plan, const HeadroomPolicy& policy, const PlanSettings& settings,
    std::vector<MonthConstraint>* constraints) {
  std::vector<std::pair<int, std::string>> changes;
  if (constraints->size() < plan.month_plans.size()) constraints->resize(plan.month_plans.size());
  for (size_t i = 0; i < plan.month_plans.size(); ++i) {
    const MonthPlan& m = plan.month_plans[i];
    if (!SaturatedLayersBeyondTargets(m).empty()) continue;
    std::optional<std::string> changed = Constrain(m, policy, settings, &(*constraints)[i]);
    if (changed) changes.emplace_back(static_cast<int>(i), std::move(*changed));
  }
  return changes;
}

}  // namespace headroom
