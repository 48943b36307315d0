#pragma once
// Collects one series' samples in input order, checking as they come that timestamps strictly
// increase (a repeated timestamp is a duplicate, an earlier one is unsorted input: both errors),
// and afterwards notes every gap. Shared by the CSV and Prometheus readers.

#include <string>
#include <vector>

#include "common/result.h"
#include "observe/series.h"

namespace headroom {

class SeriesBuilder {
 public:
  explicit SeriesBuilder(Series series) : series_(std::move(series)) {}

  // Adds a sample found at `where`; on a duplicate or out-of-order timestamp adds an error to
  // `errors` instead.
  void Add(double time_s, double value, const Location& where, Errors& errors);

  // Appends a located warning to `notes` for every gap (what is done with it included).
  void NoteGaps(std::vector<std::string>& notes) const;

  [[nodiscard]] const Series& series() const { return series_; }
  Series Take() { return std::move(series_); }

 private:
  Series series_;
  std::vector<Location> where_;  // one per sample
};

// "file:line:col: warning: field: message".
std::string FormatWarning(const Location& where, const std::string& message);

}  // namespace headroom
