#pragma once
// Per-tenant cost allocation following the OpenCost specification (opencost.io, "OpenCost
// Specification"): total cluster cost = workload cost + idle cost (+ shared overhead), where
//   workload cost = max(request, usage) × hours × rate, per resource (CPU and memory);
//   idle cost     = asset cost − workload cost;
//   shared costs  (ingress, monitoring, the control plane) are split by a chosen key: evenly,
//                 in proportion to workload cost, or in proportion to a metric.
// Tenants appear once each, sorted by name, whatever the order of the input.

#include <string>
#include <vector>

#include "common/result.h"
#include "cost/catalog.h"

namespace headroom {

// Price of one core-hour and one GiB-hour.
struct ResourceRates {
  double per_cpu_core_hour = 0;
  double per_memory_gib_hour = 0;
};

// Splits node prices into a price per vCPU-hour and per GiB-hour by least squares over the
// catalog's node types (price ≈ a × vcpu + b × memory_gib, no intercept): the catalog's own
// answer to "what does a core cost, what does a GiB cost". Errors when the node types do not
// tell the two apart (every type has the same memory per vCPU) or a weight comes out negative.
Result<ResourceRates> FitResourceRates(const Catalog& catalog);

// The rates for one node type: the fitted weights scaled so that vcpu × cpu rate +
// memory × memory rate equals the type's own price exactly (so a full node's workload cost is
// its asset cost). REQUIRES: weights.per_cpu_core_hour × vcpu + weights.per_memory_gib_hour ×
// memory_gib > 0.
ResourceRates NodeResourceRates(const NodeType& type, const ResourceRates& weights);

// One tenant's workload over the window (several entries for one tenant are added).
struct TenantWorkload {
  std::string tenant;
  double hours = 0;
  double cpu_request_cores = 0;  // averages over the window
  double cpu_usage_cores = 0;
  double memory_request_gib = 0;
  double memory_usage_gib = 0;
  double shared_metric = 0;  // the key for SharedSplit::kByMetric (users, requests, ...)
};

enum class SharedSplit { kEven, kByCost, kByMetric };
enum class IdleHandling {
  kSeparate,     // idle stays one line of its own (OpenCost's "__idle__")
  kShareByCost,  // idle is shared in proportion to workload cost
};

struct AllocationInput {
  double asset_cost = 0;  // cost of the nodes the workloads ran on, over the same window
  ResourceRates rates;
  std::vector<TenantWorkload> workloads;
  double shared_cost = 0;
  SharedSplit shared_split = SharedSplit::kEven;
  IdleHandling idle = IdleHandling::kSeparate;
};

struct TenantCost {
  std::string tenant;
  double cpu_cost = 0;
  double memory_cost = 0;
  double workload_cost = 0;  // cpu_cost + memory_cost
  double shared_cost = 0;
  double idle_cost = 0;  // 0 unless IdleHandling::kShareByCost
  double total = 0;
};

struct Allocation {
  std::vector<TenantCost> tenants;  // sorted by tenant name
  double workload_cost = 0;
  // asset − workload. Negative when workloads used more than the asset's priced capacity
  // (over-commitment): reported as it is, not hidden.
  double idle_cost = 0;
  double shared_cost = 0;
  // asset + shared = Σ tenant totals + (idle when kept separate).
  double total = 0;
};

// Errors (kInvalid) on negative inputs, an empty tenant name, or a split key that sums to
// zero (kByMetric with no metric; kByCost with no workload cost is split evenly instead).
Result<Allocation> AllocateTenantCosts(const AllocationInput& input);

}  // namespace headroom
