// Property tests: hundreds of random packing problems from fixed seeds; every output must
// satisfy every constraint (CheckPlacement recomputes them all), never cost less than the
// lower bound, report the gap exactly, keep zone skew within its limit, survive the losses it
// was asked to survive, and come out the same on a second run.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "common/random.h"
#include "cost/catalog.h"
#include "sizing/packing.h"

namespace headroom {
namespace {

struct Instance {
  std::vector<PodGroup> groups;
  std::vector<NodeType> types;
  std::vector<std::string> zones;
  PackingOptions options;
  std::vector<double> needed;
};

class Draw {
 public:
  explicit Draw(uint64_t seed) : rng_(seed, "packing-property") {}
  int Int(int lo, int hi) {  // uniform in [lo, hi]
    return lo + static_cast<int>(rng_.NextU64() % static_cast<uint64_t>(hi - lo + 1));
  }
  double Uniform() { return rng_.NextUniform(); }
  // Mostly small, sometimes large: u³ scaled into [lo, hi].
  int64_t Skewed(int64_t lo, int64_t hi) {
    const double u = Uniform();
    return lo + static_cast<int64_t>(u * u * u * static_cast<double>(hi - lo));
  }

 private:
  RandomStream rng_;
};

Instance RandomInstance(uint64_t seed, int max_groups, int max_replicas) {
  Draw d(seed);
  Instance in;
  const int zones = d.Int(1, 3);
  for (int z = 0; z < zones; ++z) in.zones.push_back(fmt::format("z{}", z));
  std::vector<NodeType> pool = BuiltinCatalog().node_types;
  const int type_count = d.Int(1, 6);
  for (int i = 0; i < type_count; ++i) {
    const int pick = d.Int(0, static_cast<int>(pool.size()) - 1);
    in.types.push_back(pool[pick]);
    pool.erase(pool.begin() + pick);
  }
  in.options.survive_zone_loss = d.Uniform() < 0.4;
  in.options.survive_node_loss = d.Uniform() < 0.3;
  const int group_count = d.Int(1, max_groups);
  for (int i = 0; i < group_count; ++i) {
    PodGroup g;
    g.name = fmt::format("g{}", i);
    g.replicas = d.Uniform() < 0.05 ? 0 : d.Int(1, max_replicas);
    // Every pod fits at least the type it is drawn against.
    const Allocatable a = NodeAllocatable(in.types[d.Int(0, type_count - 1)]);
    g.cpu_request_m = d.Skewed(10, a.cpu_m);
    g.memory_request_mib = d.Skewed(16, a.memory_mib);
    g.anti_affinity = static_cast<AntiAffinity>(d.Int(0, 3));
    g.zone_spread_max_skew = d.Int(1, 2);
    // The most that the requested survival can promise, then a random share of it.
    double limit = g.replicas;
    if (in.options.survive_zone_loss) {
      limit = std::min(limit, g.replicas - std::ceil(static_cast<double>(g.replicas) / zones));
    }
    if (in.options.survive_node_loss) limit = std::min(limit, g.replicas - 1.0);
    g.needed_after_loss = std::max(0.0, limit) * d.Uniform();
    in.needed.push_back(g.needed_after_loss);
    in.groups.push_back(std::move(g));
  }
  return in;
}

void CheckInstance(const Instance& in, const Placement& p) {
  const Status s = CheckPlacement(p);
  ASSERT_TRUE(s.ok()) << FormatAll(s.errors());
  EXPECT_GE(p.monthly_cost, p.bound.monthly * (1 - 1e-12));
  if (p.bound.monthly > 0) {
    EXPECT_NEAR(p.optimality_gap, (p.monthly_cost - p.bound.monthly) / p.bound.monthly, 1e-12);
  }
  for (size_t g = 0; g < in.groups.size(); ++g) {
    if (!p.rules[g].zone_spread) continue;
    std::vector<int> per_zone(in.zones.size(), 0);
    for (int n : p.replica_node[g]) ++per_zone[p.nodes[n].zone_index];
    const auto [lo, hi] = std::minmax_element(per_zone.begin(), per_zone.end());
    EXPECT_LE(*hi - *lo, in.groups[g].zone_spread_max_skew);
  }
  if (in.options.survive_zone_loss) {
    EXPECT_TRUE(SurvivesZoneLoss(p, in.needed));
  }
  if (in.options.survive_node_loss) {
    EXPECT_TRUE(SurvivesNodeLoss(p, in.needed));
  }
}

TEST(PackingProperty, EveryPlacementIsValidBoundedAndSurvives) {
  constexpr int kInstances = 400;
  int spread_groups = 0;
  int survival_instances = 0;
  for (uint64_t seed = 1; seed <= kInstances; ++seed) {
    SCOPED_TRACE(fmt::format("seed {}", seed));
    const Instance in = RandomInstance(seed, 12, 10);
    const Result<Placement> r = PackPods(in.groups, in.types, in.zones, in.options);
    ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
    CheckInstance(in, r.value());
    for (const GroupRules& rules : r.value().rules) spread_groups += rules.zone_spread ? 1 : 0;
    survival_instances += in.options.survive_zone_loss || in.options.survive_node_loss ? 1 : 0;
  }
  // The generator exercises what it claims to.
  EXPECT_GT(spread_groups, 500);
  EXPECT_GT(survival_instances, 150);
}

TEST(PackingProperty, LargerInstancesStayValid) {
  for (uint64_t seed = 1001; seed <= 1030; ++seed) {
    SCOPED_TRACE(fmt::format("seed {}", seed));
    const Instance in = RandomInstance(seed, 60, 20);
    const Result<Placement> r = PackPods(in.groups, in.types, in.zones, in.options);
    ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
    CheckInstance(in, r.value());
  }
}

TEST(PackingProperty, SameInputSameOutput) {
  for (uint64_t seed = 2001; seed <= 2040; ++seed) {
    const Instance in = RandomInstance(seed, 12, 10);
    const Placement a = PackPods(in.groups, in.types, in.zones, in.options).value();
    const Placement b = PackPods(in.groups, in.types, in.zones, in.options).value();
    EXPECT_EQ(a.replica_node, b.replica_node) << seed;
    EXPECT_EQ(a.strategy, b.strategy) << seed;
    EXPECT_EQ(a.monthly_cost, b.monthly_cost) << seed;
  }
}

// The emptying pass never makes a result worse, and on some instances makes it better.
TEST(PackingProperty, ImprovementNeverHurtsAndSometimesHelps) {
  int helped = 0;
  for (uint64_t seed = 3001; seed <= 3200; ++seed) {
    Instance in = RandomInstance(seed, 12, 10);
    in.options.improve_top = 0;
    const Placement plain = PackPods(in.groups, in.types, in.zones, in.options).value();
    in.options.improve_top = 3;
    const Placement improved = PackPods(in.groups, in.types, in.zones, in.options).value();
    EXPECT_LE(improved.cost_per_hour, plain.cost_per_hour + 1e-9) << seed;
    helped += improved.cost_per_hour < plain.cost_per_hour - 1e-9 ? 1 : 0;
  }
  EXPECT_GT(helped, 0);
}

}  // namespace
}  // namespace headroom
