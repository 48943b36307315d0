#pragma once
// A number given on the command line as text (options that accept units or words take text and
// parse it themselves).

#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <system_error>

namespace headroom::cli {

// The whole of `text` as a finite number; nullopt for anything else ("", "12x", "nan", "inf").
inline std::optional<double> ParseNumber(std::string_view text) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace headroom::cli
