#include "tenancy/placement.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace headroom {
namespace {

Tenant Named(const std::string& name, const std::string& region) {
  Tenant t;
  t.name = name;
  t.governance.data_residency = region;
  t.class_mix = {{"interactive", 95}, {"report", 5}};
  return t;
}

Estate Of(std::vector<Tenant> tenants) {
  Estate e;
  e.tenants = std::move(tenants);
  return e;
}

TEST(PlacementTest, AStrictAuditTenantIsNeverShared) {
  std::vector<Tenant> tenants = {Named("a", "eu"), Named("b", "eu"), Named("c", "eu")};
  tenants[1].governance.audit_boundary = AuditBoundary::kStrict;
  tenants[1].hosting = HostingChoice::kShared;  // even when the estate asks for sharing
  tenants[1].consolidate_month = 6;             // and for a later move
  const std::vector<TenantPlacement> p = PlaceTenants(Of(tenants), PlacementRules{});
  EXPECT_EQ(p[1].model, HostingModel::kDedicated);
  EXPECT_EQ(p[1].pool, "dedicated-b");
  for (int month = 0; month < 24; ++month) {
    EXPECT_THAT(EnvironmentMembers(p, "dedicated-b", month), ::testing::ElementsAre(1));
    EXPECT_THAT(EnvironmentMembers(p, "shared-eu", month), ::testing::ElementsAre(0, 2));
  }
  EXPECT_EQ(p[1].reasons[0], "strict audit boundary: audits require separate infrastructure");
}

TEST(PlacementTest, ResidencyIsNeverCrossed) {
  const std::vector<TenantPlacement> p = PlaceTenants(
      Of({Named("a", "eu"), Named("b", "us"), Named("c", "eu"), Named("d", "us"), Named("e", "")}),
      PlacementRules{});
  for (const TenantPlacement& t : p) {
    for (int member : EnvironmentMembers(p, t.pool, 0)) EXPECT_EQ(p[member].region, t.region);
  }
  EXPECT_EQ(p[0].pool, "shared-eu");
  EXPECT_EQ(p[1].pool, "shared-us");
  // The only tenant without residency has nobody to share with: a pool of one is dedicated.
  EXPECT_EQ(p[4].model, HostingModel::kDedicated);
}

TEST(PlacementTest, EachHardConstraintIsAReason) {
  Tenant t = Named("x", "eu");
  t.governance.compliance = {"gdpr", "hds"};
  t.governance.custom_integration = Intensity::kHigh;
  t.class_mix = {{"interactive", 80}, {"report", 20}};
  t.hosting = HostingChoice::kDedicated;
  EXPECT_THAT(IsolationReasons(t, PlacementRules{}),
              ::testing::ElementsAre(
                  "hosting: dedicated in the estate",
                  "compliance tag 'hds' demands an isolated environment",
                  "custom integration intensity high: its releases would put every tenant of a "
                  "shared pool at risk",
                  "reports are 20% of its requests (> 15%): a reporting load that would distort a "
                  "shared pool"));
  t = Named("y", "eu");
  t.class_mix = {{"interactive", 85}, {"report", 15}};  // at the threshold: may share
  EXPECT_TRUE(IsolationReasons(t, PlacementRules{}).empty());
}

TEST(PlacementTest, APhasedTenantMovesAtItsMonth) {
  std::vector<Tenant> tenants = {Named("group", "eu"), Named("acquired", "eu")};
  tenants[1].consolidate_month = 12;
  const std::vector<TenantPlacement> p = PlaceTenants(Of(tenants), PlacementRules{});
  EXPECT_EQ(p[1].model, HostingModel::kPhased);
  EXPECT_EQ(p[1].move_month, 12);
  EXPECT_THAT(EnvironmentsAt(p, 11), ::testing::ElementsAre("dedicated-acquired", "shared-eu"));
  EXPECT_THAT(EnvironmentMembers(p, "shared-eu", 11), ::testing::ElementsAre(0));
  EXPECT_THAT(EnvironmentsAt(p, 12), ::testing::ElementsAre("shared-eu"));
  EXPECT_THAT(EnvironmentMembers(p, "shared-eu", 12), ::testing::ElementsAre(0, 1));
}

}  // namespace
}  // namespace headroom
