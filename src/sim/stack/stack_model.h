#pragma once
// The Odoo stack as a discrete-event model (docs/simulation.md, "The Odoo stack").
//
// A request of tenant t and class k arrives at Traefik, which sends it to the next ready HTTP pod
// (round robin). The pod's prefork workers take one request at a time from its backlog. A worker
// opens its transaction (a PgBouncer server connection, waited for in FIFO order), then alternates
// app CPU on the pod's cores (processor sharing among the pod's busy workers, at most one core
// each) with database calls (PostgreSQL CPU, processor sharing over its vCPU, then the storage
// reads as a delay), and answers. limit_time_real_s after a worker took a request the request is
// killed wherever it is and the worker re-forked; after a request, a worker whose virtual memory
// is above limit_memory_soft is recycled. Cron workers on their own pods push batch work through
// the same pool and PostgreSQL. The HPA (hpa::Controller, the upstream algorithm) syncs every
// 15 s on the pods' CPU and adds pods that serve after their start-up delay; a failure takes a
// zone's or a node's pods away, and the Deployment replaces them later.
//
//   StackConfig config = ...;            // or StackConfigFromPlan(...)
//   StackResult result = SimulateStack(config, /*seed=*/1);
//
// Deterministic: the same config and seed give the same result, bit for bit. Each arrival stream
// draws from its own named streams ("arrivals/<tenant>/<class>", "demands/<tenant>/<class>").

#include <cstdint>
#include <vector>

#include "sim/stack/stack_config.h"
#include "sim/stack/stack_result.h"

namespace headroom::sim {

// Runs the model for config.duration_s and returns what it measured after config.warmup_s.
// REQUIRES: every stream's class_index names a class; counts >= 1 where a pod, worker, zone or
// connection is counted; durations finite and >= 0.
StackResult SimulateStack(const StackConfig& config, uint64_t seed);

// The same window cut into `parts` consecutive slices of whole hours, simulated on as many
// threads and added up (stack_parts.cc): for a long window such as the peak day. Agrees with
// SimulateStack to the sampling error, not bit for bit (the slices draw from their own seeds);
// deterministic for a given seed and `parts`. A window that is short, has a warm-up, a failure
// or cron batch work runs whole (SimulateStack) whatever `parts` says.
StackResult SimulateStackInParts(const StackConfig& config, uint64_t seed, int parts);

// Requests per second the streams offer in each hour of the window, over every stream.
std::vector<double> HourlyOfferedRate(const StackConfig& config);
// Requests the window offers in all: what simulating it costs.
double OfferedRequests(const StackConfig& config);

}  // namespace headroom::sim
