#pragma once
// The roadmap: every change of a planned resource from one month to the next, with the reason
// the sizer gave for the new size ("2027-10: PostgreSQL 8 → 16 vCPU: postgres cpu at 78% at the
// peak (month_end_close, payroll)").

#include <vector>

#include "plan/plan.h"

namespace headroom {

std::vector<RoadmapStep> BuildRoadmap(const Plan& plan);

}  // namespace headroom
