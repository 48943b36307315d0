#pragma once
// Business calendar events on real local dates. Each event kind yields occurrences: the local
// days it is active, the horizon month it belongs to and the day its batch work is released.
//
//   month_end   the last `last_business_days` business days of month M and the first
//               `first_business_days` of month M+1 (so it spans the month turn); batch on the
//               last business day of M
//   payroll     monthly: pay day = day_of_month clamped to the month's length, moved to the
//               previous business day when it is not one; biweekly: every 14 days from
//               anchor_date, moved the same way. Active on the `lead_business_days` business
//               days before pay day and on pay day; batch on the first of those days
//   monthly     `duration_days` business days from day_of_month (clamped, moved forward to a
//               business day); batch on the first day
//   weekly      on `weekday` (0 = Monday) for `duration_days` calendar days; batch on the first
//   onboarding  `duration_days` business days from the first business day of every month that
//               adds sites; batch on the first day
// An occurrence belongs to the month it is anchored in: month_end to M, payroll to the month of
// its pay day, the others to the month of their first day.

#include <date/date.h>

#include <vector>

#include "demand/calendar.h"
#include "estate/model.h"

namespace headroom {

struct EventOccurrence {
  int event = 0;                     // index into Estate::events
  int month = 0;                     // horizon month the occurrence belongs to
  std::vector<date::sys_days> days;  // local dates it is active, ascending
  date::sys_days release_day;        // local date its batch work is released
};

// Occurrences of `event` anchored in horizon months [first_month, last_month]. Onboarding occurs
// in the months m (0 <= m < added_sites.size()) with added_sites[m] > 0.
// REQUIRES: a biweekly payroll has a valid anchor_date (ParseDate).
std::vector<EventOccurrence> ListOccurrences(const CalendarEvent& event, int event_index,
                                             const Horizon& horizon, const BusinessDays& business,
                                             int first_month, int last_month,
                                             const std::vector<int>& added_sites);

// `count` business days starting at the first business day on or after `start`.
std::vector<date::sys_days> BusinessDaysFrom(const BusinessDays& business, date::sys_days start,
                                             int count);

}  // namespace headroom
