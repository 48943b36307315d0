#pragma once
// The Odoo layer's verdict: which window and which resource bound the size, and one sentence
// with the numbers that say why.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sizing/odoo_cron.h"
#include "sizing/odoo_pods.h"
#include "sizing/odoo_pool.h"
#include "sizing/odoo_sizer.h"
#include "sizing/odoo_workers.h"

namespace headroom {

// A class whose p95 limit no number of workers meets in a window.
struct UnreachableTarget {
  std::string request_class;
  int window = kPeak;
  double limit_ms = 0;  // the target (× recovery_latency_factor at recovery)
  double floor_ms = 0;  // the class's own service-time p95 (odoo_latency.h floor)
};

// Everything the sizing decided, for the verdict.
struct OdooDecision {
  std::array<WorkerPool, 3> pools;
  std::array<WindowNeed, 3> needs;  // workers each window needs (recovery: survivors)
  // The p95 limits each window's search met (none for the sustained window); they point into
  // the caller's class tails, which must outlive the verdict.
  std::array<std::vector<ClassLimit>, 3> limits;
  std::array<int64_t, 3> pods_for_window{};    // pods each window alone needs, with the reserve
  std::array<int64_t, 2> pods_for_sessions{};  // at peak (all pods), at recovery (survivors)
  std::array<double, 2> sessions{};            // the sessions those counts hold
  int64_t pods_floor = 1;                      // min_replicas, one pod per zone
  int workers_per_pod_max = 1;
  bool cpu_limits_workers_per_pod = false;  // pod CPU lowered workers_per_pod_max
  double cpu_share = 0;                     // of a busy worker, the largest over windows
  bool capped_pods = false;
  double recovery_factor = 2;
  std::array<double, 3> max_utilisation{};  // sustained, peak ceilings; recovery: 1 (< 1)
  int zones = 1;
  double reserve = 0;
  bool lose_zone = false;
  std::vector<UnreachableTarget> unreachable;
  OdooCron cron;
};

// REQUIRES: sizing holds the final sizes and latencies.
LayerVerdict OdooVerdict(const OdooDecision& decision, const OdooSizing& sizing,
                         const OdooSettings& settings);

}  // namespace headroom
