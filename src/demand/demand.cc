#include "demand/demand.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace headroom {

DemandOptions DemandOptions::FromPlanning(const Planning& planning) {
  DemandOptions options;
  options.samples = planning.samples;
  options.seed = planning.seed;
  return options;
}

int Demand::ClassIndex(std::string_view name) const {
  for (size_t c = 0; c < classes.size(); ++c) {
    if (classes[c].name == name) return static_cast<int>(c);
  }
  return -1;
}

int64_t Demand::HourUnixSeconds(int hour) const {
  return horizon.HourStart(hour).time_since_epoch().count();
}

std::string Demand::HourUtc(int hour) const {
  const date::sys_seconds t = horizon.HourStart(hour);
  const date::sys_days day = date::floor<date::days>(t);
  const auto hh = std::chrono::duration_cast<std::chrono::hours>(t - day).count();
  return fmt::format("{}T{:02d}:00:00Z", FormatDate(day), hh);
}

std::string Demand::MonthLabel(int month) const { return horizon.start.Plus(month).ToString(); }

std::vector<std::string> Demand::EventNames(uint64_t mask) const {
  std::vector<std::string> names;
  for (size_t e = 0; e < event_names.size(); ++e) {
    if ((mask >> e & 1U) != 0) names.push_back(event_names[e]);
  }
  return names;
}

std::span<const TenantEvents> Demand::Coinciding(int month, int sample) const {
  const auto [begin, count] =
      coinciding_index[static_cast<size_t>(month) * static_cast<size_t>(samples) +
                       static_cast<size_t>(sample)];
  return {coinciding_pool.data() + begin, static_cast<size_t>(count)};
}

std::span<const TenantEvents> Demand::CoincidingMid(int month) const {
  const auto [begin, count] = coinciding_mid_index[static_cast<size_t>(month)];
  return {coinciding_pool.data() + begin, static_cast<size_t>(count)};
}

int Demand::UtcOffsetMinutesAt(int tenant, int hour) const {
  const auto& offsets = tenants[static_cast<size_t>(tenant)].utc_offsets;
  auto it = std::upper_bound(offsets.begin(), offsets.end(), hour,
                             [](int h, const std::pair<int, int>& o) { return h < o.first; });
  return it == offsets.begin() ? offsets.front().second : std::prev(it)->second;
}

uint64_t Demand::EventsAt(int tenant, int hour) const {
  const TenantDemand& t = tenants[static_cast<size_t>(tenant)];
  // The local date of the hour's middle, as LocalClock assigns it.
  const date::sys_seconds middle = horizon.HourStart(hour) + std::chrono::minutes{30} +
                                   std::chrono::minutes{UtcOffsetMinutesAt(tenant, hour)};
  const int day = (date::floor<date::days>(middle) - t.first_local_date).count();
  if (day < 0 || day >= static_cast<int>(t.day_events.size())) return 0;
  return t.day_events[static_cast<size_t>(day)];
}

double Demand::RequestsMonth(int month, int sample, int class_index) const {
  const size_t row =
      static_cast<size_t>(month) * static_cast<size_t>(samples) + static_cast<size_t>(sample);
  return requests_month[row * classes.size() + static_cast<size_t>(class_index)];
}

std::span<const double> Demand::HourlyMid(int tenant, int class_index) const {
  const TenantDemand& t = tenants[static_cast<size_t>(tenant)];
  if (t.hourly_mid.empty()) return {};
  return {t.hourly_mid.data() + static_cast<size_t>(class_index) * static_cast<size_t>(hours()),
          static_cast<size_t>(hours())};
}

double Demand::DocumentsMib(int month, int sample) const {
  return documents_mib[static_cast<size_t>(month) * static_cast<size_t>(samples) +
                       static_cast<size_t>(sample)];
}

}  // namespace headroom
