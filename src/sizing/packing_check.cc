// Verification of a Placement against every constraint it claims to satisfy, and the loss
// checks. Independent of the packer: it recomputes every total from the assignment.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "sizing/packing.h"

namespace headroom {
namespace {

class Violations {
 public:
  void Add(const std::string& field, const std::string& message) {
    errors_.push_back(Error{ErrorCode::kInternal, message, Location{"", 0, 0, field}});
  }
  [[nodiscard]] bool empty() const { return errors_.empty(); }
  Status Done() { return errors_.empty() ? Status::Ok() : Status(std::move(errors_)); }

 private:
  Errors errors_;
};

bool ShapesAgree(const Placement& p, Violations& v) {
  if (p.rules.size() != p.groups.size() || p.replica_node.size() != p.groups.size()) {
    v.Add("placement", "rules and replica_node must have one entry per group");
    return false;
  }
  for (size_t g = 0; g < p.groups.size(); ++g) {
    if (static_cast<int>(p.replica_node[g].size()) != p.groups[g].replicas) {
      v.Add(fmt::format("placement.replica_node[{}]", g), "one node per replica expected");
      return false;
    }
  }
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    const PlacedNode& n = p.nodes[i];
    if (n.type_index < 0 || n.type_index >= static_cast<int>(p.node_types.size()) ||
        n.zone_index < 0 || n.zone_index >= static_cast<int>(p.zones.size())) {
      v.Add(fmt::format("placement.nodes[{}]", i), "type or zone index out of range");
      return false;
    }
  }
  return true;
}

void CheckRules(const Placement& p, Violations& v) {
  for (size_t g = 0; g < p.groups.size(); ++g) {
    const AntiAffinity a = p.groups[g].anti_affinity;
    const GroupRules& r = p.rules[g];
    const bool hostname = a == AntiAffinity::kHostname || a == AntiAffinity::kHostnameZoneSpread;
    const bool spread = a == AntiAffinity::kZoneSpread || a == AntiAffinity::kHostnameZoneSpread;
    if (hostname && r.max_per_node != 1) {
      v.Add(fmt::format("placement.rules[{}]", g), "hostname anti-affinity must allow 1 per node");
    }
    if (spread && (!r.zone_spread || r.max_skew > p.groups[g].zone_spread_max_skew)) {
      v.Add(fmt::format("placement.rules[{}]", g), "zone spread must be enforced");
    }
  }
}

void CheckNodes(const Placement& p, Violations& v) {
  std::vector<int64_t> cpu(p.nodes.size(), 0), mem(p.nodes.size(), 0);
  std::vector<int> pods(p.nodes.size(), 0);
  for (size_t g = 0; g < p.groups.size(); ++g) {
    for (size_t r = 0; r < p.replica_node[g].size(); ++r) {
      const int n = p.replica_node[g][r];
      if (n < 0 || n >= static_cast<int>(p.nodes.size())) {
        v.Add(fmt::format("placement.replica_node[{}][{}]", g, r), "replica not on a node");
        continue;
      }
      cpu[n] += p.groups[g].cpu_request_m;
      mem[n] += p.groups[g].memory_request_mib;
      ++pods[n];
    }
  }
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    const PlacedNode& n = p.nodes[i];
    const std::string f = fmt::format("placement.nodes[{}] ({})", i, n.name);
    const NodeType& type = p.node_types[n.type_index];
    if (!(n.allocatable == NodeAllocatable(type, p.daemonsets))) {
      v.Add(f, "allocatable differs from the node type's");
    }
    if (n.price_per_hour != type.price_per_hour) v.Add(f, "price differs from the node type's");
    if (cpu[i] != n.cpu_requested_m || mem[i] != n.memory_requested_mib || pods[i] != n.pods) {
      v.Add(f, "recorded requests differ from the replicas placed on it");
    }
    if (cpu[i] > n.allocatable.cpu_m) {
      v.Add(f, fmt::format("CPU requests {}m exceed allocatable {}m", cpu[i], n.allocatable.cpu_m));
    }
    if (mem[i] > n.allocatable.memory_mib) {
      v.Add(f, fmt::format("memory requests {} MiB exceed allocatable {} MiB", mem[i],
                           n.allocatable.memory_mib));
    }
    if (pods[i] > n.allocatable.pods) {
      v.Add(f, fmt::format("{} pods exceed max pods {}", pods[i], n.allocatable.pods));
    }
  }
}

