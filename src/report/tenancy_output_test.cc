#include "report/tenancy_output.h"

#include <gtest/gtest.h>

#include <sstream>

namespace headroom {
namespace {

// A two-tenant advice built by hand: one pool, one phased tenant.
TenancyAdvice Sample() {
  TenancyAdvice a;
  a.estate = "Group";
  a.currency = "EUR";
  a.month_labels = {"2027-01", "2027-02", "2027-03"};
  a.control_plane_monthly = 73;
  a.samples = 8;
  TenantPlacement group{"group", HostingModel::kShared, "eu", "shared-eu", -1, true, {"r1"}};
  TenantPlacement acquired{"acquired", HostingModel::kPhased, "eu", "shared-eu", 2, true, {"r2"}};
  for (const char* model : {"multi-tenant", "dedicated", "hybrid"}) {
    OptionSummary o;
    o.model = model;
    o.monthly_cost = {100, 200, 300};
    o.mean_monthly_cost = 200;
    o.environments = 1;
    o.blast_radius = 2;
    o.p95_inflation = 0.5;
    o.p95_inflation_with_quota = 0.05;
    o.placements = {group, acquired};
    a.options.push_back(o);
  }
  a.recommended = "hybrid";
  a.reasons = {"acquired moves into shared-eu in 2027-03 (month 2)"};
  a.tenants = {TenantAdvice{group, 150, 90, 0.5, 0.05}, TenantAdvice{acquired, 120, 80, 0, 0}};
  PoolInterference p;
  p.pool = "shared-eu";
  p.month = 2;
  p.shape = {12, 4};
  p.members = {"group", "acquired"};
  p.baseline_p95_ms = {400, 300};
  AggressorImpact ag;
  ag.tenant = "group";
  ag.effects = {MitigationEffect{"none", "no limit", 600, 0.5, 900, 0},
                MitigationEffect{"worker quota", "at most 6 of 12 workers", 420, 0.05, 2000, 0}};
  p.aggressors = {ag, ag};
  a.interference = {p};
  return a;
}

TEST(TenancyOutputTest, TheTableFitsOneHundredColumnsAndNamesTheRecommendation) {
  const std::string text = TenancyTable(Sample());
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(line.size(), 100u) << line;  // bytes: stricter than columns for "←"
  }
  EXPECT_NE(text.find("Recommendation: hybrid"), std::string::npos);
  EXPECT_NE(text.find("own, shared-eu from 2027-03"), std::string::npos);
  // 0.5 → +50%, 0.05 → +5%.
  EXPECT_NE(text.find("+50%"), std::string::npos);
  EXPECT_NE(text.find("+5%"), std::string::npos);
}

TEST(TenancyOutputTest, TheJsonCarriesThePlacementsAndTheInterference) {
  const nlohmann::ordered_json j = TenancyJsonValue(Sample());
  EXPECT_EQ(j["recommended"], "hybrid");
  EXPECT_EQ(j["options"].size(), 3u);
  EXPECT_EQ(j["options"][0]["blast_radius_tenants"], 2);
  EXPECT_EQ(j["tenants"][1]["model"], "phased");
  EXPECT_EQ(j["tenants"][1]["move_month"], 2);
  EXPECT_FALSE(j["tenants"][0].contains("move_month"));
  EXPECT_EQ(j["tenants"][0]["dedicated_monthly_cost"], 150);
  EXPECT_EQ(j["interference"][0]["label"], "2027-03");
  EXPECT_EQ(j["interference"][0]["aggressors"][0]["effects"][1]["others_p95_ms"], 420);
  const std::string doc = TenancyJson(Sample(), "test");
  EXPECT_EQ(doc.rfind("{\n \"schema\": \"headroom.tenancy/v1\"", 0), 0u);
}

}  // namespace
}  // namespace headroom
