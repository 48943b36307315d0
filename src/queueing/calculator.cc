#include "queueing/calculator.h"

#include <cmath>

#include "queueing/mgc.h"
#include "queueing/mmc.h"
#include "queueing/staffing.h"

namespace headroom::queueing {
namespace {

constexpr double kP95 = 0.95;
constexpr double kP99 = 0.99;

Error FieldError(const char* field, std::string message) {
  Location where;
  where.field = field;
  return InvalidError(std::move(message), where);
}

Errors Validate(const QueueQuery& q) {
  Errors errors;
  if (!std::isfinite(q.arrival_rate_per_s) || q.arrival_rate_per_s < 0.0) {
    errors.push_back(FieldError("arrival_rate_per_s", "must be a finite number >= 0"));
  }
  if (!std::isfinite(q.service_time_s) || q.service_time_s <= 0.0) {
    errors.push_back(FieldError("service_time_s", "must be a finite number > 0"));
  }
  if (!std::isfinite(q.service_cv) || q.service_cv < 0.0) {
    errors.push_back(FieldError("service_cv", "must be a finite number >= 0"));
  }
  if (q.servers.has_value() == q.target_p95_response_s.has_value()) {
    errors.push_back(FieldError("servers", "give either a server count or a p95 target"));
  }
  if (q.servers.has_value() && *q.servers < 1) {
    errors.push_back(FieldError("servers", "must be at least 1"));
  }
  if (q.target_p95_response_s.has_value() &&
      (!std::isfinite(*q.target_p95_response_s) || *q.target_p95_response_s <= 0.0)) {
    errors.push_back(FieldError("target_p95_response_s", "must be a finite number > 0"));
  }
  return errors;
}

void Fill(const MgcQueue& queue, bool markovian, QueueReport& report) {
  const QueueMetrics m =
      markovian ? AnalyseMmc({queue.arrival_rate_per_s, queue.service_time_s, queue.servers})
                : AnalyseMgc(queue);
  report.offered_load_erlangs = m.offered_load_erlangs;
  report.utilisation = m.utilisation;
  report.saturated = m.saturated;
  report.probability_of_waiting = m.probability_of_waiting;
  report.mean_wait_s = m.mean_wait_s;
  report.mean_response_s = m.mean_response_s;
  if (m.saturated) return;
  if (markovian) {
    const MmcQueue mmc{queue.arrival_rate_per_s, queue.service_time_s, queue.servers};
    report.p95_wait_s = MmcWaitPercentile(mmc, kP95);
    report.p99_wait_s = MmcWaitPercentile(mmc, kP99);
    report.p95_response_s = MmcResponsePercentile(mmc, kP95);
    report.p99_response_s = MmcResponsePercentile(mmc, kP99);
  } else {
    report.p95_wait_s = MgcWaitPercentile(queue, kP95);
    report.p99_wait_s = MgcWaitPercentile(queue, kP99);
    report.p95_response_s = MgcResponsePercentile(queue, kP95);
    report.p99_response_s = MgcResponsePercentile(queue, kP99);
  }
}

}  // namespace

Result<QueueReport> Analyse(const QueueQuery& query) {
  Errors errors = Validate(query);
  if (!errors.empty()) return errors;

  const bool markovian = query.service_cv == 1.0;
  QueueReport report;
  report.model = markovian ? "M/M/c" : "M/G/c (Allen-Cunneen)";
  report.arrival_rate_per_s = query.arrival_rate_per_s;
  report.service_time_s = query.service_time_s;
  report.service_cv = query.service_cv;
  report.target_p95_response_s = query.target_p95_response_s;

  MgcQueue queue;
  queue.arrival_rate_per_s = query.arrival_rate_per_s;
  queue.service_time_s = query.service_time_s;
  queue.service_cv = query.service_cv;
  report.service_p95_s = ServiceTimePercentile(queue, kP95);
  report.offered_load_erlangs = query.arrival_rate_per_s * query.service_time_s;

  if (query.servers.has_value()) {
    queue.servers = *query.servers;
  } else {
    const std::optional<int64_t> needed =
        MinServersForResponsePercentile(queue, kP95, *query.target_p95_response_s);
    if (!needed.has_value()) {
      report.target_reachable = false;
      return report;
    }
    queue.servers = *needed;
  }
  report.servers = queue.servers;
  Fill(queue, markovian, report);
  return report;
}

}  // namespace headroom::queueing
