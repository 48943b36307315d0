#include "plan/saturation.h"

#include <array>

namespace headroom {

std::string SaturatedLayers(const MonthPlan& month) {
  const std::array<const LayerVerdict*, 5> verdicts = {&month.odoo.verdict, &month.postgres.verdict,
                                                       &month.redis.verdict, &month.storage.verdict,
                                                       &month.ingress.verdict};
  std::string out;
  for (const LayerVerdict* v : verdicts) {
    if (!v->saturated) continue;
    if (!out.empty()) out += "; ";
    out += v->reason.empty() ? v->bottleneck + " saturated" : v->reason;
  }
  return out;
}

}  // namespace headroom
