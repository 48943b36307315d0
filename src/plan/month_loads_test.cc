#include "plan/month_loads.h"

#include <gtest/gtest.h>

#include <string>

#include "demand/demand.h"
#include "estate/examples.h"
#include "estate/yaml_reader.h"

namespace headroom {
namespace {

// The interactive class's target in the first month when the class's own default is
// `class_ms` and every tenant states `tenant_ms` (0: no objective).
double InteractiveTargetMs(double class_ms, double tenant_ms) {
  Estate estate = ReadEstate(FindExample(kDefaultExample)->yaml, "default").value();
  for (RequestClass& c : estate.request_classes) {
    if (c.name == "interactive") c.p95_target_ms = class_ms;
  }
  for (Tenant& t : estate.tenants) {
    t.slos.clear();
    if (tenant_ms > 0) t.slos.push_back(Slo{"interactive", tenant_ms});
  }
  DemandOptions options = DemandOptions::FromPlanning(estate.planning);
  options.samples = 4;
  const Demand demand = SynthesizeDemand(estate, options).value();
  const std::vector<MonthLoad> loads =
      BuildMonthLoads(estate, demand, LoadView{}, PostgresSettings{});
  for (const ClassLoad& c : loads.front().classes) {
    if (c.name == "interactive") return c.p95_target_ms;
  }
  ADD_FAILURE() << "no interactive class";
  return -1;
}

TEST(MonthLoads, ClassTargetIsTheTightestObjectiveSet) {
  EXPECT_EQ(InteractiveTargetMs(800, 650), 650);
  EXPECT_EQ(InteractiveTargetMs(500, 650), 500);
  EXPECT_EQ(InteractiveTargetMs(800, 0), 800);
  // A class without a default target takes the tenants' objective rather than none.
  EXPECT_EQ(InteractiveTargetMs(0, 650), 650);
  EXPECT_EQ(InteractiveTargetMs(0, 0), 0);
}

}  // namespace
}  // namespace headroom
