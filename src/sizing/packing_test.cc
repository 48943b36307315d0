#include "sizing/packing.h"

#include <gtest/gtest.h>

#include "cost/catalog.h"
#include "sizing/packing_engine.h"

namespace headroom {
namespace {

NodeType Type(const std::string& name) { return *FindNodeType(BuiltinCatalog(), name); }

const std::vector<std::string> kOneZone = {"z1"};
const std::vector<std::string> kThreeZones = {"z1", "z2", "z3"};

PodGroup Group(std::string name, int replicas, int64_t cpu_m, int64_t memory_mib,
               AntiAffinity aa = AntiAffinity::kNone) {
  PodGroup g;
  g.name = std::move(name);
  g.replicas = replicas;
  g.cpu_request_m = cpu_m;
  g.memory_request_mib = memory_mib;
  g.anti_affinity = aa;
  return g;
}

void ExpectValid(const Placement& p) {
  const Status s = CheckPlacement(p);
  EXPECT_TRUE(s.ok()) << FormatAll(s.errors());
}

// 6 pods of 1 CPU / 2 GiB on m7i.xlarge (4 vCPU / 16 GiB): allocatable is 3720m / 13321 MiB, so
// 3 pods fit per node by CPU: 2 nodes, 2 x 0.2016 x 730 = 294.336 a month. The LP bound is
// 6000 / 3720 = 1.6129 nodes, so the gap is 2 / (6000 / 3720) - 1 = 0.24 exactly.
TEST(PackPods, SixOneCpuPodsOnFourVcpuNodesNeedTwoNodes) {
  const std::vector<PodGroup> groups = {Group("web", 6, 1000, 2048)};
  const std::vector<NodeType> types = {Type("m7i.xlarge")};
  const Result<Placement> r = PackPods(groups, types, kOneZone, {});
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  const Placement& p = r.value();
  ExpectValid(p);
  ASSERT_EQ(p.nodes.size(), 2u);
  EXPECT_EQ(p.nodes[0].name, "m7i.xlarge/z1/1");
  EXPECT_EQ(p.nodes[0].pods, 3);
  EXPECT_NEAR(p.nodes[0].CpuUtilisation(), 3000.0 / 3720.0, 1e-12);
  EXPECT_NEAR(p.nodes[0].MemoryUtilisation(), 6144.0 / 13321.0, 1e-12);
  EXPECT_NEAR(p.monthly_cost, 294.336, 1e-9);
  EXPECT_NEAR(p.bound.lp_per_hour, 6000.0 / 3720.0 * 0.2016, 1e-12);
  EXPECT_NEAR(p.bound.monthly, 6000.0 / 3720.0 * 0.2016 * 730, 1e-9);
  EXPECT_NEAR(p.optimality_gap, 0.24, 1e-12);
  EXPECT_EQ(p.winning_types, (std::vector<std::string>{"m7i.xlarge"}));
  ASSERT_EQ(p.node_counts.size(), 1u);
  EXPECT_EQ(p.node_counts[0].count, 2);
  EXPECT_EQ(p.strategy, "first-fit decreasing on m7i.xlarge");
}

// Hostname anti-affinity: 5 small replicas need 5 nodes; the cheapest type that holds one is
// c7i.large, and the anti-affinity bound (5 x c7i.large) makes the gap 0.
TEST(PackPods, HostnameAntiAffinityNeedsOneNodePerReplica) {
  const std::vector<PodGroup> groups = {Group("pgbouncer", 5, 100, 128, AntiAffinity::kHostname)};
  const std::vector<NodeType> types = {Type("m7i.xlarge"), Type("c7i.large"), Type("m7i.large")};
  const Placement p = PackPods(groups, types, kThreeZones, {}).value();
  ExpectValid(p);
  EXPECT_EQ(p.nodes.size(), 5u);
  EXPECT_EQ(p.winning_types, (std::vector<std::string>{"c7i.large"}));
  EXPECT_NEAR(p.bound.anti_affinity_per_hour, 5 * 0.08925, 1e-12);
  EXPECT_EQ(p.bound.anti_affinity_group, "pgbouncer");
  EXPECT_NEAR(p.optimality_gap, 0.0, 1e-12);
  // New nodes go to the zone with the fewest nodes: 2, 2, 1.
  std::vector<int> per_zone(3, 0);
  for (const PlacedNode& n : p.nodes) ++per_zone[n.zone_index];
  EXPECT_EQ(per_zone, (std::vector<int>{2, 2, 1}));
}

TEST(PackPods, ZoneSpreadKeepsSkewAtMostOne) {
  const std::vector<PodGroup> groups = {Group("odoo", 7, 500, 1024, AntiAffinity::kZoneSpread),
                                        Group("cron", 4, 250, 512)};
  const std::vector<NodeType> types = {Type("m7i.2xlarge")};
  const Placement p = PackPods(groups, types, kThreeZones, {}).value();
  ExpectValid(p);
  std::vector<int> per_zone(3, 0);
  for (int n : p.replica_node[0]) ++per_zone[p.nodes[n].zone_index];
  EXPECT_EQ(per_zone, (std::vector<int>{3, 2, 2}));
  EXPECT_EQ(p.nodes.size(), 3u);  // one node per zone holds everything (7 x 500m + 4 x 250m)
}

// Two fictional shapes, each holding only one of two kinds of pod, two pods per node:
//   "cpu" 4 vCPU / 4 GiB: 3920m, 2972 MiB (no DaemonSets); "mem" 1 vCPU / 32 GiB: 940m, 29022 MiB.
// 4 CPU pods (1900m) need 2 "cpu" nodes, 4 memory pods (14000 MiB) need 2 "mem" nodes.
TEST(PackPods, MixesTwoTypesWhenEachHoldsOneKindOfPod) {
  const std::vector<NodeType> types = {{"cpu", NodeClass::kComputeOptimised, 4, 4, 1.0, 110, 0},
                                       {"mem", NodeClass::kMemoryOptimised, 1, 32, 1.0, 110, 0}};
  const std::vector<PodGroup> groups = {Group("batch", 4, 1900, 100),
                                        Group("cache", 4, 100, 14000)};
  PackingOptions options;
  options.daemonsets = {0, 0, 0};
  const Placement p = PackPods(groups, types, kOneZone, options).value();
  ExpectValid(p);
  ASSERT_EQ(p.node_counts.size(), 2u);
  EXPECT_EQ(p.node_counts[0].type, "cpu");
  EXPECT_EQ(p.node_counts[0].count, 2);
  EXPECT_EQ(p.node_counts[1].type, "mem");
  EXPECT_EQ(p.node_counts[1].count, 2);
  EXPECT_NEAR(p.monthly_cost, 4 * 730.0, 1e-9);
  EXPECT_EQ(p.winning_types, (std::vector<std::string>{"cpu", "mem"}));
  EXPECT_LE(p.bound.monthly, p.monthly_cost);
}

// 20 pods of 250m / 3 GiB (61,440 MiB in all) over the whole built-in catalog, worked by hand:
// per node, r7i.large holds 4 pods (13,321 MiB allocatable), r7i.xlarge 9 (28,722), r7i.2xlarge
// 19 (59,524), m7i.large 1 (5,948), c7i.large none (2,672). The cheapest cover of 20 pods is
// r7i.2xlarge + m7i.large = 0.5292 + 0.1008 = 0.63 an hour (r7i.xlarge x 2 + r7i.large and
// r7i.large x 5 both cost 0.6615). FFD on a 64 GiB type leaves 19 pods on one node and 1 on
// another; right-sizing moves them to r7i.2xlarge and m7i.large. The first candidate to reach
// 0.63 (catalog order) wins the tie. The LP bound is 61,440 MiB at r7i.16xlarge's
// price per MiB (4.2336 / 506,480 MiB with 17 GiB + 100 MiB + 300 MiB held back: 25% of 4 GiB,
// 20% of 4, 10% of 8, 6% of 112 and 2% of the 384 GiB above 128).
TEST(PackPods, FindsTheOptimumOfAMemoryBoundCase) {
  const std::vector<PodGroup> groups = {Group("workers", 20, 250, 3072)};
  const Catalog& c = BuiltinCatalog();
  const Placement p = PackPods(groups, c.node_types, kOneZone, {}).value();
  ExpectValid(p);
  EXPECT_NEAR(p.cost_per_hour, 0.63, 1e-12);
  EXPECT_NEAR(p.monthly_cost, 459.9, 1e-9);
  EXPECT_EQ(p.winning_types, (std::vector<std::string>{"m7i.large", "r7i.2xlarge"}));
  const double lp = 61440.0 * 4.2336 / 506480.0;
  EXPECT_NEAR(p.bound.lp_per_hour, lp, 1e-12);
  EXPECT_NEAR(p.optimality_gap, 0.63 / lp - 1, 1e-9);
  EXPECT_EQ(p.strategy, "first-fit decreasing on m7i.4xlarge; 2 node(s) moved to cheaper types");
}

TEST(PackPods, NoPodsMeansNoNodes) {
  const std::vector<PodGroup> groups = {Group("idle", 0, 100, 100)};
  const Placement p = PackPods(groups, BuiltinCatalog().node_types, kOneZone, {}).value();
  EXPECT_TRUE(p.nodes.empty());
  EXPECT_DOUBLE_EQ(p.monthly_cost, 0.0);
  EXPECT_DOUBLE_EQ(p.bound.monthly, 0.0);
  EXPECT_DOUBLE_EQ(p.optimality_gap, 0.0);
}

TEST(PackPods, MaxPodsLimitsSmallPods) {
  // m7i.large holds 29 - 4 = 25 pods; 60 tiny pods need 3 nodes although CPU and memory fit 2.
  const std::vector<PodGroup> groups = {Group("tiny", 60, 10, 16)};
  const std::vector<NodeType> types = {Type("m7i.large")};
  const Placement p = PackPods(groups, types, kOneZone, {}).value();
  ExpectValid(p);
  EXPECT_EQ(p.nodes.size(), 3u);
}

TEST(PackPods, PodLargerThanAnyNodeIsAClearError) {
  const std::vector<PodGroup> groups = {Group("ok", 1, 100, 100), Group("huge", 1, 64000, 1024)};
  const std::vector<NodeType> types = {Type("m7i.large"), Type("m7i.8xlarge")};
  const Result<Placement> r = PackPods(groups, types, kOneZone, {});
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 1u);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().where.field, "pod_groups[1]");
  EXPECT_EQ(r.error().message,
            "a pod of 'huge' requests 64000m CPU and 1024 MiB, more than any candidate node type "
            "offers (largest: m7i.8xlarge with 31650m CPU, 121128 MiB, 230 pods allocatable)");
}

