#include "plan/planner.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "cost/cost.h"
#include "demand/demand.h"
#include "demand/generated_estate.h"
#include "estate/examples.h"
#include "estate/yaml_reader.h"
#include "plan/more_sites_for_test.h"
#include "plan/ratchet.h"
#include "plan/workloads.h"

namespace headroom {
namespace {

Estate Example(std::string_view name) {
  Result<Estate> e = ReadEstate(FindExample(name)->yaml, name);
  EXPECT_TRUE(e.ok()) << (e.ok() ? "" : FormatAll(e.errors()));
  return e.value();
}

Plan PlanOf(const Estate& estate, int samples = 16, int threads = 2) {
  DemandOptions options = DemandOptions::FromPlanning(estate.planning);
  options.samples = samples;
  Result<Demand> demand = SynthesizeDemand(estate, options);
  EXPECT_TRUE(demand.ok());
  PlanSettings settings;
  settings.threads = threads;
  Result<Plan> plan = BuildPlan(estate, demand.value(), settings);
  EXPECT_TRUE(plan.ok());
  return plan.value();
}

TEST(Planner, EveryExamplePlansEveryMonthOfEveryLayer) {
  for (const ExampleEstate& example : BuiltInExamples()) {
    const Plan plan = PlanOf(Example(example.name));
    ASSERT_EQ(plan.month_plans.size(), 24u) << example.name;
    for (const MonthPlan& m : plan.month_plans) {
      EXPECT_GE(m.odoo.http_workers, 1) << example.name << " " << m.label;
      EXPECT_GE(m.odoo.pods, 2) << example.name << " " << m.label;
      EXPECT_GE(m.postgres.vcpu, 2) << example.name << " " << m.label;
      EXPECT_GE(m.postgres.instances, 2) << example.name << " " << m.label;
      EXPECT_GT(m.redis.memory_mib, 0) << example.name << " " << m.label;
      EXPECT_GT(m.storage.backup_footprint_gib, 0) << example.name << " " << m.label;
      EXPECT_GE(m.ingress.replicas, 2) << example.name << " " << m.label;
      EXPECT_GT(m.nodes.nodes, 0) << example.name << " " << m.label << " " << m.nodes.error;
      EXPECT_GT(m.cost.total, 0) << example.name << " " << m.label;
    }
  }
}

TEST(Planner, ZoneLossPolicyHoldsInEveryPlacement) {
  for (const ExampleEstate& example : BuiltInExamples()) {
    const Plan plan = PlanOf(Example(example.name));
    for (const MonthPlan& m : plan.month_plans) {
      EXPECT_TRUE(m.nodes.survives_zone_loss) << example.name << " " << m.label;
      EXPECT_TRUE(m.nodes.survives_node_loss) << example.name << " " << m.label;
    }
  }
}

// More sites for any tenant of any example, one, two or six more from the start: no layer's
// capacity falls in any month (Odoo's as its pods and their workers, more_sites_for_test.h), no
// cost beside the nodes, and not the total. The node cost is a heuristic packing's answer, so it
// is also held to the bound that holds for any packer: never below the smaller plan's lower
// bound. At the test's 16 samples and at the 128 `headroom plan` draws by default.
TEST(Planner, MoreSitesNeverLowerCostOrCapacity) {
  for (int samples : {16, 128}) {
    for (const ExampleEstate& example : BuiltInExamples()) {
      const Estate base = Example(example.name);
      const Plan a = PlanOf(base, samples);
      for (const more_sites_for_test::Grown& more : more_sites_for_test::GrownEstates(base)) {
        const Plan b = PlanOf(more.estate, samples);
        for (size_t i = 0; i < a.month_plans.size(); ++i) {
          const MonthPlan& x = a.month_plans[i];
          const MonthPlan& y = b.month_plans[i];
          const std::string at =
              fmt::format("{} samples, {} {} {}", samples, example.name, more.name, x.label);
          more_sites_for_test::ExpectOdooNoLess(x.odoo, y.odoo, at);
          more_sites_for_test::ExpectOtherLayersNoLess(x, y, at);
          EXPECT_GE(y.cost.nodes, x.nodes.lower_bound_monthly - 1e-9) << at;
          EXPECT_GE(y.cost.total, x.cost.total - 1e-9) << at;
        }
      }
    }
  }
}

// Tighter targets, down through what the service times allow (a target below a class's own
// service p95 asks for almost no waiting, sizing/odoo_latency.h), never lower Odoo's capacity in
// any month, as pods and their workers (more_sites_for_test.h), at 16 and 128 samples.
TEST(Planner, TighterSlosNeverLowerWorkers) {
  for (int samples : {16, 128}) {
    for (const ExampleEstate& example : BuiltInExamples()) {
      std::optional<Plan> looser;
      for (double factor : more_sites_for_test::kTighterTargets) {
        const Plan plan =
            PlanOf(more_sites_for_test::WithTargetsTimes(Example(example.name), factor), samples);
        for (size_t i = 0; looser && i < plan.month_plans.size(); ++i) {
          more_sites_for_test::ExpectOdooNoLess(
              looser->month_plans[i].odoo, plan.month_plans[i].odoo,
              fmt::format("{} samples, {} × {} {}", samples, example.name, factor,
                          plan.month_plans[i].label));
        }
        looser = plan;
      }
    }
  }
}

TEST(Planner, SizesNeverShrinkToRegrow) {
  const Plan plan = PlanOf(Example("healthcare-growth"));
  const auto& months = plan.month_plans;
  for (size_t i = 1; i < months.size(); ++i) {
    if (months[i].postgres.vcpu >= months[i - 1].postgres.vcpu) continue;
    for (size_t k = i; k < months.size(); ++k) {
      EXPECT_LT(months[k].postgres.vcpu, months[i - 1].postgres.vcpu);
    }
  }
  for (size_t i = 1; i < months.size(); ++i) {
    if (months[i].odoo.http_workers >= months[i - 1].odoo.http_workers) continue;
    for (size_t k = i; k < months.size(); ++k) {
      EXPECT_LT(months[k].odoo.http_workers, months[i - 1].odoo.http_workers);
    }
  }
}

// The ratchet keeps an earlier or later month's capacity as a whole Odoo shape: the workers are
// always the pods times the workers per pod (what odoo.conf and the Deployment say), the cron
// workers the cron pods times max_cron_threads, the HPA bounds bracket the pods, and each pod's
// CPU request covers its share of the peak at the HPA's target.
TEST(Planner, RatchetedOdooSizesStayOneConsistentShape) {
  for (const ExampleEstate& example : BuiltInExamples()) {
    const Plan plan = PlanOf(Example(example.name));
    for (const MonthPlan& m : plan.month_plans) {
      const OdooSizing& o = m.odoo;
      const std::string at = std::string(example.name) + " " + m.label;
      EXPECT_EQ(o.http_workers, o.pods * o.workers_per_pod) << at;
      EXPECT_EQ(o.cron_workers, o.cron_pods * o.max_cron_threads) << at;
      EXPECT_LE(o.hpa_min_replicas, o.pods) << at;
      EXPECT_GE(o.hpa_max_replicas, o.pods) << at;
      EXPECT_EQ(o.gevent_workers, o.pods) << at;
      // request ≥ peak CPU / (pods × target), rounded up to a millicore (or capped at the limit
      // with the target raised to match).
      EXPECT_GE(o.pod_cpu_request_m * o.pods * o.hpa_target_cpu_utilisation,
                1000 * o.app_cpu_cores_peak - 1e-6)
          << at;
    }
    for (size_t i = 1; i < plan.month_plans.size(); ++i) {
      const OdooSizing& now = plan.month_plans[i].odoo;
      const OdooSizing& before = plan.month_plans[i - 1].odoo;
      if (now.http_workers >= before.http_workers) continue;
      // A shrink is for good: no later month goes back above the level it left.
      for (size_t k = i; k < plan.month_plans.size(); ++k) {
        EXPECT_LE(plan.month_plans[k].odoo.http_workers, before.http_workers)
            << example.name << " " << plan.month_plans[k].label;
      }
    }
  }
}

TEST(Planner, CoverageAtP90IsHighAndTheRoadmapExplainsEveryChange) {
  const Plan plan = PlanOf(Example("healthcare-growth"), 32);
  for (const MonthPlan& m : plan.month_plans) {
    // Sized on per-class p90 rates, the plan covers at least 80% of samples' own needs.
    EXPECT_GE(m.coverage.odoo_workers, 0.8) << m.label;
    EXPECT_GE(m.coverage.postgres_vcpu, 0.8) << m.label;
  }
  ASSERT_FALSE(plan.roadmap.empty());
  for (const RoadmapStep& s : plan.roadmap) {
    EXPECT_NE(s.from, s.to);
    EXPECT_FALSE(s.reason.empty());
  }
}

TEST(Planner, SameSeedGivesTheSamePlan) {
  const Estate e = Example("subsidiaries");
  const Plan a = PlanOf(e);
  const Plan b = PlanOf(e);
  for (size_t i = 0; i < a.month_plans.size(); ++i) {
    EXPECT_EQ(a.month_plans[i].cost.total, b.month_plans[i].cost.total);
    EXPECT_EQ(a.month_plans[i].odoo.http_workers, b.month_plans[i].odoo.http_workers);
  }
}

// With only a node type smaller than the PostgreSQL pod nothing can be placed: every month says
// so, is costed at the packing's lower bound (never zero) and the plan does not hold.
TEST(Planner, UnplaceableMonthsAreCostedAtTheLowerBound) {
  const Estate e = Example("subsidiaries");
  DemandOptions options = DemandOptions::FromPlanning(e.planning);
  options.samples = 8;
  Result<Demand> demand = SynthesizeDemand(e, options);
  ASSERT_TRUE(demand.ok());
  PlanSettings settings;
  NodeType tiny;
  tiny.name = "tiny.large";
  tiny.vcpu = 2;
  tiny.memory_gib = 4;
  tiny.price_per_hour = 0.1;
  settings.catalog.node_types = {tiny};
  Result<Plan> plan = BuildPlan(e, demand.value(), settings);
  ASSERT_TRUE(plan.ok());
  EXPECT_FALSE(plan.value().holds);
  for (const MonthPlan& m : plan.value().month_plans) {
    EXPECT_FALSE(m.nodes.error.empty()) << m.label;
    EXPECT_EQ(m.nodes.strategy, kUnplacedStrategy) << m.label;
    // At least the cluster's requested vCPU at 0.05 per vCPU-hour over 730 hours.
    EXPECT_GT(m.nodes.lower_bound_monthly, 0.05 * 730 * m.postgres.vcpu) << m.label;
    EXPECT_EQ(m.cost.nodes, m.nodes.lower_bound_monthly) << m.label;
  }
  const std::vector<std::string>& warnings = plan.value().warnings;
  EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(), [](const std::string& w) {
    return w.find("costed at the packing's lower bound") != std::string::npos;
  }));
}

