#pragma once
// What a run of the Odoo stack simulation measured (since the warm-up): latency percentiles per
// request class and per tenant and class, timeouts and failed requests, utilisation of each
// layer, the HPA's decisions and a timeline of replicas and queues.

#include <cstdint>
#include <string>
#include <vector>

namespace headroom::sim {

// Response times (arrival at Traefik to the last byte out of the worker) of completed requests.
struct LatencySummary {
  uint64_t completed = 0;
  uint64_t timeouts = 0;  // killed by limit_time_real
  uint64_t failed = 0;    // lost with a pod, or no ready pod to take them
  double mean_ms = 0;
  double p50_ms = 0;
  double p95_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
};

// Where a class's requests spent their time, mean ms per answered request.
struct PhaseMeans {
  double queue_ms = 0;      // in the pod's backlog, waiting for a worker
  double pool_wait_ms = 0;  // waiting for a PgBouncer server connection
  double app_ms = 0;        // app CPU on the pod, processor sharing included
  double db_ms = 0;         // PostgreSQL CPU, processor sharing included
  double io_ms = 0;         // storage reads
};

struct ClassOutcome {
  std::string request_class;
  double target_ms = 0;  // 0: no target
  bool meets_target = true;
  LatencySummary latency;
  PhaseMeans phases;
};

struct TenantClassOutcome {
  std::string tenant;
  std::string request_class;
  LatencySummary latency;
};

// One point per timeline step: levels at its end and counts over the step.
struct TimelinePoint {
  double time_s = 0;
  int desired_pods = 0;  // what the HPA last set (the Deployment's replicas)
  int ready_pods = 0;
  int busy_workers = 0;
  int queued_requests = 0;              // in the pods' backlogs
  int pool_waiting = 0;                 // waiting for a PgBouncer connection
  double pod_cpu_utilisation = 0;       // mean over the step, of the ready pods' CPU limits
  double postgres_cpu_utilisation = 0;  // mean over the step
  uint64_t completed = 0;               // in the step
  uint64_t timeouts = 0;
  uint64_t failed = 0;
  double p95_ms = 0;  // of the requests completed in the step; 0 when none
};

struct ScalingEvent {
  double time_s = 0;
  int from_pods = 0;
  int to_pods = 0;
  std::string reason;
};

struct StackResult {
  double observed_s = 0;  // the window after the warm-up
  uint64_t events = 0;
  std::vector<ClassOutcome> classes;
  std::vector<TenantClassOutcome> tenants;  // tenant-major, classes with arrivals only
  LatencySummary all;
  double worker_utilisation = 0;  // busy workers / workers of ready pods, time-averaged
  double pod_cpu_utilisation = 0;
  double postgres_cpu_utilisation = 0;
  double pool_utilisation = 0;  // connections in use / pool size
  double pool_wait_p95_ms = 0;
  double throughput_per_s = 0;         // requests completed per second
  double mean_requests_in_system = 0;  // time-averaged, from arrival to answer, kill or failure
  uint64_t worker_recycles = 0;        // limit_memory_soft
  double cron_cpu_s_done = 0;
  int min_ready_pods = 0;
  int max_ready_pods = 0;
  // Seconds during which fewer pods were ready than the Deployment asked for (the HPA waiting
  // for pods to start, or lost pods not yet replaced).
  double underprovisioned_s = 0;
  // When the window stands for a longer span (StackConfig::represents_s): the latencies of
  // `classes`, `tenants` and `all` are over the span, the requests that arrived from this time on
  // standing for the rest of it (span_weights.h). The window's length when there was no steady
  // stretch.
  double steady_from_s = 0;
  std::vector<ScalingEvent> scaling;
  std::vector<TimelinePoint> timeline;
};

}  // namespace headroom::sim