TEST(PackPods, MalformedInputReportsEveryField) {
  std::vector<PodGroup> groups = {Group("a", -1, 100, 100), Group("a", 1, -5, 100)};
  groups[1].zone_spread_max_skew = 0;
  const std::vector<std::string> zones = {"z1", "z1"};
  const Result<Placement> r = PackPods(groups, BuiltinCatalog().node_types, zones, {});
  ASSERT_FALSE(r.ok());
  std::vector<std::string> fields;
  for (const Error& e : r.errors()) fields.push_back(e.where.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"zones[1]", "pod_groups[0].replicas",
                                              "pod_groups[1].name", "pod_groups[1].cpu_request_m",
                                              "pod_groups[1].zone_spread_max_skew"}));
}

TEST(PackPods, MaxNodesTooSmallIsAnError) {
  const std::vector<PodGroup> groups = {Group("web", 30, 1000, 2048)};
  const std::vector<NodeType> types = {Type("m7i.xlarge")};
  PackingOptions options;
  options.max_nodes = 5;  // 30 pods at 3 per node need 10
  const Result<Placement> r = PackPods(groups, types, kOneZone, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where.field, "options.max_nodes");
  EXPECT_EQ(r.error().message, "the pods need more than max_nodes (5) nodes");

  const std::vector<PodGroup> spread = {Group("pg", 8, 100, 100, AntiAffinity::kHostname)};
  const Result<Placement> r2 = PackPods(spread, types, kOneZone, options);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().message, "group 'pg' needs at least 8 nodes, more than max_nodes (5)");
}

