#pragma once
// What the Odoo stack simulation runs: the configuration of every layer a request crosses
// (Traefik, the HTTP pods and their prefork workers, PgBouncer, PostgreSQL), the HPA that sizes
// the pod count, the cron workers, the arrivals per tenant and request class, and an optional
// failure. Plain numbers with units; stack_from_plan.h fills one from a month of the plan.
// docs/simulation.md ("The Odoo stack") describes the model.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/hpa/spec.h"

namespace headroom::sim {

// One request class: what a request of it costs.
struct StackClass {
  std::string name;
  double app_cpu_ms = 0;         // CPU in the Odoo worker, request overhead included
  double db_cpu_ms = 0;          // PostgreSQL CPU, spread over the request's queries
  double db_io_ms = 0;           // storage reads, spread over the queries (a delay, not a queue)
  double service_cv = 1;         // of each demand (lognormal; 1 with exponential_service)
  double worker_memory_mib = 0;  // peak resident memory of a worker serving it
  double p95_target_ms = 0;      // 0: no target
};

// Arrivals of one tenant's requests of one class: a Poisson process whose rate is constant within
// each hour and steps at the hour (a non-homogeneous Poisson process, piecewise constant).
struct StackStream {
  std::string tenant;
  int class_index = 0;
  std::vector<double> hourly_rate_per_s;  // hour h covers [h × 3600, (h + 1) × 3600) s
};

// Cron workers running batch work: `batch_cpu_s` CPU-seconds released at the start, taken in
// chunks by `workers` single-threaded workers on their own pods; each chunk also costs PostgreSQL
// `db_cpu_per_app_cpu` times its CPU and holds a PgBouncer connection while it is in the database.
struct StackCron {
  int workers = 0;
  double batch_cpu_s = 0;
  double chunk_cpu_s = 1.0;
  double db_cpu_per_app_cpu = 0.4;
};

// A node or a zone going down: at `at_s` the pods on it are lost with their requests; the
// Deployment controller replaces them `replacement_delay_s` later (Kubernetes evicts pods from an
// unreachable node after node-monitor-grace-period 40 s plus the default toleration of 300 s),
// and a replacement serves once it has started (`pod_startup_s`).
struct StackFailure {
  double at_s = 0;
  bool whole_zone = true;  // false: one node, holding the pods of one zone's first node
  int zone = 0;
  double replacement_delay_s = 340;
};

struct StackConfig {
  std::vector<StackClass> classes;
  std::vector<StackStream> streams;

  // HTTP pods: `initial_pods` ready at time 0, spread round-robin over `zones`; each runs
  // `workers_per_pod` prefork workers sharing `pod_cpu_cores` (its CPU limit) by processor
  // sharing. Traefik sends each request to the next ready pod (round robin); a pod queues it in
  // its listen backlog until a worker is free.
  int initial_pods = 1;
  int zones = 1;
  int pods_per_node = 1;  // pods of one zone on one node (for a node failure)
  int workers_per_pod = 1;
  double pod_cpu_cores = 1;
  double pod_cpu_request_m = 1000;
  double pod_startup_s = 30;  // scheduling, image, Odoo start, readiness probe

  // Odoo limits: a request still running limit_time_real_s after its worker took it is killed
  // (the worker is re-forked); a worker whose virtual memory exceeds limit_memory_soft after a
  // request is recycled.
  double limit_time_real_s = 120;
  double limit_memory_soft_mib = 2048;
  double worker_base_rss_mib = 120;
  double rss_per_vms = 0.6;
  double worker_respawn_s = 1.0;

  // PgBouncer transaction pool (a request holds a server connection for its whole transaction)
  // and PostgreSQL CPU (processor sharing over its vCPU).
  int pool_connections = 1;
  double postgres_vcpu = 1;
  int db_queries_per_request = 4;  // app CPU and DB calls alternate

  StackCron cron;
  std::optional<StackFailure> failure;

  // The HPA on the HTTP Deployment; no HPA: the pod count stays at initial_pods.
  std::optional<hpa::HpaSpec> hpa;
  double hpa_sync_period_s = 15;

  double duration_s = 3600;
  // The span of the same traffic the window stands for, when longer than the window (0: the
  // window itself): the latencies then weigh the requests that arrived once the Deployment last
  // had every pod it asked for as the rest of the span (span_weights.h).
  double represents_s = 0;
  double warmup_s = 0;  // statistics start here
  // Statistics end here (0: at duration_s): requests that arrived before it are still followed
  // to their answer, kill or failure until duration_s, so a window cut in parts
  // (SimulateStackInParts) loses none of the requests in flight at a cut.
  double observe_until_s = 0;
  double timeline_step_s = 60;       // one timeline point per step
  bool exponential_service = false;  // exponential demands (for tests against M/M/c)
};

// The window stands for a longer span of its traffic: its latencies are weighed over it.
inline bool StandsForLongerSpan(const StackConfig& c) { return c.represents_s > c.duration_s; }

}  // namespace headroom::sim
