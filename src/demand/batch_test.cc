#include "demand/batch.h"

#include <gtest/gtest.h>

#include "demand/test_estates.h"

namespace headroom {
namespace {

namespace te = test_estates;

TEST(BatchInFlightTest, CountsReleasesOverlappingARange) {
  const std::vector<BatchRelease> releases = {{0, 0, 10, 5400, 8}, {0, 1, 12, 100, 2.5}};
  const BatchInFlight in_flight(releases, 48);
  // The first runs over hours 10..17, the second over 12..14 (2.5 h rounds up to 3).
  EXPECT_EQ(in_flight.CpuSecondsOverlapping(9, 10), 0);
  EXPECT_EQ(in_flight.CpuSecondsOverlapping(10, 11), 5400);
  EXPECT_EQ(in_flight.CpuSecondsOverlapping(14, 15), 5500);
  EXPECT_EQ(in_flight.CpuSecondsOverlapping(15, 16), 5400);
  EXPECT_EQ(in_flight.CpuSecondsOverlapping(17, 18), 5400);
  EXPECT_EQ(in_flight.CpuSecondsOverlapping(18, 30), 0);
  EXPECT_EQ(in_flight.CpuSecondsOverlapping(0, 48), 5500);
  EXPECT_EQ(in_flight.CpuSecondsOverlapping(-5, 100), 5500);
}

TEST(TenantBatchReleasesTest, NightlyJobsFollowLocalTimeAcrossDaylightSaving) {
  Estate e = te::EmptyEstate(YearMonth{2027, 3}, 1);
  Tenant t = te::SimpleTenant("paris", "Europe/Paris");
  t.sites.initial = 4;
  t.nightly_jobs = {NightlyJob{"reconcile", te::Batch(50, 5, 1, true)}};
  e.tenants = {t};
  const Horizon h = Horizon::Make(e.start, 1);
  const LocalClock clock = LocalClock::Make(h, "Europe/Paris").value();
  const SiteGrowth growth = PlanSiteGrowth(t.sites, 1);
  const std::vector<BatchRelease> r = TenantBatchReleases(e, 0, clock, h, growth, {}, {7});
  // 31 days of March at 01:00 Paris (1 March at 00:00Z), plus 1 April at 01:00 Paris, which
  // is 23:00Z on 31 March: the horizon is in UTC.
  ASSERT_EQ(r.size(), 32u);
  EXPECT_EQ(r[31].hour, 31 * 24 - 1);
  EXPECT_EQ(r[0].hour, 0);
  EXPECT_EQ(r[0].cpu_seconds, 200);  // 50 per site × 4 sites
  EXPECT_EQ(r[0].source, 7);
  // 01:00 on Sunday 28 March is still UTC+1 (clocks change at 02:00): 00:00Z; from Monday 29
  // it is UTC+2: 23:00Z the day before.
  EXPECT_EQ(r[27].hour, 27 * 24);
  EXPECT_EQ(r[28].hour, 28 * 24 - 1);
}

}  // namespace
}  // namespace headroom
