#include "demand/sampling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "demand/test_estates.h"
#include "demand/windows.h"

namespace headroom {
namespace {

namespace te = test_estates;

TEST(SamplingTest, DrawsMatchTheIntervalsQuantiles) {
  const Interval users{10, 20, 40, 0.8};
  std::vector<double> draws;
  for (int s = 0; s < 20000; ++s) draws.push_back(DrawInterval(users, 99, s, "tenants/a/users"));
  std::sort(draws.begin(), draws.end());
  // The two-piece normal puts low and high at the 10th and 90th percentiles (confidence 0.8).
  EXPECT_NEAR(QuantileSorted(draws, 0.1), 10.0, 0.1);
  EXPECT_NEAR(QuantileSorted(draws, 0.5), 20.0, 0.2);
  EXPECT_NEAR(QuantileSorted(draws, 0.9), 40.0, 0.4);
}

TEST(SamplingTest, SameSeedSameDrawsDifferentSeedDifferent) {
  const Tenant t = te::HealthcareGrowthEstate().tenants[0];
  EXPECT_EQ(DrawTenant(t, 5, 3), DrawTenant(t, 5, 3));
  EXPECT_NE(DrawTenant(t, 5, 3).users_per_site, DrawTenant(t, 6, 3).users_per_site);
  EXPECT_NE(DrawTenant(t, 5, 3).users_per_site, DrawTenant(t, 5, 4).users_per_site);
}

TEST(SamplingTest, AddingAFieldDoesNotShiftOtherDraws) {
  Tenant t = te::HealthcareGrowthEstate().tenants[0];
  const TenantDraw before = DrawTenant(t, 11, 0);
  t.integrations.insert(t.integrations.begin(),
                        te::MakeIntegration("new_feed", te::Range(10, 20, 30)));
  t.sites.growth.push_back(te::Acquisition("Other", 3, 2, te::Range(5, 6, 7), te::Range(1, 2, 3)));
  const TenantDraw after = DrawTenant(t, 11, 0);
  EXPECT_EQ(after.users_per_site, before.users_per_site);
  EXPECT_EQ(after.central_users, before.central_users);
  EXPECT_EQ(after.concurrency_ratio, before.concurrency_ratio);
  EXPECT_EQ(after.portal_users, before.portal_users);
  // Integrations are named in their stream path, not numbered: lab_results keeps its draw.
  EXPECT_EQ(after.calls_per_day[1], before.calls_per_day[0]);
  EXPECT_EQ(after.documents_mib_per_site_month, before.documents_mib_per_site_month);
}

TEST(SamplingTest, MidAndExactValues) {
  const Tenant t = te::HealthcareGrowthEstate().tenants[0];
  const TenantDraw mid = MidTenantDraw(t);
  EXPECT_EQ(mid.users_per_site, 24);
  EXPECT_EQ(mid.central_users, 85);
  EXPECT_EQ(mid.concurrency_ratio, 0.28);
  EXPECT_EQ(mid.portal_users, 1500);
  EXPECT_EQ(mid.calls_per_day, (std::vector<double>{450, 12000, 2500}));
  // Growth entry 2 is the acquisition Clinique du Lac: 20 users per site, 15 central.
  EXPECT_EQ(mid.growth_users_per_site[2], 20);
  EXPECT_EQ(mid.growth_central_users[2], 15);
  // An exact value draws as itself; ratios never exceed 1.
  const TenantDraw d = DrawTenant(t, 1, 0);
  EXPECT_EQ(d.calls_per_day[1], 12000);
  EXPECT_EQ(d.portal_concurrency_ratio, 0.03);
  for (int s = 0; s < 500; ++s) {
    EXPECT_LE(DrawInterval(Interval{0.5, 0.9, 0.99, 0.8}, 3, s, "x", 0.0, 1.0), 1.0);
  }
}

TEST(SamplingTest, FieldPathsNameEveryInterval) {
  const Tenant t = te::HealthcareGrowthEstate().tenants[0];
  const std::vector<std::string> paths = TenantFieldPaths(t);
  EXPECT_EQ(paths.front(), "tenants/meridian/sites/users_per_site");
  EXPECT_NE(std::find(paths.begin(), paths.end(),
                      "tenants/meridian/integrations/lab_results/calls_per_day"),
            paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(),
                      "tenants/meridian/sites/growth/Clinique du Lac/users_per_site"),
            paths.end());
  EXPECT_EQ(paths.back(), "tenants/meridian/documents/central_mib_month");
}

}  // namespace
}  // namespace headroom
