#include "sizing/packing_engine.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace headroom::packing {
namespace {

bool PodFits(const Allocatable& alloc, const PodGroup& g) {
  return g.cpu_request_m <= alloc.cpu_m && g.memory_request_mib <= alloc.memory_mib &&
         alloc.pods >= 1;
}

double Ratio(int64_t used, int64_t capacity) {
  return capacity > 0 ? static_cast<double>(used) / static_cast<double>(capacity) : 1.0;
}

// Dominant resource share of one pod of `g` on a node with `alloc` (Ghodsi et al., DRF).
double DominantShare(const PodGroup& g, const Allocatable& alloc) {
  return std::max(Ratio(g.cpu_request_m, alloc.cpu_m),
                  Ratio(g.memory_request_mib, alloc.memory_mib));
}

}  // namespace

PackState::PackState(const Problem& problem)
    : problem_(&problem),
      zone_nodes_(problem.zone_count),
      replica_node_(problem.groups.size()),
      zone_count_(problem.groups.size(), std::vector<int>(problem.zone_count, 0)),
      zone_node_count_(problem.zone_count, 0) {
  for (size_t g = 0; g < problem.groups.size(); ++g) {
    replica_node_[g].assign(problem.groups[g].replicas, -1);
  }
}

double PackState::CostPerHour() const {
  double cost = 0;
  for (const Node& n : nodes_) {
    if (!n.removed) cost += problem_->types[n.type].price_per_hour;
  }
  return cost;
}

int PackState::NodeCount() const {
  return static_cast<int>(
      std::count_if(nodes_.begin(), nodes_.end(), [](const Node& n) { return !n.removed; }));
}

bool PackState::Fits(const Node& n, int group) const {
  const PodGroup& g = problem_->groups[group];
  const Allocatable& a = problem_->types[n.type].alloc;
  return n.cpu_m + g.cpu_request_m <= a.cpu_m &&
         n.memory_mib + g.memory_request_mib <= a.memory_mib && n.pods + 1 <= a.pods;
}

// A zone may take one more replica if that keeps the group within its zone cap and, when the
// group spreads, within its skew of the least-used zone (topology spread's rule).
bool PackState::ZoneAllowed(int group, int zone, int min_count) const {
  const GroupRules& r = problem_->rules[group];
  const int count = zone_count_[group][zone];
  if (count + 1 > r.max_per_zone) return false;
  return !r.zone_spread || count + 1 - min_count <= r.max_skew;
}

// Among allowed zones, the one with the fewest open nodes (ties: lowest index), so new nodes
// spread evenly over zones.
int PackState::LeastUsedZone(int group, int min_count) const {
  int best = -1;
  for (int z = 0; z < problem_->zone_count; ++z) {
    if (!ZoneAllowed(group, z, min_count)) continue;
    if (best < 0 || zone_node_count_[z] < zone_node_count_[best]) best = z;
  }
  return best;
}

int PackState::TypeFor(int group, const RunConfig& config) const {
  const PodGroup& g = problem_->groups[group];
  if (PodFits(problem_->types[config.new_type].alloc, g)) return config.new_type;
  if (config.fallback_type >= 0 && PodFits(problem_->types[config.fallback_type].alloc, g)) {
    return config.fallback_type;
  }
  int best = -1;  // the cheapest type that holds the pod
  for (int t = 0; t < static_cast<int>(problem_->types.size()); ++t) {
    if (!PodFits(problem_->types[t].alloc, g)) continue;
    if (best < 0 || problem_->types[t].price_per_hour < problem_->types[best].price_per_hour) {
      best = t;
    }
  }
  return best;
}

int PackState::Open(int type, int zone) {
  const int index = static_cast<int>(nodes_.size());
  Node n;
  n.type = type;
  n.zone = zone;
  nodes_.push_back(std::move(n));
  zone_nodes_[zone].push_back(index);
  ++zone_node_count_[zone];
  return index;
}

void PackState::Place(int group, int replica, int node) {
  const PodGroup& g = problem_->groups[group];
  Node& n = nodes_[node];
  n.cpu_m += g.cpu_request_m;
  n.memory_mib += g.memory_request_mib;
  ++n.pods;
  n.residents.emplace_back(group, replica);
  replica_node_[group][replica] = node;
  ++zone_count_[group][n.zone];
}

void PackState::Unplace(int group, int replica, int node) {
  const PodGroup& g = problem_->groups[group];
  Node& n = nodes_[node];
  n.cpu_m -= g.cpu_request_m;
  n.memory_mib -= g.memory_request_mib;
  --n.pods;
  auto it = std::find(n.residents.begin(), n.residents.end(), std::make_pair(group, replica));
  n.residents.erase(it);
  replica_node_[group][replica] = -1;
  --zone_count_[group][n.zone];
}

