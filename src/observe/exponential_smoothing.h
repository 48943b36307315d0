#pragma once
// Additive exponential smoothing: simple, Holt's linear trend, damped trend, and Holt-Winters
// additive seasonality, in the component form statsmodels' ExponentialSmoothing uses (so the two
// can be compared number for number, tests/observe/statsmodels_compare.py):
//
//   forecast   ŷ(t)  = l(t-1) + φ b(t-1) + s(t-m)
//   level      l(t)  = α (y(t) - s(t-m)) + (1-α)(l(t-1) + φ b(t-1))
//   trend      b(t)  = β (l(t) - l(t-1)) + (1-β) φ b(t-1)
//   season     s(t)  = γ (y(t) - l(t-1) - φ b(t-1)) + (1-γ) s(t-m)
//   h ahead    ŷ(n+h) = l(n) + φ_h b(n) + s(n+h-m(k+1)),  φ_h = φ + φ² + ... + φ^h
//
// Hyndman & Athanasopoulos, "Forecasting: Principles and Practice" (3rd ed.), sections 8.2-8.3;
// Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with Exponential Smoothing", chapter 2.

#include <vector>

namespace headroom {

struct SmoothingParams {
  bool trend = false;
  int period_steps = 0;  // 0: no seasonality
  double alpha = 0.5;
  double beta = 0.0;   // used when trend
  double gamma = 0.0;  // used when period_steps > 0
  double phi = 1.0;    // 1: undamped
};

// The states before the first observation: l(-1), b(-1) and s(-m)..s(-1).
struct SmoothingStart {
  double level = 0;
  double trend = 0;
  std::vector<double> seasonal;  // period_steps values
};

struct SmoothingRun {
  std::vector<double> fitted;  // one-step-ahead forecasts ŷ(t), one per observation
  double sse = 0;              // Σ (y - ŷ)²
  double level = 0;            // l(n-1), b(n-1) and the last m seasonal states after the data
  double trend = 0;
  std::vector<double> seasonal;  // s(n-m)..s(n-1)
};

// The heuristic start: for a seasonal model the first two seasons give the level (first
// season's mean, moved back to t = -1), the trend (difference of the two seasons' means over m)
// and the seasonal states (first season minus the trend line); otherwise a least-squares line
// through the first ten points. REQUIRES: y.size() >= 2 * period_steps and >= 2.
SmoothingStart HeuristicStart(const std::vector<double>& y, const SmoothingParams& params);

// Runs the recursion over y from `start`.
SmoothingRun RunSmoothing(const std::vector<double>& y, const SmoothingParams& params,
                          const SmoothingStart& start);

// ŷ(n+1)..ŷ(n+h) from the states at the end of `run`.
std::vector<double> SmoothingForecast(const SmoothingRun& run, const SmoothingParams& params,
                                      int horizon_steps);

// Forecast variance multipliers v(h) = 1 + Σ_{j=1}^{h-1} c_j², c_j = α(1 + β φ_j) + γ [j mod m
// = 0], so Var(y(n+h) - ŷ(n+h)) = σ² v(h): exact for these (class 1, additive error) models.
// Hyndman et al. (2008), Table 6.1 and eq. (6.1); with the ETS parameters α, β* = αβ, γ.
std::vector<double> SmoothingVarianceFactors(const SmoothingParams& params, int horizon_steps);

}  // namespace headroom
