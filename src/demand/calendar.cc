#include "demand/calendar.h"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <exception>

namespace headroom {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

int64_t FloorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

date::year_month_day ToYmd(YearMonth ym, unsigned day) {
  return date::year{ym.year} / date::month{static_cast<unsigned>(ym.month)} / date::day{day};
}

}  // namespace

Horizon Horizon::Make(YearMonth start, int months) {
  Horizon h;
  h.start = start;
  h.months = months;
  h.month_first_hour.reserve(static_cast<size_t>(months) + 1);
  int hour = 0;
  for (int m = 0; m < months; ++m) {
    h.month_first_hour.push_back(hour);
    hour += start.Plus(m).DaysInMonth() * 24;
  }
  h.month_first_hour.push_back(hour);
  h.hours = hour;
  return h;
}

date::sys_days Horizon::FirstDay() const { return date::sys_days{ToYmd(start, 1)}; }

date::sys_seconds Horizon::HourStart(int hour) const {
  return date::sys_seconds{FirstDay()} + std::chrono::hours{hour};
}

int Horizon::MonthOfHour(int hour) const {
  // upper_bound finds the first month starting after `hour`; the month before holds it.
  auto it = std::upper_bound(month_first_hour.begin(), month_first_hour.end() - 1, hour);
  return static_cast<int>(it - month_first_hour.begin()) - 1;
}

int Horizon::MonthOffset(date::sys_days day) const {
  const date::year_month_day ymd{day};
  return YearMonth{static_cast<int>(ymd.year()),
                   static_cast<int>(static_cast<unsigned>(ymd.month()))}
      .MonthsSince(start);
}

date::sys_days Horizon::MonthFirstDay(int month) const {
  return date::sys_days{ToYmd(start.Plus(month), 1)};
}

std::optional<date::sys_days> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  const char* s = text.data();
  if (std::from_chars(s, s + 4, y).ptr != s + 4 || std::from_chars(s + 5, s + 7, m).ptr != s + 7 ||
      std::from_chars(s + 8, s + 10, d).ptr != s + 10) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok() || y < 1970 || y > 2999) return std::nullopt;
  return date::sys_days{ymd};
}

std::string FormatDate(date::sys_days day) {
  const date::year_month_day ymd{day};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

int WeekdayIndex(date::sys_days day) {
  return static_cast<int>(date::weekday{day}.iso_encoding()) - 1;
}

BusinessDays::BusinessDays(std::vector<date::sys_days> holidays) : holidays_(std::move(holidays)) {
  std::sort(holidays_.begin(), holidays_.end());
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
}

bool BusinessDays::IsBusinessDay(date::sys_days day) const {
  return WeekdayIndex(day) < 5 && !std::binary_search(holidays_.begin(), holidays_.end(), day);
}

date::sys_days BusinessDays::OnOrAfter(date::sys_days day) const {
  while (!IsBusinessDay(day)) day += date::days{1};
  return day;
}

date::sys_days BusinessDays::OnOrBefore(date::sys_days day) const {
  while (!IsBusinessDay(day)) day -= date::days{1};
  return day;
}

Result<LocalClock> LocalClock::Make(const Horizon& horizon, const std::string& time_zone) {
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(time_zone);
  } catch (const std::exception&) {
    return InvalidError(
        fmt::format("unknown time zone '{}' (expected an IANA name such as "
                    "Europe/Paris)",
                    time_zone));
  }
  LocalClock clock;
  clock.hours_ = horizon.hours;
  const int total = horizon.hours + 2 * kMarginHours;
  clock.local_hour_.resize(static_cast<size_t>(total));
  clock.day_.resize(static_cast<size_t>(total));
  std::vector<int64_t> day_number(static_cast<size_t>(total));
  // One time zone lookup per offset change, not per hour: sys_info holds until info.end.
  const date::sys_seconds first = horizon.HourStart(-kMarginHours) + std::chrono::minutes{30};
  date::sys_info info = zone->get_info(first);
  for (int i = 0; i < total; ++i) {
    const date::sys_seconds t = first + std::chrono::hours{i};
    if (t >= info.end) info = zone->get_info(t);
    const int offset_minutes = static_cast<int>(info.offset.count() / 60);
    if (clock.offsets_.empty() || clock.offsets_.back().second != offset_minutes) {
      clock.offsets_.emplace_back(i - kMarginHours, offset_minutes);
    }
    const int64_t local_s = t.time_since_epoch().count() + info.offset.count();
    const int64_t day = FloorDiv(local_s, kSecondsPerDay);
    day_number[static_cast<size_t>(i)] = day;
    clock.local_hour_[static_cast<size_t>(i)] =
        static_cast<uint8_t>((local_s - day * kSecondsPerDay) / 3600);
  }
  const auto [lo, hi] = std::minmax_element(day_number.begin(), day_number.end());
  clock.first_date_ = date::sys_days{date::days{static_cast<int>(*lo)}};
  const auto days = static_cast<size_t>(*hi - *lo + 1);
  clock.day_first_hour_.assign(days, total);
  clock.day_hours_.assign(days, 0);
  for (int i = 0; i < total; ++i) {
    const auto day = static_cast<int32_t>(day_number[static_cast<size_t>(i)] - *lo);
    clock.day_[static_cast<size_t>(i)] = day;
    int& first_hour = clock.day_first_hour_[static_cast<size_t>(day)];
    first_hour = std::min(first_hour, i - kMarginHours);
    ++clock.day_hours_[static_cast<size_t>(day)];
  }
  return clock;
}

int LocalClock::DayOf(date::sys_days date) const {
  const int day = (date - first_date_).count();
  return day >= 0 && day < DayCount() ? day : -1;
}

int LocalClock::HourAt(int day, int local_hour) const {
  const int first = day_first_hour_[static_cast<size_t>(day)];
  const int end = std::min(first + 26, hours_ + kMarginHours);
  for (int h = first; h < end; ++h) {
    if (Day(h) == day && LocalHour(h) >= local_hour) return h;
  }
  // The local day ends before `local_hour` exists (only past the last hour): the next day's start.
  return first + HoursInDay(day);
}

}  // namespace headroom
