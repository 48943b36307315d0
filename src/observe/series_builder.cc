#include "observe/series_builder.h"

#include <fmt/format.h>

namespace headroom {

std::string FormatWarning(const Location& where, const std::string& message) {
  Error as_error{ErrorCode::kInvalid, message, where};
  std::string text = as_error.Format();
  const size_t at = text.find("error: ");
  if (at != std::string::npos) text.replace(at, 7, "warning: ");
  return text;
}

void SeriesBuilder::Add(double time_s, double value, const Location& where, Errors& errors) {
  if (!series_.times_s.empty()) {
    const double last_s = series_.times_s.back();
    const Location& previous = where_.back();
    if (time_s == last_s) {
      errors.push_back(
          InvalidError(fmt::format("duplicate timestamp {} ({}) of series {}, first at line {}",
                                   time_s, FormatUtc(time_s), series_.name, previous.line),
                       where));
      return;
    }
    if (time_s < last_s) {
      errors.push_back(InvalidError(
          fmt::format("timestamp {} ({}) of series {} is before the previous sample's {} (line "
                      "{}): samples must be sorted by time",
                      time_s, FormatUtc(time_s), series_.name, last_s, previous.line),
          where));
      return;
    }
  }
  series_.times_s.push_back(time_s);
  series_.values.push_back(value);
  where_.push_back(where);
}

void SeriesBuilder::NoteGaps(std::vector<std::string>& notes) const {
  const double step_s = MedianStepSeconds(series_.times_s);
  if (step_s <= 0) return;
  for (size_t i = 1; i < series_.times_s.size(); ++i) {
    const double delta_s = series_.times_s[i] - series_.times_s[i - 1];
    if (delta_s <= 1.5 * step_s) continue;
    notes.push_back(FormatWarning(
        where_[i],
        fmt::format("gap in series {}: no sample for {:.0f} s between {} and {} ({:.0f} steps of "
                    "{:.0f} s); the forecast fills it by linear interpolation",
                    series_.name, delta_s, FormatUtc(series_.times_s[i - 1]),
                    FormatUtc(series_.times_s[i]), delta_s / step_s - 1, step_s)));
  }
}

}  // namespace headroom
