#include "queueing/erlang.h"

#include <cassert>
#include <cmath>

#include "queueing/incomplete_gamma.h"

namespace headroom::queueing {

double ErlangB(int64_t servers, double offered_load_erlangs) {
  assert(servers >= 0 && offered_load_erlangs >= 0.0 && std::isfinite(offered_load_erlangs));
  if (servers == 0) return 1.0;
  if (offered_load_erlangs <= 0.0) return 0.0;
  const double a = offered_load_erlangs;
  if (servers <= kErlangRecursionMaxServers) {
    // 1/B(k) = 1 + (k / a) / B(k − 1) (Erlang 1917, in Jagerman's inverse form). For a tiny
    // load the sum overflows to +inf and 1/inf = 0, which is B to double precision.
    double inverse = 1.0;
    for (int64_t k = 1; k <= servers; ++k) inverse = 1.0 + (static_cast<double>(k) / a) * inverse;
    return 1.0 / inverse;
  }
  // B(c, a) = a^c e^−a / c! / Q(c + 1, a), the Gamma(c + 1, 1) hazard rate at a (Jagerman 1974).
  return GammaHazard(static_cast<double>(servers) + 1.0, a);
}

double ErlangC(int64_t servers, double offered_load_erlangs) {
  assert(servers >= 0 && offered_load_erlangs >= 0.0 && std::isfinite(offered_load_erlangs));
  const double c = static_cast<double>(servers);
  const double a = offered_load_erlangs;
  if (a >= c) return 1.0;
  if (a <= 0.0) return 0.0;
  const double b = ErlangB(servers, a);
  // C = c B / (c − a (1 − B)) (Kleinrock 1975, rearranged); c − a is exact when
  // a is within a factor 2 of c (Sterbenz), and a·B is added, so there is no cancellation.
  return c * b / ((c - a) + a * b);
}

}  // namespace headroom::queueing
