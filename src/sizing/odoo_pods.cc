#include "sizing/odoo_pods.h"

#include <algorithm>
#include <cmath>

namespace headroom {

ZoneLayout ZoneLayoutFor(const HeadroomPolicy& policy) {
  ZoneLayout layout;
  layout.zones = std::max(1, policy.zones);
  layout.lose_zone = policy.survive_zone_loss && layout.zones >= 2;
  return layout;
}

int64_t SurvivingPods(int64_t pods, const ZoneLayout& layout) {
  if (!layout.lose_zone) return pods;
  return pods - (pods + layout.zones - 1) / layout.zones;
}

int64_t PodsLeaving(int64_t survivors, const ZoneLayout& layout) {
  const int64_t k = std::clamp<int64_t>(survivors, 0, kMaxPods);
  if (!layout.lose_zone) return k;
  const int64_t others = layout.zones - 1;
  return std::min(kMaxPods, k + (k + others - 1) / others);
}

int WorkersPerPodMax(const OdooSettings& settings, double cpu_share) {
  const int most = std::max(1, settings.max_workers_per_pod);
  if (!(cpu_share > 0)) return most;
  const double fit = std::floor(settings.pod_max_cpu_cores / cpu_share + 1e-9);
  if (!(fit >= 1)) return 1;
  return fit >= most ? most : static_cast<int>(fit);
}

}  // namespace headroom