// The samples are sized in parallel; every figure drawn from them (the coverage shares and
// the sizes planned on their quantiles) is the same on one thread as on three.
TEST(Planner, ThreadCountDoesNotChangeThePlan) {
  const Estate e = Example("subsidiaries");
  const Plan one = PlanOf(e, 17, 1);
  const Plan three = PlanOf(e, 17, 3);
  ASSERT_EQ(one.month_plans.size(), three.month_plans.size());
  for (size_t i = 0; i < one.month_plans.size(); ++i) {
    const MonthPlan& a = one.month_plans[i];
    const MonthPlan& b = three.month_plans[i];
    EXPECT_EQ(a.coverage.odoo_workers, b.coverage.odoo_workers) << a.label;
    EXPECT_EQ(a.coverage.postgres_vcpu, b.coverage.postgres_vcpu) << a.label;
    EXPECT_EQ(a.coverage.postgres_memory, b.coverage.postgres_memory) << a.label;
    EXPECT_EQ(a.coverage.redis_memory, b.coverage.redis_memory) << a.label;
    EXPECT_EQ(a.coverage.ingress_replicas, b.coverage.ingress_replicas) << a.label;
    EXPECT_EQ(a.odoo.http_workers, b.odoo.http_workers) << a.label;
    EXPECT_EQ(a.cost.total, b.cost.total) << a.label;
  }
}

