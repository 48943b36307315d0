#pragma once
// Ingress (Traefik): requests per second, connections, bandwidth, replicas.

#include <cstdint>
#include <string>
#include <vector>

#include "estate/model.h"
#include "sizing/load.h"
#include "sizing/verdict.h"

namespace headroom {

struct IngressSettings {
  double rps_per_core = 2500;          // TLS-terminating proxy throughput per core
  double connections_per_user = 6;     // browser keep-alive connections
  double connections_per_replica = 20000;
  double replica_cpu_cores = 1;
  double replica_memory_mib = 256;
};

struct IngressSizing {
  double rps_peak = 0;
  double rps_recovery = 0;
  double concurrent_connections = 0;   // keep-alive plus websockets
  double bandwidth_mbit_s = 0;         // responses at peak
  int replicas = 0;
  double replica_cpu_request_m = 0;
  double replica_memory_request_mib = 0;
  LayerVerdict verdict;
};

IngressSizing SizeIngress(const MonthLoad& load, const HeadroomPolicy& policy,
                          const IngressSettings& settings);

}  // namespace headroom
