#pragma once
// `headroom forecast` as a library call: reads series from files (CSV or Prometheus JSON) and/or
// a live Prometheus, and forecasts each resource (observe/forecast.h).

#include <map>
#include <string>
#include <vector>

#include "common/result.h"
#include "observe/forecast.h"
#include "observe/prometheus_client.h"

namespace headroom {

struct ForecastRequest {
  std::vector<std::string> files;            // *.json: Prometheus query_range answers; else CSV
  std::string prometheus_url;                // empty: no live server
  std::vector<ResourceQuery> queries;        // for the server; empty: DefaultResourceQueries()
  std::map<std::string, double> capacities;  // by resource name or its name before '{'
  RangeWindow window;                        // of the range queries
  double timeout_s = 30;
  ForecastOptions options;  // capacity is filled per resource
};

struct ForecastReport {
  std::vector<ResourceForecast> resources;
  std::vector<std::string> notes;  // warnings from the readers and about skipped resources
  double horizon_days = 0;
  double level = 0;
};

// Errors: kNotFound for a missing file (66), kInvalid for bad data (65), kUnavailable for a
// server that is down or answers with an error (69).
Result<ForecastReport> RunForecast(const ForecastRequest& request);

}  // namespace headroom