Plan PlanWith(const Estate& estate, const PlanSettings& settings, int samples) {
  DemandOptions options = DemandOptions::FromPlanning(estate.planning);
  options.samples = samples;
  Result<Demand> demand = SynthesizeDemand(estate, options);
  EXPECT_TRUE(demand.ok());
  Result<Plan> plan = BuildPlan(estate, demand.value(), settings);
  EXPECT_TRUE(plan.ok());
  return plan.value();
}

// Twelve generated healthcare groups outgrow one PostgreSQL cluster: with one allowed it
// saturates; otherwise their databases are spread over several, none saturated, every cluster
// counted in the pods, volumes and backups, and the count never shrinks to regrow.
TEST(Planner, DatabasesOutgrowingOneClusterAreSpreadOverSeveral) {
  const Estate estate = GenerateEstate(12, 24, 42);
  PlanSettings one;
  one.postgres.max_clusters = 1;
  const Plan single = PlanWith(estate, one, 8);
  EXPECT_TRUE(std::any_of(single.month_plans.begin(), single.month_plans.end(),
                          [](const MonthPlan& m) { return m.postgres.verdict.saturated; }));
  const Plan plan = PlanWith(estate, PlanSettings{}, 8);
  int spread = 0;
  for (size_t i = 0; i < plan.month_plans.size(); ++i) {
    const MonthPlan& m = plan.month_plans[i];
    const PostgresSizing& pg = m.postgres;
    EXPECT_FALSE(pg.verdict.saturated) << m.label << ": " << pg.verdict.reason;
    if (pg.clusters == 1) {
      EXPECT_EQ(pg.cluster_share, 1.0) << m.label;
      continue;
    }
    ++spread;
    EXPECT_LT(pg.cluster_share, 1.0) << m.label;
    EXPECT_GE(pg.cluster_share, 1.0 / pg.clusters) << m.label;
    // One group of instances per cluster: a cluster's instances are kept apart, not all.
    int groups = 0;
    for (const PodGroup& g : MonthWorkloads(m, estate.policy)) {
      if (!IsPostgresGroup(g.name)) continue;
      ++groups;
      EXPECT_EQ(g.replicas, pg.instances) << m.label << " " << g.name;
    }
    EXPECT_EQ(groups, pg.clusters) << m.label;
    for (const PodGroup& g : CellWorkloads(m, estate.policy)) {
      if (IsPostgresGroup(g.name)) {
        EXPECT_EQ(g.name, "postgres") << m.label;
      }
    }
    EXPECT_DOUBLE_EQ(m.storage.block_storage_gib,
                     (pg.storage_gib + pg.wal_storage_gib) * pg.instances * pg.clusters)
        << m.label;
    // Each cluster backs up its own databases: more than one cluster's base backups.
    EXPECT_GT(m.storage.base_backups_gib, pg.database_gib * 0.5) << m.label;
    // Fewer clusters would merge databases: the count never shrinks.
    if (i > 0) {
      EXPECT_GE(pg.clusters, plan.month_plans[i - 1].postgres.clusters) << m.label;
    }
  }
  EXPECT_GT(spread, 0);
  EXPECT_TRUE(std::any_of(plan.warnings.begin(), plan.warnings.end(), [](const std::string& w) {
    return w.find("cannot carry the tenants' databases") != std::string::npos;
  }));
}

