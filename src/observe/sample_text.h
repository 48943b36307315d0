#pragma once
// Parsing the text of one sample, shared by the CSV and Prometheus readers: timestamps (Unix
// seconds or RFC 3339) and values (decimal numbers; Prometheus' "NaN", "+Inf", "-Inf").

#include <optional>
#include <string_view>

namespace headroom {

// Seconds since the Unix epoch (UTC) from "1767225600", "1767225600.5" or RFC 3339
// "2026-01-01T00:00:00Z", "2026-01-01T01:00:00.250+01:00" (a space may replace the T).
// Returns nothing for anything else.
std::optional<double> ParseTimestamp(std::string_view text);

enum class SampleKind { kNumber, kNotFinite, kInvalid };

struct SampleValue {
  SampleKind kind = SampleKind::kInvalid;
  double value = 0;
};

// A decimal number (strtod syntax, whole text) is kNumber; "NaN", "+Inf", "-Inf", "Inf" (any
// case), and numbers that overflow a double, are kNotFinite: Prometheus writes those for a
// division by zero or an empty rate, so they are missing samples, not malformed input.
SampleValue ParseSampleValue(std::string_view text);

}  // namespace headroom
