#include "observe/linear_trend.h"

#include <cmath>

namespace headroom {

LinearTrend FitLinearTrend(const std::vector<double>& y) {
  LinearTrend fit;
  const double n = static_cast<double>(y.size());
  fit.points = static_cast<int>(y.size());
  fit.t_mean = (n - 1) / 2;
  double y_mean = 0;
  for (double v : y) y_mean += v / n;
  double sxy = 0;
  for (size_t t = 0; t < y.size(); ++t) {
    const double dt = static_cast<double>(t) - fit.t_mean;
    sxy += dt * (y[t] - y_mean);
    fit.sxx += dt * dt;
  }
  fit.slope_per_step = sxy / fit.sxx;
  fit.intercept = y_mean - fit.slope_per_step * fit.t_mean;
  double sse = 0;
  for (size_t t = 0; t < y.size(); ++t) {
    const double r = y[t] - (fit.intercept + fit.slope_per_step * static_cast<double>(t));
    sse += r * r;
  }
  fit.residual_sd = std::sqrt(sse / (n - 2));
  return fit;
}

double LinearHalfWidth(const LinearTrend& fit, double t0, double t_quantile) {
  const double dt = t0 - fit.t_mean;
  return t_quantile * fit.residual_sd * std::sqrt(1 + 1.0 / fit.points + dt * dt / fit.sxx);
}

double NormalQuantile(double p) {
  // Acklam (2003),
  // https://web.archive.org/web/20151030215612/http://home.online.no/~pjacklam/notes/invnorm/
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  if (p < kLow || p > 1 - kLow) {
    const double q = std::sqrt(-2 * std::log(p < kLow ? p : 1 - p));
    const double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                     ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < kLow ? x : -x;
  }
  const double q = p - 0.5;
  const double r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

double StudentTQuantile(double level, int dof) {
  const double z = NormalQuantile((1 + level) / 2);
  const double v = dof;
  const double z3 = z * z * z;
  const double z5 = z3 * z * z;
  const double z7 = z5 * z * z;
  const double z9 = z7 * z * z;
  return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v) +
         (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
}

}  // namespace headroom