// A tenant whose database alone saturates a cluster of the largest size allowed stays saturated
// however the databases spread; the month's warning names it.
TEST(Planner, ATenantTooLargeForAnyClusterIsNamed) {
  const Estate estate = GenerateEstate(6, 3, 42);
  PlanSettings small;
  small.postgres.vcpu_sizes = {2};
  const Plan plan = PlanWith(estate, small, 4);
  int named = 0;
  for (const MonthPlan& m : plan.month_plans) {
    if (!m.postgres.verdict.saturated) continue;
    EXPECT_GT(m.postgres.clusters, 1) << m.label;
    const auto warning =
        std::find_if(plan.warnings.begin(), plan.warnings.end(),
                     [&m](const std::string& w) { return w.starts_with(m.label + ": saturated"); });
    ASSERT_NE(warning, plan.warnings.end()) << m.label;
    const size_t at = warning->find("the busiest cluster holds ");
    if (at == std::string::npos) continue;
    const size_t start = at + std::string("the busiest cluster holds ").size();
    const std::string name = warning->substr(start, warning->find("'s database", start) - start);
    EXPECT_TRUE(std::any_of(estate.tenants.begin(), estate.tenants.end(), [&name](const Tenant& t) {
      return t.name == name;
    })) << *warning;
    ++named;
  }
  EXPECT_GT(named, 0);
}

