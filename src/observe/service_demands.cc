#include "observe/service_demands.h"

#include <fmt/format.h>

#include <cmath>

#include "observe/nnls.h"

namespace headroom {

Result<DemandFit> FitServiceDemands(const DemandSamples& s, bool with_background) {
  const size_t classes = s.classes.size();
  const size_t rows = s.busy_cores.size();
  const size_t cols = classes + (with_background ? 1 : 0);
  if (classes == 0) return InvalidError("no request class to fit");
  if (s.throughput_per_s.size() != rows) {
    return InvalidError(fmt::format("{} utilisation intervals but {} throughput intervals", rows,
                                    s.throughput_per_s.size()));
  }
  if (rows < cols) {
    return InvalidError(fmt::format(
        "{} intervals cannot determine {} unknowns: give at least as many intervals as classes{}",
        rows, cols, with_background ? " plus one for the background term" : ""));
  }
  std::vector<double> a(rows * cols, 1.0);
  std::vector<bool> seen(classes, false);
  for (size_t i = 0; i < rows; ++i) {
    const std::vector<double>& x = s.throughput_per_s[i];
    if (x.size() != classes) {
      return InvalidError(
          fmt::format("interval {} has {} throughputs for {} classes", i + 1, x.size(), classes));
    }
    if (!std::isfinite(s.busy_cores[i]) || s.busy_cores[i] < 0) {
      return InvalidError(fmt::format("interval {}: busy cores must be 0 or more", i + 1));
    }
    for (size_t k = 0; k < classes; ++k) {
      if (!std::isfinite(x[k]) || x[k] < 0) {
        return InvalidError(fmt::format("interval {}: the throughput of {} must be 0 or more",
                                        i + 1, s.classes[k]));
      }
      seen[k] = seen[k] || x[k] > 0;
      a[i * cols + k] = x[k];
    }
  }
  for (size_t k = 0; k < classes; ++k) {
    if (!seen[k]) {
      return InvalidError(
          fmt::format("class {} has no throughput in any interval: its demand cannot be measured",
                      s.classes[k]));
    }
  }
  Result<NnlsSolution> solved = SolveNnls(a, rows, cols, s.busy_cores);
  if (!solved.ok()) return solved.errors();
  DemandFit fit;
  const std::vector<double>& x = solved.value().x;
  fit.demand_s.assign(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(classes));
  if (with_background) fit.background_cores = x[classes];
  double mean = 0;
  for (double u : s.busy_cores) mean += u;
  mean /= static_cast<double>(rows);
  double total = 0;
  for (double u : s.busy_cores) total += (u - mean) * (u - mean);
  const double residual = solved.value().residual_norm * solved.value().residual_norm;
  fit.r_squared = total > 0 ? 1 - residual / total : 1.0;
  fit.rms_error_cores = std::sqrt(residual / static_cast<double>(rows));
  fit.intervals = static_cast<int>(rows);
  return fit;
}

}  // namespace headroom
