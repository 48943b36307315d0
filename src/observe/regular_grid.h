#pragma once
// Puts a measured series on a regular time grid, which the forecasting models need: samples are
// averaged into buckets one step wide centred on the grid points, and empty buckets (gaps) are
// filled by linear interpolation between their neighbours.

#include <vector>

#include "observe/series.h"

namespace headroom {

struct RegularSeries {
  double start_s = 0;  // time of values[0]
  double step_s = 0;
  std::vector<double> values;
  int filled_points = 0;  // grid points that were gaps, filled by interpolation
};

// The grid step for `series`: its median step, raised to the first of 60 s, 5, 10, 15, 30 min,
// 1, 2, 3, 6, 12 h and 1 day that keeps the grid under `max_points` (a divisor of a day, so
// daily and weekly seasons are whole numbers of steps).
double ChooseStepSeconds(const Series& series, int max_points = 10000);

// REQUIRES: series has >= 1 sample, times strictly increasing; step_s > 0.
RegularSeries Regularize(const Series& series, double step_s);

}  // namespace headroom
