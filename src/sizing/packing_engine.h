#pragma once
// Internals of PackPods (sizing/packing.h): the state of one packing, first-fit decreasing
// into it, the local improvement pass, and the LP vertices that guide which mixes to try.
// Not part of the public API; included by packing*.cc and their tests only.

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "sizing/packing.h"

namespace headroom::packing {

// One candidate type as the packer sees it.
struct TypeSlot {
  Allocatable alloc;
  double price_per_hour = 0;
};

struct Problem {
  std::span<const PodGroup> groups;
  std::vector<GroupRules> rules;
  std::vector<TypeSlot> types;
  int zone_count = 0;
  int max_nodes = 0;  // 0 = no limit
};

// How one first-fit-decreasing run opens nodes.
struct RunConfig {
  std::vector<int> preopen;  // types opened (spread over zones) before any pod is placed
  int new_type = 0;          // type of nodes opened when no open node fits
  int fallback_type = -1;    // used when a pod does not fit new_type (-1: none)
  std::string label;
};

struct Node {
  int type = 0;
  int zone = 0;
  int64_t cpu_m = 0;
  int64_t memory_mib = 0;
  int pods = 0;
  bool removed = false;
  std::vector<std::pair<int, int>> residents;  // (group, replica)
};

struct ImproveStats {
  int emptied = 0;
  int resized = 0;
};

class PackState {
 public:
  explicit PackState(const Problem& problem);

  // First-fit decreasing by dominant resource share. False when max_nodes would be exceeded.
  bool RunFfd(const RunConfig& config);
  // Empties least-loaded nodes into others, then moves nodes to cheaper types that still fit.
  ImproveStats Improve();
  // Moves every node to the cheapest type that still holds its pods; returns how many moved.
  int RightSize();

  [[nodiscard]] double CostPerHour() const;
  [[nodiscard]] int NodeCount() const;
  [[nodiscard]] const std::vector<Node>& nodes() const { return nodes_; }
  [[nodiscard]] const std::vector<std::vector<int>>& replica_node() const { return replica_node_; }

 private:
  [[nodiscard]] bool Fits(const Node& n, int group) const;
  [[nodiscard]] bool ZoneAllowed(int group, int zone, int min_count) const;
  [[nodiscard]] int LeastUsedZone(int group, int min_count) const;
  [[nodiscard]] int TypeFor(int group, const RunConfig& config) const;
  [[nodiscard]] int CountOn(int node, int group) const;
  [[nodiscard]] double Load(const Node& n) const;
  [[nodiscard]] bool MoveKeepsZoneRules(int group, int from_zone, int to_zone) const;
  int Open(int type, int zone);
  void Place(int group, int replica, int node);
  void Unplace(int group, int replica, int node);
  bool PlaceGroup(int group, const RunConfig& config, std::vector<int>& on_node);
  bool TryEmpty(int node);
  void DropRemovedAndEmpty();

  const Problem* problem_;
  std::vector<Node> nodes_;
  std::vector<std::vector<int>> zone_nodes_;  // per zone, node indices in opening order
  std::vector<std::vector<int>> replica_node_;
  std::vector<std::vector<int>> zone_count_;  // [group][zone]
  std::vector<int> zone_node_count_;          // open nodes per zone
};

// A vertex of the covering LP: one type (b = -1) or two, with fractional node counts.
struct LpVertex {
  int a = -1;
  int b = -1;
  double xa = 0;
  double xb = 0;
  double per_hour = 0;
};

// Every finite vertex of min Σ p·x s.t. Σ cpu·x ≥ cpu_m, Σ mem·x ≥ memory_mib, x ≥ 0:
// single types (x = max of the two ratios) and pairs where both constraints are tight with
// x ≥ 0, sorted by per_hour (ties: a, then b). Types with zero allocatable are skipped.
std::vector<LpVertex> LpVertices(std::span<const TypeSlot> types, double cpu_m, double memory_mib);

}  // namespace headroom::packing