TEST(PackPods, ImpossibleSurvivalIsAnError) {
  PodGroup g = Group("odoo", 3, 500, 1024);
  g.needed_after_loss = 3;  // all 3 must survive losing a zone: impossible
  PackingOptions options;
  options.survive_zone_loss = true;
  const Result<Placement> r =
      PackPods(std::vector<PodGroup>{g}, BuiltinCatalog().node_types, kThreeZones, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "group 'odoo' needs 3 replicas after losing a zone but has 3 in 3 zones; it cannot "
            "survive a zone loss");
}

TEST(RulesFor, DerivesCapsFromSurvivalNeeds) {
  PodGroup g = Group("odoo", 6, 500, 1024);
  g.needed_after_loss = 3.2;  // 4 must survive
  PackingOptions options;
  EXPECT_EQ(RulesFor(g, options).max_per_node, 6);
  EXPECT_FALSE(RulesFor(g, options).zone_spread);
  options.survive_zone_loss = true;
  options.survive_node_loss = true;
  const GroupRules r = RulesFor(g, options);
  EXPECT_TRUE(r.zone_spread);
  EXPECT_EQ(r.max_per_zone, 2);
  EXPECT_EQ(r.max_per_node, 2);
  g.anti_affinity = AntiAffinity::kHostname;
  EXPECT_EQ(RulesFor(g, options).max_per_node, 1);
}

