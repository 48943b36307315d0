#include "observe/usl_fit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "observe/nnls.h"

namespace headroom {

Result<UslFit> FitUsl(const std::vector<UslPoint>& points) {
  if (points.size() < 3) {
    return InvalidError(fmt::format("a USL fit needs at least 3 points, got {}", points.size()));
  }
  std::set<double> distinct;
  for (size_t i = 0; i < points.size(); ++i) {
    const UslPoint& p = points[i];
    if (!std::isfinite(p.concurrency) || p.concurrency < 1) {
      return InvalidError(fmt::format("point {}: concurrency must be 1 or more", i + 1));
    }
    if (!std::isfinite(p.throughput) || p.throughput <= 0) {
      return InvalidError(fmt::format("point {}: throughput must be positive", i + 1));
    }
    distinct.insert(p.concurrency);
  }
  if (distinct.size() < 2) {
    return InvalidError("a USL fit needs at least 2 different concurrencies");
  }
  const size_t rows = points.size();
  std::vector<double> a(rows * 3);
  std::vector<double> b(rows, 1.0);  // (N / X) × (X / N)
  for (size_t i = 0; i < rows; ++i) {
    const double n = points[i].concurrency;
    const double w = points[i].throughput / n;
    a[i * 3 + 0] = w;
    a[i * 3 + 1] = w * (n - 1);
    a[i * 3 + 2] = w * n * (n - 1);
  }
  Result<NnlsSolution> solved = SolveNnls(a, rows, 3, b);
  if (!solved.ok()) return solved.errors();
  const std::vector<double>& x = solved.value().x;
  if (x[0] <= 0) {
    return InvalidError("the points give no throughput at one client (1/λ fitted as 0)");
  }
  UslFit fit;
  fit.parameters = queueing::UslParameters{1 / x[0], x[1] / x[0], x[2] / x[0]};
  for (const UslPoint& p : points) {
    const double predicted = queueing::UslThroughput(fit.parameters, p.concurrency);
    fit.max_relative_error =
        std::max(fit.max_relative_error, std::abs(predicted - p.throughput) / p.throughput);
  }
  return fit;
}

}  // namespace headroom
