#include "sizing/odoo_memory.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "sizing/odoo_pool.h"

namespace headroom {
namespace {

constexpr double kRoundingMib = 64;
// Odoo's default limit_memory_hard / limit_memory_soft: 2560 / 2048 (odoo/tools/config.py).
constexpr double kHardOverSoft = 1.25;
constexpr double kMibBytes = 1024.0 * 1024.0;
// 1 PiB: keeps byte counts inside int64 for absurd inputs.
constexpr double kMaxMib = 1024.0 * 1024.0 * 1024.0;

double RoundUpTo(double mib, double step) {
  return std::min(kMaxMib, std::ceil(mib / step - 1e-9) * step);
}

struct Weighted {
  double rss_mib = 0;
  double requests = 0;  // λ_c
  double worker_s = 0;  // λ_c S_c
};

// The window whose rates weigh the classes: the peak, else the first window with load.
int WeightWindow(const MonthLoad& load) {
  for (int w : {kPeak, kSustained, kRecovery}) {
    for (const ClassLoad& c : load.classes) {
      if (!c.long_lived && c.rate_per_s[static_cast<size_t>(w)] > 0) return w;
    }
  }
  return kPeak;
}

std::vector<Weighted> ClassWeights(const MonthLoad& load, const OdooSettings& settings) {
  const auto w = static_cast<size_t>(WeightWindow(load));
  std::vector<Weighted> out;
  for (const ClassLoad& c : load.classes) {
    if (c.long_lived || !(c.rate_per_s[w] > 0)) continue;
    const double rss =
        std::min(kMaxMib, std::max(settings.base_worker_rss_mib, c.worker_memory_mib));
    out.push_back({rss, c.rate_per_s[w], c.rate_per_s[w] * WorkerOccupancyMs(c, settings)});
  }
  return out;
}

// The smallest r with a request share of at least 95% at or below it.
double RequestP95(std::vector<Weighted> classes) {
  std::sort(classes.begin(), classes.end(),
            [](const Weighted& a, const Weighted& b) { return a.rss_mib < b.rss_mib; });
  double total = 0;
  for (const Weighted& c : classes) total += c.requests;
  double seen = 0;
  for (const Weighted& c : classes) {
    seen += c.requests;
    if (seen >= 0.95 * total) return c.rss_mib;
  }
  return classes.back().rss_mib;
}

double WorkerTimeMean(const std::vector<Weighted>& classes) {
  double time = 0;
  double weighted = 0;
  for (const Weighted& c : classes) {
    time += c.worker_s;
    weighted += c.worker_s * c.rss_mib;
  }
  if (!(time > 0) || !std::isfinite(weighted)) {
    double most = 0;
    for (const Weighted& c : classes) most = std::max(most, c.rss_mib);
    return most;  // degenerate weights: the heaviest class, on the safe side
  }
  return weighted / time;
}

}  // namespace

OdooMemory SizeOdooMemory(const MonthLoad& load, int workers_per_pod,
                          const OdooSettings& settings) {
  const double rss_per_vms = std::clamp(settings.rss_per_vms, 0.05, 1.0);
  const double base = std::clamp(settings.base_worker_rss_mib, 0.0, kMaxMib);
  const std::vector<Weighted> classes = ClassWeights(load, settings);
  OdooMemory m;
  m.worker_rss_p95_mib = base;
  m.worker_rss_max_mib = base;
  m.busy_worker_rss_mib = base;
  if (!classes.empty()) {
    m.worker_rss_p95_mib = RequestP95(classes);
    for (const Weighted& c : classes)
      m.worker_rss_max_mib = std::max(m.worker_rss_max_mib, c.rss_mib);
    m.busy_worker_rss_mib = WorkerTimeMean(classes);
  }
  m.limit_memory_soft_mib = RoundUpTo(m.worker_rss_p95_mib / rss_per_vms, kRoundingMib);
  m.limit_memory_hard_mib = RoundUpTo(
      kHardOverSoft * std::max(m.limit_memory_soft_mib, m.worker_rss_max_mib / rss_per_vms),
      kRoundingMib);
  m.limit_memory_soft_bytes = static_cast<int64_t>(m.limit_memory_soft_mib * kMibBytes);
  m.limit_memory_hard_bytes = static_cast<int64_t>(m.limit_memory_hard_mib * kMibBytes);
  const double workers = std::max(1, workers_per_pod);
  const double master = std::clamp(settings.master_rss_mib, 0.0, kMaxMib);
  m.pod_memory_request_mib = RoundUpTo(master + workers * m.busy_worker_rss_mib, kRoundingMib);
  m.pod_memory_limit_mib =
      RoundUpTo(master + workers * m.limit_memory_hard_mib * rss_per_vms, kRoundingMib);
  return m;
}

}  // namespace headroom
