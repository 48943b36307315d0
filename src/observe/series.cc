#include "observe/series.h"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace headroom {

std::string SeriesName(const std::string& base, const std::map<std::string, std::string>& labels) {
  if (labels.empty()) return base;
  std::string out = base + "{";
  bool first = true;
  for (const auto& [key, value] : labels) {
    if (!first) out += ",";
    out += key;
    out += "=";
    out += value;
    first = false;
  }
  return out + "}";
}

double MedianStepSeconds(const std::vector<double>& times_s) {
  if (times_s.size() < 2) return 0;
  std::vector<double> steps;
  steps.reserve(times_s.size() - 1);
  for (size_t i = 1; i < times_s.size(); ++i) steps.push_back(times_s[i] - times_s[i - 1]);
  const size_t mid = steps.size() / 2;
  std::nth_element(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(mid), steps.end());
  return steps[mid];
}

std::vector<Gap> FindGaps(const std::vector<double>& times_s) {
  std::vector<Gap> gaps;
  const double step_s = MedianStepSeconds(times_s);
  if (step_s <= 0) return gaps;
  for (size_t i = 1; i < times_s.size(); ++i) {
    const double delta_s = times_s[i] - times_s[i - 1];
    if (delta_s <= 1.5 * step_s) continue;
    gaps.push_back(
        {times_s[i - 1], times_s[i], static_cast<int>(std::lround(delta_s / step_s)) - 1});
  }
  return gaps;
}

// Beyond kLastSeriesTimeS a date says nothing useful: print the number.
std::string FormatUtc(double time_s) {
  if (!(time_s >= 0 && time_s <= kLastSeriesTimeS)) return fmt::format("{}", time_s);
  const auto tp =
      date::sys_seconds{std::chrono::seconds{static_cast<long long>(std::floor(time_s))}};
  return date::format("%FT%TZ", tp);
}

std::string FormatUtcDate(double time_s) {
  if (!(time_s >= 0 && time_s <= kLastSeriesTimeS)) return fmt::format("{}", time_s);
  const auto tp =
      date::sys_seconds{std::chrono::seconds{static_cast<long long>(std::floor(time_s))}};
  return date::format("%F", date::floor<date::days>(tp));
}

}  // namespace headroom
