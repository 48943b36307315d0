#include "emit/dashboard.h"

#include <gtest/gtest.h>

#include <set>

#include "emit/test_plan.h"

namespace headroom::emit {
namespace {

TEST(DashboardTest, PanelsSitOnTheGridWithPrometheusTargets) {
  const Json d = Json::parse(FindArtifact("monitoring/grafana-dashboard.json")->content);
  EXPECT_TRUE(d["schemaVersion"].is_number_integer());
  std::set<int> ids;
  int panels = 0;
  for (const Json& p : d["panels"]) {
    EXPECT_TRUE(ids.insert(p["id"].get<int>()).second);
    EXPECT_LE(p["gridPos"]["x"].get<int>() + p["gridPos"]["w"].get<int>(), 24);
    if (p["type"] == "row") continue;
    ++panels;
    ASSERT_FALSE(p["targets"].empty()) << p["title"];
    std::set<std::string> refs;
    for (const Json& t : p["targets"]) {
      EXPECT_TRUE(refs.insert(t["refId"].get<std::string>()).second);
      EXPECT_FALSE(t["expr"].get<std::string>().empty());
      EXPECT_EQ(t["datasource"]["type"], "prometheus");
    }
  }
  EXPECT_EQ(panels, 10);
}

// The business rows come first: each outcome beside the technical signals that drive it.
TEST(DashboardTest, BusinessOutcomesComeFirst) {
  const Json d = Json::parse(FindArtifact("monitoring/grafana-dashboard.json")->content);
  EXPECT_EQ(d["panels"][0]["title"], "Business outcomes");
  std::string titles;
  for (const Json& p : d["panels"]) titles += p["title"].get<std::string>() + "\n";
  for (const char* outcome :
       {"Month-end batch", "Integration backlog", "Onboarding readiness", "Recovery readiness"}) {
    EXPECT_NE(titles.find(outcome), std::string::npos) << outcome;
  }
}

// Grafana's sidecar loads the dashboard from a labelled ConfigMap holding the same JSON.
TEST(DashboardTest, SidecarConfigMapHoldsTheDashboard) {
  const YAML::Node c =
      YAML::Load(FindArtifact("base/monitoring/dashboard-configmap.yaml")->content);
  EXPECT_EQ(c["metadata"]["labels"]["grafana_dashboard"].as<std::string>(), "1");
  EXPECT_EQ(c["data"]["odoo-capacity.json"].as<std::string>(),
            FindArtifact("monitoring/grafana-dashboard.json")->content);
}

}  // namespace
}  // namespace headroom::emit