// Places every replica of one group, first fit over open nodes in allowed zones. The per-zone
// pointers only move forward: a node that could not take a replica of this group (full, or
// holding its cap of the group) cannot take a later one, because nodes only fill up.
bool PackState::PlaceGroup(int group, const RunConfig& config, std::vector<int>& on_node) {
  const GroupRules& rules = problem_->rules[group];
  std::vector<size_t> next(problem_->zone_count, 0);
  std::vector<int> touched;
  bool ok = true;
  for (int replica = 0; replica < problem_->groups[group].replicas && ok; ++replica) {
    const std::vector<int>& counts = zone_count_[group];
    const int min_count = *std::min_element(counts.begin(), counts.end());
    int best = -1;
    for (int z = 0; z < problem_->zone_count; ++z) {
      if (!ZoneAllowed(group, z, min_count)) continue;
      const std::vector<int>& list = zone_nodes_[z];
      size_t& i = next[z];
      while (i < list.size() &&
             (on_node[list[i]] >= rules.max_per_node || !Fits(nodes_[list[i]], group))) {
        ++i;
      }
      if (i < list.size() && (best < 0 || list[i] < best)) best = list[i];
    }
    if (best < 0) {
      const int type = TypeFor(group, config);
      const int zone = LeastUsedZone(group, min_count);
      if (type < 0 || zone < 0) return false;
      if (problem_->max_nodes > 0 && static_cast<int>(nodes_.size()) >= problem_->max_nodes) {
        ok = false;
        break;
      }
      best = Open(type, zone);
      on_node.push_back(0);
    }
    Place(group, replica, best);
    if (on_node[best]++ == 0) touched.push_back(best);
  }
  for (int n : touched) on_node[n] = 0;
  return ok;
}

bool PackState::RunFfd(const RunConfig& config) {
  for (int type : config.preopen) {
    if (problem_->max_nodes > 0 && static_cast<int>(nodes_.size()) >= problem_->max_nodes) break;
    int zone = 0;
    for (int z = 1; z < problem_->zone_count; ++z) {
      if (zone_node_count_[z] < zone_node_count_[zone]) zone = z;
    }
    Open(type, zone);
  }
  // Order groups by the dominant share of one pod on the type this run mostly opens.
  const int ref = config.preopen.empty() ? config.new_type : config.preopen.front();
  const Allocatable& ref_alloc = problem_->types[ref].alloc;
  std::vector<int> order(problem_->groups.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<double> share(order.size());
  for (int g : order) share[g] = DominantShare(problem_->groups[g], ref_alloc);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (share[a] != share[b]) return share[a] > share[b];
    return problem_->groups[a].replicas > problem_->groups[b].replicas;
  });
  std::vector<int> on_node(nodes_.size(), 0);
  for (int g : order) {
    if (!PlaceGroup(g, config, on_node)) return false;
  }
  DropRemovedAndEmpty();
  return true;
}

int PackState::CountOn(int node, int group) const {
  int count = 0;
  for (const auto& [g, r] : nodes_[node].residents) count += g == group ? 1 : 0;
  return count;
}

double PackState::Load(const Node& n) const {
  const Allocatable& a = problem_->types[n.type].alloc;
  return std::max(
      {Ratio(n.cpu_m, a.cpu_m), Ratio(n.memory_mib, a.memory_mib), Ratio(n.pods, a.pods)});
}

bool PackState::MoveKeepsZoneRules(int group, int from_zone, int to_zone) const {
  if (from_zone == to_zone) return true;
  const GroupRules& r = problem_->rules[group];
  std::vector<int> counts = zone_count_[group];
  --counts[from_zone];
  ++counts[to_zone];
  if (counts[to_zone] > r.max_per_zone) return false;
  if (!r.zone_spread) return true;
  const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
  return *hi - *lo <= r.max_skew;
}

// Moves every pod off `node` (largest first, first fit by node index); undoes all moves and
// returns false if one pod has nowhere to go.
bool PackState::TryEmpty(int node) {
  std::vector<std::pair<int, int>> pods = nodes_[node].residents;
  const Allocatable& own = problem_->types[nodes_[node].type].alloc;
  std::stable_sort(pods.begin(), pods.end(), [&](const auto& a, const auto& b) {
    return DominantShare(problem_->groups[a.first], own) >
           DominantShare(problem_->groups[b.first], own);
  });
  std::vector<std::pair<std::pair<int, int>, int>> moved;  // ((group, replica), target)
  for (const auto& [g, r] : pods) {
    int target = -1;
    for (int m = 0; m < static_cast<int>(nodes_.size()) && target < 0; ++m) {
      const Node& cand = nodes_[m];
      if (m == node || cand.removed || !Fits(cand, g)) continue;
      if (CountOn(m, g) >= problem_->rules[g].max_per_node) continue;
      if (!MoveKeepsZoneRules(g, nodes_[node].zone, cand.zone)) continue;
      target = m;
    }
    if (target < 0) {
      for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
        Unplace(it->first.first, it->first.second, it->second);
        Place(it->first.first, it->first.second, node);
      }
      return false;
    }
    Unplace(g, r, node);
    Place(g, r, target);
    moved.push_back({{g, r}, target});
  }
  nodes_[node].removed = true;
  return true;
}

