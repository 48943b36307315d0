#include "observe/csv_table.h"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace headroom {
namespace {

std::string_view TrimCell(std::string_view cell, int* column) {
  while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) {
    cell.remove_prefix(1);
    ++*column;
  }
  while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t' || cell.back() == '\r')) {
    cell.remove_suffix(1);
  }
  return cell;
}

std::vector<CsvCell> SplitLine(std::string_view line) {
  std::vector<CsvCell> cells;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    const size_t end = comma == std::string_view::npos ? line.size() : comma;
    int column = static_cast<int>(start) + 1;
    const std::string_view cell = TrimCell(line.substr(start, end - start), &column);
    cells.push_back(CsvCell{std::string(cell), column});
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return cells;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

}  // namespace

Result<CsvTable> ReadCsvTable(std::string_view text, std::string_view file,
                              const std::vector<std::string>& columns) {
  const std::string name(file);
  if (text.size() > kMaxCsvBytes) {
    return InvalidError(fmt::format("larger than {} MiB", kMaxCsvBytes >> 20),
                        Location{name, 0, 0, ""});
  }
  CsvTable table;
  table.file = name;
  Errors errors;
  bool have_header = false;
  int line_number = 0;
  size_t at = 0;
  while (at < text.size() && errors.size() < kMaxDataFileErrors) {
    const size_t newline = text.find('\n', at);
    const size_t end = newline == std::string_view::npos ? text.size() : newline;
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    ++line_number;
    std::string_view content = line;
    while (!content.empty() &&
           (content.back() == '\r' || content.back() == ' ' || content.back() == '\t')) {
      content.remove_suffix(1);
    }
    if (content.empty() || content.front() == '#') continue;
    if (const size_t bad = content.find_first_of(std::string_view("\"\0", 2));
        bad != std::string_view::npos) {
      errors.push_back(
          InvalidError(content[bad] == '"' ? "quoted cells are not supported" : "a NUL byte",
                       Location{name, line_number, static_cast<int>(bad) + 1, ""}));
      continue;
    }
    std::vector<CsvCell> cells = SplitLine(content);
    if (!have_header) {
      have_header = true;
      std::vector<std::string> header;
      for (const CsvCell& c : cells) header.push_back(c.text);
      if (header != columns) {
        errors.push_back(InvalidError(
            fmt::format("expected the header \"{}\", got \"{}\"", Joined(columns), Joined(header)),
            Location{name, line_number, 1, ""}));
        break;  // the records cannot be read against a header they do not have
      }
      table.header = std::move(header);
      continue;
    }
    if (cells.size() != columns.size()) {
      errors.push_back(InvalidError(fmt::format("expected {} cells ({}), got {}", columns.size(),
                                                Joined(columns), cells.size()),
                                    Location{name, line_number, 1, ""}));
      continue;
    }
    table.records.push_back(CsvRecord{line_number, std::move(cells)});
  }
  if (!have_header && errors.empty()) {
    errors.push_back(InvalidError(fmt::format("empty: expected the header \"{}\"", Joined(columns)),
                                  Location{name, 1, 1, ""}));
  }
  if (!errors.empty()) return errors;
  return table;
}

Error CsvError(const CsvTable& table, const CsvRecord& record, size_t column,
               const std::string& message) {
  return InvalidError(message, Location{table.file, record.line, record.cells[column].column,
                                        table.header[column]});
}

Result<double> CsvNumber(const CsvTable& table, const CsvRecord& record, size_t column) {
  const std::string& text = record.cells[column].text;
  const bool plain =
      !text.empty() && text.find_first_not_of("0123456789+-.eE") == std::string::npos;
  errno = 0;
  char* end = nullptr;
  const double value = plain ? std::strtod(text.c_str(), &end) : 0;
  if (!plain || end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(value)) {
    return CsvError(table, record, column, fmt::format("expected a number, got \"{}\"", text));
  }
  return value;
}

}  // namespace headroom
