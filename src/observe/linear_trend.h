#pragma once
// Ordinary least squares line y = a + b t over t = 0..n-1, with the classical prediction
// interval for a new observation at t0:
//   ŷ(t0) ± t_{n-2, (1+level)/2} · s · sqrt(1 + 1/n + (t0 - t̄)² / Σ(t - t̄)²),
//   s² = Σ residual² / (n - 2).
// Montgomery, Peck & Vining, "Introduction to Linear Regression Analysis", section 2.5.

#include <vector>

namespace headroom {

struct LinearTrend {
  double intercept = 0;  // at t = 0
  double slope_per_step = 0;
  double residual_sd = 0;  // s
  double t_mean = 0;
  double sxx = 0;  // Σ (t - t̄)²
  int points = 0;
};

// REQUIRES: y.size() >= 3.
LinearTrend FitLinearTrend(const std::vector<double>& y);

// Half-width of the prediction interval at step t0 for a Student t quantile `t_quantile`.
double LinearHalfWidth(const LinearTrend& fit, double t0, double t_quantile);

// The (1+level)/2 quantile of Student's t with `dof` degrees of freedom, by the Cornish-Fisher
// expansion around the normal quantile (Abramowitz & Stegun 26.7.5): within 1e-4 of the exact
// value for dof >= 5 at level 0.95.
double StudentTQuantile(double level, int dof);

// The p quantile of the standard normal (Acklam's rational approximation, relative error
// below 1.2e-9). REQUIRES: 0 < p < 1.
double NormalQuantile(double p);

}  // namespace headroom
