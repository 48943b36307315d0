#include "plan/ratchet.h"

#include <algorithm>

namespace headroom {

std::vector<double> Ratchet(const std::vector<double>& need) {
  const size_t n = need.size();
  std::vector<double> later_max(n);
  double running = 0;
  for (size_t i = n; i-- > 0;) {
    running = std::max(running, need[i]);
    later_max[i] = running;
  }
  std::vector<double> planned(n);
  for (size_t m = 0; m < n; ++m) {
    planned[m] = m == 0 ? need[0] : std::max(need[m], std::min(planned[m - 1], later_max[m]));
  }
  return planned;
}

}  // namespace headroom
