#include "cost/allocation.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

// Two tenants over 100 hours at 0.04 per core-hour and 0.005 per GiB-hour, on nodes that cost
// 100 in the window:
//   A: CPU max(2, 1) x 100 x 0.04 = 8;  memory max(4, 6) x 100 x 0.005 = 3;  workload 11
//   B: CPU max(1, 3) x 100 x 0.04 = 12; memory max(8, 2) x 100 x 0.005 = 4;  workload 16
//   idle = 100 - 27 = 73.
AllocationInput TwoTenants() {
  AllocationInput in;
  in.asset_cost = 100;
  in.rates = {0.04, 0.005};
  in.workloads = {{"b", 100, 1, 3, 8, 2, 3}, {"a", 100, 2, 1, 4, 6, 1}};
  in.shared_cost = 30;
  return in;
}

TEST(AllocateTenantCosts, WorkloadIsMaxOfRequestAndUsageAndIdleIsTheRest) {
  const Result<Allocation> r = AllocateTenantCosts(TwoTenants());
  ASSERT_TRUE(r.ok());
  const Allocation& a = r.value();
  ASSERT_EQ(a.tenants.size(), 2u);
  EXPECT_EQ(a.tenants[0].tenant, "a");  // sorted by name
  EXPECT_NEAR(a.tenants[0].cpu_cost, 8, 1e-12);
  EXPECT_NEAR(a.tenants[0].memory_cost, 3, 1e-12);
  EXPECT_NEAR(a.tenants[1].workload_cost, 16, 1e-12);
  EXPECT_NEAR(a.workload_cost, 27, 1e-12);
  EXPECT_NEAR(a.idle_cost, 73, 1e-12);
  EXPECT_NEAR(a.total, 130, 1e-12);
}

TEST(AllocateTenantCosts, SharedSplitEvenlyByCostOrByMetric) {
  AllocationInput in = TwoTenants();
  Allocation even = AllocateTenantCosts(in).value();
  EXPECT_NEAR(even.tenants[0].shared_cost, 15, 1e-12);
  EXPECT_NEAR(even.tenants[1].shared_cost, 15, 1e-12);

  in.shared_split = SharedSplit::kByCost;
  Allocation by_cost = AllocateTenantCosts(in).value();
  EXPECT_NEAR(by_cost.tenants[0].shared_cost, 30.0 * 11 / 27, 1e-12);  // 12.2222
  EXPECT_NEAR(by_cost.tenants[1].shared_cost, 30.0 * 16 / 27, 1e-12);  // 17.7778

  in.shared_split = SharedSplit::kByMetric;
  Allocation by_metric = AllocateTenantCosts(in).value();
  EXPECT_NEAR(by_metric.tenants[0].shared_cost, 7.5, 1e-12);   // metric 1 of 4
  EXPECT_NEAR(by_metric.tenants[1].shared_cost, 22.5, 1e-12);  // metric 3 of 4
}

TEST(AllocateTenantCosts, TotalsAddUpWhetherIdleIsSeparateOrShared) {
  AllocationInput in = TwoTenants();
  const Allocation separate = AllocateTenantCosts(in).value();
  EXPECT_NEAR(separate.tenants[0].total + separate.tenants[1].total + separate.idle_cost, 130,
              1e-9);
  in.idle = IdleHandling::kShareByCost;
  const Allocation shared = AllocateTenantCosts(in).value();
  EXPECT_NEAR(shared.tenants[0].idle_cost, 73.0 * 11 / 27, 1e-12);  // 29.7407
  EXPECT_NEAR(shared.tenants[0].total + shared.tenants[1].total, 130, 1e-9);
}

TEST(AllocateTenantCosts, EntriesOfOneTenantAreAdded) {
  AllocationInput in = TwoTenants();
  in.workloads.push_back({"a", 50, 1, 0, 0, 0, 0});  // 1 x 50 x 0.04 = 2 more CPU
  const Allocation a = AllocateTenantCosts(in).value();
  ASSERT_EQ(a.tenants.size(), 2u);
  EXPECT_NEAR(a.tenants[0].cpu_cost, 10, 1e-12);
}

TEST(AllocateTenantCosts, OvercommitShowsAsNegativeIdle) {
  AllocationInput in = TwoTenants();
  in.asset_cost = 20;
  EXPECT_NEAR(AllocateTenantCosts(in).value().idle_cost, -7, 1e-12);
}

TEST(AllocateTenantCosts, MetricSplitWithoutMetricIsAnError) {
  AllocationInput in = TwoTenants();
  in.shared_split = SharedSplit::kByMetric;
  for (TenantWorkload& w : in.workloads) w.shared_metric = 0;
  const Result<Allocation> r = AllocateTenantCosts(in);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where.field, "workloads[].shared_metric");
}

TEST(AllocateTenantCosts, NegativeInputsAreErrors) {
  AllocationInput in = TwoTenants();
  in.workloads[1].hours = -1;
  in.workloads[0].tenant = "";
  const Result<Allocation> r = AllocateTenantCosts(in);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 2u);
  EXPECT_EQ(r.errors()[0].where.field, "workloads[0].tenant");
  EXPECT_EQ(r.errors()[1].where.field, "workloads[1]");
}

TEST(FitResourceRates, ExactForTwoTypes) {
  Catalog c;
  c.name = "two";
  c.node_types = {{"c", NodeClass::kComputeOptimised, 2, 4, 0.10, 29, 0},
                  {"m", NodeClass::kGeneralPurpose, 2, 8, 0.12, 29, 0}};
  const Result<ResourceRates> r = FitResourceRates(c);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r.value().per_cpu_core_hour, 0.04, 1e-12);
  EXPECT_NEAR(r.value().per_memory_gib_hour, 0.005, 1e-12);
}

// numpy.linalg.lstsq over the 15 built-in types gives 0.03675 per vCPU-hour and 0.0036375 per
// GiB-hour.
TEST(FitResourceRates, BuiltinCatalogMatchesAnIndependentLeastSquaresFit) {
  const Result<ResourceRates> r = FitResourceRates(BuiltinCatalog());
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r.value().per_cpu_core_hour, 0.03675, 1e-12);
  EXPECT_NEAR(r.value().per_memory_gib_hour, 0.0036375, 1e-12);
}

TEST(FitResourceRates, SameShapeEverywhereCannotBeSplit) {
  Catalog c;
  c.name = "flat";
  c.node_types = {{"a", NodeClass::kGeneralPurpose, 2, 8, 0.1, 29, 0},
                  {"b", NodeClass::kGeneralPurpose, 4, 16, 0.2, 58, 0}};
  EXPECT_FALSE(FitResourceRates(c).ok());
}

TEST(NodeResourceRates, ScaleSoTheNodePriceIsCoveredExactly) {
  const NodeType t{"m7i.xlarge", NodeClass::kGeneralPurpose, 4, 16, 0.2016, 58, 0};
  const ResourceRates r = NodeResourceRates(t, {0.04, 0.005});  // weighted 0.24, scale 0.84
  EXPECT_NEAR(r.per_cpu_core_hour, 0.0336, 1e-12);
  EXPECT_NEAR(r.per_memory_gib_hour, 0.0042, 1e-12);
  EXPECT_NEAR(4 * r.per_cpu_core_hour + 16 * r.per_memory_gib_hour, 0.2016, 1e-12);
}

}  // namespace
}  // namespace headroom
