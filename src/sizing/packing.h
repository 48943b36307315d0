#pragma once
// Placement of pods on nodes: how many nodes of which types in which zones, and which node
// every replica runs on, at the lowest cost found, with a lower bound that says how far from
// optimal the answer can be.
//
// Constraints honoured by every placement (CheckPlacement verifies them all):
//   - requests fit the node's allocatable on CPU and on memory, and pods fit max pods;
//   - hostname anti-affinity: no two replicas of a group on one node;
//   - zone spread: per-zone replica counts of a group differ by at most its max skew (counted
//     over every zone, as topologySpreadConstraints with whenUnsatisfiable: DoNotSchedule);
//   - survival caps: with survive_zone_loss / survive_node_loss and a group's
//     needed_after_loss N, no zone / node holds more than replicas − ⌈N⌉ of the group.
//
// Algorithm (docs/packing.md): first-fit decreasing by dominant resource share, run for each
// candidate node type alone and for the most promising mixes of two types (guided by the LP
// bound below), then, on the cheapest few, a local improvement that empties the least-loaded
// nodes into the others and moves each remaining node to the cheapest type that still holds
// its pods. The cheapest result wins; ties go to fewer nodes, then to the earlier candidate.
//
// Lower bound: the larger of (a) the LP relaxation min Σ price_t·x_t subject to
// Σ cpu_t·x_t ≥ total CPU requests, Σ mem_t·x_t ≥ total memory requests, x ≥ 0 (allocatable
// capacities), solved exactly (an optimal vertex uses one type or two), and (b) for each group
// limited to k replicas per node, ⌈replicas / k⌉ nodes of the cheapest type that fits its pod.

#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/result.h"
#include "sizing/allocatable.h"
#include "sizing/node_type.h"

namespace headroom {

enum class AntiAffinity {
  kNone,
  kHostname,            // at most one replica per node
  kZoneSpread,          // replicas spread over zones within zone_spread_max_skew
  kHostnameZoneSpread,  // both
};

// Identical replicas of one workload (e.g. one tenant's Odoo HTTP pods).
struct PodGroup {
  std::string name;
  int replicas = 0;
  int64_t cpu_request_m = 0;
  int64_t memory_request_mib = 0;
  AntiAffinity anti_affinity = AntiAffinity::kNone;
  int zone_spread_max_skew = 1;
  // Replicas' worth of load that must survive the loss of a zone / node (from sizing); 0 = none.
  double needed_after_loss = 0;
};

// ⌈needed⌉ replicas for a need given as a real number; the 1e-9 tolerance keeps float noise
// (2.0000000001) from rounding up to 3.
inline int CeilReplicas(double needed) { return static_cast<int>(std::ceil(needed - 1e-9)); }

struct PackingOptions {
  int max_nodes = 0;  // 0 = no limit
  // Spread every group of 2+ replicas over zones (its max skew), and cap each zone at
  // replicas − ⌈needed_after_loss⌉.
  bool survive_zone_loss = false;
  // Cap each node at replicas − ⌈needed_after_loss⌉ replicas of a group.
  bool survive_node_loss = false;
  DaemonsetOverhead daemonsets = kDefaultDaemonsetOverhead;
  // Mixes of two node types tried, best first by their LP value. Eight keeps a 10,000-pod
  // packing well under a second while covering the pairs that matter (docs/packing.md).
  int max_pair_candidates = 8;
  // Results (cheapest first) that get the local improvement pass.
  int improve_top = 3;
};

// The rules a placement applies to one group, derived from the group and the options.
struct GroupRules {
  int max_per_node = 0;  // 1 with hostname anti-affinity; replicas when unconstrained
  bool zone_spread = false;
  int max_skew = 1;
  int max_per_zone = 0;  // replicas when unconstrained
};

GroupRules RulesFor(const PodGroup& group, const PackingOptions& options);

struct PlacedNode {
  std::string name;    // "<type>/<zone>/<n>", n counting from 1 per type and zone
  int type_index = 0;  // into Placement::node_types
  int zone_index = 0;  // into Placement::zones
  double price_per_hour = 0;
  Allocatable allocatable;
  int64_t cpu_requested_m = 0;
  int64_t memory_requested_mib = 0;
  int pods = 0;

  [[nodiscard]] double CpuUtilisation() const;  // requested / allocatable, 0 when empty
  [[nodiscard]] double MemoryUtilisation() const;
};

struct NodeCount {
  std::string type;
  std::string zone;
  int count = 0;
};

struct LowerBound {
  double lp_per_hour = 0;
  std::vector<std::pair<std::string, double>> lp_nodes;  // fractional nodes per type
  double anti_affinity_per_hour = 0;
  std::string anti_affinity_group;  // the group that sets (b), empty when none
  double per_hour = 0;              // max of the two
  double monthly = 0;
};

struct Placement {
  std::vector<PodGroup> groups;
  std::vector<GroupRules> rules;  // one per group
  std::vector<NodeType> node_types;
  std::vector<std::string> zones;
  DaemonsetOverhead daemonsets;
  std::vector<PlacedNode> nodes;
  std::vector<std::vector<int>> replica_node;  // [group][replica] → index into nodes
  std::vector<NodeCount> node_counts;          // by type (input order), then zone
  std::vector<std::string> winning_types;      // distinct types used, input order
  std::string strategy;                        // how the winner was built
  double cost_per_hour = 0;
  double monthly_cost = 0;  // cost_per_hour × 730
  LowerBound bound;
  double optimality_gap = 0;  // (monthly_cost − bound.monthly) / bound.monthly; 0 when both 0
};

// Packs the groups onto nodes of the candidate types in the given zones.
// Errors (kInvalid) with the offending field: malformed input, a pod larger than every
// candidate type's allocatable, survival caps that cannot be met, or more nodes needed than
// options.max_nodes.
Result<Placement> PackPods(std::span<const PodGroup> groups, std::span<const NodeType> candidates,
                           std::span<const std::string> zones, const PackingOptions& options);

// The lower bound described above (monthly = per_hour × 730).
LowerBound PackingLowerBound(std::span<const PodGroup> groups, std::span<const NodeType> candidates,
                             const PackingOptions& options);

// Verifies every constraint and every recorded total of a placement; returns all violations.
Status CheckPlacement(const Placement& placement);

// True when every group keeps at least ⌈needed_after_loss[g]⌉ replicas after losing the zone
// that holds most of it. REQUIRES: needed_after_loss.size() == placement.groups.size().
bool SurvivesZoneLoss(const Placement& placement, std::span<const double> needed_after_loss);
// The same for the loss of any one node.
bool SurvivesNodeLoss(const Placement& placement, std::span<const double> needed_after_loss);

}  // namespace headroom
