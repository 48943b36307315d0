#pragma once
// The live Prometheus client: one range query (GET /api/v1/query_range) per resource, read with
// prometheus_json_reader.h. Reference: https://prometheus.io/docs/prometheus/latest/querying/api/

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "observe/series.h"

namespace headroom {

// A resource to forecast: a PromQL expression and the capacity its values saturate at.
struct ResourceQuery {
  std::string name;
  std::string promql;
  std::optional<double> capacity;  // none: the forecast gives no saturation date
  std::string exporter;            // where the metric comes from, for --help and docs
};

// The default resources, one or two per exporter (node-exporter, kube-state-metrics,
// postgres-exporter, redis_exporter), each a utilisation ratio with capacity 1, except the
// PostgreSQL database size in bytes whose capacity (the volume) the user gives.
const std::vector<ResourceQuery>& DefaultResourceQueries();

struct RangeWindow {
  double start_s = 0;
  double end_s = 0;
  double step_s = 3600;
};

// Runs `query` over `window` against the server at `base_url` ("http://host:9090"). A server
// that is down, an HTTP error or a "status":"error" answer is a kUnavailable error (exit 69)
// with the server's message.
Result<SeriesSet> QueryRange(const std::string& base_url, const ResourceQuery& query,
                             const RangeWindow& window, double timeout_s);

}  // namespace headroom
