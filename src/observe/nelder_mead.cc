#include "observe/nelder_mead.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace headroom {
namespace {

std::vector<double> Clamp(std::vector<double> x, const Box& box) {
  for (size_t i = 0; i < x.size(); ++i) x[i] = std::clamp(x[i], box.lower[i], box.upper[i]);
  return x;
}

// a + t * (b - a)
std::vector<double> Along(const std::vector<double>& a, const std::vector<double>& b, double t) {
  std::vector<double> out(a.size());
  for (size_t i = 0; i < a.size(); ++i) out[i] = a[i] + t * (b[i] - a[i]);
  return out;
}

}  // namespace

Minimum MinimiseNelderMead(const std::function<double(const std::vector<double>&)>& f,
                           const std::vector<double>& start, const Box& box, int max_evaluations,
                           double tolerance) {
  const size_t n = start.size();
  int evaluations = 0;
  auto eval = [&](const std::vector<double>& x) {
    ++evaluations;
    const double v = f(x);
    return std::isfinite(v) ? v : 1e300;
  };
  std::vector<std::vector<double>> simplex{Clamp(start, box)};
  for (size_t i = 0; i < n; ++i) {
    std::vector<double> vertex = simplex[0];
    const double span = box.upper[i] - box.lower[i];
    vertex[i] += vertex[i] + 0.1 * span <= box.upper[i] ? 0.1 * span : -0.1 * span;
    simplex.push_back(Clamp(vertex, box));
  }
  std::vector<double> values;
  for (const auto& vertex : simplex) values.push_back(eval(vertex));
  std::vector<size_t> order(n + 1);
  while (evaluations < max_evaluations) {
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return values[a] < values[b]; });
    const size_t best = order.front();
    const size_t worst = order.back();
    const size_t second = order[n - 1];
    if (std::abs(values[worst] - values[best]) <= tolerance * (std::abs(values[best]) + 1e-300)) {
      break;
    }
    std::vector<double> centroid(n, 0.0);
    for (size_t v : order) {
      if (v == worst) continue;
      for (size_t i = 0; i < n; ++i) centroid[i] += simplex[v][i] / static_cast<double>(n);
    }
    const std::vector<double> reflected = Clamp(Along(centroid, simplex[worst], -1.0), box);
    const double reflected_value = eval(reflected);
    if (reflected_value < values[best]) {
      const std::vector<double> expanded = Clamp(Along(centroid, simplex[worst], -2.0), box);
      const double expanded_value = eval(expanded);
      const bool expand = expanded_value < reflected_value;
      simplex[worst] = expand ? expanded : reflected;
      values[worst] = expand ? expanded_value : reflected_value;
      continue;
    }
    if (reflected_value < values[second]) {
      simplex[worst] = reflected;
      values[worst] = reflected_value;
      continue;
    }
    const std::vector<double> contracted = Clamp(Along(centroid, simplex[worst], 0.5), box);
    const double contracted_value = eval(contracted);
    if (contracted_value < values[worst]) {
      simplex[worst] = contracted;
      values[worst] = contracted_value;
      continue;
    }
    for (size_t v = 0; v <= n; ++v) {
      if (v == best) continue;
      simplex[v] = Along(simplex[best], simplex[v], 0.5);
      values[v] = eval(simplex[v]);
    }
  }
  const size_t best =
      static_cast<size_t>(std::min_element(values.begin(), values.end()) - values.begin());
  return {simplex[best], values[best], evaluations};
}

}  // namespace headroom
