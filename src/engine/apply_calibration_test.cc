#include "engine/apply_calibration.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "demand/demand.h"
#include "estate/examples.h"
#include "estate/yaml_reader.h"
#include "plan/planner.h"
#include "queueing/usl.h"
#include "report/plan_json.h"

namespace headroom {
namespace {

Estate DefaultExample() {
  Result<Estate> e = ReadEstate(FindExample(kDefaultExample)->yaml, "example.yaml");
  EXPECT_TRUE(e.ok());
  return e.value();
}

Plan PlanOf(const Estate& estate) {
  DemandOptions options = DemandOptions::FromPlanning(estate.planning);
  options.samples = 16;
  Result<Demand> demand = SynthesizeDemand(estate, options);
  EXPECT_TRUE(demand.ok());
  Result<Plan> plan = BuildPlan(estate, demand.value(), PlanSettings{});
  EXPECT_TRUE(plan.ok());
  return plan.value();
}

// Every class's demands measured at twice the estate's: the calibrated plan needs more Odoo
// HTTP workers (never fewer in any month, more over the horizon) and plan.json says which
// figures came from the calibration.
TEST(ApplyCalibration, DoubledMeasuredDemandsGiveMoreWorkers) {
  const Estate defaults = DefaultExample();
  Calibration c;
  c.file = "calibration.yaml";
  ServiceDemandCalibration& d = c.service_demands.emplace();
  d.source = "test: twice the defaults";
  for (const RequestClass& k : defaults.request_classes) {
    d.classes.push_back(ServiceDemand{k.name, 2 * k.app_cpu_ms, 2 * k.db_cpu_ms});
  }
  c.usl = UslCalibration{5000, 0.05, 0.001, "test"};
  Estate calibrated = defaults;
  Result<AppliedCalibration> applied = ApplyCalibration(calibrated, c);
  ASSERT_TRUE(applied.ok()) << FormatAll(applied.errors());
  ASSERT_EQ(applied.value().classes.size(), defaults.request_classes.size());
  for (size_t i = 0; i < defaults.request_classes.size(); ++i) {
    EXPECT_EQ(calibrated.request_classes[i].app_cpu_ms, 2 * defaults.request_classes[i].app_cpu_ms);
    EXPECT_EQ(applied.value().classes[i].estate_app_cpu_ms, defaults.request_classes[i].app_cpu_ms);
  }

  const Plan before = PlanOf(defaults);
  const Plan after = PlanOf(calibrated);
  ASSERT_EQ(before.month_plans.size(), after.month_plans.size());
  int workers_before = 0;
  int workers_after = 0;
  for (size_t m = 0; m < before.month_plans.size(); ++m) {
    EXPECT_GE(after.month_plans[m].odoo.http_workers, before.month_plans[m].odoo.http_workers)
        << before.month_plans[m].label;
    workers_before += before.month_plans[m].odoo.http_workers;
    workers_after += after.month_plans[m].odoo.http_workers;
  }
  EXPECT_GT(workers_after, workers_before);

  const auto doc = nlohmann::json::parse(
      PlanJson(calibrated, after, "test", nullptr, nullptr, nullptr, &applied.value()));
  const auto& cal = doc.at("calibration");
  EXPECT_EQ(cal.at("file"), "calibration.yaml");
  EXPECT_EQ(cal.at("service_demands").at("source"), "test: twice the defaults");
  const auto& first = cal.at("service_demands").at("classes").at(0);
  EXPECT_EQ(first.at("name"), defaults.request_classes[0].name);
  EXPECT_EQ(first.at("app_cpu_ms"), 2 * defaults.request_classes[0].app_cpu_ms);
  EXPECT_EQ(first.at("estate_app_cpu_ms"), defaults.request_classes[0].app_cpu_ms);
  // USL: X(N) at each month's transaction pool, and the peak at √((1 − σ)/κ) = √950.
  const auto& usl = cal.at("usl");
  EXPECT_NEAR(usl.at("peak_concurrency").get<double>(), std::sqrt(950.0), 1e-9);
  const int pool = after.month_plans[0].postgres.pools.transaction_pool_size;
  EXPECT_EQ(usl.at("months").at(0).at("connections"), pool);
  EXPECT_DOUBLE_EQ(usl.at("months").at(0).at("throughput_per_s").get<double>(),
                   5000.0 * pool / (1 + 0.05 * (pool - 1) + 0.001 * pool * (pool - 1)));
  // Without a calibration the section is null.
  const auto plain = nlohmann::json::parse(PlanJson(defaults, before, "test"));
  EXPECT_TRUE(plain.at("calibration").is_null());
}

TEST(ApplyCalibration, AClassTheEstateLacksIsALocatedError) {
  Estate estate = DefaultExample();
  Calibration c;
  c.file = "cal.yaml";
  c.service_demands.emplace().classes = {{"interactiv", 50, std::nullopt}};
  Result<AppliedCalibration> r = ApplyCalibration(estate, c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().Format(),
            "cal.yaml: error: service_demands.classes.interactiv: the estate has no request class "
            "'interactiv' to calibrate; did you mean 'interactive'?");
}

TEST(ApplyCalibration, NoCalibrationChangesNothing) {
  Estate estate = DefaultExample();
  const Estate copy = estate;
  Result<AppliedCalibration> r = ApplyCalibration(estate, std::nullopt);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value().classes.empty());
  EXPECT_EQ(estate.request_classes[0].app_cpu_ms, copy.request_classes[0].app_cpu_ms);
}

}  // namespace
}  // namespace headroom
