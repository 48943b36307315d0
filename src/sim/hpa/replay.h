#pragma once
// Replays a recorded load through an HPA: pods are created when the controller scales up and
// become Ready after a start-up delay, the load is shared equally by the Ready pods, and the
// controller (hpa/controller.h) syncs every sync period on the CPU samples this produces.
// Deterministic: the same inputs give the same report.
//
// Definitions (docs/autoscaling.md):
//   capacity      C(t) = ready pods × capacity per pod (the load a pod carries at 100 % of its
//                 CPU request);
//   utilisation   u(t) = load / C (the CPU of Ready pods over their requests);
//   under-provisioned while load > C × target, the target being the HPA's CPU utilisation target
//                 (or its average value over the request): demand exceeds what the Ready pods
//                 carry at the target. The HPA itself only acts beyond its tolerance, so the
//                 report also gives the time with load > C × target × (1 + scale-up tolerance);
//                 the difference is the slack the tolerance band allows;
//   SLO minute lost: a whole minute since the trace start during which u > the SLO threshold at
//                 some instant (with no Ready pod, any load counts).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "sim/hpa/controller.h"
#include "sim/hpa/load_trace.h"
#include "sim/hpa/spec.h"

namespace headroom::hpa {

struct ReplayOptions {
  // Load (in trace units) one Ready pod carries at 100 % of its CPU request. Unset: required
  // for a requests_per_s trace; for a cpu_cores trace, the request itself (a pod at its request
  // carries cpu_request_m / 1000 cores).
  std::optional<double> capacity_per_pod;
  int64_t cpu_request_m = 1000;
  double startup_s = 30;                    // from creation to Ready
  double slo_utilisation = 1;               // utilisation above which a minute counts as lost
  std::optional<int32_t> initial_replicas;  // Ready at the start; default minReplicas
  // The sampling window metrics-server reports (its default --metric-resolution, 15 s).
  double metric_window_s = 15;
  ControllerConfig controller;
};

// Bounds on the work a replay may ask for.
inline constexpr int64_t kMaxReplaySyncs = 1'000'000;  // about 173 days at 15 s
inline constexpr int32_t kMaxReplayReplicas = 10'000;

// One controller sync. The decision's per-pod name lists are not kept (only their sizes, in
// unready_pods and missing_pods), so a long replay stays small.
struct ReplaySync {
  double time_s = 0;
  double load = 0;
  int32_t replicas = 0;        // pods that exist (Ready or starting) before the sync
  int32_t ready_replicas = 0;  // Ready pods
  double utilisation = 0;      // load / capacity of Ready pods; 0 when there is none
  bool saturated = false;      // load with no Ready pod
  int32_t unready_pods = 0;    // set aside by the first metric's calculation
  int32_t missing_pods = 0;
  Decision decision;
};

struct ReplayReport {
  LoadUnit unit = LoadUnit::kRequestsPerS;
  double capacity_per_pod = 0;
  double target_utilisation = 0;  // fraction of the request
  double slo_utilisation = 1;
  double start_s = 0;
  double duration_s = 0;
  std::vector<ReplaySync> syncs;
  double scale_up_tolerance = 0.1;
  double under_provisioned_s = 0;
  double beyond_tolerance_s = 0;  // load > C × target × (1 + scale_up_tolerance)
  double over_slo_s = 0;
  int64_t slo_minutes_lost = 0;
  double pod_seconds = 0;  // integral of the pods that exist (starting pods included)
  int32_t peak_replicas = 0;
  int32_t min_replicas_seen = 0;
  int32_t scale_ups = 0;
  int32_t scale_downs = 0;
  double peak_utilisation = 0;  // highest finite utilisation of Ready pods
};

// Errors (ErrorCode::kUsage): an HPA metric that is not a CPU Resource metric (the replay
// produces CPU samples only); no capacity for a requests_per_s trace; a non-positive capacity,
// request, SLO threshold, sync period or window; a negative start-up delay; initial replicas
// outside [minReplicas, maxReplicas]; more than kMaxReplaySyncs syncs or a maxReplicas above
// kMaxReplayReplicas. REQUIRES: ApplyDefaults(spec) was called.
Result<ReplayReport> Replay(const LoadTrace& trace, const HpaSpec& spec,
                            const ReplayOptions& options);

}  // namespace headroom::hpa
