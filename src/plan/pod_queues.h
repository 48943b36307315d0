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
// whose pods' queues miss a limit are constrained before any window is simulated. A worker holds
// its request while PostgreSQL serves it, so the queues take each class's database time as the
// month's PostgreSQL serves it in the window (its processor-sharing slowdown on the planned
// vCPU), not at full speed as the sizing does.
//
// The check is a constraint on the verified plan, like the simulation's findings, not part of
// the sizing: it would make the sizing's choice of pods and workers per pod depend on a search
// over both, which no longer grows with the load.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "estate/model.h"
#include "plan/plan.h"

namespace headroom {

// For every month whose pods' own queues miss a class's p95 target at the peak (on all pods) or
// its target × recovery_latency_factor at recovery (on the pods left after losing a zone), sets
// its constraint in `constraints` (grown to the plan's months as needed) to the fewest pods with
// which every limit is met at no more than the most workers a pod holds, and the fewest workers
// per pod at that count; never fewer workers in all than the sizing planned, at the peak and at
// recovery, and at most kMostPodsFactor × the planned pods (past that the simulation decides).
// Fewest pods first: a pod's fixed memory and its share of a node cost more than a worker. A
// heavier load plans no fewer pods or workers and its queues wait no less, so the shape it gets
// has no fewer pods and, at the same pods, no fewer workers per pod. A limit is met as the sizing
// meets it (MeetsP95OrAlmostNoWait). Months whose sizing saturated are left alone, but for one
// saturated only by a target below a class's service time (SaturatedLayersBeyondTargets).
// Returns (month index, what changed).
std::vector<std::pair<int, std::string>> ConstrainPodQueues(
    const Plan& plan, const HeadroomPolicy& policy, const PlanSettings& settings,
    std::vector<MonthConstraint>* constraints);

// After the simulation missed `failed`, a window of `m`, with the time lost waiting in Odoo: the
// limits of the classes that missed are scaled by their simulated p95 over the one each pod's
// own queue predicts for the shape simulated, and the constraint rises to the fewest pods, then
// workers per pod, no fewer than simulated, with which the scaled queues meet every limit: the
// step the queue model, told what the simulation measured, says is enough, instead of a fixed
// one that may overshoot. Returns what changed, or nothing when no class of the window with a
// limit missed or no shape within kMostPodsFactor × the pods meets them (the caller then steps).
std::optional<std::string> ConstrainSimulatedMiss(const MonthPlan& m, const SimulatedWindow& failed,
                                                  const HeadroomPolicy& policy,
                                                  const PlanSettings& settings, MonthConstraint* c);

inline constexpr int kMostPodsFactor = 4;

}  // namespace headroom