// Databases spread over several clusters: each cell has its own Traefik, sized on the busiest
// cell's share of the requests and sessions, one load balancer each, one Traefik group of pods
// per cell; one cluster keeps one ingress.
TEST(Planner, EachCellHasItsOwnIngress) {
  const Estate estate = GenerateEstate(12, 4, 42);
  PlanSettings small;
  small.postgres.vcpu_sizes = {2, 4};
  const Plan plan = PlanWith(estate, small, 4);
  int several = 0;
  for (const MonthPlan& m : plan.month_plans) {
    const int cells = m.postgres.clusters > 1 ? m.postgres.clusters : 1;
    EXPECT_EQ(m.ingress.cells, cells) << m.label;
    EXPECT_NEAR(m.cost.load_balancer, LoadBalancerMonthlyCost(small.catalog, cells), 1e-9)
        << m.label;
    const std::vector<PodGroup> groups = MonthWorkloads(m, estate.policy);
    const auto traefik = std::count_if(groups.begin(), groups.end(), [](const PodGroup& g) {
      return g.name == "traefik" || g.name.starts_with("traefik-");
    });
    EXPECT_EQ(traefik, cells) << m.label;
    if (cells == 1) {
      EXPECT_EQ(m.ingress.cell_share, 1.0) << m.label;
      continue;
    }
    ++several;
    EXPECT_GT(m.ingress.cell_share, 0.0) << m.label;
    EXPECT_LT(m.ingress.cell_share, 1.0) << m.label;
    // The busiest cell's connections are its share of the estate's, not the estate's.
    EXPECT_LT(m.ingress.concurrent_connections,
              SizeIngress(m.load, estate.policy, small.ingress).concurrent_connections)
        << m.label;
  }
  EXPECT_GT(several, 0);
  // The roadmap counts every cell's replicas, as the ratchet keeps them.
  for (const RoadmapStep& step : plan.roadmap) {
    if (step.resource != "traefik replicas") continue;
    const MonthPlan& m = plan.month_plans[static_cast<size_t>(step.month)];
    EXPECT_EQ(step.to, m.ingress.replicas * m.ingress.cells) << step.label;
  }
}

