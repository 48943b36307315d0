#include "plan/tenant_costs.h"

#include <gtest/gtest.h>

#include "estate/examples.h"
#include "estate/yaml_reader.h"
#include "plan/planner.h"

namespace headroom {
namespace {

struct Planned {
  Demand demand;
  Plan plan;
};

Planned PlanCostsExample(std::string_view name) {
  Result<Estate> estate = ReadEstate(FindExample(name)->yaml, name);
  EXPECT_TRUE(estate.ok());
  DemandOptions options = DemandOptions::FromPlanning(estate.value().planning);
  options.samples = 8;
  Result<Demand> demand = SynthesizeDemand(estate.value(), options);
  EXPECT_TRUE(demand.ok());
  Result<Plan> plan = BuildPlan(estate.value(), demand.value(), PlanSettings{});
  EXPECT_TRUE(plan.ok());
  return Planned{std::move(demand).value(), std::move(plan).value()};
}

// The split is complete: every month's tenants add up to that month's cost (to rounding,
// 1e-9 relative), and no tenant is charged a negative amount.
TEST(TenantCosts, TenantsAddUpToEachMonthsCost) {
  const Planned p = PlanCostsExample("subsidiaries");
  const TenantCostReport report = AllocatePlanToTenants(p.demand, p.plan, BuiltinCatalog());
  ASSERT_TRUE(report.error.empty()) << report.error;
  ASSERT_EQ(report.months.size(), p.plan.month_plans.size());
  for (size_t i = 0; i < report.months.size(); ++i) {
    const MonthTenantCosts& m = report.months[i];
    EXPECT_EQ(m.label, p.plan.month_plans[i].label);
    ASSERT_EQ(m.tenants.size(), p.demand.tenants.size());
    double sum = 0;
    for (const TenantCost& t : m.tenants) {
      EXPECT_GE(t.total, 0) << t.tenant;
      sum += t.total;
    }
    const double total = p.plan.month_plans[i].cost.total;
    EXPECT_NEAR(sum, total, 1e-9 * total) << m.label;
    EXPECT_NEAR(m.total, total, 1e-9 * total) << m.label;
  }
}

// One tenant pays everything when it is the only one.
TEST(TenantCosts, ASingleTenantPaysTheWholeMonth) {
  const Planned p = PlanCostsExample("healthcare-growth");
  ASSERT_EQ(p.demand.tenants.size(), 1u);
  const TenantCostReport report = AllocatePlanToTenants(p.demand, p.plan, BuiltinCatalog());
  ASSERT_TRUE(report.error.empty()) << report.error;
  const double total = p.plan.month_plans.front().cost.total;
  EXPECT_NEAR(report.months.front().tenants.front().total, total, 1e-9 * total);
}

// A catalog whose node types cannot tell CPU from memory prices gives a reason, not numbers.
TEST(TenantCosts, AnUnsplittableCatalogIsReported) {
  const Planned p = PlanCostsExample("healthcare-growth");
  Catalog catalog = BuiltinCatalog();
  for (NodeType& t : catalog.node_types) t.memory_gib = 4 * t.vcpu;
  const TenantCostReport report = AllocatePlanToTenants(p.demand, p.plan, catalog);
  EXPECT_TRUE(report.months.empty());
  EXPECT_NE(report.error.find("cannot be split"), std::string::npos) << report.error;
}

}  // namespace
}  // namespace headroom
