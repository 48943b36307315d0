#include "common/year_month.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

TEST(YearMonth, ArithmeticCrossesYears) {
  const YearMonth jan{2027, 1};
  EXPECT_EQ(jan.Plus(11), (YearMonth{2027, 12}));
  EXPECT_EQ(jan.Plus(12), (YearMonth{2028, 1}));
  EXPECT_EQ(jan.Plus(-1), (YearMonth{2026, 12}));
  EXPECT_EQ(jan.Plus(-13), (YearMonth{2025, 12}));
  EXPECT_EQ((YearMonth{2028, 3}).MonthsSince(jan), 14);
}

TEST(YearMonth, DaysInMonthKnowsLeapYears) {
  EXPECT_EQ((YearMonth{2027, 2}).DaysInMonth(), 28);
  EXPECT_EQ((YearMonth{2028, 2}).DaysInMonth(), 29);
  EXPECT_EQ((YearMonth{2100, 2}).DaysInMonth(), 28);
  EXPECT_EQ((YearMonth{2000, 2}).DaysInMonth(), 29);
  EXPECT_EQ((YearMonth{2027, 4}).DaysInMonth(), 30);
}

TEST(ParseYearMonth, AcceptsOnlyYyyyMm) {
  EXPECT_EQ(ParseYearMonth("2027-01"), (YearMonth{2027, 1}));
  EXPECT_EQ(ParseYearMonth("2027-1"), std::nullopt);
  EXPECT_EQ(ParseYearMonth("2027-13"), std::nullopt);
  EXPECT_EQ(ParseYearMonth("2027-00"), std::nullopt);
  EXPECT_EQ(ParseYearMonth("27-01-01"), std::nullopt);
  EXPECT_EQ(ParseYearMonth("abcd-01"), std::nullopt);
  EXPECT_EQ((YearMonth{2027, 3}).ToString(), "2027-03");
}

TEST(IsIsoDateTest, RealDatesOnly) {
  EXPECT_TRUE(IsIsoDate("2027-01-31"));
  EXPECT_TRUE(IsIsoDate("2028-02-29"));   // leap year
  EXPECT_FALSE(IsIsoDate("2027-02-29"));  // not a leap year
  EXPECT_FALSE(IsIsoDate("2100-02-29"));  // century, not divisible by 400
  EXPECT_TRUE(IsIsoDate("2000-02-29"));
  EXPECT_FALSE(IsIsoDate("2027-04-31"));
  EXPECT_FALSE(IsIsoDate("2027-13-01"));
  EXPECT_FALSE(IsIsoDate("2027-00-10"));
  EXPECT_FALSE(IsIsoDate("2027-1-10"));
  EXPECT_FALSE(IsIsoDate("2027/01/10"));
  EXPECT_FALSE(IsIsoDate("+027-01-10"));
  EXPECT_FALSE(IsIsoDate(""));
}

}  // namespace
}  // namespace headroom
