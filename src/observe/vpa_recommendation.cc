#include "observe/vpa_recommendation.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

Status CheckSamples(const std::vector<double>& values, const char* what) {
  if (values.empty()) return InvalidError(std::string("no ") + what + " samples");
  for (double v : values) {
    if (!std::isfinite(v) || v < 0) {
      return InvalidError(std::string(what) + " samples must be finite and 0 or more");
    }
  }
  return Status::Ok();
}

}  // namespace

double Percentile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double h = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

Result<VpaRecommendation> RecommendLikeVpa(const std::vector<double>& cpu_cores,
                                           const std::vector<double>& memory_peaks_mib,
                                           const VpaSettings& settings) {
  if (Status s = CheckSamples(cpu_cores, "CPU"); !s.ok()) return s.errors();
  if (Status s = CheckSamples(memory_peaks_mib, "memory"); !s.ok()) return s.errors();
  const double margin = 1 + settings.safety_margin;
  VpaRecommendation r;
  r.cpu_millicores = std::max(settings.min_cpu_millicores,
                              1000 * Percentile(cpu_cores, settings.cpu_percentile) * margin);
  r.memory_mib = std::max(settings.min_memory_mib,
                          Percentile(memory_peaks_mib, settings.memory_percentile) * margin);
  return r;
}

}  // namespace headroom
