#pragma once
// From the simulation's findings to extra constraints on the next sizing pass (the verify loop
// that engine/ sequences: size → simulate → constrain → size again).

#include <string>
#include <utility>
#include <vector>

#include "plan/plan.h"

namespace headroom {

// For every month whose verification failed, tightens its constraint in `constraints` (grown
// to the plan's months as needed):
//   - the peak window missed a target while the autoscaler lagged, and minReplicas is below the
//     planned pods: minReplicas rises to the pods (the HPA then starts the peak at its size);
//   - the time was lost in PostgreSQL (the window's bottleneck): its vCPU rises to the next size
//     of `postgres.vcpu_sizes`;
//   - the time was lost waiting for a PgBouncer connection: the transaction pool rises by a
//     quarter (at least two);
//   - otherwise (time lost in Odoo): the fewest pods, then workers per pod, with which each
//     pod's own queue, scaled to the simulated p95, meets the targets (plan/pod_queues.h,
//     ConstrainSimulatedMiss). Where that model has nothing to say (no missing class with a
//     limit, or no shape within its bounds), a fixed step: the workers per pod rise by half (at
//     least one, at most max_workers_per_pod and the month's workers_per_pod_max), the pods
//     kept. Traefik's round robin sends requests to pods whose few workers may all be held by
//     slow requests while other pods idle; more workers behind each pod's backlog pool that
//     risk, where more pods would spread the workers thinner. At the maximum, the pods rise by a
//     quarter (at least one) with the workers per pod kept.
// Returns (month index, what changed) for each month changed; empty when none failed.
std::vector<std::pair<int, std::string>> TightenConstraints(
    const Plan& plan, const HeadroomPolicy& policy, const PlanSettings& settings,
    std::vector<MonthConstraint>* constraints);

}  // namespace headroom
