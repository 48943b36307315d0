#include "common/year_month.h"

#include <fmt/format.h>

#include <charconv>

namespace headroom {

YearMonth YearMonth::Plus(int offset) const {
  int index = year * 12 + (month - 1) + offset;
  // Floor division keeps negative offsets right.
  int y = index >= 0 ? index / 12 : (index - 11) / 12;
  return YearMonth{y, index - y * 12 + 1};
}

int YearMonth::MonthsSince(YearMonth from) const {
  return (year - from.year) * 12 + (month - from.month);
}

int YearMonth::DaysInMonth() const {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string YearMonth::ToString() const { return fmt::format("{:04d}-{:02d}", year, month); }

std::optional<YearMonth> ParseYearMonth(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int y = 0;
  int m = 0;
  auto [p1, e1] = std::from_chars(text.data(), text.data() + 4, y);
  auto [p2, e2] = std::from_chars(text.data() + 5, text.data() + 7, m);
  if (e1 != std::errc() || p1 != text.data() + 4 || e2 != std::errc() || p2 != text.data() + 7) {
    return std::nullopt;
  }
  if (y < 1970 || y > 2999 || m < 1 || m > 12) return std::nullopt;
  return YearMonth{y, m};
}

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const std::optional<YearMonth> month = ParseYearMonth(text.substr(0, 7));
  if (!month) return false;
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  return day >= 1 && day <= month->DaysInMonth();
}

}  // namespace headroom
