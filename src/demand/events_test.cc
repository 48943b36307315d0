#include "demand/events.h"

#include <gtest/gtest.h>

#include "demand/test_estates.h"

namespace headroom {
namespace {

namespace te = test_estates;
using date::sys_days;

sys_days Day(const char* text) { return *ParseDate(text); }

std::vector<std::string> Dates(const std::vector<sys_days>& days) {
  std::vector<std::string> out;
  for (sys_days d : days) out.push_back(FormatDate(d));
  return out;
}

class EventsTest : public ::testing::Test {
 protected:
  // Occurrences anchored in one horizon month (0 = 2027-01).
  std::vector<EventOccurrence> In(const CalendarEvent& e, int month,
                                  const std::vector<int>& added = {}) {
    return ListOccurrences(e, 0, horizon_, business_, month, month, added);
  }
  Horizon horizon_ = Horizon::Make(YearMonth{2027, 1}, 24);
  BusinessDays business_;
};

using Strings = std::vector<std::string>;

TEST_F(EventsTest, MonthEndSpansTheMonthTurn) {
  const CalendarEvent e = te::MonthEnd("close", 3, 2, {});
  const std::vector<EventOccurrence> occ = In(e, 0);
  ASSERT_EQ(occ.size(), 1u);
  // January 2027 ends on a Sunday: its last three business days are Wed 27, Thu 28 and
  // Fri 29; February starts on Monday 1.
  EXPECT_EQ(Dates(occ[0].days),
            (Strings{"2027-01-27", "2027-01-28", "2027-01-29", "2027-02-01", "2027-02-02"}));
  EXPECT_EQ(FormatDate(occ[0].release_day), "2027-01-29");
  EXPECT_EQ(occ[0].month, 0);
}

TEST_F(EventsTest, MonthlyPayrollLeadDays) {
  const CalendarEvent e = te::MonthlyPayroll("payroll", 25, 2, {});
  const std::vector<EventOccurrence> occ = In(e, 0);
  ASSERT_EQ(occ.size(), 1u);
  // Pay day Monday 2027-01-25; the two business days before it are Thu 21 and Fri 22.
  EXPECT_EQ(Dates(occ[0].days), (Strings{"2027-01-21", "2027-01-22", "2027-01-25"}));
  EXPECT_EQ(FormatDate(occ[0].release_day), "2027-01-21");
}

TEST_F(EventsTest, MonthEndAndPayrollCoincideInFebruary2027) {
  // February 2027 ends on a Sunday: month-end runs Wed 24, Thu 25, Fri 26; pay day 25 is a
  // Thursday with lead days Tue 23 and Wed 24. They coincide on 24 and 25 February.
  const std::vector<EventOccurrence> close = In(te::MonthEnd("close", 3, 2, {}), 1);
  const std::vector<EventOccurrence> pay = In(te::MonthlyPayroll("payroll", 25, 2, {}), 1);
  EXPECT_EQ(Dates(close[0].days),
            (Strings{"2027-02-24", "2027-02-25", "2027-02-26", "2027-03-01", "2027-03-02"}));
  EXPECT_EQ(Dates(pay[0].days), (Strings{"2027-02-23", "2027-02-24", "2027-02-25"}));
}

TEST_F(EventsTest, PayDayOnSaturdayMovesToFriday) {
  // 2027-09-25 is a Saturday: pay day is Friday 24, lead days Wed 22 and Thu 23.
  const std::vector<EventOccurrence> occ = In(te::MonthlyPayroll("payroll", 25, 2, {}), 8);
  EXPECT_EQ(Dates(occ[0].days), (Strings{"2027-09-22", "2027-09-23", "2027-09-24"}));
  EXPECT_EQ(occ[0].month, 8);
}

TEST_F(EventsTest, PayDayClampedToShortMonth) {
  // Day 31 in February 2027 is the 28th, a Sunday: pay day Friday 26.
  const std::vector<EventOccurrence> occ = In(te::MonthlyPayroll("payroll", 31, 0, {}), 1);
  EXPECT_EQ(Dates(occ[0].days), (Strings{"2027-02-26"}));
}

TEST_F(EventsTest, HolidaysAreSkipped) {
  business_ = BusinessDays({Day("2027-01-22"), Day("2027-01-29")});
  const std::vector<EventOccurrence> pay = In(te::MonthlyPayroll("payroll", 25, 2, {}), 0);
  EXPECT_EQ(Dates(pay[0].days), (Strings{"2027-01-20", "2027-01-21", "2027-01-25"}));
  const std::vector<EventOccurrence> close = In(te::MonthEnd("close", 3, 0, {}), 0);
  EXPECT_EQ(Dates(close[0].days), (Strings{"2027-01-26", "2027-01-27", "2027-01-28"}));
  EXPECT_EQ(FormatDate(close[0].release_day), "2027-01-28");
}

TEST_F(EventsTest, BiweeklyPayrollFromAnchor) {
  const CalendarEvent e = te::BiweeklyPayroll("payroll", "2027-01-08", 1, {});
  const std::vector<EventOccurrence> occ = In(e, 0);
  ASSERT_EQ(occ.size(), 2u);
  EXPECT_EQ(Dates(occ[0].days), (Strings{"2027-01-07", "2027-01-08"}));
  EXPECT_EQ(Dates(occ[1].days), (Strings{"2027-01-21", "2027-01-22"}));
  // Fourteen days on from 2027-01-22 is 2027-02-05, then 2027-02-19.
  const std::vector<EventOccurrence> feb = In(e, 1);
  ASSERT_EQ(feb.size(), 2u);
  EXPECT_EQ(FormatDate(feb[0].days.back()), "2027-02-05");
  EXPECT_EQ(FormatDate(feb[1].days.back()), "2027-02-19");
}

TEST_F(EventsTest, MonthlyMovesForwardToABusinessDay) {
  // 2027-04-10 is a Saturday: the cycle starts Monday 12 and lasts two business days.
  const std::vector<EventOccurrence> occ = In(te::Monthly("procurement", 10, 2, {}), 3);
  EXPECT_EQ(Dates(occ[0].days), (Strings{"2027-04-12", "2027-04-13"}));
}

TEST_F(EventsTest, WeeklyOnMondays) {
  const std::vector<EventOccurrence> occ = In(te::Weekly("insurance", 0, 1, {}), 1);
  Strings mondays;
  for (const EventOccurrence& o : occ) mondays.push_back(FormatDate(o.days[0]));
  EXPECT_EQ(mondays, (Strings{"2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22"}));
}

TEST_F(EventsTest, OnboardingOnlyInMonthsThatAddSites) {
  business_ = BusinessDays({Day("2027-04-05")});
  std::vector<int> added(24, 0);
  added[3] = 2;
  const CalendarEvent e = te::Onboarding("onboarding", 10, {});
  EXPECT_TRUE(In(e, 2, added).empty());
  const std::vector<EventOccurrence> occ = In(e, 3, added);
  ASSERT_EQ(occ.size(), 1u);
  // April 2027 starts on a Thursday; Monday 5 is a holiday.
  EXPECT_EQ(Dates(occ[0].days),
            (Strings{"2027-04-01", "2027-04-02", "2027-04-06", "2027-04-07", "2027-04-08",
                     "2027-04-09", "2027-04-12", "2027-04-13", "2027-04-14", "2027-04-15"}));
}

}  // namespace
}  // namespace headroom
