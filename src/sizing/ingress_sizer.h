#pragma once
// Ingress (Traefik): requests per second, connections, bandwidth, replicas, rate limits.
//
// Traefik terminates TLS, routes `/websocket` to Odoo's gevent port and the rest to the HTTP
// workers. Each replica's CPU is spent per request; its memory grows with the connections it
// holds (browser keep-alive connections and one proxied websocket per active user). Replicas
// spread over the zones must carry the recovery load after losing the worst zone.
// docs/sizing-ingress.md gives the method, a worked example and the sources.

#include <algorithm>

#include "estate/model.h"
#include "sizing/load.h"
#include "sizing/verdict.h"

namespace headroom {

struct IngressSettings {
  // Engineering estimate: half of Traefik 2.4's measured plain-HTTP rate per core (8,371
  // requests/s on 1.5 cores of an AWS r5.xlarge, easegress-io/easegress benchmark), for TLS,
  // larger Odoo responses and middlewares.
  double rps_per_core = 2500;
  // Browsers open up to 6 HTTP/1.1 connections per host name; with HTTP/2 end to end one is
  // enough (set 1).
  double connections_per_user = 6;
  // Engineering estimate: Traefik sets no connection limit of its own (traefik/traefik#739);
  // this keeps one replica's connection memory near 1 GiB and its garbage collector's work
  // bounded.
  double connections_per_replica = 20000;
  double replica_cpu_cores = 1;  // CPU a replica may use (its size for the rps capacity)
  // Engineering estimate: Traefik's base resident memory with its routing table, certificates
  // and metrics, before connections.
  double replica_memory_mib = 256;
  // Engineering estimate from Go's net/http server: a 4 KiB read and a 4 KiB write buffer per
  // connection, the serving goroutine's stack (8 KiB once grown) and crypto/tls record buffers
  // (up to 16 KiB): about 32 KiB per idle TLS keep-alive connection.
  double keepalive_connection_kib = 32;
  // traefik/traefik#5149: about 800 MB for 15,000 proxied websockets per instance, 53 KiB each
  // (client and backend connections, copy buffers); 64 KiB with margin.
  double websocket_connection_kib = 64;
  // Engineering estimate: beyond this many replicas one Traefik deployment is reported
  // saturated. With several PostgreSQL clusters each cell has its own (plan/ingress_cells.h).
  int max_replicas = 64;
  // Rate-limit suggestion (Traefik RateLimit middleware, grouped by request host so that each
  // tenant has its own bucket). Engineering estimate: 2 × the estate's busiest rate (the larger
  // of peak and recovery) never throttles a tenant's own traffic, even on one replica, yet stops
  // a runaway client before it takes the platform; a burst of 2 s covers a page load's RPCs.
  double rate_limit_factor = 2;
  double rate_limit_burst_s = 2;
  // Traefik reads average 0 as "no rate limiting": never suggest less than this.
  double rate_limit_min_per_s = 10;
};

struct IngressSizing {
  // Traefik deployments, one per cell, each behind its own load balancer (plan/ingress_cells.h);
  // with several, every figure below is the busiest cell's, sized on cell_share of the estate's
  // requests and sessions.
  int cells = 1;
  double cell_share = 1;
  double rps_sustained = 0;
  double rps_peak = 0;
  double rps_recovery = 0;
  double concurrent_connections = 0;           // keep-alive plus websockets, at peak
  double concurrent_connections_recovery = 0;  // ... at recovery
  double bandwidth_mbit_s = 0;                 // responses at peak (1 Mbit = 10^6 bits)
  double bandwidth_mbit_s_recovery = 0;
  int replicas = 0;
  int replicas_after_zone_loss = 0;  // replicas left when the worst zone (or one node) is lost
  double replica_cpu_request_m = 0;
  double replica_memory_request_mib = 0;
  // Traefik RateLimit middleware `average` (requests per second, period 1 s) and `burst`
  // (requests), per source and per replica.
  double rate_limit_average_per_s = 0;
  double rate_limit_burst = 0;
  LayerVerdict verdict;
};

// Traefik's replicas over every cell: what the ratchet, the coverage and the roadmap count.
inline double TotalReplicas(const IngressSizing& ingress) {
  return static_cast<double>(ingress.replicas) * std::max(1, ingress.cells);
}

// Replicas left after losing the worst zone: n − ceil(n / zones) when policy.survive_zone_loss
// and zones >= 2; n − 1 when only a node loss must be survived (or there is a single zone);
// otherwise n. REQUIRES: n >= 0.
int ReplicasAfterLoss(int n, const HeadroomPolicy& policy);

// Sizes the ingress for the month. Pure, total: non-finite or negative inputs read as 0, and a
// load no allowed replica count carries gives max_replicas with verdict.saturated = true.
IngressSizing SizeIngress(const MonthLoad& load, const HeadroomPolicy& policy,
                          const IngressSettings& settings);

}  // namespace headroom
