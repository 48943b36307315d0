#pragma once
// Real calendar time for demand: the horizon's UTC hours, a tenant's business days, and a
// tenant's local clock (IANA time zone, daylight saving included) over those hours.
//
// Hours are real UTC hours: hour 0 starts on the first day of Estate::start at 00:00 UTC and the
// horizon ends with the last day of month `months − 1`. A tenant's profile, business days and
// events are in its local time; LocalClock turns every UTC hour into a local date and hour of
// day once, so later stages never call the time zone library per hour.

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/year_month.h"

namespace headroom {

// The planning horizon in UTC hours. Month m covers [month_first_hour[m], month_first_hour[m+1]).
struct Horizon {
  YearMonth start;
  int months = 0;
  int hours = 0;
  std::vector<int> month_first_hour;  // months + 1 entries; the last equals `hours`

  // REQUIRES: months >= 1.
  static Horizon Make(YearMonth start, int months);

  [[nodiscard]] date::sys_days FirstDay() const;
  // The UTC instant hour `hour` starts (any integer, also outside the horizon).
  [[nodiscard]] date::sys_seconds HourStart(int hour) const;
  // The horizon month holding `hour`. REQUIRES: 0 <= hour < hours.
  [[nodiscard]] int MonthOfHour(int hour) const;
  // Months from `start` to the month of `day` (negative before the start).
  [[nodiscard]] int MonthOffset(date::sys_days day) const;
  // The first day of horizon month `month` (any integer).
  [[nodiscard]] date::sys_days MonthFirstDay(int month) const;
};

// Parses "YYYY-MM-DD" (a real date); nullopt when malformed.
std::optional<date::sys_days> ParseDate(std::string_view text);

// "YYYY-MM-DD".
std::string FormatDate(date::sys_days day);

// 0 = Monday .. 6 = Sunday (the estate's weekday convention).
int WeekdayIndex(date::sys_days day);

// A tenant's business days: Monday to Friday, minus its holidays (local dates).
class BusinessDays {
 public:
  BusinessDays() = default;
  explicit BusinessDays(std::vector<date::sys_days> holidays);

  [[nodiscard]] bool IsBusinessDay(date::sys_days day) const;
  // The first business day on or after `day`.
  [[nodiscard]] date::sys_days OnOrAfter(date::sys_days day) const;
  // The last business day on or before `day`.
  [[nodiscard]] date::sys_days OnOrBefore(date::sys_days day) const;

 private:
  std::vector<date::sys_days> holidays_;  // sorted, unique
};

// A tenant's local clock over the horizon, extended by kMarginHours on both sides so that every
// local day touched by the horizon is complete (needed to normalise a day's profile).
// An hour is assigned the local date and hour of day that its middle (hh:30 UTC) falls in, so
// zones with half-hour offsets get a well-defined local hour.
class LocalClock {
 public:
  static constexpr int kMarginHours = 48;

  // Fails with kInvalid when `time_zone` is not an IANA zone known to the system database.
  static Result<LocalClock> Make(const Horizon& horizon, const std::string& time_zone);

  // REQUIRES (for the hour getters): -kMarginHours <= hour < horizon hours + kMarginHours.
  [[nodiscard]] int LocalHour(int hour) const { return local_hour_[Slot(hour)]; }
  // Index of the local date of `hour`; day 0 is FirstDate().
  [[nodiscard]] int Day(int hour) const { return day_[Slot(hour)]; }
  [[nodiscard]] int DayCount() const { return static_cast<int>(day_first_hour_.size()); }
  [[nodiscard]] date::sys_days Date(int day) const { return first_date_ + date::days{day}; }
  [[nodiscard]] date::sys_days FirstDate() const { return first_date_; }
  // Day index of a local date; -1 when outside the clock's range.
  [[nodiscard]] int DayOf(date::sys_days date) const;
  // The first UTC hour whose local date is `day` (may lie in the margins).
  [[nodiscard]] int FirstHourOfDay(int day) const { return day_first_hour_[day]; }
  // Number of UTC hours in the local day: 24, or 23/25 on daylight-saving changes.
  [[nodiscard]] int HoursInDay(int day) const { return day_hours_[day]; }
  // The UTC hour at which local hour `local_hour` of `day` starts; when the clock skips that
  // hour (spring forward), the next existing hour; when it repeats (fall back), the first.
  // Returns an hour index that may lie outside the horizon.
  [[nodiscard]] int HourAt(int day, int local_hour) const;
  // UTC offset changes over the extended range: (first hour index, offset in minutes), ascending.
  [[nodiscard]] const std::vector<std::pair<int, int>>& Offsets() const { return offsets_; }
  [[nodiscard]] int hours() const { return hours_; }

 private:
  [[nodiscard]] size_t Slot(int hour) const {
    return static_cast<size_t>(hour) + static_cast<size_t>(kMarginHours);
  }

  int hours_ = 0;
  date::sys_days first_date_;
  std::vector<uint8_t> local_hour_;  // per extended hour
  std::vector<int32_t> day_;         // per extended hour
  std::vector<int> day_first_hour_;  // per day
  std::vector<uint8_t> day_hours_;   // per day
  std::vector<std::pair<int, int>> offsets_;
};

}  // namespace headroom
