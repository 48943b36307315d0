#include "report/simulation_view.h"

#include <fmt/format.h>

namespace headroom {

SimulationView ViewOf(const sim::SimulationRun& run) {
  SimulationView v;
  v.window = fmt::format("{} {} from {} (UTC)", run.label, run.window, run.start_utc);
  v.month = run.month - 1;
  v.seed = run.seed;
  for (const sim::ClassOutcome& c : run.result.classes) {
    v.latency.push_back({c.request_class, c.latency.p50_ms, c.latency.p95_ms, c.latency.p99_ms,
                         c.target_ms, static_cast<long long>(c.latency.completed)});
  }
  SimulatedSeries queued{"requests waiting for a worker", "requests", {}, {}};
  SimulatedSeries pool{"requests waiting for a PgBouncer connection", "requests", {}, {}};
  SimulatedSeries desired{"HTTP pods the autoscaler asked for", "pods", {}, {}};
  SimulatedSeries ready{"HTTP pods ready", "pods", {}, {}};
  for (const sim::TimelinePoint& p : run.result.timeline) {
    for (SimulatedSeries* s : {&queued, &pool, &desired, &ready}) s->time_s.push_back(p.time_s);
    queued.value.push_back(p.queued_requests);
    pool.value.push_back(p.pool_waiting);
    desired.value.push_back(p.desired_pods);
    ready.value.push_back(p.ready_pods);
  }
  v.queues = {std::move(queued), std::move(pool)};
  v.replicas = {std::move(desired), std::move(ready)};
  return v;
}

}  // namespace headroom
