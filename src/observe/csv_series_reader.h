#pragma once
// Reads time series from CSV text: one sample per line, `timestamp,value[,labels...]`.
//
// - timestamp: Unix seconds (fractions allowed) or RFC 3339 ("2026-01-01T00:00:00Z").
// - value: a decimal number. "NaN", "+Inf", "-Inf" are dropped as missing samples, with a
//   warning; anything else that is not a number is an error.
// - labels: either a header line names the columns (`timestamp,value,instance,job`), or each
//   extra cell is `key=value`. Rows with the same labels form one series, named `base{k=v,...}`.
// - Blank lines and lines starting with '#' are skipped. Cells are trimmed; a cell may be
//   wrapped in double quotes (no commas inside).
// Errors (all of them, each "file:line:col: error: field: message"): a malformed timestamp or
// value, a wrong number of cells, a duplicate timestamp, a timestamp before the previous one of
// its series. Gaps are warnings in SeriesSet::notes.

#include <string>
#include <string_view>

#include "common/result.h"
#include "observe/series.h"

namespace headroom {

// `base` names the series (usually the file's stem); `file` locates errors.
Result<SeriesSet> ReadCsvSeries(std::string_view text, const std::string& file,
                                const std::string& base);

}  // namespace headroom
