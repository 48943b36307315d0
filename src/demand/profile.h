#pragma once
// The shape of a tenant's load over real hours: its daily profile on business days, scaled by
// weekend_factor on weekends and holidays, and the hourly spread of integration calls.

#include <cstdint>
#include <vector>

#include "demand/calendar.h"
#include "estate/model.h"

namespace headroom {

// Business hours for the sustained window: local 08:00 to 18:00 of business days.
inline constexpr int kBusinessHourBegin = 8;
inline constexpr int kBusinessHourEnd = 18;

// Whether each of the clock's local days (LocalClock::Day) is a business day.
std::vector<uint8_t> BusinessDayFlags(const LocalClock& clock, const BusinessDays& business);

// Profile weight of each horizon hour h in [0, clock.hours()):
//   weekday_hour_weights[local hour] × (business day ? 1 : weekend_factor).
std::vector<double> HourWeights(const LocalClock& clock, const std::vector<uint8_t>& business_day,
                                const DailyProfile& profile);

// Whether `local_hour` lies in [start, end); a window with start > end wraps past midnight.
bool InWindow(int local_hour, int start, int end);

// Share of one local day's calls that arrive in each horizon hour (multiply by calls_per_day).
// With a window: 1 / (hours of that local day inside the window) inside it, 0 outside, every
// day. Without: the profile's shape normalised over the whole local day (23 to 25 hours), so a
// business day's shares sum to 1 and other days' to weekend_factor.
std::vector<double> IntegrationDayShare(const LocalClock& clock,
                                        const std::vector<uint8_t>& business_day,
                                        const DailyProfile& profile,
                                        const Integration& integration);

}  // namespace headroom
