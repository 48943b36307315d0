#include "demand/profile.h"

#include <gtest/gtest.h>

#include <map>

#include "demand/test_estates.h"

namespace headroom {
namespace {

namespace te = test_estates;

class ProfileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock_ = LocalClock::Make(horizon_, "Europe/Paris").value();
    business_day_ = BusinessDayFlags(clock_, BusinessDays({*ParseDate("2027-05-05")}));
    profile_.weekday_hour_weights = te::OfficeProfile();
    profile_.weekend_factor = 0.1;
  }
  // Sums of `share` per local date (only days wholly inside the horizon).
  std::map<std::string, double> DailySums(const std::vector<double>& share) const {
    std::map<std::string, double> sums;
    for (int h = 0; h < clock_.hours(); ++h)
      sums[FormatDate(clock_.Date(clock_.Day(h)))] += share[h];
    sums.erase(FormatDate(clock_.Date(clock_.Day(0))));
    sums.erase(FormatDate(clock_.Date(clock_.Day(clock_.hours() - 1))));
    return sums;
  }
  Horizon horizon_ = Horizon::Make(YearMonth{2027, 1}, 12);
  LocalClock clock_;
  std::vector<uint8_t> business_day_;
  DailyProfile profile_;
};

TEST_F(ProfileTest, WeightsFollowLocalHourAndBusinessDays) {
  const std::vector<double> w = HourWeights(clock_, business_day_, profile_);
  // Monday 2027-01-04 09:00Z is 10:00 in Paris, the profile's busiest hour.
  const int monday_10 = 3 * 24 + 9;
  EXPECT_EQ(w[monday_10], 1.0);
  // Saturday 2027-01-02 at the same time: weekend factor 0.1.
  EXPECT_DOUBLE_EQ(w[1 * 24 + 9], 0.1);
  // Wednesday 2027-05-05 is a holiday; in May Paris is UTC+2, so 10:00 local is 08:00Z.
  const int holiday_10 = (31 + 28 + 31 + 30 + 4) * 24 + 8;
  EXPECT_DOUBLE_EQ(w[holiday_10], 0.1);
  EXPECT_EQ(w[holiday_10 + 24], 1.0);
}

TEST_F(ProfileTest, WindowedCallsStayInsideTheWindowAndSumToOnePerDay) {
  Integration sync = te::MakeIntegration("sync", Interval::Exact(12000));
  sync.window_start_hour = 1;
  sync.window_end_hour = 4;
  const std::vector<double> share = IntegrationDayShare(clock_, business_day_, profile_, sync);
  for (int h = 0; h < clock_.hours(); ++h) {
    if (share[h] > 0) {
      EXPECT_TRUE(InWindow(clock_.LocalHour(h), 1, 4)) << h;
    }
  }
  for (const auto& [day, sum] : DailySums(share)) {
    // On 2027-03-28 Paris skips 02:00: the calls spread over the two remaining window hours.
    EXPECT_NEAR(sum, 1.0, 1e-12) << day;
  }
  EXPECT_NEAR(share[2 * 24 + 1], 1.0 / 3, 1e-15);  // 2027-01-03 02:00 local
}

TEST_F(ProfileTest, ProfileShapedCallsSumToOneOnBusinessDays) {
  const Integration feed = te::MakeIntegration("feed", Interval::Exact(450));
  const std::vector<double> share = IntegrationDayShare(clock_, business_day_, profile_, feed);
  const std::map<std::string, double> sums = DailySums(share);
  EXPECT_NEAR(sums.at("2027-01-04"), 1.0, 1e-12);  // Monday
  EXPECT_NEAR(sums.at("2027-01-09"), 0.1, 1e-12);  // Saturday: weekend factor
  EXPECT_NEAR(sums.at("2027-05-05"), 0.1, 1e-12);  // holiday
  EXPECT_NEAR(sums.at("2027-03-29"), 1.0, 1e-12);  // Monday after the 23-hour day
  EXPECT_NEAR(sums.at("2027-11-01"), 1.0, 1e-12);  // Monday after the 25-hour day
  EXPECT_NEAR(sums.at("2027-03-28"), 0.1, 1e-12);  // the 23-hour Sunday itself
}

TEST(InWindowTest, WrapsPastMidnight) {
  EXPECT_TRUE(InWindow(23, 22, 2));
  EXPECT_TRUE(InWindow(1, 22, 2));
  EXPECT_FALSE(InWindow(2, 22, 2));
  EXPECT_FALSE(InWindow(12, 22, 2));
  EXPECT_TRUE(InWindow(3, 1, 4));
  EXPECT_FALSE(InWindow(4, 1, 4));
}

}  // namespace
}  // namespace headroom
