#pragma once
// What the simulation of a month's plan found, beside the analytic figures, and the extra
// constraints the next sizing pass takes from it. Plain types: the simulator (sim/stack/verify.h)
// fills MonthVerification from a Plan, the planner reads MonthConstraint, and engine/ sequences
// the two (sizing never calls the simulator).

#include <cstdint>
#include <string>
#include <vector>

namespace headroom {

struct SimulatedClass {
  std::string request_class;
  double target_ms = 0;         // the window's target (recovery: × recovery_latency_factor)
  double p95_ms_analytic = 0;   // the sizing's prediction (OdooSizing::latency)
  double p95_ms_simulated = 0;  // of the answered requests
  double p99_ms_simulated = 0;
  uint64_t completed = 0;
  uint64_t timeouts = 0;  // killed by limit_time_real
  uint64_t failed = 0;    // lost with a pod, or no ready pod
  bool meets_target = true;
  // Where its answered requests spent their time, mean ms: waiting for a worker, waiting for a
  // PgBouncer connection, app CPU on the pod, PostgreSQL CPU, storage reads.
  double queue_ms = 0;
  double pool_wait_ms = 0;
  double app_ms = 0;
  double db_ms = 0;
  double io_ms = 0;
};

struct SimulatedWindow {
  std::string window;  // "peak" or "recovery"
  double duration_s = 0;
  uint64_t seed = 0;
  std::vector<SimulatedClass> classes;
  double worker_utilisation_analytic = 0;
  double worker_utilisation_simulated = 0;
  double pod_cpu_utilisation_simulated = 0;
  double postgres_cpu_utilisation_analytic = 0;
  double postgres_cpu_utilisation_simulated = 0;
  double pool_utilisation_simulated = 0;
  int start_pods = 0;  // ready when the window opens
  int min_ready_pods = 0;
  int max_ready_pods = 0;
  int final_desired_pods = 0;  // the HPA's last word
  double underprovisioned_s = 0;
  bool autoscaler_lags = false;  // under-provisioned for more than 5% of the window
  bool meets_targets = true;
  // Where the classes that missed lost the most time beyond their own demands: "odoo" (waiting
  // for a worker, app CPU shared), "pgbouncer" (waiting for a connection) or "postgres"
  // (database CPU shared); empty when every class met its target.
  std::string bottleneck;
};

struct MonthVerification {
  bool simulated = false;
  // Why the month was not simulated: its sizing saturated (plan/saturation.h), so it cannot hold
  // at any size the plan may take and a simulation would only confirm it. Empty when simulated.
  std::string not_simulated;
  std::vector<SimulatedWindow> windows;
  // The sizing passes the month took: 1 (the analytic sizing held) plus one per adjustment.
  int passes = 1;
  std::vector<std::string> adjustments;  // what a failed simulation changed, in words
  bool holds = true;                     // every simulated window met its targets
};

// Extra constraints on one month's Odoo sizing, from a simulation that failed.
struct MonthConstraint {
  int min_pods = 0;               // HTTP pods at least this many
  int min_hpa_replicas = 0;       // the HPA's minReplicas at least this many (at most the pods)
  int min_workers_per_pod = 0;    // HTTP workers per pod at least this many
  int min_postgres_vcpu = 0;      // PostgreSQL's vCPU at least this many
  int min_pool_connections = 0;   // PgBouncer's transaction pool at least this many
  int min_postgres_clusters = 0;  // PostgreSQL clusters the databases spread over, at least

  friend bool operator==(const MonthConstraint&, const MonthConstraint&) = default;
};

}  // namespace headroom
