#pragma once
// "Why did the HPA pick N?": one decision told as sentences, step by step as the controller
// took it (pods grouped, the ratio, the tolerance, missing and unready pods filled in, the
// stabilisation window, the limits).

#include <string>
#include <vector>

#include "sim/hpa/controller.h"

namespace headroom::hpa {

// The lines, in order; none is empty. `tolerances` are the ones the controller used.
std::vector<std::string> ExplainDecision(const Decision& decision, const Tolerances& tolerances,
                                         int32_t min_replicas, int32_t max_replicas);

}  // namespace headroom::hpa
