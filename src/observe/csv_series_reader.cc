#include "observe/csv_series_reader.h"

#include <fmt/format.h>

#include <map>

#include "observe/sample_text.h"
#include "observe/series_builder.h"

namespace headroom {
namespace {

// Report at most this many errors: a wrong file gives one per line otherwise.

struct Cell {
  std::string_view text;
  int column = 1;  // 1-based
};

std::vector<Cell> SplitCells(std::string_view line) {
  std::vector<Cell> cells;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    std::string_view raw =
        line.substr(start, comma == std::string_view::npos ? line.npos : comma - start);
    size_t lead = 0;
    while (lead < raw.size() && (raw[lead] == ' ' || raw[lead] == '\t')) ++lead;
    raw.remove_prefix(lead);
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r')) {
      raw.remove_suffix(1);
    }
    int column = static_cast<int>(start + lead) + 1;
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') {
      raw = raw.substr(1, raw.size() - 2);
      ++column;
    }
    cells.push_back({raw, column});
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return cells;
}

class CsvReader {
 public:
  CsvReader(const std::string& file, const std::string& base) : file_(file), base_(base) {}

  void Line(std::string_view line, int number) {
    if (line.empty() || line == "\r" || line.front() == '#') return;
    std::vector<Cell> cells = SplitCells(line);
    if (!seen_first_ && !ParseTimestamp(cells[0].text)) {
      Header(cells, number);
      return;
    }
    seen_first_ = true;
    Row(cells, number);
  }

  Result<SeriesSet> Finish() {
    if (builders_.empty() && errors_.empty()) {
      errors_.push_back(InvalidError("no samples", {file_, 0, 0, ""}));
    }
    if (errors_.size() > kMaxDataFileErrors) {
      const size_t more = errors_.size() - kMaxDataFileErrors;
      errors_.resize(kMaxDataFileErrors);
      errors_.push_back(InvalidError(fmt::format("and {} more errors", more), {file_, 0, 0, ""}));
    }
    if (!errors_.empty()) return errors_;
    SeriesSet set;
    for (auto& [key, builder] : builders_) {
      builder.NoteGaps(set.notes);
      set.series.push_back(builder.Take());
    }
    set.notes.insert(set.notes.end(), notes_.begin(), notes_.end());
    return set;
  }

 private:
  void Header(const std::vector<Cell>& cells, int number) {
    seen_first_ = true;
    header_ = true;
    if (cells.size() < 2) {
      errors_.push_back(InvalidError("the header needs at least `timestamp,value`",
                                     {file_, number, 1, "header"}));
    }
    for (size_t i = 2; i < cells.size(); ++i) label_names_.emplace_back(cells[i].text);
  }

  void Row(const std::vector<Cell>& cells, int number) {
    if (cells.size() < 2 || (header_ && cells.size() != label_names_.size() + 2)) {
      errors_.push_back(
          InvalidError(fmt::format("expected {} cells (timestamp,value{}), found {}",
                                   header_ ? label_names_.size() + 2 : 2,
                                   header_ ? (label_names_.empty() ? "" : ",labels") : "[,labels]",
                                   cells.size()),
                       {file_, number, 1, ""}));
      return;
    }
    std::map<std::string, std::string> labels;
    if (!Labels(cells, number, labels)) return;
    const std::optional<double> time_s = ParseTimestamp(cells[0].text);
    if (!time_s) {
      errors_.push_back(InvalidError(
          fmt::format("'{}' is not a timestamp (Unix seconds or RFC 3339)", cells[0].text),
          {file_, number, cells[0].column, "timestamp"}));
    }
    const SampleValue value = ParseSampleValue(cells[1].text);
    const Location at{file_, number, cells[1].column, "value"};
    if (value.kind == SampleKind::kInvalid) {
      errors_.push_back(InvalidError(fmt::format("'{}' is not a number", cells[1].text), at));
    }
    if (!time_s || value.kind == SampleKind::kInvalid) return;
    SeriesBuilder& builder = Builder(labels);
    if (value.kind == SampleKind::kNotFinite) {
      notes_.push_back(
          FormatWarning(at, fmt::format("'{}' of series {} dropped: a missing sample (a gap)",
                                        cells[1].text, builder.series().name)));
      return;
    }
    builder.Add(*time_s, value.value, at, errors_);
  }

  bool Labels(const std::vector<Cell>& cells, int number,
              std::map<std::string, std::string>& labels) {
    for (size_t i = 2; i < cells.size(); ++i) {
      if (header_) {
        labels[label_names_[i - 2]] = std::string(cells[i].text);
        continue;
      }
      const size_t eq = cells[i].text.find('=');
      if (eq == std::string_view::npos || eq == 0) {
        errors_.push_back(InvalidError(
            fmt::format("label '{}' must be key=value (or name the columns in a header line)",
                        cells[i].text),
            {file_, number, cells[i].column, "labels"}));
        return false;
      }
      labels[std::string(cells[i].text.substr(0, eq))] = std::string(cells[i].text.substr(eq + 1));
    }
    return true;
  }

  SeriesBuilder& Builder(const std::map<std::string, std::string>& labels) {
    const std::string name = SeriesName(base_, labels);
    auto it = builders_.find(name);
    if (it == builders_.end()) {
      it = builders_.emplace(name, SeriesBuilder(Series{name, labels, {}, {}})).first;
    }
    return it->second;
  }

  std::string file_;
  std::string base_;
  bool seen_first_ = false;
  bool header_ = false;
  std::vector<std::string> label_names_;
  std::map<std::string, SeriesBuilder> builders_;
  Errors errors_;
  std::vector<std::string> notes_;
};

}  // namespace

Result<SeriesSet> ReadCsvSeries(std::string_view text, const std::string& file,
                                const std::string& base) {
  CsvReader reader(file, base);
  int number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    reader.Line(text.substr(start, end - start), ++number);
    start = end + 1;
  }
  return reader.Finish();
}

}  // namespace headroom
