#include "observe/regular_grid.h"

#include <cmath>

namespace headroom {

double ChooseStepSeconds(const Series& series, int max_points) {
  const double native_s = MedianStepSeconds(series.times_s);
  if (series.times_s.size() < 2 || native_s <= 0) return native_s > 0 ? native_s : 60;
  const double span_s = series.times_s.back() - series.times_s.front();
  static constexpr double kSteps[] = {60,   300,   600,   900,   1800, 3600,
                                      7200, 10800, 21600, 43200, 86400};
  for (double step_s : kSteps) {
    if (step_s + 1e-9 >= native_s && span_s / step_s < max_points) return step_s;
  }
  // A step longer than a day, or a native step that is no divisor of a day: keep the native one.
  return native_s;
}

RegularSeries Regularize(const Series& series, double step_s) {
  RegularSeries grid;
  grid.step_s = step_s;
  grid.start_s = series.times_s.front();
  const double span_s = series.times_s.back() - grid.start_s;
  const size_t points = static_cast<size_t>(std::llround(span_s / step_s)) + 1;
  std::vector<double> sum(points, 0.0);
  std::vector<int> count(points, 0);
  for (size_t i = 0; i < series.times_s.size(); ++i) {
    const auto k = static_cast<size_t>(std::llround((series.times_s[i] - grid.start_s) / step_s));
    if (k >= points) continue;
    sum[k] += series.values[i];
    ++count[k];
  }
  grid.values.assign(points, 0.0);
  size_t previous = 0;  // last filled bucket; bucket 0 always holds the first sample
  for (size_t k = 0; k < points; ++k) {
    if (count[k] == 0) continue;
    grid.values[k] = sum[k] / count[k];
    for (size_t gap = previous + 1; gap < k; ++gap) {
      const double w = static_cast<double>(gap - previous) / static_cast<double>(k - previous);
      grid.values[gap] = (1 - w) * grid.values[previous] + w * grid.values[k];
      ++grid.filled_points;
    }
    previous = k;
  }
  return grid;
}

}  // namespace headroom
