#include "report/html_report.h"

#include <gtest/gtest.h>

#include "estate/examples.h"
#include "estate/yaml_reader.h"
#include "plan/planner.h"
#include "report/plan_json.h"

namespace headroom {
namespace {

constexpr const char* kHostileName = "</script><script>alert('x')</script> & Co";

struct Fixture {
  Estate estate;
  Demand demand;
  Plan plan;
};

Fixture ReportOfExample(std::string_view name, const std::string& tenant_name = "") {
  Result<Estate> estate = ReadEstate(FindExample(name)->yaml, name);
  EXPECT_TRUE(estate.ok());
  Fixture f{std::move(estate).value(), {}, {}};
  if (!tenant_name.empty()) f.estate.tenants.front().name = tenant_name;
  f.estate.name = tenant_name.empty() ? f.estate.name : tenant_name;
  DemandOptions options = DemandOptions::FromPlanning(f.estate.planning);
  options.samples = 8;
  Result<Demand> demand = SynthesizeDemand(f.estate, options);
  EXPECT_TRUE(demand.ok());
  f.demand = std::move(demand).value();
  Result<Plan> plan = BuildPlan(f.estate, f.demand, PlanSettings{});
  EXPECT_TRUE(plan.ok());
  f.plan = std::move(plan).value();
  return f;
}

ReportInput InputOf(const Fixture& f, const SimulationView* sim = nullptr) {
  return ReportInput{&f.estate,    &f.demand, &f.plan,       &BuiltinCatalog(),
                     "test input", sim,       OdooSettings{}};
}

// The JSON between <script type="application/json" id="report-data"> and </script>.
Json DataIsland(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"report-data\">";
  const size_t start = page.find(open);
  EXPECT_NE(start, std::string::npos);
  const size_t from = start + open.size();
  const size_t end = page.find("</script>", from);
  return Json::parse(page.substr(from, end - from));
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(HtmlReport, DataIslandHoldsThePlanJsonDocumentExactly) {
  const Fixture f = ReportOfExample("subsidiaries");
  const std::string page = HtmlReport(InputOf(f));
  const Json island = DataIsland(page);
  EXPECT_EQ(island["schema"], kReportSchema);
  EXPECT_EQ(island["plan"], Json::parse(PlanJson(f.estate, f.plan, "test input")));
  EXPECT_EQ(island["tenants"].size(), f.estate.tenants.size());
  EXPECT_EQ(island["demand"]["months"].size(), f.plan.month_plans.size());
  EXPECT_EQ(island["tenant_costs"]["months"].size(), f.plan.month_plans.size());
  EXPECT_TRUE(island["simulation"].is_null());
}

TEST(HtmlReport, EstateTextIsEscapedAndCannotOpenAScript) {
  const Fixture f = ReportOfExample("subsidiaries", kHostileName);
  const std::string page = HtmlReport(InputOf(f));
  EXPECT_EQ(page.find("alert('x')</script>"), std::string::npos);
  EXPECT_NE(page.find("&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)"), std::string::npos);
  // The page's own three scripts (data, uPlot, report.js) and no other.
  EXPECT_EQ(Count(page, "<script"), 3u);
  EXPECT_EQ(Count(page, "</script>"), 3u);
  // The name survives intact inside the data.
  EXPECT_EQ(DataIsland(page)["tenants"][0]["name"], kHostileName);
}

TEST(HtmlReport, SameInputSameBytes) {
  const Fixture a = ReportOfExample("acquisition");
  const Fixture b = ReportOfExample("acquisition");
  EXPECT_EQ(HtmlReport(InputOf(a)), HtmlReport(InputOf(b)));
}

TEST(HtmlReport, NothingIsLoadedFromOutside) {
  const Fixture f = ReportOfExample("healthcare-growth");
  const std::string page = HtmlReport(InputOf(f));
  EXPECT_EQ(Count(page, "<link"), 0u);
  EXPECT_EQ(Count(page, " src="), 0u);
  EXPECT_NE(page.find("default-src 'none'"), std::string::npos);
}

TEST(HtmlReport, ASimulationGoesIntoTheData) {
  const Fixture f = ReportOfExample("healthcare-growth");
  SimulationView sim;
  sim.window = "2027-01-29 peak day (UTC)";
  sim.month = 0;
  sim.seed = 7;
  sim.latency = {{"interactive", 120, 380, 610, 500, 41000}};
  sim.queues = {{"http queue", "requests", {0, 60, 120}, {0, 3, 1}}};
  sim.replicas = {{"odoo pods", "pods", {0, 60, 120}, {3, 4, 4}}};
  const Json island = DataIsland(HtmlReport(InputOf(f, &sim)));
  const Json& s = island["simulation"];
  EXPECT_EQ(s["window"], "2027-01-29 peak day (UTC)");
  EXPECT_EQ(s["latency"][0]["p95_ms"], 380);
  EXPECT_EQ(s["latency"][0]["completed"], 41000);
  EXPECT_EQ(s["queues"][0]["value"], Json({0, 3, 1}));
  EXPECT_EQ(s["replicas"][0]["time_s"], Json({0, 60, 120}));
}

TEST(HtmlReport, StandInAssetsAreInlinedVerbatim) {
  const Fixture f = ReportOfExample("healthcare-growth");
  const ReportAssets assets{"/*uplot-js*/", "/*uplot-css*/", "/*report-js*/", "/*report-css*/"};
  const std::string page = HtmlReport(InputOf(f), assets);
  for (const char* part : {"/*uplot-js*/", "/*uplot-css*/", "/*report-js*/", "/*report-css*/"}) {
    EXPECT_EQ(Count(page, part), 1u) << part;
  }
}

}  // namespace
}  // namespace headroom
