#include "sizing/packing.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "sizing/packing_engine.h"

namespace headroom {
namespace {

using packing::LpVertex;
using packing::PackState;
using packing::RunConfig;
using packing::TypeSlot;

bool IsHostname(AntiAffinity a) {
  return a == AntiAffinity::kHostname || a == AntiAffinity::kHostnameZoneSpread;
}
bool IsSpread(AntiAffinity a) {
  return a == AntiAffinity::kZoneSpread || a == AntiAffinity::kHostnameZoneSpread;
}

bool PodFits(const Allocatable& a, const PodGroup& g) {
  return g.cpu_request_m <= a.cpu_m && g.memory_request_mib <= a.memory_mib && a.pods >= 1;
}

std::vector<TypeSlot> Slots(std::span<const NodeType> candidates, const DaemonsetOverhead& d) {
  std::vector<TypeSlot> slots;
  for (const NodeType& t : candidates) slots.push_back({NodeAllocatable(t, d), t.price_per_hour});
  return slots;
}

class InputChecker {
 public:
  void Require(bool ok, const std::string& field, const std::string& message) {
    if (!ok) errors_.push_back(InvalidError(message, Location{"", 0, 0, field}));
  }
  Errors& errors() { return errors_; }

 private:
  Errors errors_;
};

void CheckZonesAndTypes(std::span<const NodeType> candidates, std::span<const std::string> zones,
                        InputChecker& check) {
  check.Require(!zones.empty(), "zones", "needs at least one zone");
  std::set<std::string> seen_zones;
  for (size_t i = 0; i < zones.size(); ++i) {
    check.Require(!zones[i].empty() && seen_zones.insert(zones[i]).second,
                  fmt::format("zones[{}]", i), "zone names must be unique and not empty");
  }
  check.Require(!candidates.empty(), "node_types", "needs at least one candidate node type");
  std::set<std::string> seen_types;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const NodeType& t = candidates[i];
    const std::string f = fmt::format("node_types[{}]", i);
    check.Require(!t.name.empty() && seen_types.insert(t.name).second, f + ".name",
                  "node type names must be unique and not empty");
    check.Require(t.vcpu > 0 && t.memory_gib > 0, f, "vcpu and memory_gib must be > 0");
    check.Require(t.price_per_hour >= 0, f + ".price_per_hour", "must be >= 0");
    check.Require(t.max_pods >= 1, f + ".max_pods", "must be >= 1");
  }
}

void CheckGroup(const PodGroup& g, size_t i, const PackingOptions& options, int zone_count,
                InputChecker& check) {
  const std::string f = fmt::format("pod_groups[{}]", i);
  check.Require(!g.name.empty(), f + ".name", "must not be empty");
  check.Require(g.replicas >= 0, f + ".replicas", "must be >= 0");
  check.Require(g.cpu_request_m >= 0, f + ".cpu_request_m", "must be >= 0");
  check.Require(g.memory_request_mib >= 0, f + ".memory_request_mib", "must be >= 0");
  check.Require(g.zone_spread_max_skew >= 1, f + ".zone_spread_max_skew", "must be >= 1");
  if (g.replicas < 0) return;
  check.Require(g.needed_after_loss >= 0 && g.needed_after_loss <= g.replicas,
                f + ".needed_after_loss", "must be between 0 and replicas");
  if (g.replicas == 0 || zone_count <= 0) return;
  const GroupRules r = RulesFor(g, options);
  check.Require(r.max_per_node >= 1, f + ".needed_after_loss",
                fmt::format("group '{}' needs {} replicas after losing a node but has {}; it "
                            "cannot survive a node loss",
                            g.name, CeilReplicas(g.needed_after_loss), g.replicas));
  check.Require(
      r.max_per_zone >= 1 && static_cast<int64_t>(r.max_per_zone) * zone_count >= g.replicas,
      f + ".needed_after_loss",
      fmt::format("group '{}' needs {} replicas after losing a zone but has {} in {} "
                  "zones; it cannot survive a zone loss",
                  g.name, CeilReplicas(g.needed_after_loss), g.replicas, zone_count));
  if (options.max_nodes > 0 && r.max_per_node >= 1) {
    const int nodes_needed = (g.replicas + r.max_per_node - 1) / r.max_per_node;
    check.Require(nodes_needed <= options.max_nodes, f + ".replicas",
                  fmt::format("group '{}' needs at least {} nodes, more than max_nodes ({})",
                              g.name, nodes_needed, options.max_nodes));
  }
}

void CheckPodsFit(std::span<const PodGroup> groups, std::span<const NodeType> candidates,
                  const std::vector<TypeSlot>& slots, InputChecker& check) {
  int largest = 0;
  for (size_t t = 1; t < slots.size(); ++t) {
    if (slots[t].alloc.memory_mib > slots[largest].alloc.memory_mib) largest = static_cast<int>(t);
  }
  for (size_t i = 0; i < groups.size(); ++i) {
    const PodGroup& g = groups[i];
    if (g.replicas <= 0) continue;
    const bool fits = std::any_of(slots.begin(), slots.end(),
                                  [&](const TypeSlot& s) { return PodFits(s.alloc, g); });
    check.Require(fits, fmt::format("pod_groups[{}]", i),
                  fmt::format("a pod of '{}' requests {}m CPU and {} MiB, more than any candidate "
                              "node type offers (largest: {} with {}m CPU, {} MiB, {} pods "
                              "allocatable)",
                              g.name, g.cpu_request_m, g.memory_request_mib,
                              candidates[largest].name, slots[largest].alloc.cpu_m,
                              slots[largest].alloc.memory_mib, slots[largest].alloc.pods));
  }
}

Status CheckInput(std::span<const PodGroup> groups, std::span<const NodeType> candidates,
                  std::span<const std::string> zones, const PackingOptions& options) {
  InputChecker check;
  CheckZonesAndTypes(candidates, zones, check);
  check.Require(options.max_nodes >= 0, "options.max_nodes", "must be >= 0 (0 = no limit)");
  std::set<std::string> names;
  for (size_t i = 0; i < groups.size(); ++i) {
    check.Require(names.insert(groups[i].name).second, fmt::format("pod_groups[{}].name", i),
                  fmt::format("duplicate pod group '{}'", groups[i].name));
    CheckGroup(groups[i], i, options, static_cast<int>(zones.size()), check);
  }
  if (check.errors().empty()) {
    CheckPodsFit(groups, candidates, Slots(candidates, options.daemonsets), check);
  }
  return check.errors().empty() ? Status::Ok() : Status(std::move(check.errors()));
}

std::vector<RunConfig> Configs(std::span<const NodeType> candidates,
                               std::span<const PodGroup> groups, const std::vector<TypeSlot>& slots,
                               const std::vector<LpVertex>& vertices, int max_pairs) {
  std::vector<RunConfig> configs;
  for (int t = 0; t < static_cast<int>(slots.size()); ++t) {
    const bool holds_any = std::any_of(groups.begin(), groups.end(), [&](const PodGroup& g) {
      return g.replicas > 0 && PodFits(slots[t].alloc, g);
    });
    if (!holds_any) continue;
    configs.push_back({{}, t, -1, fmt::format("first-fit decreasing on {}", candidates[t].name)});
  }
  int pairs = 0;
  for (const LpVertex& v : vertices) {
    if (v.b < 0 || pairs >= max_pairs) continue;
    ++pairs;
    for (const auto& [first, x, then] : {std::tuple{v.a, v.xa, v.b}, std::tuple{v.b, v.xb, v.a}}) {
      RunConfig c;
      c.preopen.assign(static_cast<size_t>(std::floor(x)), first);
      c.new_type = then;
      c.fallback_type = first;
      c.label = fmt::format("first-fit decreasing, {} x {} opened first, then {}", c.preopen.size(),
                            candidates[first].name, candidates[then].name);
      configs.push_back(std::move(c));
    }
  }
  return configs;
}

struct Candidate {
  double cost = 0;
  int nodes = 0;
  int index = 0;
  PackState state;
  std::string strategy;
};

bool Cheaper(const Candidate& a, const Candidate& b) {
  if (std::abs(a.cost - b.cost) > 1e-9) return a.cost < b.cost;
  if (a.nodes != b.nodes) return a.nodes < b.nodes;
  return a.index < b.index;
}

Placement BuildPlacement(std::span<const PodGroup> groups, std::span<const NodeType> candidates,
                         std::span<const std::string> zones, const PackingOptions& options,
                         const packing::Problem& problem, const Candidate& best) {
  Placement p;
  p.groups.assign(groups.begin(), groups.end());
  p.rules = problem.rules;
  p.node_types.assign(candidates.begin(), candidates.end());
  p.zones.assign(zones.begin(), zones.end());
  p.daemonsets = options.daemonsets;
  p.replica_node = best.state.replica_node();
  p.strategy = best.strategy;
  std::vector<std::vector<int>> per_type_zone(candidates.size(), std::vector<int>(zones.size()));
  for (const packing::Node& n : best.state.nodes()) {
    PlacedNode out;
    out.type_index = n.type;
    out.zone_index = n.zone;
    out.name = fmt::format("{}/{}/{}", candidates[n.type].name, zones[n.zone],
                           ++per_type_zone[n.type][n.zone]);
    out.price_per_hour = candidates[n.type].price_per_hour;
    out.allocatable = problem.types[n.type].alloc;
    out.cpu_requested_m = n.cpu_m;
    out.memory_requested_mib = n.memory_mib;
    out.pods = n.pods;
    p.cost_per_hour += out.price_per_hour;
    p.nodes.push_back(std::move(out));
  }
  for (size_t t = 0; t < candidates.size(); ++t) {
    bool used = false;
    for (size_t z = 0; z < zones.size(); ++z) {
      if (per_type_zone[t][z] == 0) continue;
      p.node_counts.push_back({candidates[t].name, zones[z], per_type_zone[t][z]});
      used = true;
    }
    if (used) p.winning_types.push_back(candidates[t].name);
  }
  p.monthly_cost = p.cost_per_hour * kHoursPerMonth;
  p.bound = PackingLowerBound(groups, candidates, options);
  p.optimality_gap =
      p.bound.monthly > 0 ? (p.monthly_cost - p.bound.monthly) / p.bound.monthly : 0.0;
  return p;
}

}  // namespace

