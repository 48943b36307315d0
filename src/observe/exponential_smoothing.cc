#include "observe/exponential_smoothing.h"

#include <algorithm>
#include <numeric>

namespace headroom {
namespace {

double Mean(const std::vector<double>& y, size_t from, size_t count) {
  return std::accumulate(y.begin() + static_cast<std::ptrdiff_t>(from),
                         y.begin() + static_cast<std::ptrdiff_t>(from + count), 0.0) /
         static_cast<double>(count);
}

// Least-squares line through y[0..count): {intercept at t = 0, slope per step}.
std::pair<double, double> LineThrough(const std::vector<double>& y, size_t count) {
  const double n = static_cast<double>(count);
  const double t_mean = (n - 1) / 2;
  const double y_mean = Mean(y, 0, count);
  double sxy = 0;
  double sxx = 0;
  for (size_t t = 0; t < count; ++t) {
    sxy += (static_cast<double>(t) - t_mean) * (y[t] - y_mean);
    sxx += (static_cast<double>(t) - t_mean) * (static_cast<double>(t) - t_mean);
  }
  const double slope = sxx > 0 ? sxy / sxx : 0;
  return {y_mean - slope * t_mean, slope};
}

}  // namespace

SmoothingStart HeuristicStart(const std::vector<double>& y, const SmoothingParams& params) {
  SmoothingStart start;
  const size_t m = static_cast<size_t>(params.period_steps);
  if (m == 0) {
    const auto [intercept, slope] = LineThrough(y, std::min<size_t>(10, y.size()));
    start.trend = params.trend ? slope : 0;
    start.level = params.trend ? intercept - slope : intercept;
    return start;
  }
  const double first = Mean(y, 0, m);
  const double second = Mean(y, m, m);
  start.trend = params.trend ? (second - first) / static_cast<double>(m) : 0;
  // The first season's mean is the level at its middle, t = (m-1)/2; l(-1) is (m+1)/2 earlier.
  start.level = first - start.trend * static_cast<double>(m + 1) / 2;
  for (size_t i = 0; i < m; ++i) {
    start.seasonal.push_back(y[i] - (start.level + start.trend * static_cast<double>(i + 1)));
  }
  return start;
}

SmoothingRun RunSmoothing(const std::vector<double>& y, const SmoothingParams& p,
                          const SmoothingStart& start) {
  const size_t m = static_cast<size_t>(p.period_steps);
  const double phi = p.trend ? p.phi : 0;
  std::vector<double> s = start.seasonal;  // s[t] is s(t-m); s[t+m] is written at step t
  s.resize(m + y.size(), 0.0);
  double level = start.level;
  double trend = p.trend ? start.trend : 0;
  SmoothingRun run;
  run.fitted.reserve(y.size());
  for (size_t t = 0; t < y.size(); ++t) {
    const double season = m > 0 ? s[t] : 0;
    const double base = level + phi * trend;
    const double forecast = base + season;
    run.fitted.push_back(forecast);
    run.sse += (y[t] - forecast) * (y[t] - forecast);
    const double new_level = p.alpha * (y[t] - season) + (1 - p.alpha) * base;
    if (p.trend) trend = p.beta * (new_level - level) + (1 - p.beta) * phi * trend;
    if (m > 0) s[t + m] = p.gamma * (y[t] - base) + (1 - p.gamma) * season;
    level = new_level;
  }
  run.level = level;
  run.trend = trend;
  if (m > 0) run.seasonal.assign(s.end() - static_cast<std::ptrdiff_t>(m), s.end());
  return run;
}

std::vector<double> SmoothingForecast(const SmoothingRun& run, const SmoothingParams& p,
                                      int horizon_steps) {
  const size_t m = static_cast<size_t>(p.period_steps);
  std::vector<double> out;
  double phi_h = 0;
  double phi_power = 1;
  for (int h = 1; h <= horizon_steps; ++h) {
    phi_power *= p.trend ? p.phi : 0;
    phi_h += phi_power;
    const double season = m > 0 ? run.seasonal[static_cast<size_t>(h - 1) % m] : 0;
    out.push_back(run.level + phi_h * run.trend + season);
  }
  return out;
}

std::vector<double> SmoothingVarianceFactors(const SmoothingParams& p, int horizon_steps) {
  std::vector<double> factors;
  double sum = 0;
  double phi_j = 0;
  double phi_power = 1;
  for (int h = 1; h <= horizon_steps; ++h) {
    factors.push_back(1 + sum);
    // c_j for j = h, used from h + 1 on.
    phi_power *= p.trend ? p.phi : 0;
    phi_j += phi_power;
    double c = p.alpha * (1 + (p.trend ? p.beta * phi_j : 0));
    if (p.period_steps > 0 && h % p.period_steps == 0) c += p.gamma;
    sum += c * c;
  }
  return factors;
}

}  // namespace headroom
