#include "demand/calendar.h"

#include <date/tz.h>
#include <gtest/gtest.h>

namespace headroom {
namespace {

using date::sys_days;

sys_days Day(const char* text) { return *ParseDate(text); }

Horizon Jan2027(int months = 24) { return Horizon::Make(YearMonth{2027, 1}, months); }

// The horizon hour whose UTC start is `iso_date` at `utc_hour`.
int HourOf(const Horizon& h, const char* iso_date, int utc_hour) {
  return static_cast<int>((Day(iso_date) - h.FirstDay()).count()) * 24 + utc_hour;
}

TEST(HorizonTest, CountsRealHoursPerMonth) {
  const Horizon h = Jan2027();
  // 2027 has 365 days, 2028 is a leap year with 366.
  EXPECT_EQ(h.hours, (365 + 366) * 24);
  EXPECT_EQ(h.month_first_hour[1], 31 * 24);
  EXPECT_EQ(h.month_first_hour[2], (31 + 28) * 24);
  EXPECT_EQ(h.month_first_hour[14] - h.month_first_hour[13], 29 * 24);  // February 2028
  EXPECT_EQ(h.MonthOfHour(0), 0);
  EXPECT_EQ(h.MonthOfHour(31 * 24 - 1), 0);
  EXPECT_EQ(h.MonthOfHour(31 * 24), 1);
  EXPECT_EQ(h.MonthOfHour(h.hours - 1), 23);
  EXPECT_EQ(h.MonthOffset(Day("2026-12-31")), -1);
  EXPECT_EQ(h.MonthOffset(Day("2028-12-31")), 23);
}

TEST(ParseDateTest, AcceptsRealDatesOnly) {
  EXPECT_EQ(FormatDate(Day("2028-02-29")), "2028-02-29");
  EXPECT_FALSE(ParseDate("2027-02-29"));
  EXPECT_FALSE(ParseDate("2027-13-01"));
  EXPECT_FALSE(ParseDate("27-01-01"));
  EXPECT_FALSE(ParseDate("2027/01/01"));
}

TEST(BusinessDaysTest, WeekdaysMinusHolidays) {
  const BusinessDays b({Day("2027-01-01")});
  EXPECT_FALSE(b.IsBusinessDay(Day("2027-01-01")));  // a Friday, but a holiday
  EXPECT_FALSE(b.IsBusinessDay(Day("2027-01-02")));  // Saturday
  EXPECT_FALSE(b.IsBusinessDay(Day("2027-01-03")));  // Sunday
  EXPECT_TRUE(b.IsBusinessDay(Day("2027-01-04")));   // Monday
  EXPECT_EQ(b.OnOrAfter(Day("2027-01-01")), Day("2027-01-04"));
  EXPECT_EQ(b.OnOrBefore(Day("2027-01-03")), Day("2026-12-31"));
  EXPECT_EQ(WeekdayIndex(Day("2027-01-25")), 0);  // Monday
  EXPECT_EQ(WeekdayIndex(Day("2027-01-31")), 6);  // Sunday
}

TEST(LocalClockTest, RejectsUnknownZone) {
  Result<LocalClock> clock = LocalClock::Make(Jan2027(1), "Europe/Atlantis");
  ASSERT_FALSE(clock.ok());
  EXPECT_NE(clock.error().message.find("Europe/Atlantis"), std::string::npos);
}

TEST(LocalClockTest, ParisAndNewYorkInWinterAndInTheDaylightSavingGap) {
  const Horizon h = Jan2027(6);
  const LocalClock paris = LocalClock::Make(h, "Europe/Paris").value();
  const LocalClock ny = LocalClock::Make(h, "America/New_York").value();
  // 2027-01-01T00:00Z is 01:00 on 1 January in Paris (UTC+1), 19:00 on 31 December in New York.
  EXPECT_EQ(paris.LocalHour(0), 1);
  EXPECT_EQ(paris.Date(paris.Day(0)), Day("2027-01-01"));
  EXPECT_EQ(ny.LocalHour(0), 19);
  EXPECT_EQ(ny.Date(ny.Day(0)), Day("2026-12-31"));
  // US clocks go forward on Sunday 2027-03-14, EU clocks on Sunday 2027-03-28: on Monday
  // 2027-03-15 at 14:00Z Paris (UTC+1) shows 15:00 and New York (UTC-4) 10:00.
  const int gap = HourOf(h, "2027-03-15", 14);
  EXPECT_EQ(paris.LocalHour(gap), 15);
  EXPECT_EQ(ny.LocalHour(gap), 10);
  // After both changes, on 2027-04-05 at 14:00Z: Paris (UTC+2) 16:00, New York 10:00.
  const int april = HourOf(h, "2027-04-05", 14);
  EXPECT_EQ(paris.LocalHour(april), 16);
  EXPECT_EQ(ny.LocalHour(april), 10);
}

TEST(LocalClockTest, DaylightSavingDaysHave23And25Hours) {
  const Horizon h = Jan2027(12);
  const LocalClock paris = LocalClock::Make(h, "Europe/Paris").value();
  EXPECT_EQ(paris.HoursInDay(paris.DayOf(Day("2027-03-27"))), 24);
  EXPECT_EQ(paris.HoursInDay(paris.DayOf(Day("2027-03-28"))), 23);
  EXPECT_EQ(paris.HoursInDay(paris.DayOf(Day("2027-10-31"))), 25);
  // 02:00 does not exist on 2027-03-28 in Paris: the release moves to 03:00 local = 01:00Z.
  EXPECT_EQ(paris.HourAt(paris.DayOf(Day("2027-03-28")), 2), HourOf(h, "2027-03-28", 1));
  // 19:00 local on Friday 2027-01-29 is 18:00Z.
  EXPECT_EQ(paris.HourAt(paris.DayOf(Day("2027-01-29")), 19), HourOf(h, "2027-01-29", 18));
}

TEST(LocalClockTest, HalfHourZoneUsesTheMiddleOfTheHour) {
  const Horizon h = Jan2027(1);
  const LocalClock kolkata = LocalClock::Make(h, "Asia/Kolkata").value();
  // UTC 00:00-01:00 is 05:30-06:30 in Kolkata (UTC+5:30); its middle, 06:00, gives hour 6.
  EXPECT_EQ(kolkata.LocalHour(0), 6);
  EXPECT_EQ(kolkata.Offsets().front().second, 330);
}

TEST(LocalClockTest, AgreesWithZonedTimeOnEveryHour) {
  const Horizon h = Jan2027(24);
  for (const char* zone : {"Europe/Paris", "America/New_York", "Australia/Sydney"}) {
    const LocalClock clock = LocalClock::Make(h, zone).value();
    for (int hour = 0; hour < h.hours; ++hour) {
      const date::zoned_seconds z{zone, h.HourStart(hour) + std::chrono::minutes{30}};
      const auto local = z.get_local_time();
      const auto day = date::floor<date::days>(local);
      ASSERT_EQ(clock.LocalHour(hour),
                std::chrono::duration_cast<std::chrono::hours>(local - day).count())
          << zone << " hour " << hour;
      ASSERT_EQ(clock.Date(clock.Day(hour)), sys_days{day.time_since_epoch()}) << zone;
    }
  }
}

}  // namespace
}  // namespace headroom