void CheckGroups(const Placement& p, Violations& v) {
  for (size_t g = 0; g < p.groups.size(); ++g) {
    const GroupRules& r = p.rules[g];
    const std::string f = fmt::format("placement.groups[{}] ({})", g, p.groups[g].name);
    std::map<int, int> per_node;
    std::vector<int> per_zone(p.zones.size(), 0);
    for (int n : p.replica_node[g]) {
      if (n < 0 || n >= static_cast<int>(p.nodes.size())) continue;
      ++per_node[n];
      ++per_zone[p.nodes[n].zone_index];
    }
    for (const auto& [n, count] : per_node) {
      if (count > r.max_per_node) {
        v.Add(f, fmt::format("{} replicas on {} (at most {})", count, p.nodes[n].name,
                             r.max_per_node));
      }
    }
    const auto [lo, hi] = std::minmax_element(per_zone.begin(), per_zone.end());
    if (*hi > r.max_per_zone) {
      v.Add(f, fmt::format("{} replicas in one zone (at most {})", *hi, r.max_per_zone));
    }
    if (r.zone_spread && *hi - *lo > r.max_skew) {
      v.Add(f, fmt::format("zone skew {} exceeds {}", *hi - *lo, r.max_skew));
    }
  }
}

void CheckTotals(const Placement& p, Violations& v) {
  double cost = 0;
  std::map<std::pair<std::string, std::string>, int> counts;
  for (const PlacedNode& n : p.nodes) {
    cost += n.price_per_hour;
    ++counts[{p.node_types[n.type_index].name, p.zones[n.zone_index]}];
  }
  if (std::abs(cost - p.cost_per_hour) > 1e-9 * std::max(1.0, cost)) {
    v.Add("placement.cost_per_hour", "differs from the sum of node prices");
  }
  if (std::abs(p.monthly_cost - p.cost_per_hour * kHoursPerMonth) > 1e-9 * std::max(1.0, cost)) {
    v.Add("placement.monthly_cost", "must be cost_per_hour x 730");
  }
  int listed = 0;
  for (const NodeCount& c : p.node_counts) {
    listed += c.count;
    if (counts[{c.type, c.zone}] != c.count) {
      v.Add("placement.node_counts", fmt::format("{} in {} miscounted", c.type, c.zone));
    }
  }
  if (listed != static_cast<int>(p.nodes.size())) {
    v.Add("placement.node_counts", "do not add up to the number of nodes");
  }
}

// Replicas of each group left after losing the worst unit (zone or node) given by `unit_of`.
template <typename UnitOf>
bool SurvivesWorstLoss(const Placement& p, std::span<const double> needed, UnitOf unit_of) {
  for (size_t g = 0; g < p.groups.size(); ++g) {
    std::map<int, int> per_unit;
    for (int n : p.replica_node[g]) ++per_unit[unit_of(n)];
    int worst = 0;
    for (const auto& [unit, count] : per_unit) worst = std::max(worst, count);
    if (p.groups[g].replicas - worst < CeilReplicas(needed[g])) return false;
  }
  return true;
}

}  // namespace

Status CheckPlacement(const Placement& p) {
  Violations v;
  if (!ShapesAgree(p, v)) return v.Done();
  CheckRules(p, v);
  CheckNodes(p, v);
  CheckGroups(p, v);
  CheckTotals(p, v);
  return v.Done();
}

bool SurvivesZoneLoss(const Placement& p, std::span<const double> needed_after_loss) {
  return SurvivesWorstLoss(p, needed_after_loss, [&](int n) { return p.nodes[n].zone_index; });
}

bool SurvivesNodeLoss(const Placement& p, std::span<const double> needed_after_loss) {
  return SurvivesWorstLoss(p, needed_after_loss, [](int n) { return n; });
}

}  // namespace headroom
