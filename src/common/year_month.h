#pragma once
// Calendar months. Plans count months from the estate's start month: month 0 is the start.

#include <optional>
#include <string>
#include <string_view>

namespace headroom {

struct YearMonth {
  int year = 2026;
  int month = 1;  // 1..12

  // The month `offset` months after this one (negative goes back).
  [[nodiscard]] YearMonth Plus(int offset) const;
  // Months from `from` to this month (this − from).
  [[nodiscard]] int MonthsSince(YearMonth from) const;
  [[nodiscard]] int DaysInMonth() const;
  // "2026-01".
  [[nodiscard]] std::string ToString() const;

  friend bool operator==(const YearMonth&, const YearMonth&) = default;
};

// Parses "YYYY-MM" (year 1970..2999, month 01..12); nullopt when malformed.
std::optional<YearMonth> ParseYearMonth(std::string_view text);

// True when `text` is a real calendar date written "YYYY-MM-DD" (year 1970..2999).
bool IsIsoDate(std::string_view text);

}  // namespace headroom
