#pragma once
// Odoo application compute: HTTP workers, pods, memory, cron and websocket workers, HPA.
//
// SizeOdoo is a pure function of one month's load, the headroom policy and these settings: fast
// (microseconds), deterministic, total (finite numbers for any finite, non-negative input; a
// layer that cannot meet its targets is reported in the verdict, never thrown). The method,
// its formulas and sources are in docs/sizing-odoo.md; every default below is listed in
// docs/assumptions.md ("Sizing: odoo").

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "estate/model.h"
#include "sizing/load.h"
#include "sizing/verdict.h"

namespace headroom {

// Odoo settings that shape the sizing (defaults from Odoo's documentation, see FACTS.md).
struct OdooSettings {
  // HTTP workers per pod (prefork processes). Engineering estimate: 8 keeps a pod's memory
  // limit within a few GiB and a pod loss within 1/8 of a small estate's workers.
  int max_workers_per_pod = 8;
  // CPU limit of one pod. Engineering estimate: fits on 8-core nodes with room for a second pod.
  double pod_max_cpu_cores = 4.0;
  // Odoo's defaults (odoo/tools/config.py): requests running longer are killed. Predicted
  // latencies are reported at most limit_time_real_s (a request cannot take longer).
  double limit_time_real_s = 120;
  double limit_time_cpu_s = 60;
  // Resident / virtual memory of an Odoo worker. Engineering estimate: a 64-bit CPython worker
  // maps about 1.6 times the memory it touches (the Odoo deployment guide's sample config pairs
  // a ~1 GB heavy worker with limit_memory_hard = 1600 MiB); calibrate as RSS / VSZ of busy
  // workers in `ps`.
  double rss_per_vms = 0.6;
  // An idle prefork worker after fork (engineering estimate, the guide's ~150 MB light worker
  // less the memory a light request touches); a worker never holds less.
  double base_worker_rss_mib = 120;
  // The master process and the gevent worker's base (engineering estimate; calibrate from
  // the pod's RSS with no requests in flight).
  double master_rss_mib = 250;
  // Websocket sessions one gevent worker holds. Engineering estimate: one process, one core of
  // greenlets; Odoo sends a notification per session only when something changes.
  int sessions_per_gevent_worker = 1000;
  // Storage latency per 8 KiB block read (engineering estimate for network SSD volumes with
  // read-ahead; calibrate from pg_stat_io read_time / reads).
  double db_io_ms_per_read = 0.2;
  // Routing, session load and serialisation per request (engineering estimate).
  double request_overhead_ms = 3;
  // HPA floor: kube-score wants minReplicas >= 2 so that one pod loss leaves service.
  int min_replicas = 2;
  // Share of a cron worker's time doing batch CPU work, the rest waiting on PostgreSQL and
  // between jobs (engineering estimate; calibrate from a batch's CPU time / wall time).
  double cron_efficiency = 0.8;
  // HPA target CPU utilisation of the pods' requests. Engineering estimate: the HPA syncs every
  // 15 s and a new pod takes tens of seconds to start; 0.6 leaves room for the load to grow by
  // two thirds meanwhile.
  double hpa_target_cpu_utilisation = 0.6;
  // Odoo's connection pool per process (odoo.conf db_maxconn; Odoo's default is 64). A prefork
  // HTTP or cron worker holds one cursor per request and at most one more (a new cursor for a
  // log or a lock), so 8 leaves ample room while keeping the client connections PgBouncer must
  // accept (processes × db_maxconn) small.
  int db_maxconn = 8;
  // The gevent worker's pool (odoo.conf db_maxconn_gevent, Odoo 17 and later): it serves many
  // websockets as greenlets that may each hold a cursor, so it keeps Odoo's default of 64 that
  // it inherits from db_maxconn in older versions.
  int db_maxconn_gevent = 64;
  // max_cron_threads per cron pod: Odoo's default is 2 (odoo/tools/config.py).
  int cron_threads_per_pod = 2;
  // CPU request floor of an HTTP pod with no load: the master and the gevent worker
  // (engineering estimate; keeps the HPA's utilisation defined).
  double min_pod_cpu_request_m = 100;
  // Extra constraints from a failed simulation of the previous sizing pass (0: none): at least
  // this many HTTP pods, and an HPA minReplicas of at least this many (capped at the pods).
  int min_pods = 0;
  int min_hpa_replicas = 0;
  // ... and at least this many workers per pod (never above the pod's maximum).
  int min_workers_per_pod = 0;
  // Floors the plan's ratchet sets so that a month keeps an earlier or later month's capacity
  // as one consistent shape (0: none): at least this many HTTP workers across the pods (more
  // pods when the workers per pod are at their maximum), and at least this many cron workers.
  int min_http_workers = 0;
  int min_cron_workers = 0;
};

// Predicted p95 response times inside Odoo (queue + worker), rounded up by at most 0.5% and at
// most limit_time_real_s.
struct ClassLatency {
  std::string request_class;
  double p95_ms_peak = 0;      // predicted at the peak window with the planned workers
  double p95_ms_recovery = 0;  // at the recovery window on the capacity left after a zone loss
  double target_ms = 0;
  // peak <= target and recovery <= recovery_latency_factor × target, by the sizing's own test
  // (true when the class has no target).
  bool meets_target = true;
};

// Odoo's documented rule of thumb, reported beside the load-based result.
struct OdooRuleOfThumb {
  double concurrent_users = 0;
  int workers_for_users = 0;  // concurrent users / 6
  int cpu_cores = 0;          // cores so that (2 × CPU + 1) covers the workers
  int workers = 0;            // min(workers_for_users, 2 × CPU + 1)
  double memory_gib = 0;      // workers × (0.8 × 150 MB + 0.2 × 1 GB), MB read as MiB
};

struct OdooSizing {
  int http_workers = 0;     // across all pods (pods × workers_per_pod)
  int workers_per_pod = 0;  // odoo.conf `workers`
  // The most workers a pod may run: max_workers_per_pod, or fewer where the pod's CPU limit
  // (pod_max_cpu_cores) holds fewer of the month's workers.
  int workers_per_pod_max = 0;
  // HTTP pods planned: enough for every window, the recovery window on the pods left after
  // losing the worst zone included, plus the maintenance reserve, and for the websockets.
  int pods = 0;
  int http_workers_after_zone_loss = 0;  // workers left when the worst zone is lost
  int hpa_min_replicas = 0;
  int hpa_max_replicas = 0;
  double hpa_target_cpu_utilisation = 0.6;  // holds `pods` at peak (raised if capped, see docs)
  double pod_cpu_request_m = 0;
  double pod_cpu_limit_m = 0;
  double pod_memory_request_mib = 0;
  double pod_memory_limit_mib = 0;  // resident memory, what Kubernetes enforces
  double app_cpu_cores_peak = 0;    // CPU the HTTP workers burn at peak
  // HTTP worker utilisation per window ([kSustained, kPeak, kRecovery]); recovery on the
  // workers left after a zone loss.
  std::array<double, 3> worker_utilisation{};
  // odoo.conf, reconciled with the Kubernetes memory limit (Odoo checks virtual memory).
  int64_t limit_memory_soft_bytes = 0;
  int64_t limit_memory_hard_bytes = 0;
  // Connection pools per process: PgBouncer must accept, per HTTP pod,
  // workers_per_pod × db_maxconn + db_maxconn_gevent, and per cron pod
  // max_cron_threads × db_maxconn.
  int db_maxconn = 0;
  int db_maxconn_gevent = 0;
  int cron_workers = 0;  // max_cron_threads across the cron deployment
  int cron_pods = 0;
  int max_cron_threads = 0;     // per cron pod
  double batch_duration_h = 0;  // predicted duration of the month's heaviest batch
  bool batch_meets_deadline = true;
  int gevent_workers = 0;             // one per HTTP pod; sessions they hold at peak
  std::vector<ClassLatency> latency;  // short (not long-lived) classes, in MonthLoad order
  OdooRuleOfThumb rule_of_thumb;      // for sessions[kPeak] concurrent users
  LayerVerdict verdict;
};

OdooSizing SizeOdoo(const MonthLoad& load, const HeadroomPolicy& policy,
                    const OdooSettings& settings);
// REQUIRES: concurrent_users >= 0; cpu_cores = 0 means "as many as the users need".
OdooRuleOfThumb OdooRuleOfThumbFor(double concurrent_users, int cpu_cores = 0);

}  // namespace headroom
