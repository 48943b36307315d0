#pragma once
// Per-class service demands from measured utilisation and per-class throughput, by the service
// demand law (Denning and Buzen 1978; Menascé, Almeida and Dowdy, Performance by Design, 2004,
// §3.2): over any interval a resource's utilisation is U = Σ_k X_k D_k, with X_k the
// completions of class k per second and D_k its service demand in seconds of the resource per
// request. Many intervals give an over-determined linear system in the D_k, solved here by
// non-negative least squares (observe/nnls.h), since a demand is never negative. An optional
// background term U₀ (a constant column) absorbs what runs whatever the load: cron, the
// operating system, monitoring agents.

#include <string>
#include <vector>

#include "common/result.h"

namespace headroom {

struct DemandSamples {
  std::vector<std::string> classes;
  // Per interval: the busy cores (CPU-seconds per second) and each class's throughput per
  // second, in the order of `classes`.
  std::vector<double> busy_cores;
  std::vector<std::vector<double>> throughput_per_s;  // [interval][class]
};

struct DemandFit {
  std::vector<double> demand_s;  // per class, CPU-seconds per request, >= 0
  double background_cores = 0;   // U₀, >= 0 (0 when not fitted)
  double r_squared = 0;          // 1 − SS_res / SS_tot of the busy cores
  double rms_error_cores = 0;    // root mean square residual
  int intervals = 0;
};

// Fits the demands (and U₀ when `with_background`). Errors (kInvalid): fewer intervals than
// unknowns, rows of the wrong length, negative or non-finite values, a class with no
// throughput in any interval (its demand cannot be told).
Result<DemandFit> FitServiceDemands(const DemandSamples& samples, bool with_background);

}  // namespace headroom
