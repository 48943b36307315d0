#include "queueing/mva.h"

#include <cmath>
#include <limits>

#include "queueing/erlang.h"

namespace headroom::queueing {
namespace {

Location Field(size_t index, const char* field) {
  Location where;
  where.field = "centres[" + std::to_string(index) + "]." + field;
  return where;
}

bool NonNegativeFinite(double x) { return std::isfinite(x) && x >= 0.0; }

Errors CheckCentres(std::span<const Centre> centres, bool closed) {
  Errors errors;
  for (size_t i = 0; i < centres.size(); ++i) {
    const Centre& c = centres[i];
    if (!NonNegativeFinite(c.demand_s)) {
      errors.push_back(
          InvalidError("demand must be a finite number >= 0 seconds", Field(i, "demand_s")));
    }
    if (c.kind != CentreKind::kQueue) continue;
    if (closed && c.servers != 1) {
      errors.push_back(InvalidError(
          "closed networks are solved by exact MVA for single-server queueing centres; "
          "this centre has " +
              std::to_string(c.servers) + " servers",
          Field(i, "servers")));
    } else if (c.servers < 1) {
      errors.push_back(
          InvalidError("a queueing centre needs at least 1 server", Field(i, "servers")));
    }
  }
  return errors;
}

}  // namespace

Result<ClosedNetworkResult> SolveClosedNetwork(std::span<const Centre> centres, int64_t customers,
                                               double think_time_s) {
  Errors errors = CheckCentres(centres, /*closed=*/true);
  if (customers < 0) errors.push_back(InvalidError("the number of customers must be >= 0"));
  if (!NonNegativeFinite(think_time_s)) {
    errors.push_back(InvalidError("think time must be a finite number >= 0 seconds"));
  }
  if (!errors.empty()) return errors;

  const size_t k_count = centres.size();
  std::vector<double> queue(k_count, 0.0);      // Q_k(n − 1), then Q_k(n)
  std::vector<double> residence(k_count, 0.0);  // R_k(n)
  for (size_t k = 0; k < k_count; ++k) residence[k] = centres[k].demand_s;
  double throughput = 0.0;
  double response = 0.0;
  for (size_t k = 0; k < k_count; ++k) response += residence[k];
  // Reiser & Lavenberg (1980): the arrival theorem gives R_k(n) from Q_k(n − 1).
  for (int64_t n = 1; n <= customers; ++n) {
    response = 0.0;
    for (size_t k = 0; k < k_count; ++k) {
      const bool queues = centres[k].kind == CentreKind::kQueue;
      residence[k] = centres[k].demand_s * (queues ? 1.0 + queue[k] : 1.0);
      response += residence[k];
    }
    const double cycle = think_time_s + response;
    throughput = cycle > 0.0 ? static_cast<double>(n) / cycle : 0.0;
    for (size_t k = 0; k < k_count; ++k) queue[k] = throughput * residence[k];
  }

  ClosedNetworkResult result;
  result.customers = customers;
  result.think_time_s = think_time_s;
  result.throughput_per_s = throughput;
  result.response_s = response;
  for (size_t k = 0; k < k_count; ++k) {
    result.centres.push_back(
        {centres[k].name, throughput * centres[k].demand_s, residence[k], queue[k]});
  }
  return result;
}

Result<OpenNetworkResult> SolveOpenNetwork(std::span<const Centre> centres,
                                           double arrival_rate_per_s) {
  Errors errors = CheckCentres(centres, /*closed=*/false);
  if (!NonNegativeFinite(arrival_rate_per_s)) {
    errors.push_back(InvalidError("arrival rate must be a finite number >= 0 per second"));
  }
  if (!errors.empty()) return errors;

  OpenNetworkResult result;
  result.arrival_rate_per_s = arrival_rate_per_s;
  double response = 0.0;
  double wait = 0.0;
  double worst_demand_per_server = 0.0;
  for (const Centre& centre : centres) {
    OpenCentreResult r;
    r.name = centre.name;
    double load = arrival_rate_per_s * centre.demand_s;  // a_k, erlangs
    if (!std::isfinite(load)) load = std::numeric_limits<double>::max();
    double residence = centre.demand_s;
    if (centre.kind == CentreKind::kDelay) {
      r.utilisation = load;
    } else {
      const double m = static_cast<double>(centre.servers);
      r.utilisation = load / m;
      r.saturated = load >= m;
      if (centre.demand_s / m > worst_demand_per_server) {
        worst_demand_per_server = centre.demand_s / m;
        result.bottleneck = centre.name;
      }
      // M/M/m residence over all visits: D (1 + C(m, a) / (m − a)) (Erlang C; PDQ's MSQ).
      if (!r.saturated) residence += centre.demand_s * ErlangC(centre.servers, load) / (m - load);
    }
    if (r.saturated) {
      result.saturated = true;
    } else {
      r.residence_s = residence;
      r.queue_length = arrival_rate_per_s * residence;
      response += residence;
      wait += residence - centre.demand_s;
    }
    result.centres.push_back(std::move(r));
  }
  if (worst_demand_per_server > 0.0) result.max_arrival_rate_per_s = 1.0 / worst_demand_per_server;
  if (!result.saturated) {
    result.response_s = response;
    result.wait_s = wait;
  }
  return result;
}

}  // namespace headroom::queueing
