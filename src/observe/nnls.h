#pragma once
// Non-negative least squares: minimise ||A x − b||₂ subject to x ≥ 0, by the active-set method
// of Lawson and Hanson (Solving Least Squares Problems, 1974, ch. 23, algorithm NNLS), the
// method scipy.optimize.nnls and MATLAB's lsqnonneg use. Each inner step solves the
// unconstrained problem on the passive columns by Householder QR.

#include <cstddef>
#include <vector>

#include "common/result.h"

namespace headroom {

struct NnlsSolution {
  std::vector<double> x;     // the solution, every entry >= 0
  double residual_norm = 0;  // ||A x − b||₂
  int iterations = 0;        // outer iterations (columns moved into the passive set)
};

// `a` is rows × cols, row-major. Errors (kInvalid): sizes that do not match, no rows or columns,
// a value that is not finite; (kInternal) no convergence within 3 × cols outer iterations,
// which Lawson and Hanson's termination proof rules out short of rounding trouble.
Result<NnlsSolution> SolveNnls(const std::vector<double>& a, size_t rows, size_t cols,
                               const std::vector<double>& b);

// The unconstrained least-squares solution of the rows × cols system by Householder QR; columns
// that are numerically dependent get 0. Exposed for tests. REQUIRES: a.size() == rows * cols,
// b.size() == rows.
std::vector<double> LeastSquares(const std::vector<double>& a, size_t rows, size_t cols,
                                 const std::vector<double>& b);

}  // namespace headroom
