#pragma once
// Pods over zones, and how many workers one pod holds.
//
// Pods of one Deployment are spread evenly over the zones (topology spread constraints), so the
// worst zone holds ⌈P / Z⌉ of P pods; losing it leaves P − ⌈P / Z⌉. That count never falls as P
// grows, and the fewest pods that leave k after a zone loss is k + ⌈k / (Z − 1)⌉ (with
// m = ⌈k / (Z − 1)⌉, ⌈(k + m) / Z⌉ <= m because k <= m (Z − 1); one pod fewer leaves k − 1).

#include <cstdint>

#include "sizing/odoo_sizer.h"

namespace headroom {

// Beyond any estate; a need above it is reported saturated.
inline constexpr int64_t kMaxPods = 1'000'000;

struct ZoneLayout {
  int zones = 1;
  bool lose_zone = false;  // survive_zone_loss with at least 2 zones
};

ZoneLayout ZoneLayoutFor(const HeadroomPolicy& policy);

// Pods left after losing the worst zone (all of them when no zone is lost).
int64_t SurvivingPods(int64_t pods, const ZoneLayout& layout);

// The fewest pods that leave at least `survivors` after losing the worst zone, at most kMaxPods.
int64_t PodsLeaving(int64_t survivors, const ZoneLayout& layout);

// The most HTTP workers a pod may hold: settings.max_workers_per_pod, fewer when its workers,
// all busy, would burn more CPU than pod_max_cpu_cores (a worker busy on a request spends
// `cpu_share` of its time on CPU, the rest waiting on PostgreSQL); at least 1.
int WorkersPerPodMax(const OdooSettings& settings, double cpu_share);

}  // namespace headroom
