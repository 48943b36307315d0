#include "demand/growth.h"

#include <gtest/gtest.h>

#include <numeric>

#include "demand/test_estates.h"

namespace headroom {
namespace {

namespace te = test_estates;

TEST(RampIncrementsTest, AddsExactlyTheTotal) {
  EXPECT_EQ(RampIncrements(12, 12), std::vector<int>(12, 1));
  // Cumulative round(5k/3): 2, 3, 5.
  EXPECT_EQ(RampIncrements(5, 3), (std::vector<int>{2, 1, 2}));
  for (int add = 0; add <= 40; ++add) {
    for (int span = 1; span <= 13; ++span) {
      const std::vector<int> inc = RampIncrements(add, span);
      EXPECT_EQ(std::accumulate(inc.begin(), inc.end(), 0), add) << add << " over " << span;
      for (int v : inc) EXPECT_GE(v, 0);
    }
  }
  const std::vector<int> closing = RampIncrements(-7, 4);
  EXPECT_EQ(std::accumulate(closing.begin(), closing.end(), 0), -7);
}

TEST(SiteGrowthTest, HealthcareExampleGrowsFrom8To30Sites) {
  const Estate e = te::HealthcareGrowthEstate();
  const SiteGrowth g = PlanSiteGrowth(e.tenants[0].sites, 24);
  EXPECT_EQ(g.TotalSites(0), 8);
  EXPECT_EQ(g.TotalSites(2), 8);
  EXPECT_EQ(g.TotalSites(3), 10);  // step of 2 at month 3
  EXPECT_EQ(g.TotalSites(6), 11);  // ramp: 12 sites over months 6..17, one a month
  EXPECT_EQ(g.TotalSites(13), 18);
  EXPECT_EQ(g.TotalSites(14), 25);  // + 1 ramp + 6 acquired (Clinique du Lac)
  EXPECT_EQ(g.TotalSites(17), 28);
  EXPECT_EQ(g.TotalSites(20), 30);
  EXPECT_EQ(g.TotalSites(23), 30);
  EXPECT_EQ(g.AddedSites(3), 2);
  EXPECT_EQ(g.AddedSites(14), 7);
  EXPECT_EQ(g.AddedSites(18), 0);
  // The acquisition sets its own users per site: its sites are not rated at the tenant's.
  EXPECT_EQ(g.TenantRatedSites(14), 19);
  EXPECT_EQ(g.AddedTenantRatedSites(14), 1);
}

TEST(SiteGrowthTest, GrowthOutsideTheHorizon) {
  Sites s;
  s.initial = 4;
  s.growth = {te::Step(-1, 3), te::Step(5, 2), te::Ramp(-2, 1, 4)};
  const SiteGrowth g = PlanSiteGrowth(s, 3);
  // Before the start: already present, not onboarded; month 5 is beyond a 3-month horizon.
  // The ramp adds 1 a month over months -2..1: two before the start, one at 0, one at 1.
  EXPECT_EQ(g.TotalSites(0), 4 + 3 + 2 + 1);
  EXPECT_EQ(g.TotalSites(1), 11);
  EXPECT_EQ(g.TotalSites(2), 11);
  EXPECT_EQ(g.AddedSites(0), 1);
  EXPECT_EQ(g.AddedSites(1), 1);
}

}  // namespace
}  // namespace headroom
