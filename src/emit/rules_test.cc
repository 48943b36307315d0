#include "emit/rules.h"

#include <gtest/gtest.h>

#include <cmath>

#include "emit/test_plan.h"

namespace headroom::emit {
namespace {

std::string Expr(const std::string& alert) {
  const YAML::Node rules = YAML::Load(FindArtifact("monitoring/prometheus-rules.yaml")->content);
  for (const YAML::Node& group : rules["groups"]) {
    for (const YAML::Node& rule : group["rules"]) {
      if (rule["alert"].as<std::string>() == alert) return rule["expr"].as<std::string>();
    }
  }
  ADD_FAILURE() << "no alert " << alert;
  return "";
}

bool EndsWith(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// Thresholds are the plan's own figures.
TEST(RulesTest, ThresholdsComeFromThePlan) {
  const PlannedExample& e = ExamplePlan();
  const MonthPlan& m = e.plan.month_plans.front();
  EXPECT_TRUE(
      EndsWith(Expr("OdooHttpAtMaxReplicas"), ">= " + std::to_string(m.odoo.hpa_max_replicas)));
  const int connections = static_cast<int>(
      std::floor(m.postgres.settings.max_connections * e.estate.policy.peak_max_utilisation));
  EXPECT_TRUE(EndsWith(Expr("PostgresConnectionsNearMax"), "> " + std::to_string(connections)));
  EXPECT_TRUE(EndsWith(
      Expr("PostgresCpuAboveCeiling"),
      fmt::format("/ {} > {:.2f}", m.postgres.vcpu, e.estate.policy.peak_max_utilisation)));
  EXPECT_TRUE(EndsWith(Expr("OdooLoadAbovePlan"), fmt::format("> {:.1f}", m.ingress.rps_peak)));
  EXPECT_NE(Expr("VolumeFillingUp").find("predict_linear("), std::string::npos);
}

TEST(RulesTest, ShortestRpoIsTheSmallestStatedOne) {
  Estate estate;
  EXPECT_EQ(ShortestRpoSeconds(estate), 0);
  Tenant a;
  a.recovery = {RecoveryObjective{"billing", 60, 15, {}}, RecoveryObjective{"x", 60, 0, {}}};
  Tenant b;
  b.recovery = {RecoveryObjective{"approvals", 30, 5, {}}};
  estate.tenants = {a, b};
  EXPECT_EQ(ShortestRpoSeconds(estate), 300);
}

}  // namespace
}  // namespace headroom::emit
