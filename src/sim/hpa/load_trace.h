#pragma once
// A recorded load to replay through an HPA: a CSV of `time_s,requests_per_s` or
// `time_s,cpu_cores`, one row per time step. The load is piecewise constant: each row's value
// holds until the next row's time; the last row holds for as long as the step before it.
//
//   time_s,requests_per_s
//   0,120
//   60,135.5

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace headroom::hpa {

enum class LoadUnit { kRequestsPerS, kCpuCores };

struct LoadPoint {
  double time_s = 0;
  double load = 0;  // in the trace's unit
};

struct LoadTrace {
  LoadUnit unit = LoadUnit::kRequestsPerS;
  std::vector<LoadPoint> points;  // at least two, times strictly increasing

  // The end of the last step: last time + (last time − the one before).
  [[nodiscard]] double end_s() const;
  // The load at `time_s` (the last row at or before it). REQUIRES: time_s ≥ points[0].time_s.
  [[nodiscard]] double LoadAt(double time_s) const;
};

// "requests_per_s" or "cpu_cores".
std::string_view LoadUnitName(LoadUnit unit);

// Inputs larger than this are refused.
inline constexpr size_t kMaxTraceBytes = 64 << 20;

// Parses the CSV text. The header names the unit; blank lines and lines starting with '#' are
// skipped; CRLF line ends are accepted. Every error is returned (at most 100), each as
// "file:line: error: message". Refused: a missing or unknown header, fewer or more than two
// fields, values that are not finite decimal numbers, negative loads, times that do not
// increase, fewer than two rows.
Result<LoadTrace> ParseLoadTrace(std::string_view text, std::string_view file_name);

}  // namespace headroom::hpa
