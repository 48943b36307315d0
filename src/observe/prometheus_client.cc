#include "observe/prometheus_client.h"

#include <fmt/format.h>

#include "observe/http_get.h"
#include "observe/prometheus_json_reader.h"

namespace headroom {

const std::vector<ResourceQuery>& DefaultResourceQueries() {
  static const std::vector<ResourceQuery> kQueries = {
      {"node_cpu", R"(1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])))", 1.0,
       "node-exporter"},
      {"node_memory", "1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes", 1.0,
       "node-exporter"},
      {"node_filesystem",
       R"(1 - node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs"} / )"
       R"(node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs"})",
       1.0, "node-exporter"},
      {"k8s_cpu_requests",
       R"(sum(kube_pod_container_resource_requests{resource="cpu"}) / )"
       R"(sum(kube_node_status_allocatable{resource="cpu"}))",
       1.0, "kube-state-metrics"},
      {"k8s_memory_requests",
       R"(sum(kube_pod_container_resource_requests{resource="memory"}) / )"
       R"(sum(kube_node_status_allocatable{resource="memory"}))",
       1.0, "kube-state-metrics"},
      {"postgres_connections",
       "sum by (instance) (pg_stat_database_numbackends) / on (instance) "
       "max by (instance) (pg_settings_max_connections)",
       1.0, "postgres-exporter"},
      {"postgres_database_size_bytes", "sum by (instance) (pg_database_size_bytes)", std::nullopt,
       "postgres-exporter"},
      {"redis_memory", "redis_memory_used_bytes / (redis_memory_max_bytes > 0)", 1.0,
       "redis_exporter"},
  };
  return kQueries;
}

Result<SeriesSet> QueryRange(const std::string& base_url, const ResourceQuery& query,
                             const RangeWindow& window, double timeout_s) {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const std::string endpoint = base + "/api/v1/query_range";
  const std::string url =
      fmt::format("{}?query={}&start={:.3f}&end={:.3f}&step={:.0f}s", endpoint,
                  UrlEncode(query.promql), window.start_s, window.end_s, window.step_s);
  Result<HttpResponse> got = HttpGet(url, timeout_s);
  if (!got.ok()) {
    Error error = got.error();
    error.message = fmt::format("Prometheus at {}: {}", base_url, error.message);
    return error;
  }
  const HttpResponse& response = got.value();
  const std::string where = fmt::format("{} (query {})", endpoint, query.name);
  // Prometheus answers 400, 422 and 503 with a JSON error body: read it for its message.
  Result<SeriesSet> read =
      ReadPrometheusJson(response.body, where, query.name, ErrorCode::kUnavailable);
  if (response.status == 200) return read;
  if (!read.ok() && read.error().code == ErrorCode::kUnavailable) return read;
  return Error{ErrorCode::kUnavailable,
               fmt::format("Prometheus at {} answered HTTP {}: {}", base_url, response.status,
                           response.body.substr(0, 300)),
               {where, 0, 0, ""}};
}

}  // namespace headroom
