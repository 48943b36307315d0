#include "engine/forecast.h"

#include <fmt/format.h>

#include <filesystem>

#include "common/atomic_file.h"
#include "observe/csv_series_reader.h"
#include "observe/prometheus_json_reader.h"

namespace headroom {
namespace {

constexpr size_t kMaxSeriesFileBytes = size_t{256} << 20;

struct Named {
  Series series;
  std::optional<double> capacity;
};

bool LooksLikeJson(const std::string& path, const std::string& text) {
  if (std::filesystem::path(path).extension() == ".json") return true;
  const size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string::npos && text[first] == '{';
}

Status ReadSeriesFile(const std::string& path, std::vector<Named>& out,
                      std::vector<std::string>& notes) {
  Result<std::string> text = ReadFile(path, kMaxSeriesFileBytes);
  if (!text.ok()) return text.errors();
  const std::string base = std::filesystem::path(path).stem().string();
  Result<SeriesSet> set = LooksLikeJson(path, text.value())
                              ? ReadPrometheusJson(text.value(), path, base)
                              : ReadCsvSeries(text.value(), path, base);
  if (!set.ok()) return set.errors();
  for (Series& s : set.value().series) out.push_back({std::move(s), std::nullopt});
  notes.insert(notes.end(), set.value().notes.begin(), set.value().notes.end());
  return Status::Ok();
}

Status QueryServer(const ForecastRequest& request, std::vector<Named>& out,
                   std::vector<std::string>& notes) {
  const std::vector<ResourceQuery>& queries =
      request.queries.empty() ? DefaultResourceQueries() : request.queries;
  for (const ResourceQuery& query : queries) {
    Result<SeriesSet> set =
        QueryRange(request.prometheus_url, query, request.window, request.timeout_s);
    if (!set.ok()) return set.errors();  // a server that fails once fails for every query
    if (set.value().series.empty()) {
      notes.push_back(
          fmt::format("warning: {}: the query returned no series ({} not scraped?): {}", query.name,
                      query.exporter.empty() ? "its exporter" : query.exporter, query.promql));
    }
    for (Series& s : set.value().series) {
      // Name live series after the resource, not the metric: the query is the resource.
      s.name = SeriesName(query.name, s.labels);
      out.push_back({std::move(s), query.capacity});
    }
    notes.insert(notes.end(), set.value().notes.begin(), set.value().notes.end());
  }
  return Status::Ok();
}

std::optional<double> CapacityFor(const ForecastRequest& request, const Named& named) {
  const std::string& name = named.series.name;
  if (auto it = request.capacities.find(name); it != request.capacities.end()) return it->second;
  const std::string base = name.substr(0, name.find('{'));
  if (auto it = request.capacities.find(base); it != request.capacities.end()) return it->second;
  return named.capacity;
}

}  // namespace

Result<ForecastReport> RunForecast(const ForecastRequest& request) {
  ForecastReport report;
  report.horizon_days = request.options.horizon_s / 86400;
  report.level = request.options.level;
  std::vector<Named> inputs;
  Errors errors;
  for (const std::string& path : request.files) {
    Status read = ReadSeriesFile(path, inputs, report.notes);
    errors.insert(errors.end(), read.errors().begin(), read.errors().end());
  }
  if (!errors.empty()) return errors;
  if (!request.prometheus_url.empty()) {
    Status queried = QueryServer(request, inputs, report.notes);
    if (!queried.ok()) return queried.errors();
  }
  for (const Named& named : inputs) {
    if (named.series.times_s.empty()) {
      report.notes.push_back(fmt::format("warning: {}: no samples; skipped", named.series.name));
      continue;
    }
    ForecastOptions options = request.options;
    options.capacity = CapacityFor(request, named);
    Result<ResourceForecast> forecast = ForecastSeries(named.series, options);
    if (!forecast.ok()) {
      errors.insert(errors.end(), forecast.errors().begin(), forecast.errors().end());
      continue;
    }
    report.resources.push_back(std::move(forecast).value());
  }
  if (!errors.empty()) return errors;
  if (report.resources.empty()) return InvalidError("no series to forecast");
  return report;
}

}  // namespace headroom
