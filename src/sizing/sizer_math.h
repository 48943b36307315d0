#pragma once
// Small helpers the Redis, storage and ingress sizers share: how they read untrusted numbers
// and ceilings, so every sizer stays total (no NaN or infinity out for any input).

#include <algorithm>
#include <array>
#include <cmath>

#include "estate/model.h"
#include "sizing/load.h"

namespace headroom::sizer_math {

// Inputs are capped here: far beyond any estate, small enough that products stay finite.
inline constexpr double kMaxInput = 1e15;
inline constexpr std::array<const char*, 3> kWindowNames = {"sustained", "peak", "recovery"};

// NaN and negatives read as 0, +inf as a huge finite value (the layer then saturates).
inline double Clean(double x) { return std::isnan(x) || x <= 0 ? 0.0 : std::min(x, kMaxInput); }

// A share clamped to [low, high]; NaN reads as high.
inline double Share(double x, double low, double high) {
  return std::isnan(x) ? high : std::clamp(x, low, high);
}

inline double RoundUp(double x, double step) { return std::ceil(x / step) * step; }

// Load over capacity, with no capacity read as "needs everything".
inline double Need(double load, double capacity) {
  if (load <= 0) return 0;
  return capacity > 0 ? load / capacity : kMaxInput;
}

// The utilisation ceiling of a window: sustained or peak (recovery uses the peak's).
inline double Ceiling(const HeadroomPolicy& policy, int window) {
  const double c =
      window == kSustained ? policy.sustained_max_utilisation : policy.peak_max_utilisation;
  return Share(c, 0.01, 1.0);
}

}  // namespace headroom::sizer_math