GroupRules RulesFor(const PodGroup& g, const PackingOptions& options) {
  GroupRules r;
  const int needed = CeilReplicas(g.needed_after_loss);
  r.max_per_node = IsHostname(g.anti_affinity) ? 1 : g.replicas;
  if (options.survive_node_loss && g.needed_after_loss > 0) {
    r.max_per_node = std::min(r.max_per_node, g.replicas - needed);
  }
  r.zone_spread = IsSpread(g.anti_affinity) || (options.survive_zone_loss && g.replicas >= 2);
  r.max_skew = std::max(1, g.zone_spread_max_skew);
  r.max_per_zone = g.replicas;
  if (options.survive_zone_loss && g.needed_after_loss > 0) r.max_per_zone = g.replicas - needed;
  return r;
}

double PlacedNode::CpuUtilisation() const {
  return allocatable.cpu_m > 0
             ? static_cast<double>(cpu_requested_m) / static_cast<double>(allocatable.cpu_m)
             : 0.0;
}

double PlacedNode::MemoryUtilisation() const {
  return allocatable.memory_mib > 0 ? static_cast<double>(memory_requested_mib) /
                                          static_cast<double>(allocatable.memory_mib)
                                    : 0.0;
}

LowerBound PackingLowerBound(std::span<const PodGroup> groups, std::span<const NodeType> candidates,
                             const PackingOptions& options) {
  const std::vector<TypeSlot> slots = Slots(candidates, options.daemonsets);
  double cpu_m = 0;
  double memory_mib = 0;
  for (const PodGroup& g : groups) {
    cpu_m += static_cast<double>(g.replicas) * static_cast<double>(g.cpu_request_m);
    memory_mib += static_cast<double>(g.replicas) * static_cast<double>(g.memory_request_mib);
  }
  LowerBound b;
  if (cpu_m > 0 || memory_mib > 0) {
    const std::vector<LpVertex> vertices = packing::LpVertices(slots, cpu_m, memory_mib);
    if (!vertices.empty()) {
      const LpVertex& v = vertices.front();
      b.lp_per_hour = v.per_hour;
      b.lp_nodes.emplace_back(candidates[v.a].name, v.xa);
      if (v.b >= 0) b.lp_nodes.emplace_back(candidates[v.b].name, v.xb);
    }
  }
  // A group allowed k replicas per node needs ⌈replicas / k⌉ nodes that each hold its pod.
  for (const PodGroup& g : groups) {
    const GroupRules r = RulesFor(g, options);
    if (g.replicas <= 0 || r.max_per_node <= 0) continue;
    double cheapest = -1;
    for (const TypeSlot& s : slots) {
      if (PodFits(s.alloc, g) && (cheapest < 0 || s.price_per_hour < cheapest)) {
        cheapest = s.price_per_hour;
      }
    }
    if (cheapest < 0) continue;
    const double nodes = std::ceil(static_cast<double>(g.replicas) / r.max_per_node);
    if (nodes * cheapest > b.anti_affinity_per_hour) {
      b.anti_affinity_per_hour = nodes * cheapest;
      b.anti_affinity_group = g.name;
    }
  }
  b.per_hour = std::max(b.lp_per_hour, b.anti_affinity_per_hour);
  b.monthly = b.per_hour * kHoursPerMonth;
  return b;
}

