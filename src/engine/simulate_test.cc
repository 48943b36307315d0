#include "engine/simulate.h"

#include <gtest/gtest.h>

#include "demand/demand.h"
#include "engine/pipeline.h"
#include "estate/examples.h"
#include "estate/yaml_reader.h"

namespace headroom {
namespace {

Plan DefaultPlan(const Estate& estate, const PlanSettings& settings) {
  const Demand demand =
      SynthesizeDemand(estate, DemandOptions::FromPlanning(estate.planning)).value();
  return PlanAndVerify(estate, demand, settings, {}, {}).value();
}

Estate DefaultEstate() {
  Estate estate = ReadEstate(FindExample(kDefaultExample)->yaml, "default").value();
  estate.planning.samples = 4;
  return estate;
}

TEST(SimulatePeakDay, SimulatesTheBusiestMonthsDay) {
  const Estate estate = DefaultEstate();
  const Plan plan = DefaultPlan(estate, PlanSettings{});
  const auto day = SimulatePeakDay(estate, BuiltinCatalog(), plan);
  ASSERT_TRUE(day.ok());
  ASSERT_TRUE(day.value().has_value());
  EXPECT_EQ(day.value()->window, "day");
  EXPECT_GT(day.value()->result.classes.front().latency.completed, 0u);
}

// With PostgreSQL held to 2 vCPU every month saturates: there is no day worth simulating.
TEST(SimulatePeakDay, NoneWhenTheBusiestMonthSaturated) {
  const Estate estate = DefaultEstate();
  PlanSettings small;
  small.postgres.vcpu_sizes = {2};
  const Plan plan = DefaultPlan(estate, small);
  ASSERT_FALSE(plan.holds);
  const auto day = SimulatePeakDay(estate, BuiltinCatalog(), plan);
  ASSERT_TRUE(day.ok());
  EXPECT_FALSE(day.value().has_value());
}

}  // namespace
}  // namespace headroom
