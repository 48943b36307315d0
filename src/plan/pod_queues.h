#pragma once
// Each pod's own queue, checked before the simulation.
//
// The Odoo sizing counts the HTTP workers as one pool (sizing/odoo_pool.h), but Traefik sends
// requests round robin over the ready pods and each pod queues its own for its own workers.
// With few workers per pod and report requests among the interactive ones, a pod's queue waits
// much longer than the pooled M/G/c says; the simulation then misses the month (most often its
// recovery window, on the pods a zone loss leaves) and the verify loop raises the workers per pod
// or the pods a step at a time, each step a simulated pass. The queue of one pod
// (sizing/odoo_latency.h, PodWaitAt) predicts most of those misses for microseconds: months
// whose pods' queues miss a limit are constrained before any window is simulated.
//
// The check is a constraint on the verified plan, like the simulation's findings, not part of
// the sizing: it would make the sizing's choice of pods and workers per pod depend on a search
// over both, which no longer grows with the load.

#include <string>
#include <utility>
#include <vector>

#include "estate/model.h"
#include "plan/plan.h"

namespace headroom {

// For every month whose pods' own queues miss a class's p95 target at the peak (on all pods) or
// its target × recovery_latency_factor at recovery (on the pods left after losing a zone), raises
// its constraint in `constraints` (grown to the plan's months as needed): the workers per pod one
// at a time up to the most a pod holds, then the pods a tenth at a time, to the first that meet
// every limit (at most kMostPodsFactor × the planned pods; past that the simulation decides).
// Months whose sizing saturated are left alone. Returns (month index, what changed).
std::vector<std::pair<int, std::string>> ConstrainPodQueues(
    const Plan& plan, const HeadroomPolicy& policy, const PlanSettings& settings,
    std::vector<MonthConstraint>* constraints);

inline constexpr int kMostPodsFactor = 4;

}  // namespace headroom
