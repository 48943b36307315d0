#include "plan/saturation.h"

#include <array>

namespace headroom {

namespace {

std::string Saturated(const MonthPlan& month, bool targets_too) {
  const std::array<const LayerVerdict*, 5> verdicts = {&month.odoo.verdict, &month.postgres.verdict,
                                                       &month.redis.verdict, &month.storage.verdict,
                                                       &month.ingress.verdict};
  std::string out;
  for (const LayerVerdict* v : verdicts) {
    if (!v->saturated || (v->saturated_by_targets_only && !targets_too)) continue;
    if (!out.empty()) out += "; ";
    out += v->reason.empty() ? v->bottleneck + " saturated" : v->reason;
  }
  return out;
}

}  // namespace

std::string SaturatedLayers(const MonthPlan& month) { return Saturated(month, true); }

std::string SaturatedLayersBeyondTargets(const MonthPlan& month) { return Saturated(month, false); }

}  // namespace headroom