TEST(SurvivesLoss, CountsWhatTheWorstZoneAndNodeTakeAway) {
  PodGroup g = Group("odoo", 4, 500, 1024, AntiAffinity::kZoneSpread);
  const std::vector<std::string> two = {"a", "b"};
  const Placement p =
      PackPods(std::vector<PodGroup>{g}, std::vector<NodeType>{Type("m7i.xlarge")}, two, {})
          .value();
  ExpectValid(p);  // 2 replicas per zone, one node per zone
  EXPECT_TRUE(SurvivesZoneLoss(p, std::vector<double>{2.0}));
  EXPECT_FALSE(SurvivesZoneLoss(p, std::vector<double>{2.5}));  // needs 3
  EXPECT_TRUE(SurvivesNodeLoss(p, std::vector<double>{1.5}));
  EXPECT_FALSE(SurvivesNodeLoss(p, std::vector<double>{3.0}));

  const Placement single = PackPods(std::vector<PodGroup>{Group("x", 2, 100, 100)},
                                    std::vector<NodeType>{Type("m7i.xlarge")}, kOneZone, {})
                               .value();
  EXPECT_FALSE(SurvivesZoneLoss(single, std::vector<double>{1.0}));
  EXPECT_TRUE(SurvivesZoneLoss(single, std::vector<double>{0.0}));
}

TEST(CheckPlacement, FindsTamperedPlacements) {
  const std::vector<PodGroup> groups = {Group("web", 6, 1000, 2048, AntiAffinity::kZoneSpread)};
  Placement p =
      PackPods(groups, std::vector<NodeType>{Type("m7i.xlarge")}, kThreeZones, {}).value();
  ExpectValid(p);
  Placement over = p;
  over.nodes[0].cpu_requested_m = 1;
  EXPECT_FALSE(CheckPlacement(over).ok());
  Placement skewed = p;
  for (int& n : skewed.replica_node[0]) n = 0;  // everything on node 0
  const Status s = CheckPlacement(skewed);
  ASSERT_FALSE(s.ok());
  bool saw_skew = false;
  for (const Error& e : s.errors()) saw_skew |= e.message.find("zone skew") != std::string::npos;
  EXPECT_TRUE(saw_skew) << FormatAll(s.errors());
  Placement cost = p;
  cost.cost_per_hour += 1;
  EXPECT_FALSE(CheckPlacement(cost).ok());
}

// The covering LP's optimum sits on a vertex: types A (4000m, 4000 MiB) and B (1000m,
// 16000 MiB) at price 1 each, demand 8000m / 32000 MiB. Alone, each needs 8 nodes; together
// 4000a + 1000b = 8000 and 4000a + 16000b = 32000 give a = b = 1.6, cost 3.2.
TEST(LpVertices, FindsTheTwoTypeOptimumExactly) {
  const std::vector<packing::TypeSlot> slots = {{{4000, 4000, 10}, 1.0}, {{1000, 16000, 10}, 1.0}};
  const std::vector<packing::LpVertex> v = packing::LpVertices(slots, 8000, 32000);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].a, 0);
  EXPECT_EQ(v[0].b, 1);
  EXPECT_NEAR(v[0].xa, 1.6, 1e-12);
  EXPECT_NEAR(v[0].xb, 1.6, 1e-12);
  EXPECT_NEAR(v[0].per_hour, 3.2, 1e-12);
  EXPECT_NEAR(v[1].per_hour, 8.0, 1e-12);
  EXPECT_NEAR(v[2].per_hour, 8.0, 1e-12);
}

// Right-sizing: one small pod packed on an 8xlarge moves to the cheapest type that holds it.
TEST(PackState, ImproveMovesNodesToCheaperTypes) {
  const std::vector<PodGroup> groups = {Group("one", 1, 100, 100)};
  packing::Problem problem;
  problem.groups = groups;
  problem.rules = {RulesFor(groups[0], {})};
  problem.types = {{NodeAllocatable(Type("m7i.8xlarge")), 1.6128},
                   {NodeAllocatable(Type("c7i.large")), 0.08925}};
  problem.zone_count = 1;
  packing::PackState state(problem);
  ASSERT_TRUE(state.RunFfd({{}, 0, -1, "big"}));
  EXPECT_NEAR(state.CostPerHour(), 1.6128, 1e-12);
  const packing::ImproveStats stats = state.Improve();
  EXPECT_EQ(stats.resized, 1);
  EXPECT_NEAR(state.CostPerHour(), 0.08925, 1e-12);
  EXPECT_EQ(state.nodes()[0].type, 1);
}

}  // namespace
}  // namespace headroom
