#pragma once
// Unit conversions the sizers, the recovery model and the plan share, so that every layer means
// the same thing by a GiB or a month.

namespace headroom {

inline constexpr double kKibPerGib = 1024.0 * 1024.0;
inline constexpr double kMibPerGib = 1024.0;
inline constexpr double kSecondsPerDay = 86400.0;
// The Gregorian calendar's average month (a month's load has no dates).
inline constexpr double kDaysPerMonth = 365.25 / 12.0;

}  // namespace headroom
