#include "tenancy/advice.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "estate/examples.h"
#include "estate/yaml_reader.h"

namespace headroom {
namespace {

TenancyAdvice AdviseExample(std::string_view name) {
  Result<Estate> estate = ReadEstate(FindExample(name)->yaml, name);
  EXPECT_TRUE(estate.ok());
  TenancySettings settings;
  settings.samples = 8;  // the figures compared below differ by far more than 8 samples' noise
  settings.interference.duration_s = 120;
  Result<TenancyAdvice> advice = AdviseTenancy(estate.value(), BuiltinCatalog(), settings);
  EXPECT_TRUE(advice.ok());
  return std::move(advice).value();
}

const OptionSummary& Option(const TenancyAdvice& a, const std::string& model) {
  for (const OptionSummary& o : a.options) {
    if (o.model == model) return o;
  }
  return a.options.front();
}

TEST(TenancyAdviceTest, PoolingSimilarSmallSubsidiariesCostsLessThanDedicatingThem) {
  const TenancyAdvice a = AdviseExample("subsidiaries");
  EXPECT_EQ(a.recommended, "multi-tenant");
  const OptionSummary& shared = Option(a, "multi-tenant");
  const OptionSummary& dedicated = Option(a, "dedicated");
  EXPECT_LT(shared.mean_monthly_cost, dedicated.mean_monthly_cost);
  EXPECT_EQ(shared.environments, 1);
  EXPECT_EQ(dedicated.environments, 5);
  EXPECT_EQ(shared.blast_radius, 5);
  EXPECT_EQ(dedicated.blast_radius, 1);
  EXPECT_TRUE(shared.governance_violations.empty());
  // The dedicated option pays five control planes where the pool pays one.
  EXPECT_NEAR(a.control_plane_monthly, 73.0, 1e-9);  // 0.10 per hour × 730 hours
  // The quota never makes the others' worst hour worse than no mitigation.
  EXPECT_LE(shared.p95_inflation_with_quota, shared.p95_inflation + 1e-12);
}

TEST(TenancyAdviceTest, TheHealthcareGrowthGroupStaysDedicatedForItsHardConstraints) {
  const TenancyAdvice a = AdviseExample("healthcare-growth");
  EXPECT_EQ(a.recommended, "dedicated");
  ASSERT_EQ(a.tenants.size(), 1u);
  EXPECT_EQ(a.tenants[0].placement.model, HostingModel::kDedicated);
  EXPECT_THAT(a.reasons, ::testing::Contains(::testing::HasSubstr(
                             "strict audit boundary: audits require separate infrastructure")));
  EXPECT_FALSE(Option(a, "multi-tenant").governance_violations.empty());
}

TEST(TenancyAdviceTest, TheAcquiredEntityMovesIntoTheSharedPoolAtItsMonth) {
  const TenancyAdvice a = AdviseExample("acquisition");
  EXPECT_EQ(a.recommended, "hybrid");
  ASSERT_EQ(a.tenants.size(), 2u);
  const TenantPlacement& nordlys = a.tenants[1].placement;
  EXPECT_EQ(nordlys.model, HostingModel::kPhased);
  EXPECT_EQ(nordlys.move_month, 12);
  EXPECT_EQ(nordlys.pool, "shared-eu");
  EXPECT_THAT(a.reasons,
              ::testing::Contains(::testing::HasSubstr("nordlys moves into shared-eu in 2028-03")));
  // Two environments (and two control planes) before the move, one after.
  const OptionSummary& hybrid = Option(a, "hybrid");
  EXPECT_EQ(hybrid.environments, 1);
}

TEST(TenancyAdviceTest, AnEstateOverTheTenantLimitIsRefusedWithItsCount) {
  Result<Estate> estate = ReadEstate(FindExample("subsidiaries")->yaml, "subsidiaries");
  ASSERT_TRUE(estate.ok());
  TenancySettings settings;
  settings.max_tenants = 4;
  const Result<TenancyAdvice> advice = AdviseTenancy(estate.value(), BuiltinCatalog(), settings);
  ASSERT_FALSE(advice.ok());
  EXPECT_EQ(advice.error().message,
            "the tenancy advice plans each tenant on its own and covers up to 4 tenants; the "
            "estate has 5");
}

}  // namespace
}  // namespace headroom
