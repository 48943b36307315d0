#pragma once
// From one month of the plan to a StackConfig: the sized configuration of every layer (pods,
// workers, CPU limits and requests, the HPA, odoo.conf limits, the PgBouncer pool, PostgreSQL's
// vCPU, the cron workers) and the month's load in one window.
//
//   peak      one hour at the planning quantile's peak rates, starting with the HPA at its
//             minReplicas (where it settles in the sustained window) so the scale-up is seen;
//   recovery  one hour at the recovery rates, starting with the planned pods and the worst zone
//             lost at time 0 (when the policy survives a zone loss), its pods replaced later;
//   day       24 hours from caller-given hourly streams (per tenant), starting at minReplicas.

#include <string_view>
#include <vector>

#include "common/result.h"
#include "estate/model.h"
#include "plan/plan.h"
#include "sim/stack/stack_config.h"

namespace headroom::sim {

enum class SimWindow { kPeak, kRecovery, kDay };

// "peak", "recovery", "day".
std::string_view SimWindowName(SimWindow window);
// Parses a window name; kInvalid naming the accepted words otherwise.
Result<SimWindow> ParseSimWindow(std::string_view name);

// What the simulation adds to the sizing's settings. Engineering estimates, listed in
// docs/assumptions.md ("Simulation").
struct SimulationSettings {
  // Scheduling, image already on the node, Odoo's registry load and the first readiness probe.
  double pod_startup_s = 30;
  // Kubernetes replaces pods of an unreachable node after node-monitor-grace-period (40 s) and
  // the default not-ready/unreachable toleration (300 s).
  double replacement_delay_s = 340;
  // Database round trips a request's app CPU is split around (coarse on purpose: the order of
  // CPU and database time matters, not the count of queries, and each costs events).
  int db_queries_per_request = 1;
  // After a kill or a recycle the master reaps the worker (SIGCHLD wakes its loop) and forks a
  // new one, which inherits the loaded registry.
  double worker_respawn_s = 0.2;
  double timeline_step_s = 60;
  // The peak and recovery windows simulate the first 20 minutes of their hour: the HPA's
  // scale-up (or the zone loss, the replacement of its pods and their start) and a steady stretch
  // after it. The rates are constant within the hour, so the rest of the hour would repeat the
  // steady stretch; the p95 weighs the transient three times more than over the whole hour,
  // which errs on the safe side.
  double window_s = 1200;
  // Requests one window simulates at most: a busier estate simulates a shorter window at the
  // same rates (never under min_window_s), so a plan's verification stays bounded whatever the
  // estate's size.
  double max_window_requests = 5000;
  double min_window_s = 300;
  // The autoscaler lags when fewer pods are ready than it asked for during more than this share
  // of the window.
  double lag_share = 0.05;
  // Threads the verification of a plan runs its windows on. Windows are independent and each
  // draws from its own seed, so the figures are the same for any count.
  int threads = 2;
};

// REQUIRES: `month` was sized (its odoo and postgres sizings are filled).
StackConfig StackConfigFor(const MonthPlan& month, const HeadroomPolicy& policy,
                           const PlanSettings& settings, SimWindow window,
                           const SimulationSettings& simulation);

// The p95 target of class `index` in `window` (recovery: × recovery_latency_factor); 0: none.
double WindowTargetMs(const MonthPlan& month, const HeadroomPolicy& policy, size_t index,
                      SimWindow window);

}  // namespace headroom::sim
