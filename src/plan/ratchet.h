#pragma once
// Avoiding churn: a resource never shrinks in one month only to grow back later.
//
//   planned[0] = need[0]
//   planned[m] = max(need[m], min(planned[m−1], max_{k ≥ m} need[k]))
//
// So capacity grows as soon as it is needed, and shrinks only to the level that no later month
// exceeds: a dip between two peaks keeps the capacity of the peaks.

#include <vector>

namespace headroom {

std::vector<double> Ratchet(const std::vector<double>& need);

}  // namespace headroom
