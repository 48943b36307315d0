#pragma once
// Confidence intervals from independent replications (Law 2015, Simulation Modeling and
// Analysis, 5th ed., §9.4.1): run n replications with different seeds, take one summary per
// replication (a mean wait, a blocking ratio), and the interval
//   x̄ ± t(n − 1, (1 + confidence) / 2) · s / √n
// covers the steady-state value with the stated confidence when the per-replication values are
// independent and roughly normal (each is itself an average over many customers).

#include <cstdint>
#include <span>

namespace headroom::sim {

// The p-quantile of Student's t distribution with `degrees_of_freedom` (an integer), found by
// bisection on the exact finite-series CDF of Abramowitz & Stegun 26.7.3 and 26.7.4 to a
// relative 1e-12. REQUIRES: 0 < p < 1; 1 <= degrees_of_freedom <= 100000.
double StudentTQuantile(double p, int64_t degrees_of_freedom);

// P(T <= t) for Student's t with `degrees_of_freedom` (A&S 26.7.3/26.7.4).
// REQUIRES: 1 <= degrees_of_freedom <= 100000; t finite.
double StudentTCdf(double t, int64_t degrees_of_freedom);

struct MeanInterval {
  int64_t replications = 0;
  double mean = 0.0;
  double standard_deviation = 0.0;  // sample standard deviation s (n − 1 in the denominator)
  double half_width = 0.0;          // t · s / √n

  [[nodiscard]] double lower() const { return mean - half_width; }
  [[nodiscard]] double upper() const { return mean + half_width; }
  [[nodiscard]] bool Contains(double x) const { return x >= lower() && x <= upper(); }
  // half_width / |mean|; 0 when the mean is 0.
  [[nodiscard]] double RelativeHalfWidth() const;
};

// The t interval of the mean of independent replication values at `confidence` (two-sided).
// REQUIRES: values.size() >= 2; 0 < confidence < 1; values finite.
MeanInterval ReplicationInterval(std::span<const double> values, double confidence = 0.95);

}  // namespace headroom::sim
