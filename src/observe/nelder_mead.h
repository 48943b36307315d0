#pragma once
// Nelder-Mead simplex minimisation in a box: the smoothing models' parameters are fitted by
// minimising the sum of squared one-step errors with it. Points outside the box are clamped
// into it before the objective sees them. Deterministic: same start, same answer.
// Reference: Nelder & Mead (1965), "A simplex method for function minimization", Computer
// Journal 7(4); coefficients 1, 2, 0.5, 0.5 (reflection, expansion, contraction, shrink).

#include <functional>
#include <vector>

namespace headroom {

struct Box {
  std::vector<double> lower;
  std::vector<double> upper;
};

struct Minimum {
  std::vector<double> x;
  double value = 0;
  int evaluations = 0;
};

// REQUIRES: start, box.lower and box.upper have the same size >= 1.
Minimum MinimiseNelderMead(const std::function<double(const std::vector<double>&)>& f,
                           const std::vector<double>& start, const Box& box,
                           int max_evaluations = 600, double tolerance = 1e-10);

}  // namespace headroom