int PackState::RightSize() {
  int resized = 0;
  for (Node& n : nodes_) {
    if (n.removed) continue;
    int best = n.type;
    for (int t = 0; t < static_cast<int>(problem_->types.size()); ++t) {
      const TypeSlot& s = problem_->types[t];
      if (s.alloc.cpu_m < n.cpu_m || s.alloc.memory_mib < n.memory_mib || s.alloc.pods < n.pods) {
        continue;
      }
      if (s.price_per_hour < problem_->types[best].price_per_hour) best = t;
    }
    if (best != n.type) {
      n.type = best;
      ++resized;
    }
  }
  return resized;
}

ImproveStats PackState::Improve() {
  ImproveStats stats;
  constexpr int kPasses = 3;  // later passes rarely empty anything; bounded for speed
  for (int pass = 0; pass < kPasses; ++pass) {
    std::vector<int> order;
    for (int i = 0; i < static_cast<int>(nodes_.size()); ++i) {
      if (!nodes_[i].removed) order.push_back(i);
    }
    std::vector<double> load(nodes_.size(), 0);
    for (int i : order) load[i] = Load(nodes_[i]);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      if (load[a] != load[b]) return load[a] < load[b];
      return problem_->types[nodes_[a].type].price_per_hour >
             problem_->types[nodes_[b].type].price_per_hour;
    });
    int emptied = 0;
    for (int i : order) emptied += TryEmpty(i) ? 1 : 0;
    stats.emptied += emptied;
    if (emptied == 0) break;
  }
  stats.resized = RightSize();
  DropRemovedAndEmpty();
  return stats;
}

// Compacts the node list: removed and empty nodes go, indices are renumbered.
void PackState::DropRemovedAndEmpty() {
  std::vector<int> new_index(nodes_.size(), -1);
  std::vector<Node> kept;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].removed || nodes_[i].pods == 0) continue;
    new_index[i] = static_cast<int>(kept.size());
    kept.push_back(std::move(nodes_[i]));
  }
  nodes_ = std::move(kept);
  for (auto& replicas : replica_node_) {
    for (int& n : replicas) n = n >= 0 ? new_index[n] : -1;
  }
  for (auto& list : zone_nodes_) list.clear();
  std::fill(zone_node_count_.begin(), zone_node_count_.end(), 0);
  for (int i = 0; i < static_cast<int>(nodes_.size()); ++i) {
    zone_nodes_[nodes_[i].zone].push_back(i);
    ++zone_node_count_[nodes_[i].zone];
  }
}

std::vector<LpVertex> LpVertices(std::span<const TypeSlot> types, double cpu_m, double memory_mib) {
  std::vector<LpVertex> out;
  const int n = static_cast<int>(types.size());
  auto usable = [&](int t) { return types[t].alloc.cpu_m > 0 && types[t].alloc.memory_mib > 0; };
  for (int a = 0; a < n; ++a) {
    if (!usable(a)) continue;
    const double ca = static_cast<double>(types[a].alloc.cpu_m);
    const double ma = static_cast<double>(types[a].alloc.memory_mib);
    const double x = std::max(cpu_m / ca, memory_mib / ma);
    out.push_back({a, -1, x, 0, x * types[a].price_per_hour});
    for (int b = a + 1; b < n; ++b) {
      if (!usable(b)) continue;
      // Both constraints tight: ca·xa + cb·xb = C, ma·xa + mb·xb = M (Cramer's rule).
      const double cb = static_cast<double>(types[b].alloc.cpu_m);
      const double mb = static_cast<double>(types[b].alloc.memory_mib);
      const double det = ca * mb - cb * ma;
      if (det == 0) continue;
      const double xa = (cpu_m * mb - cb * memory_mib) / det;
      const double xb = (ca * memory_mib - cpu_m * ma) / det;
      if (xa <= 0 || xb <= 0) continue;
      out.push_back({a, b, xa, xb, xa * types[a].price_per_hour + xb * types[b].price_per_hour});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const LpVertex& l, const LpVertex& r) { return l.per_hour < r.per_hour; });
  return out;
}

}  // namespace headroom::packing
