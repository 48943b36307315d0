#pragma once
// A measured time series: samples of one resource (timestamps in seconds since the Unix epoch,
// UTC) with the labels that identify it. The readers (csv_series_reader.h,
// prometheus_json_reader.h) and the live Prometheus client produce these; forecast.h consumes
// them.

#include <map>
#include <string>
#include <vector>

namespace headroom {

// The last timestamp a series holds: 9999-12-31T23:59:59Z. Beyond it (or before 1970) a date
// says nothing useful, and the readers refuse it.
inline constexpr double kLastSeriesTimeS = 253402300799;

struct Series {
  std::string name;                           // resource name, e.g. "cpu" or "disk{device=sda}"
  std::map<std::string, std::string> labels;  // sorted, so names are deterministic
  std::vector<double> times_s;                // strictly increasing, seconds UTC
  std::vector<double> values;                 // same length as times_s; finite
};

// What a reader noticed but did not refuse: gaps, dropped NaN/Inf samples. Each note is a
// located "file:line:col: warning: ..." line, printed on standard error.
struct SeriesSet {
  std::vector<Series> series;
  std::vector<std::string> notes;
};

// "name{a=1,b=2}" from a base name and labels (the base name alone when there are none).
std::string SeriesName(const std::string& base, const std::map<std::string, std::string>& labels);

// A gap: consecutive samples further apart than 1.5 x the series' median step.
struct Gap {
  double from_s = 0;
  double to_s = 0;
  int missing_steps = 0;  // samples the median step would have put in between
};

// The median of the differences between consecutive timestamps (0 for fewer than 2 samples).
double MedianStepSeconds(const std::vector<double>& times_s);

// Every gap of `times_s` (strictly increasing) against its median step.
std::vector<Gap> FindGaps(const std::vector<double>& times_s);

// "2026-03-04T05:06:07Z" for a time in seconds UTC (whole seconds, truncated).
std::string FormatUtc(double time_s);
// "2026-03-04" (the UTC date).
std::string FormatUtcDate(double time_s);

}  // namespace headroom
