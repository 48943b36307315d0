#pragma once
// A machine shape that Kubernetes nodes can be made of: the part of a price catalog that
// sizing needs. It lives in sizing/ (not cost/) so that sizing never depends on cost/; the
// catalog (cost/catalog.h) holds a list of these next to its other prices.

#include <string>

namespace headroom {

// Billing hours in a month: 365 days × 24 h / 12 months = 730 h. Cloud price calculators turn
// an hourly list price into a monthly one with 730 h (Infracost prints "730 hours" for an
// always-on instance), so monthly figures here compare directly with a provider's estimate.
inline constexpr double kHoursPerMonth = 730.0;

// Kubelet's default --max-pods, used when a catalog does not say.
inline constexpr int kDefaultMaxPods = 110;

enum class NodeClass { kGeneralPurpose, kComputeOptimised, kMemoryOptimised };

struct NodeType {
  std::string name;  // e.g. "m7i.xlarge"
  NodeClass node_class = NodeClass::kGeneralPurpose;
  double vcpu = 0;
  double memory_gib = 0;
  double price_per_hour = 0;       // on-demand list price, in the catalog's currency
  int max_pods = kDefaultMaxPods;  // pods the node's network plugin can address
  double local_ssd_gib = 0;        // instance-store NVMe; 0 = network block storage only

  friend bool operator==(const NodeType&, const NodeType&) = default;
};

// "general purpose", "compute optimised", "memory optimised".
const char* NodeClassName(NodeClass node_class);

}  // namespace headroom
