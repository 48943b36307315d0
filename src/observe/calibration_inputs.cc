#include "observe/calibration_inputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "observe/csv_table.h"

namespace headroom {
namespace {

// The first kMaxDataFileErrors errors, and a last one saying how many more there were.
Errors Capped(Errors errors) {
  if (errors.size() <= kMaxDataFileErrors) return errors;
  const size_t more = errors.size() - kMaxDataFileErrors;
  errors.resize(kMaxDataFileErrors);
  errors.push_back(InvalidError(fmt::format("... and {} more errors", more)));
  return errors;
}

struct Where {
  const CsvTable* table;
  const CsvRecord* record;
};

}  // namespace

Result<DemandSamples> ReadDemandSamples(const CsvInput& utilisation,
                                        const std::vector<CsvInput>& throughput,
                                        double busy_cores_scale) {
  Errors errors;
  Result<CsvTable> u =
      ReadCsvTable(utilisation.text, utilisation.file, {"timestamp", "busy_cores"});
  if (!u.ok()) errors.insert(errors.end(), u.errors().begin(), u.errors().end());
  std::vector<CsvTable> rates;
  for (const CsvInput& in : throughput) {
    Result<CsvTable> t = ReadCsvTable(in.text, in.file, {"timestamp", "class", "rate_per_s"});
    if (!t.ok()) {
      errors.insert(errors.end(), t.errors().begin(), t.errors().end());
    } else {
      rates.push_back(std::move(t).value());
    }
  }
  if (!errors.empty()) return errors;

  // Intervals by timestamp, in file order.
  std::map<double, size_t> interval_of;
  std::vector<Where> interval_where;
  DemandSamples s;
  for (const CsvRecord& r : u.value().records) {
    Result<double> t = CsvNumber(u.value(), r, 0);
    Result<double> busy = CsvNumber(u.value(), r, 1);
    if (!t.ok()) errors.push_back(t.error());
    if (!busy.ok()) errors.push_back(busy.error());
    if (!t.ok() || !busy.ok()) continue;
    if (busy.value() < 0) {
      errors.push_back(CsvError(u.value(), r, 1, "busy cores must be 0 or more"));
      continue;
    }
    if (auto [it, added] = interval_of.emplace(t.value(), s.busy_cores.size()); !added) {
      errors.push_back(CsvError(u.value(), r, 0,
                                fmt::format("duplicate timestamp; first given at line {}",
                                            interval_where[it->second].record->line)));
      continue;
    }
    interval_where.push_back(Where{&u.value(), &r});
    s.busy_cores.push_back(busy.value() * busy_cores_scale);
  }
  if (s.busy_cores.empty() && errors.empty()) {
    errors.push_back(InvalidError("no utilisation interval", Location{utilisation.file, 0, 0, ""}));
  }

  std::map<std::string, size_t> class_of;
  // (interval, class) → the record that gave it, for duplicates; the rate per cell.
  std::map<std::pair<size_t, size_t>, Where> given;
  std::vector<std::vector<double>> rate;  // [class][interval]
  for (const CsvTable& table : rates) {
    for (const CsvRecord& r : table.records) {
      Result<double> t = CsvNumber(table, r, 0);
      Result<double> x = CsvNumber(table, r, 2);
      if (!t.ok()) errors.push_back(t.error());
      if (!x.ok()) errors.push_back(x.error());
      const std::string& name = r.cells[1].text;
      if (name.empty()) errors.push_back(CsvError(table, r, 1, "empty class name"));
      if (!t.ok() || !x.ok() || name.empty()) continue;
      if (x.value() < 0) {
        errors.push_back(CsvError(table, r, 2, "a rate must be 0 or more per second"));
        continue;
      }
      auto interval = interval_of.find(t.value());
      if (interval == interval_of.end()) {
        errors.push_back(CsvError(
            table, r, 0,
            fmt::format("no utilisation interval at this timestamp in {}", utilisation.file)));
        continue;
      }
      auto [c, added] = class_of.emplace(name, s.classes.size());
      if (added) {
        s.classes.push_back(name);
        rate.emplace_back(s.busy_cores.size(), -1.0);
      }
      auto [g, fresh] = given.emplace(std::pair{interval->second, c->second}, Where{&table, &r});
      if (!fresh) {
        errors.push_back(
            CsvError(table, r, 0,
                     fmt::format("duplicate rate of {} at this timestamp; first "
                                 "given in {} line {}",
                                 name, g->second.table->file, g->second.record->line)));
        continue;
      }
      rate[c->second][interval->second] = x.value();
    }
  }
  if (s.classes.empty() && errors.empty()) {
    errors.push_back(InvalidError("no throughput record in any file", Location{}));
  }
  // Gaps: an interval without a rate of some class.
  for (size_t k = 0; k < rate.size() && errors.size() < kMaxDataFileErrors; ++k) {
    for (size_t i = 0; i < rate[k].size(); ++i) {
      if (rate[k][i] >= 0) continue;
      const Where& w = interval_where[i];
      errors.push_back(CsvError(*w.table, *w.record, 0,
                                fmt::format("no rate of class {} at this timestamp (a gap; write "
                                            "0 when there were no requests)",
                                            s.classes[k])));
      if (errors.size() >= kMaxDataFileErrors) break;
    }
  }
  if (!errors.empty()) return Capped(std::move(errors));
  s.throughput_per_s.assign(s.busy_cores.size(), std::vector<double>(s.classes.size()));
  for (size_t k = 0; k < rate.size(); ++k) {
    for (size_t i = 0; i < rate[k].size(); ++i) s.throughput_per_s[i][k] = rate[k][i];
  }
  return s;
}

Result<std::vector<UslPoint>> ReadUslPoints(const CsvInput& in) {
  Result<CsvTable> table = ReadCsvTable(in.text, in.file, {"concurrency", "throughput"});
  if (!table.ok()) return table.errors();
  Errors errors;
  std::vector<UslPoint> points;
  for (const CsvRecord& r : table.value().records) {
    Result<double> n = CsvNumber(table.value(), r, 0);
    Result<double> x = CsvNumber(table.value(), r, 1);
    if (!n.ok()) errors.push_back(n.error());
    if (!x.ok()) errors.push_back(x.error());
    if (!n.ok() || !x.ok()) continue;
    if (n.value() < 1) {
      errors.push_back(CsvError(table.value(), r, 0, "concurrency must be 1 or more"));
    } else if (x.value() <= 0) {
      errors.push_back(CsvError(table.value(), r, 1, "throughput must be positive"));
    } else {
      points.push_back(UslPoint{n.value(), x.value()});
    }
  }
  if (!errors.empty()) return Capped(std::move(errors));
  return points;
}

}  // namespace headroom