Result<Placement> PackPods(std::span<const PodGroup> groups, std::span<const NodeType> candidates,
                           std::span<const std::string> zones, const PackingOptions& options) {
  if (Status s = CheckInput(groups, candidates, zones, options); !s.ok()) return s.errors();
  packing::Problem problem;
  problem.groups = groups;
  for (const PodGroup& g : groups) problem.rules.push_back(RulesFor(g, options));
  problem.types = Slots(candidates, options.daemonsets);
  problem.zone_count = static_cast<int>(zones.size());
  problem.max_nodes = options.max_nodes;

  double cpu_m = 0;
  double memory_mib = 0;
  for (const PodGroup& g : groups) {
    cpu_m += static_cast<double>(g.replicas) * static_cast<double>(g.cpu_request_m);
    memory_mib += static_cast<double>(g.replicas) * static_cast<double>(g.memory_request_mib);
  }
  const std::vector<RunConfig> configs =
      Configs(candidates, groups, problem.types,
              packing::LpVertices(problem.types, cpu_m, memory_mib), options.max_pair_candidates);

  if (configs.empty()) {  // no replicas at all: nothing to place
    return BuildPlacement(groups, candidates, zones, options, problem,
                          Candidate{0, 0, 0, PackState(problem), "no pods to place"});
  }
  std::vector<Candidate> results;
  for (int i = 0; i < static_cast<int>(configs.size()); ++i) {
    PackState state(problem);
    if (!state.RunFfd(configs[i])) continue;
    // Right-sizing is cheap (nodes x types), so every candidate gets it before ranking; the
    // costlier emptying pass below runs on the best few only.
    const int resized = state.RightSize();
    std::string label = configs[i].label;
    if (resized > 0) label += fmt::format("; {} node(s) moved to cheaper types", resized);
    const double cost = state.CostPerHour();
    const int nodes = state.NodeCount();
    results.push_back({cost, nodes, i, std::move(state), std::move(label)});
  }
  if (results.empty()) {
    return InvalidError(
        fmt::format("the pods need more than max_nodes ({}) nodes", options.max_nodes),
        Location{"", 0, 0, "options.max_nodes"});
  }
  std::stable_sort(results.begin(), results.end(), Cheaper);
  const int improve =
      std::min<int>(std::max(0, options.improve_top), static_cast<int>(results.size()));
  for (int i = 0; i < improve; ++i) {
    Candidate& c = results[i];
    const packing::ImproveStats stats = c.state.Improve();
    c.cost = c.state.CostPerHour();
    c.nodes = c.state.NodeCount();
    if (stats.emptied > 0 || stats.resized > 0) {
      c.strategy += fmt::format(
          "; improvement emptied {} node(s) and moved {} more to cheaper "
          "types",
          stats.emptied, stats.resized);
    }
  }
  const auto best = std::min_element(results.begin(), results.end(), Cheaper);
  return BuildPlacement(groups, candidates, zones, options, problem, *best);
}

}  // namespace headroom
