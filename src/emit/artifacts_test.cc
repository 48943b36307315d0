#include "emit/artifacts.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <functional>

#include "emit/test_plan.h"
#include "plan/cells.h"

namespace headroom::emit {
namespace {

const MonthPlan& FirstMonth() { return ExamplePlan().plan.month_plans.front(); }

YAML::Node Object(const std::string& path) {
  const Artifact* a = FindArtifact(path);
  EXPECT_NE(a, nullptr) << path;
  return a ? YAML::Load(a->content) : YAML::Node();
}

TEST(ArtifactsTest, RenderingIsDeterministic) {
  const PlannedExample& e = ExamplePlan();
  const Artifacts again = RenderArtifacts(e.estate, e.plan, 0, PlanSettings{}, EmitSettings{});
  ASSERT_EQ(again.files.size(), e.artifacts.files.size());
  for (size_t i = 0; i < again.files.size(); ++i) {
    EXPECT_EQ(again.files[i].path, e.artifacts.files[i].path);
    EXPECT_EQ(again.files[i].content, e.artifacts.files[i].content) << again.files[i].path;
  }
}

// No plain scalar a YAML 1.1 reader could retype: plain scalars are numbers and booleans only.
TEST(ArtifactsTest, EveryStringScalarIsQuoted) {
  std::function<void(const YAML::Node&, const std::string&)> walk = [&](const YAML::Node& n,
                                                                        const std::string& where) {
    if (n.IsMap()) {
      for (const auto& kv : n) walk(kv.second, where + "." + kv.first.as<std::string>());
    } else if (n.IsSequence()) {
      for (size_t i = 0; i < n.size(); ++i) walk(n[i], where + "[" + std::to_string(i) + "]");
    } else if (n.IsScalar() && n.Tag() == "?") {
      const std::string v = n.Scalar();
      const bool number = v.find_first_not_of("0123456789.-e") == std::string::npos;
      EXPECT_TRUE(number || v == "true" || v == "false") << where << " = " << v;
    }
  };
  for (const Artifact& a : ExamplePlan().artifacts.files) {
    if (a.path.ends_with(".yaml")) walk(YAML::Load(a.content), a.path);
  }
}

TEST(ArtifactsTest, FiguresComeFromThePlan) {
  const MonthPlan& m = FirstMonth();
  const YAML::Node hpa = Object("base/odoo/hpa.yaml");
  EXPECT_EQ(hpa["spec"]["minReplicas"].as<int>(), m.odoo.hpa_min_replicas);
  EXPECT_EQ(hpa["spec"]["maxReplicas"].as<int>(), m.odoo.hpa_max_replicas);
  const YAML::Node cluster = Object("base/postgres/cluster.yaml");
  EXPECT_EQ(cluster["spec"]["instances"].as<int>(), m.postgres.instances);
  EXPECT_EQ(cluster["spec"]["postgresql"]["parameters"]["max_connections"].as<std::string>(),
            std::to_string(m.postgres.settings.max_connections));
  const YAML::Node pooler = Object("base/postgres/pooler-transaction.yaml");
  EXPECT_EQ(pooler["spec"]["pgbouncer"]["poolMode"].as<std::string>(), "transaction");
  EXPECT_EQ(pooler["spec"]["pgbouncer"]["parameters"]["default_pool_size"].as<std::string>(),
            std::to_string(m.postgres.pools.transaction_pool_size));
  EXPECT_EQ(Object("base/postgres/pooler-session.yaml")["spec"]["pgbouncer"]["poolMode"]
                .as<std::string>(),
            "session");
  const std::string conf = FindArtifact("config/odoo-http.conf")->content;
  EXPECT_NE(conf.find("workers = " + std::to_string(m.odoo.workers_per_pod) + "\n"),
            std::string::npos);
  EXPECT_NE(conf.find("limit_memory_hard = " + std::to_string(m.odoo.limit_memory_hard_bytes)),
            std::string::npos);
  const YAML::Node http = Object("base/odoo/http-deployment.yaml");
  EXPECT_FALSE(http["spec"]["replicas"]) << "the HPA owns the replicas";
  const std::string ini = FindArtifact("config/pgbouncer.ini")->content;
  EXPECT_NE(
      ini.find("default_pool_size = " + std::to_string(m.postgres.pools.transaction_pool_size)),
      std::string::npos);
}

// The data volume asks for the catalog's class by name only when the plan moved it off the
// default one (gp3): io2 is requested, gp3 is left to the cluster's default StorageClass.
TEST(ArtifactsTest, DataVolumeOffTheDefaultClassNamesItsStorageClass) {
  Plan plan = ExamplePlan().plan;
  const auto storage = [&plan]() {
    const Artifacts artifacts =
        RenderArtifacts(ExamplePlan().estate, plan, 0, PlanSettings{}, EmitSettings{});
    for (const Artifact& a : artifacts.files) {
      if (a.path == "base/postgres/cluster.yaml") return YAML::Load(a.content)["spec"];
    }
    return YAML::Node();
  };
  ASSERT_EQ(plan.month_plans[0].cost.block_storage_class, "gp3");
  EXPECT_FALSE(storage()["storage"]["storageClass"]);
  plan.month_plans[0].cost.block_storage_class = "io2";
  EXPECT_EQ(storage()["storage"]["storageClass"].as<std::string>(), "io2");
  EXPECT_FALSE(storage()["walStorage"]["storageClass"]);
  plan.month_plans[0].cost.block_storage_class = "Premium SSD v2";  // a DNS-1123 name
  EXPECT_EQ(storage()["storage"]["storageClass"].as<std::string>(), "premium-ssd-v2");
}

// A month whose databases are spread over four clusters emits one cell: the HPA bounds and the
// cron workers are the cell's share of the estate's, the cluster is one cluster's, and every
// file's header says what the artifacts are.
TEST(ArtifactsTest, SeveralClustersEmitOneCell) {
  Plan plan = ExamplePlan().plan;
  MonthPlan& m = plan.month_plans[0];
  m.odoo.hpa_min_replicas = 10;
  m.odoo.hpa_max_replicas = 40;
  m.odoo.pods = 20;
  m.postgres.clusters = 4;
  m.postgres.cluster_share = 0.3;
  const Artifacts artifacts =
      RenderArtifacts(ExamplePlan().estate, plan, 0, PlanSettings{}, EmitSettings{});
  for (const Artifact& a : artifacts.files) {
    if (!a.path.ends_with(".yaml")) continue;
    EXPECT_NE(a.content.find("one of 4 cells"), std::string::npos) << a.path;
    if (a.path == "base/odoo/hpa.yaml") {
      const YAML::Node hpa = YAML::Load(a.content);
      EXPECT_EQ(hpa["spec"]["minReplicas"].as<int>(), 3);  // ⌈10 × 0.3⌉
      EXPECT_EQ(hpa["spec"]["maxReplicas"].as<int>(), 12);
    }
    if (a.path == "base/postgres/cluster.yaml") {
      EXPECT_EQ(YAML::Load(a.content)["spec"]["instances"].as<int>(), m.postgres.instances);
    }
  }
  // The cell's namespace quota counts its own cluster's instances, as one cluster of the same
  // cell would: not every cluster's.
  Plan alone = plan;
  alone.month_plans[0] = CellMonth(m);
  alone.month_plans[0].postgres.clusters = 1;
  alone.month_plans[0].postgres.cluster_share = 1.0;
  const auto quota_pods = [](const Artifacts& a) {
    for (const Artifact& f : a.files) {
      if (f.path.ends_with("resourcequota.yaml")) {
        return YAML::Load(f.content)["spec"]["hard"]["pods"].as<int>();
      }
    }
    return -1;
  };
  EXPECT_EQ(quota_pods(artifacts), quota_pods(RenderArtifacts(ExamplePlan().estate, alone, 0,
                                                              PlanSettings{}, EmitSettings{})));
  EXPECT_GT(quota_pods(artifacts), 0);
}

int64_t ConfValue(const std::string& conf, const std::string& key) {
  const size_t at = conf.find("\n" + key + " = ");
  EXPECT_NE(at, std::string::npos) << key;
  return std::stoll(conf.substr(at + key.size() + 4));
}

double MemoryLimitMib(const std::string& deployment) {
  const YAML::Node d = Object(deployment);
  const std::string limit =
      d["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"]["memory"]
          .as<std::string>();
  EXPECT_TRUE(limit.ends_with("Mi")) << limit;
  return std::stod(limit.substr(0, limit.size() - 2));
}

// Odoo's own limits act before the kernel's: every process of a pod at odoo.conf's hard
// (virtual) limit, in resident terms, plus the master, fits the container's memory limit.
TEST(ArtifactsTest, OdooMemoryLimitsAreReconciledWithThePods) {
  const OdooSettings odoo = PlanSettings{}.odoo;
  for (const auto& [conf_path, deployment] :
       {std::pair{"config/odoo-http.conf", "base/odoo/http-deployment.yaml"},
        std::pair{"config/odoo-cron.conf", "base/odoo/cron-deployment.yaml"}}) {
    const std::string conf = FindArtifact(conf_path)->content;
    const double hard_mib =
        static_cast<double>(ConfValue(conf, "limit_memory_hard")) / (1024.0 * 1024.0);
    const auto processes =
        static_cast<double>(ConfValue(conf, "workers") + ConfValue(conf, "max_cron_threads"));
    EXPECT_GE(MemoryLimitMib(deployment) + 1,
              odoo.master_rss_mib + processes * hard_mib * odoo.rss_per_vms)
        << deployment;
    EXPECT_LT(ConfValue(conf, "limit_memory_soft"), ConfValue(conf, "limit_memory_hard"));
  }
}

TEST(ArtifactsTest, BaseKustomizationListsEveryBaseObject) {
  const YAML::Node k = YAML::Load(FindArtifact("base/kustomization.yaml")->content);
  size_t base_objects = 0;
  for (const Artifact& a : ExamplePlan().artifacts.files) {
    if (a.path.rfind("base/", 0) == 0 && a.path != "base/kustomization.yaml") ++base_objects;
  }
  EXPECT_EQ(k["resources"].size(), base_objects);
  const YAML::Node overlay =
      YAML::Load(FindArtifact("overlays/shared/kustomization.yaml")->content);
  EXPECT_EQ(overlay["namespace"].as<std::string>(), EmitSettings{}.pool_namespace);
  EXPECT_EQ(overlay["resources"][overlay["resources"].size() - 1].as<std::string>(), "../../base");
}

// promtool checks the plain file; the PrometheusRule must hold the very same groups.
TEST(ArtifactsTest, PrometheusRuleHoldsThePlainRules) {
  const YAML::Node plain = YAML::Load(FindArtifact("monitoring/prometheus-rules.yaml")->content);
  const YAML::Node object = Object("base/monitoring/prometheusrule.yaml");
  EXPECT_EQ(YAML::Dump(plain["groups"]), YAML::Dump(object["spec"]["groups"]));
  EXPECT_GE(plain["groups"].size(), 4u);
}

TEST(ArtifactsTest, FindPlanMonthReadsLabelsAndNumbers) {
  const Plan& plan = ExamplePlan().plan;
  EXPECT_EQ(FindPlanMonth(plan, "").value(), 0);
  EXPECT_EQ(FindPlanMonth(plan, plan.month_plans[2].label).value(), 2);
  EXPECT_EQ(FindPlanMonth(plan, "3").value(), 2);
  const Result<int> bad = FindPlanMonth(plan, "1999-01");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kUsage);
}

// Writing the same artifacts again leaves every file as it was, modification time included.
TEST(ArtifactsTest, RewritingUnchangedArtifactsTouchesNoFile) {
  const std::string dir = testing::TempDir() + "/emit-rewrite";
  std::filesystem::remove_all(dir);
  const Artifacts& artifacts = ExamplePlan().artifacts;
  ASSERT_TRUE(WriteArtifacts(dir, artifacts).ok());
  const std::string probe = dir + "/base/odoo/hpa.yaml";
  struct stat before {};
  ASSERT_EQ(stat(probe.c_str(), &before), 0);
  ASSERT_TRUE(WriteArtifacts(dir, artifacts).ok());
  struct stat after {};
  ASSERT_EQ(stat(probe.c_str(), &after), 0);
  EXPECT_EQ(before.st_mtim.tv_sec, after.st_mtim.tv_sec);
  EXPECT_EQ(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
  EXPECT_EQ(before.st_ino, after.st_ino);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace headroom::emit
