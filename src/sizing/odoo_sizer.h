#pragma once
// Odoo application compute: HTTP workers, pods, memory, cron and websocket workers, HPA.

#include <cstdint>
#include <string>
#include <vector>

#include "estate/model.h"
#include "sizing/load.h"
#include "sizing/verdict.h"

namespace headroom {

// Odoo settings that shape the sizing (defaults from Odoo's documentation, see FACTS.md).
struct OdooSettings {
  int max_workers_per_pod = 8;           // HTTP workers per pod (prefork processes)
  double pod_max_cpu_cores = 4.0;        // CPU limit of one pod
  double limit_time_real_s = 120;        // kills requests running longer
  double limit_time_cpu_s = 60;
  double rss_per_vms = 0.6;              // resident / virtual memory of an Odoo worker
  double base_worker_rss_mib = 120;      // an idle prefork worker
  double master_rss_mib = 250;           // the master process and the gevent worker's base
  int sessions_per_gevent_worker = 1000; // websocket sessions one gevent worker holds
  double db_io_ms_per_read = 0.2;        // storage latency per 8 KiB block read
  double request_overhead_ms = 3;        // routing, session load, serialisation
  int min_replicas = 2;                  // HPA floor (kube-score: at least 2)
  double cron_efficiency = 0.8;          // share of a cron worker's time doing batch work
};

struct ClassLatency {
  std::string request_class;
  double p95_ms_peak = 0;       // predicted at the peak window with the planned workers
  double p95_ms_recovery = 0;   // at the recovery window on the capacity left after a zone loss
  double target_ms = 0;
  bool meets_target = true;
};

struct OdooSizing {
  int http_workers = 0;          // across all pods
  int workers_per_pod = 0;
  int pods = 0;                  // HTTP pods needed at peak (the HPA max covers recovery)
  int hpa_min_replicas = 0;
  int hpa_max_replicas = 0;
  double hpa_target_cpu_utilisation = 0.6;
  double pod_cpu_request_m = 0;
  double pod_cpu_limit_m = 0;
  double pod_memory_request_mib = 0;
  double pod_memory_limit_mib = 0;   // resident memory, what Kubernetes enforces
  double app_cpu_cores_peak = 0;     // CPU the HTTP workers burn at peak
  // odoo.conf, reconciled with the Kubernetes memory limit (Odoo checks virtual memory).
  int64_t limit_memory_soft_bytes = 0;
  int64_t limit_memory_hard_bytes = 0;
  int db_maxconn = 0;
  int cron_workers = 0;              // max_cron_threads across the cron deployment
  int cron_pods = 0;
  double batch_duration_h = 0;       // predicted duration of the month's heaviest batch
  bool batch_meets_deadline = true;
  int gevent_workers = 0;            // one per HTTP pod; sessions they hold at peak
  std::vector<ClassLatency> latency;
  LayerVerdict verdict;
};

// Odoo's documented rule of thumb, reported beside the load-based result.
struct OdooRuleOfThumb {
  double concurrent_users = 0;
  int workers_for_users = 0;     // concurrent users / 6
  int cpu_cores = 0;             // cores so that (2 × CPU + 1) covers the workers
  int workers = 0;               // min(workers_for_users, 2 × CPU + 1)
  double memory_gib = 0;         // workers × (0.8 × 150 MB + 0.2 × 1 GB)
};

OdooSizing SizeOdoo(const MonthLoad& load, const HeadroomPolicy& policy,
                    const OdooSettings& settings);
// REQUIRES: concurrent_users >= 0; cpu_cores = 0 means "as many as the users need".
OdooRuleOfThumb OdooRuleOfThumbFor(double concurrent_users, int cpu_cores = 0);

}  // namespace headroom