// Eight times the reads reaching the volume (a cache that serves fewer of them): the default
// estate's data volume outgrows gp3's 16,000 IOPS in its second year and moves to io2, priced
// as io2, provisioned for the larger of peak and recovery, never shrinking to regrow, and the
// move is warned of. With gp3 alone, the months beyond it are saturated on IOPS.
TEST(Planner, DataVolumesBeyondGp3TakeIo2AndSaySo) {
  const Estate estate = Example("healthcare-growth");
  PlanSettings settings;
  settings.postgres.uncached_read_share = 0.8;
  const Plan plan = PlanWith(estate, settings, 16);
  const Catalog& catalog = settings.catalog;
  int io2 = 0;
  int over_gp3 = 0;  // months that need more than gp3 (io2 also takes the ratchet's dips)
  for (size_t i = 0; i < plan.month_plans.size(); ++i) {
    const MonthPlan& m = plan.month_plans[i];
    const MonthCost& c = m.cost;
    EXPECT_GE(c.data_volume_iops, VolumeIopsNeed(m.postgres) - 1e-9) << m.label;
    EXPECT_EQ(c.block_storage_class, c.data_volume_iops > 16000 ? "io2" : "gp3") << m.label;
    const BlockVolume data{m.postgres.storage_gib, c.data_volume_iops,
                           VolumeThroughputNeedMibS(m.postgres)};
    const BlockVolume wal{m.postgres.wal_storage_gib, 0, 0};
    const BlockStoragePrice& data_class =
        c.block_storage_class == "io2" ? catalog.other_block_storage.at(0) : catalog.block_storage;
    EXPECT_NEAR(c.block_storage,
                PostgresPods(m.postgres) * (BlockStorageMonthlyCost(data_class, data) +
                                            BlockStorageMonthlyCost(catalog.block_storage, wal)),
                1e-6)
        << m.label;
    io2 += c.block_storage_class == "io2" ? 1 : 0;
    over_gp3 += VolumeIopsNeed(m.postgres) > 16000 ? 1 : 0;
  }
  // Provisioned as the ratchet of the months' needs: no shrinking to grow back.
  std::vector<double> needs;
  for (const MonthPlan& m : plan.month_plans) needs.push_back(VolumeIopsNeed(m.postgres));
  const std::vector<double> provisioned = Ratchet(needs);
  for (size_t i = 0; i < plan.month_plans.size(); ++i) {
    EXPECT_DOUBLE_EQ(plan.month_plans[i].cost.data_volume_iops, provisioned[i]) << i;
  }
  EXPECT_GT(io2, 0);
  EXPECT_LT(io2, 24);
  EXPECT_TRUE(std::any_of(plan.warnings.begin(), plan.warnings.end(), [](const std::string& w) {
    return w.find("PostgreSQL's data volumes move from gp3 to io2") != std::string::npos &&
           w.find("more than the 16000 one gp3 volume delivers") != std::string::npos;
  }));

  PlanSettings gp3_only = settings;
  gp3_only.catalog.other_block_storage.clear();
  const Plan saturated = PlanWith(estate, gp3_only, 16);
  int beyond = 0;
  for (const MonthPlan& m : saturated.month_plans) {
    const bool over = VolumeIopsNeed(m.postgres) > 16000;
    beyond += over ? 1 : 0;
    EXPECT_EQ(m.postgres.verdict.saturated, over) << m.label;
    if (over) {
      EXPECT_EQ(m.postgres.verdict.bottleneck, "postgres iops") << m.label;
    }
    EXPECT_EQ(m.cost.block_storage_class, "gp3") << m.label;
  }
  EXPECT_EQ(beyond, over_gp3);
  EXPECT_GT(beyond, 0);
  EXPECT_FALSE(saturated.holds);
}

// No PostgreSQL instance larger than the catalog's nodes: the sizes the sizer may take are
// those whose pod fits one.
TEST(Planner, PostgresSizesFitTheCatalogsNodes) {
  PostgresSettings postgres;
  const PostgresSettings fitted = PostgresSizesThatFit(postgres, BuiltinCatalog().node_types);
  // The built-in catalog's largest nodes allocate just under 64 cores and 506,480 MiB.
  EXPECT_EQ(fitted.vcpu_sizes.back(), 48);
  EXPECT_EQ(fitted.memory_sizes_gib.back(), 384);
  EXPECT_EQ(fitted.vcpu_sizes.front(), postgres.vcpu_sizes.front());
  NodeType tiny;
  tiny.name = "tiny.large";
  tiny.vcpu = 2;
  tiny.memory_gib = 4;
  const PostgresSettings none_fit = PostgresSizesThatFit(postgres, {tiny});
  EXPECT_EQ(none_fit.vcpu_sizes, std::vector<int>{2});  // the smallest stays
  EXPECT_EQ(none_fit.memory_sizes_gib, std::vector<double>{4});
}

}  // namespace
}  // namespace headroom
