#pragma once
// The small CSV files `headroom calibrate` reads: a header line naming the columns, then one
// record per line, comma-separated, no quoting (the cells are numbers and class names). Blank
// lines and lines starting with '#' are skipped; spaces around a cell are dropped; CRLF line
// ends are accepted. Errors are located "file:line:col: error: column: message".

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace headroom {

inline constexpr size_t kMaxCsvBytes = size_t{64} * 1024 * 1024;

struct CsvCell {
  std::string text;
  int column = 0;  // 1-based byte column where the cell starts
};

struct CsvRecord {
  int line = 0;
  std::vector<CsvCell> cells;  // one per header column
};

struct CsvTable {
  std::string file;
  std::vector<std::string> header;
  std::vector<CsvRecord> records;
};

// Reads `text`; the header must be exactly `columns` (names compared case-sensitively), and every
// record must have as many cells. Every error at once (kInvalid): a missing or wrong header, a
// record with too few or too many cells, a quote character, NUL bytes, more than kMaxCsvBytes.
Result<CsvTable> ReadCsvTable(std::string_view text, std::string_view file,
                              const std::vector<std::string>& columns);

// The cell's number: a finite decimal (strtod syntax, no hex, inf or nan). Error (kInvalid)
// located at the cell.
Result<double> CsvNumber(const CsvTable& table, const CsvRecord& record, size_t column);

// An error located at a record's cell, for checks the caller makes (duplicates, ranges).
Error CsvError(const CsvTable& table, const CsvRecord& record, size_t column,
               const std::string& message);

}  // namespace headroom
