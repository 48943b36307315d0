#include "sim/stack/span_weights.h"

#include <algorithm>

namespace headroom::sim {
namespace {

// The smallest response whose cumulative weight reaches q of the total (responses sorted).
double WeightedQuantile(const std::vector<std::pair<double, double>>& sorted, double total,
                        double q) {
  double seen = 0;
  for (const auto& [response_s, weight] : sorted) {
    seen += weight;
    if (seen >= q * total * (1 - 1e-12)) return response_s;
  }
  return sorted.empty() ? 0.0 : sorted.back().first;
}

}  // namespace

double SteadyWeight(double steady_from_s, double window_s, double span_s) {
  const double steady_s = window_s - std::max(0.0, steady_from_s);
  if (!(span_s > window_s) || !(steady_s > 0)) return 1.0;
  return (span_s - std::max(0.0, steady_from_s)) / steady_s;
}

LatencySummary WeighedOverSpan(const std::vector<TimedResponse>& responses, double steady_from_s,
                               double window_s, double span_s, const LatencySummary& unweighted) {
  LatencySummary out = unweighted;
  if (responses.empty()) return out;
  const double steady = SteadyWeight(steady_from_s, window_s, span_s);
  std::vector<std::pair<double, double>> weighted;  // (response, weight)
  weighted.reserve(responses.size());
  double total = 0;
  double sum_s = 0;
  for (const auto& [arrival_s, response_s] : responses) {
    const double w = arrival_s >= steady_from_s ? steady : 1.0;
    weighted.emplace_back(response_s, w);
    total += w;
    sum_s += w * response_s;
  }
  std::sort(weighted.begin(), weighted.end());
  out.mean_ms = sum_s / total * 1000.0;
  out.p50_ms = WeightedQuantile(weighted, total, 0.50) * 1000.0;
  out.p95_ms = WeightedQuantile(weighted, total, 0.95) * 1000.0;
  out.p99_ms = WeightedQuantile(weighted, total, 0.99) * 1000.0;
  return out;
}

}  // namespace headroom::sim
