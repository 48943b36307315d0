#include "demand/windows.h"

#include <algorithm>
#include <cmath>

namespace headroom {

std::string_view WindowKindName(WindowKind kind) {
  switch (kind) {
    case WindowKind::kSustained:
      return "sustained";
    case WindowKind::kPeak:
      return "peak";
    case WindowKind::kRecovery:
      return "recovery";
  }
  return "sustained";
}

WindowTable::WindowTable(int months, int samples, int classes)
    : months_(months),
      samples_(samples),
      classes_(classes),
      rates_(static_cast<size_t>(months) * samples * kWindowKinds * classes, 0.0),
      facts_(static_cast<size_t>(months) * samples * kWindowKinds) {}

LoadWindow WindowTable::At(int month, int sample, WindowKind kind) const {
  const size_t cell = Cell(month, sample, kind);
  return LoadWindow{std::span<const double>(rates_.data() + cell * static_cast<size_t>(classes_),
                                            static_cast<size_t>(classes_)),
                    facts_[cell]};
}

std::span<double> WindowTable::Rates(int month, int sample, WindowKind kind) {
  const size_t cell = Cell(month, sample, kind);
  return {rates_.data() + cell * static_cast<size_t>(classes_), static_cast<size_t>(classes_)};
}

WindowFacts& WindowTable::Facts(int month, int sample, WindowKind kind) {
  return facts_[Cell(month, sample, kind)];
}

double OfferedCpuCores(std::span<const double> rate_per_s, std::span<const double> cpu_ms) {
  double cores = 0;
  for (size_t c = 0; c < rate_per_s.size(); ++c) cores += rate_per_s[c] * (cpu_ms[c] / 1000.0);
  return cores;
}

double BacklogRequests(double peak_rate_per_s, double rto_hours, const Planning& planning) {
  return peak_rate_per_s * rto_hours * 3600.0 * planning.backlog_return_share;
}

double RecoveryRatePerS(double peak_rate_per_s, double rto_hours, const Planning& planning) {
  return peak_rate_per_s + BacklogRequests(peak_rate_per_s, rto_hours, planning) /
                               (planning.backlog_drain_hours * 3600.0);
}

double QuantileSorted(std::span<const double> sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const double lo = std::floor(h);
  const auto i = static_cast<size_t>(lo);
  if (i + 1 >= sorted.size()) return sorted.back();
  return sorted[i] + (h - lo) * (sorted[i + 1] - sorted[i]);
}

Quantiles QuantilesOf(std::span<double> values, double planning_quantile) {
  std::sort(values.begin(), values.end());
  return Quantiles{QuantileSorted(values, 0.1), QuantileSorted(values, 0.5),
                   QuantileSorted(values, planning_quantile), QuantileSorted(values, 0.9)};
}

std::vector<MonthSummary> SummarizeWindows(const WindowTable& table, double planning_quantile) {
  std::vector<MonthSummary> out(static_cast<size_t>(table.months()));
  std::vector<double> values(static_cast<size_t>(table.samples()));
  auto quantiles = [&](auto get) {
    for (int s = 0; s < table.samples(); ++s) values[static_cast<size_t>(s)] = get(s);
    return QuantilesOf(values, planning_quantile);
  };
  for (int m = 0; m < table.months(); ++m) {
    for (int k = 0; k < kWindowKinds; ++k) {
      const auto kind = static_cast<WindowKind>(k);
      WindowSummary& w = out[static_cast<size_t>(m)].windows[k];
      w.rate_per_s.resize(static_cast<size_t>(table.classes()));
      for (int c = 0; c < table.classes(); ++c) {
        w.rate_per_s[static_cast<size_t>(c)] = quantiles(
            [&](int s) { return table.At(m, s, kind).rate_per_s[static_cast<size_t>(c)]; });
      }
      w.offered_cpu_cores =
          quantiles([&](int s) { return table.At(m, s, kind).facts.offered_cpu_cores; });
      w.sessions = quantiles([&](int s) { return table.At(m, s, kind).facts.sessions; });
      w.max_sessions = quantiles([&](int s) { return table.At(m, s, kind).facts.max_sessions; });
      w.batch_cpu_s = quantiles([&](int s) { return table.At(m, s, kind).facts.batch_cpu_s; });
    }
  }
  return out;
}

}  // namespace headroom
