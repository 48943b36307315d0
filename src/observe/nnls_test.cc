#include "observe/nnls.h"

#include <gtest/gtest.h>

#include <random>

namespace headroom {
namespace {

// scipy.optimize.nnls documentation example: A = [[1, 0], [1, 0], [0, 1]], b = [2, 1, 1] gives
// x = [1.5, 1] and residual norm √0.5 = 0.7071067811865475 (exact: the first column's best
// value is the mean of 2 and 1).
TEST(Nnls, ScipyDocumentationExample) {
  Result<NnlsSolution> r = SolveNnls({1, 0, 1, 0, 0, 1}, 3, 2, {2, 1, 1});
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  EXPECT_NEAR(r.value().x[0], 1.5, 1e-12);
  EXPECT_NEAR(r.value().x[1], 1.0, 1e-12);
  EXPECT_NEAR(r.value().residual_norm, std::sqrt(0.5), 1e-12);
}

// scipy's second example: b = [-1, -1, -1] (every column would want a negative value): x = 0,
// residual ||b|| = √3.
TEST(Nnls, AllNegativeGivesZero) {
  Result<NnlsSolution> r = SolveNnls({1, 0, 1, 0, 0, 1}, 3, 2, {-1, -1, -1});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().x[0], 0.0);
  EXPECT_EQ(r.value().x[1], 0.0);
  EXPECT_NEAR(r.value().residual_norm, std::sqrt(3.0), 1e-12);
}

// The constraint binds on one column only: identity with b = [−1, 2] → x = [0, 2], exactly.
TEST(Nnls, ConstraintBindsOnOneColumn) {
  Result<NnlsSolution> r = SolveNnls({1, 0, 0, 1}, 2, 2, {-1, 2});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().x[0], 0.0);
  EXPECT_NEAR(r.value().x[1], 2.0, 1e-12);
  EXPECT_NEAR(r.value().residual_norm, 1.0, 1e-12);
}

// A coupled case worked by hand: A = [[1, 1], [1, 2], [1, 3]], b = [3, 2, 1]. Unconstrained:
// x = [4, −1]; with x ≥ 0 the slope is 0 and the intercept the mean of b, 2; residual √2.
TEST(Nnls, CoupledColumnsHandWorked) {
  EXPECT_NEAR(LeastSquares({1, 1, 1, 2, 1, 3}, 3, 2, {3, 2, 1})[0], 4.0, 1e-12);
  EXPECT_NEAR(LeastSquares({1, 1, 1, 2, 1, 3}, 3, 2, {3, 2, 1})[1], -1.0, 1e-12);
  Result<NnlsSolution> r = SolveNnls({1, 1, 1, 2, 1, 3}, 3, 2, {3, 2, 1});
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r.value().x[0], 2.0, 1e-12);
  EXPECT_EQ(r.value().x[1], 0.0);
  EXPECT_NEAR(r.value().residual_norm, std::sqrt(2.0), 1e-12);
}

// A consistent system with a positive solution: NNLS returns it (to rounding), 40 × 6, seeded.
TEST(Nnls, RecoversAPositiveExactSolution) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 10);
  const size_t rows = 40;
  const size_t cols = 6;
  const std::vector<double> truth = {0.5, 3, 0.01, 7, 1.25, 2};
  std::vector<double> a(rows * cols);
  std::vector<double> b(rows, 0);
  for (size_t i = 0; i < rows; ++i) {
    for (size_t j = 0; j < cols; ++j) {
      a[i * cols + j] = u(rng);
      b[i] += a[i * cols + j] * truth[j];
    }
  }
  Result<NnlsSolution> r = SolveNnls(a, rows, cols, b);
  ASSERT_TRUE(r.ok());
  for (size_t j = 0; j < cols; ++j) EXPECT_NEAR(r.value().x[j], truth[j], 1e-9) << j;
  EXPECT_LT(r.value().residual_norm, 1e-9);
}

TEST(Nnls, BadSizesAreErrors) {
  EXPECT_FALSE(SolveNnls({1, 2, 3}, 2, 2, {1, 2}).ok());
  EXPECT_FALSE(SolveNnls({}, 0, 0, {}).ok());
  EXPECT_FALSE(SolveNnls({1, std::nan("")}, 1, 2, {1}).ok());
}

}  // namespace
}  // namespace headroom
