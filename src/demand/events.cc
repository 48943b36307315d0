#include "demand/events.h"

#include <algorithm>

namespace headroom {
namespace {

using date::days;
using date::sys_days;

// day_of_month clamped to the month's last day.
sys_days ClampedDay(const Horizon& horizon, int month, int day_of_month) {
  const int length = (horizon.MonthFirstDay(month + 1) - horizon.MonthFirstDay(month)).count();
  return horizon.MonthFirstDay(month) + days{std::clamp(day_of_month, 1, length) - 1};
}

EventOccurrence MonthEnd(const CalendarEvent& e, const Horizon& horizon,
                         const BusinessDays& business, int month) {
  EventOccurrence occ;
  occ.month = month;
  const sys_days first = horizon.MonthFirstDay(month);
  const sys_days next = horizon.MonthFirstDay(month + 1);
  // The last N business days of the month, walking back from its last day.
  for (sys_days d = next - days{1};
       d >= first && static_cast<int>(occ.days.size()) < e.last_business_days; d -= days{1}) {
    if (business.IsBusinessDay(d)) occ.days.push_back(d);
  }
  std::reverse(occ.days.begin(), occ.days.end());
  const sys_days after = horizon.MonthFirstDay(month + 2);
  int taken = 0;
  for (sys_days d = next; d < after && taken < e.first_business_days; d += days{1}) {
    if (business.IsBusinessDay(d)) {
      occ.days.push_back(d);
      ++taken;
    }
  }
  occ.release_day = business.OnOrBefore(next - days{1});
  return occ;
}

// Pay day (already a business day) with its lead business days before it.
EventOccurrence PayrollAround(const CalendarEvent& e, const Horizon& horizon,
                              const BusinessDays& business, sys_days pay_day) {
  EventOccurrence occ;
  occ.month = horizon.MonthOffset(pay_day);
  sys_days d = pay_day;
  for (int lead = 0; lead < e.lead_business_days; ++lead) {
    d = business.OnOrBefore(d - days{1});
    occ.days.push_back(d);
  }
  std::reverse(occ.days.begin(), occ.days.end());
  occ.days.push_back(pay_day);
  occ.release_day = occ.days.front();
  return occ;
}

EventOccurrence FromDays(int month, std::vector<sys_days> active) {
  EventOccurrence occ;
  occ.month = month;
  occ.days = std::move(active);
  occ.release_day = occ.days.front();
  return occ;
}

void AppendBiweeklyPayroll(const CalendarEvent& e, const Horizon& horizon,
                           const BusinessDays& business, int first_month, int last_month,
                           std::vector<EventOccurrence>& out) {
  const sys_days anchor = *ParseDate(e.anchor_date);
  const sys_days from = horizon.MonthFirstDay(first_month);
  const sys_days to = horizon.MonthFirstDay(last_month + 1);
  // First nominal pay day on or after `from`: anchor + 14k with k = ceil((from − anchor) / 14).
  const int delta = (from - anchor).count();
  const int k = delta >= 0 ? (delta + 13) / 14 : -(-delta / 14);
  for (sys_days nominal = anchor + days{14 * k}; nominal < to; nominal += days{14}) {
    EventOccurrence occ = PayrollAround(e, horizon, business, business.OnOrBefore(nominal));
    if (occ.month >= first_month && occ.month <= last_month) out.push_back(std::move(occ));
  }
}

}  // namespace

std::vector<sys_days> BusinessDaysFrom(const BusinessDays& business, sys_days start, int count) {
  std::vector<sys_days> out;
  for (sys_days d = business.OnOrAfter(start); static_cast<int>(out.size()) < std::max(count, 1);
       d = business.OnOrAfter(d + days{1})) {
    out.push_back(d);
  }
  return out;
}

std::vector<EventOccurrence> ListOccurrences(const CalendarEvent& event, int event_index,
                                             const Horizon& horizon, const BusinessDays& business,
                                             int first_month, int last_month,
                                             const std::vector<int>& added_sites) {
  std::vector<EventOccurrence> out;
  if (event.kind == EventKind::kPayroll && event.schedule == PayrollSchedule::kBiweekly) {
    AppendBiweeklyPayroll(event, horizon, business, first_month, last_month, out);
  }
  if (event.kind == EventKind::kWeekly) {
    const sys_days from = horizon.MonthFirstDay(first_month);
    const int shift = (event.weekday - WeekdayIndex(from) + 7) % 7;
    for (sys_days d = from + days{shift}; d < horizon.MonthFirstDay(last_month + 1); d += days{7}) {
      std::vector<sys_days> active;
      for (int i = 0; i < std::max(event.duration_days, 1); ++i) active.push_back(d + days{i});
      out.push_back(FromDays(horizon.MonthOffset(d), std::move(active)));
    }
  }
  for (int m = first_month; m <= last_month; ++m) {
    switch (event.kind) {
      case EventKind::kMonthEnd:
        out.push_back(MonthEnd(event, horizon, business, m));
        break;
      case EventKind::kPayroll:
        if (event.schedule == PayrollSchedule::kMonthly) {
          const sys_days nominal = ClampedDay(horizon, m, event.day_of_month);
          out.push_back(PayrollAround(event, horizon, business, business.OnOrBefore(nominal)));
        }
        break;
      case EventKind::kMonthly:
        out.push_back(
            FromDays(m, BusinessDaysFrom(business, ClampedDay(horizon, m, event.day_of_month),
                                         event.duration_days)));
        break;
      case EventKind::kOnboarding:
        if (m >= 0 && m < static_cast<int>(added_sites.size()) &&
            added_sites[static_cast<size_t>(m)] > 0) {
          out.push_back(FromDays(
              m, BusinessDaysFrom(business, horizon.MonthFirstDay(m), event.duration_days)));
        }
        break;
      case EventKind::kWeekly:
        break;
    }
  }
  for (EventOccurrence& occ : out) occ.event = event_index;
  return out;
}

}  // namespace headroom
