#include "observe/nnls.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace headroom {
namespace {

double ColumnNormBelow(const std::vector<double>& q, size_t rows, size_t cols, size_t col,
                       size_t from) {
  double sum = 0;
  for (size_t r = from; r < rows; ++r) sum += q[r * cols + col] * q[r * cols + col];
  return std::sqrt(sum);
}

// A x − b.
std::vector<double> Residual(const std::vector<double>& a, size_t rows, size_t cols,
                             const std::vector<double>& x, const std::vector<double>& b) {
  std::vector<double> r(rows);
  for (size_t i = 0; i < rows; ++i) {
    double s = -b[i];
    for (size_t j = 0; j < cols; ++j) s += a[i * cols + j] * x[j];
    r[i] = s;
  }
  return r;
}

double Norm(const std::vector<double>& v) {
  double s = 0;
  for (double e : v) s += e * e;
  return std::sqrt(s);
}

}  // namespace

std::vector<double> LeastSquares(const std::vector<double>& a, size_t rows, size_t cols,
                                 const std::vector<double>& b) {
  std::vector<double> q = a;
  std::vector<double> y = b;
  std::vector<double> diag(cols, 0);
  const size_t steps = std::min(rows, cols);
  double scale = 0;
  for (double v : a) scale = std::max(scale, std::abs(v));
  const double tiny = std::max(scale, 1.0) * 1e-12;
  // Householder reflections make q upper triangular and apply the same to y (Golub and Van
  // Loan, Matrix Computations, 4th ed., §5.3.3).
  for (size_t k = 0; k < steps; ++k) {
    const double norm = ColumnNormBelow(q, rows, cols, k, k);
    if (norm <= tiny) continue;
    const double alpha = q[k * cols + k] > 0 ? -norm : norm;
    std::vector<double> v(rows - k);
    for (size_t r = k; r < rows; ++r) v[r - k] = q[r * cols + k];
    v[0] -= alpha;
    const double vv = std::inner_product(v.begin(), v.end(), v.begin(), 0.0);
    if (vv <= 0) continue;
    for (size_t c = k; c < cols; ++c) {
      double dot = 0;
      for (size_t r = k; r < rows; ++r) dot += v[r - k] * q[r * cols + c];
      const double f = 2 * dot / vv;
      for (size_t r = k; r < rows; ++r) q[r * cols + c] -= f * v[r - k];
    }
    double dot = 0;
    for (size_t r = k; r < rows; ++r) dot += v[r - k] * y[r];
    const double f = 2 * dot / vv;
    for (size_t r = k; r < rows; ++r) y[r] -= f * v[r - k];
    diag[k] = q[k * cols + k];
  }
  // Back substitution; a (numerically) zero pivot means a dependent column: it gets 0.
  std::vector<double> x(cols, 0);
  for (size_t kk = steps; kk-- > 0;) {
    if (std::abs(diag[kk]) <= tiny) continue;
    double s = y[kk];
    for (size_t c = kk + 1; c < cols; ++c) s -= q[kk * cols + c] * x[c];
    x[kk] = s / q[kk * cols + kk];
  }
  return x;
}

Result<NnlsSolution> SolveNnls(const std::vector<double>& a, size_t rows, size_t cols,
                               const std::vector<double>& b) {
  if (rows == 0 || cols == 0)
    return InvalidError("least squares needs at least one row and one column");
  if (a.size() != rows * cols || b.size() != rows) {
    return InvalidError(
        fmt::format("least squares: a matrix of {} values is not {} × {}, or {} "
                    "targets for {} rows",
                    a.size(), rows, cols, b.size(), rows));
  }
  for (double v : a) {
    if (!std::isfinite(v)) return InvalidError("least squares: a matrix value is not finite");
  }
  for (double v : b) {
    if (!std::isfinite(v)) return InvalidError("least squares: a target value is not finite");
  }
  double a_norm1 = 0;  // the largest column sum of |a|, as scipy's tolerance uses
  for (size_t j = 0; j < cols; ++j) {
    double s = 0;
    for (size_t i = 0; i < rows; ++i) s += std::abs(a[i * cols + j]);
    a_norm1 = std::max(a_norm1, s);
  }
  const double tol = 10 * std::numeric_limits<double>::epsilon() * a_norm1 *
                     static_cast<double>(std::max(rows, cols));

  std::vector<double> x(cols, 0);
  std::vector<bool> passive(cols, false);
  const int max_iterations = 3 * static_cast<int>(cols);
  int iterations = 0;
  // The dual w = Aᵀ(b − A x): a column with w_j > 0 would lower the residual if it grew.
  auto dual = [&]() {
    const std::vector<double> r = Residual(a, rows, cols, x, b);
    std::vector<double> w(cols, 0);
    for (size_t j = 0; j < cols; ++j) {
      for (size_t i = 0; i < rows; ++i) w[j] -= a[i * cols + j] * r[i];
    }
    return w;
  };
  while (true) {
    const std::vector<double> w = dual();
    size_t best = cols;
    for (size_t j = 0; j < cols; ++j) {
      if (!passive[j] && w[j] > tol && (best == cols || w[j] > w[best])) best = j;
    }
    if (best == cols) break;  // Kuhn-Tucker conditions hold
    if (++iterations > max_iterations) {
      return InternalError(fmt::format("NNLS did not converge in {} iterations", max_iterations));
    }
    passive[best] = true;
    // Inner loop: solve on the passive set; step back towards x while a passive entry would go
    // non-positive, and drop the entries that reach zero.
    while (true) {
      std::vector<size_t> p;
      for (size_t j = 0; j < cols; ++j) {
        if (passive[j]) p.push_back(j);
      }
      std::vector<double> sub(rows * p.size());
      for (size_t i = 0; i < rows; ++i) {
        for (size_t k = 0; k < p.size(); ++k) sub[i * p.size() + k] = a[i * cols + p[k]];
      }
      const std::vector<double> zp = LeastSquares(sub, rows, p.size(), b);
      std::vector<double> z(cols, 0);
      for (size_t k = 0; k < p.size(); ++k) z[p[k]] = zp[k];
      bool feasible = true;
      for (size_t j : p) feasible = feasible && z[j] > 0;
      if (feasible) {
        x = z;
        break;
      }
      double alpha = 1;
      for (size_t j : p) {
        if (z[j] <= 0) alpha = std::min(alpha, x[j] / (x[j] - z[j]));
      }
      for (size_t j = 0; j < cols; ++j) x[j] += alpha * (z[j] - x[j]);
      bool dropped = false;
      for (size_t j : p) {
        if (x[j] <= tol) {
          x[j] = 0;
          passive[j] = false;
          dropped = true;
        }
      }
      if (!dropped) {  // rounding: force out the entry that limited the step
        x = z;
        for (size_t j : p) {
          if (x[j] <= 0) {
            x[j] = 0;
            passive[j] = false;
          }
        }
      }
      if (std::none_of(passive.begin(), passive.end(), [](bool v) { return v; })) break;
    }
  }
  return NnlsSolution{x, Norm(Residual(a, rows, cols, x, b)), iterations};
}

}  // namespace headroom
