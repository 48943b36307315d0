#include "demand/profile.h"

namespace headroom {
namespace {

double Weight(const DailyProfile& profile, int local_hour) {
  const auto index = static_cast<size_t>(local_hour);
  return index < profile.weekday_hour_weights.size() ? profile.weekday_hour_weights[index] : 0.0;
}

// Per local day: the sum over its hours of `value(local hour)`, over the clock's whole range.
template <typename F>
std::vector<double> DaySums(const LocalClock& clock, F value) {
  std::vector<double> sums(static_cast<size_t>(clock.DayCount()), 0.0);
  for (int h = -LocalClock::kMarginHours; h < clock.hours() + LocalClock::kMarginHours; ++h) {
    sums[static_cast<size_t>(clock.Day(h))] += value(clock.LocalHour(h));
  }
  return sums;
}

}  // namespace

std::vector<uint8_t> BusinessDayFlags(const LocalClock& clock, const BusinessDays& business) {
  std::vector<uint8_t> flags(static_cast<size_t>(clock.DayCount()));
  for (int d = 0; d < clock.DayCount(); ++d) {
    flags[static_cast<size_t>(d)] = business.IsBusinessDay(clock.Date(d)) ? 1 : 0;
  }
  return flags;
}

std::vector<double> HourWeights(const LocalClock& clock, const std::vector<uint8_t>& business_day,
                                const DailyProfile& profile) {
  std::vector<double> w(static_cast<size_t>(clock.hours()));
  for (int h = 0; h < clock.hours(); ++h) {
    const bool business = business_day[static_cast<size_t>(clock.Day(h))] != 0;
    w[static_cast<size_t>(h)] =
        Weight(profile, clock.LocalHour(h)) * (business ? 1.0 : profile.weekend_factor);
  }
  return w;
}

bool InWindow(int local_hour, int start, int end) {
  return start <= end ? local_hour >= start && local_hour < end
                      : local_hour >= start || local_hour < end;
}

std::vector<double> IntegrationDayShare(const LocalClock& clock,
                                        const std::vector<uint8_t>& business_day,
                                        const DailyProfile& profile,
                                        const Integration& integration) {
  std::vector<double> share(static_cast<size_t>(clock.hours()), 0.0);
  const bool windowed = integration.window_start_hour && integration.window_end_hour;
  if (windowed) {
    const int start = *integration.window_start_hour;
    const int end = *integration.window_end_hour;
    const std::vector<double> count =
        DaySums(clock, [&](int lh) { return InWindow(lh, start, end) ? 1.0 : 0.0; });
    for (int h = 0; h < clock.hours(); ++h) {
      const double n = count[static_cast<size_t>(clock.Day(h))];
      if (n > 0 && InWindow(clock.LocalHour(h), start, end))
        share[static_cast<size_t>(h)] = 1.0 / n;
    }
    return share;
  }
  const std::vector<double> total = DaySums(clock, [&](int lh) { return Weight(profile, lh); });
  for (int h = 0; h < clock.hours(); ++h) {
    const auto day = static_cast<size_t>(clock.Day(h));
    if (total[day] <= 0) continue;
    const double factor = business_day[day] != 0 ? 1.0 : profile.weekend_factor;
    share[static_cast<size_t>(h)] = Weight(profile, clock.LocalHour(h)) * factor / total[day];
  }
  return share;
}

}  // namespace headroom
