#pragma once
// Queueing networks of service centres, as in PDQ (Gunther 2005/2011, Analyzing Computer System
// Performance with Perl::PDQ):
//   closed networks: N customers circulating with think time Z, solved exactly by Mean Value
//     Analysis (Reiser & Lavenberg 1980). For n = 1..N:
//       R_k(n) = D_k (1 + Q_k(n − 1)) at a queueing centre, D_k at a delay centre,
//       X(n) = n / (Z + Σ_k R_k(n)),  Q_k(n) = X(n) R_k(n).
//     Queueing centres are single load-independent servers (product form, FCFS exponential or
//     PS); cost O(N · K).
//   open networks: Poisson arrivals at rate λ, each centre on its own (Jackson 1963): a
//     queueing centre with m servers is M/M/m, residence R_k = D_k (1 + C(m, a_k) / (m − a_k))
//     with a_k = λ D_k (R_k = D_k / (1 − U_k) for m = 1); a delay centre has R_k = D_k.
// D_k is the service demand of one customer at centre k over all its visits (visits × service
// time). A centre at or above full utilisation makes the open network saturated: its residence
// and the network response are then empty, never infinite.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/result.h"

namespace headroom::queueing {

enum class CentreKind {
  kQueue,  // customers queue for the servers
  kDelay,  // infinite servers: no queueing (think time, network latency)
};

struct Centre {
  std::string name;
  CentreKind kind = CentreKind::kQueue;
  double demand_s = 0.0;  // D_k, REQUIRES >= 0 and finite
  int64_t servers = 1;    // queueing centres: >= 1; closed networks require 1
};

struct ClosedCentreResult {
  std::string name;
  double utilisation = 0.0;   // U_k = X D_k (for a delay centre: the mean number present)
  double residence_s = 0.0;   // R_k(N)
  double queue_length = 0.0;  // Q_k(N), customers at the centre (waiting or in service)
};

struct ClosedNetworkResult {
  int64_t customers = 0;
  double think_time_s = 0.0;
  double throughput_per_s = 0.0;  // X(N); 0 if Z and every demand are 0 (no work is done)
  double response_s = 0.0;        // R(N) = Σ R_k(N); Σ D_k when N = 0 (one lone customer)
  std::vector<ClosedCentreResult> centres;
};

// Exact MVA. Errors (kInvalid): negative or non-finite demand or think time, negative customers,
// a queueing centre with servers != 1.
Result<ClosedNetworkResult> SolveClosedNetwork(std::span<const Centre> centres, int64_t customers,
                                               double think_time_s);

struct OpenCentreResult {
  std::string name;
  double utilisation = 0.0;           // λ D_k / m for a queueing centre; λ D_k for a delay centre
  bool saturated = false;             // queueing centre with λ D_k >= m
  std::optional<double> residence_s;  // R_k, empty when saturated
  std::optional<double> queue_length;  // λ R_k (Little), empty when saturated
};

struct OpenNetworkResult {
  double arrival_rate_per_s = 0.0;
  bool saturated = false;            // some centre is saturated
  std::optional<double> response_s;  // Σ R_k, empty when saturated
  std::optional<double> wait_s;      // Σ (R_k − D_k): time queueing, empty when saturated
  // The bottleneck: the queueing centre with the largest D_k / m, and the arrival rate
  // (min m / D_k) at which it saturates. Empty name and rate when no centre has demand.
  std::string bottleneck;
  std::optional<double> max_arrival_rate_per_s;
  std::vector<OpenCentreResult> centres;
};

// Errors (kInvalid): negative or non-finite demand or arrival rate, a queueing centre with
// servers < 1.
Result<OpenNetworkResult> SolveOpenNetwork(std::span<const Centre> centres,
                                           double arrival_rate_per_s);

}  // namespace headroom::queueing
