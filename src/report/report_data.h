#pragma once
// The figures report.html shows, as one JSON value (the page's data island,
// "schema": "headroom.report/v1", docs/report.md). Its "plan" member is the plan.json document
// itself (report/plan_document.h); the other members add what plan.json does not hold: the
// demand's uncertainty band, each tenant's sites and cost, the month's heaviest batch, the
// recovery objectives, the inputs, and the simulation result when one is given.

#include <string>

#include "demand/demand.h"
#include "estate/model.h"
#include "plan/plan.h"
#include "plan/tenant_costs.h"
#include "report/plan_document.h"
#include "report/simulation_view.h"
#include "tenancy/advice.h"

namespace headroom {

inline constexpr const char* kReportSchema = "headroom.report/v1";

struct ReportInput {
  const Estate* estate = nullptr;
  const Demand* demand = nullptr;  // the demand `plan` was built from
  const Plan* plan = nullptr;
  const Catalog* catalog = nullptr;  // the catalog that priced the plan
  std::string source;                // how the input is named (engine/load.h DescribeSource)
  const SimulationView* simulation = nullptr;  // optional: the simulated peak day
  // The Odoo settings the plan was sized with (engine/pipeline.cc plans with the defaults):
  // month-end durations are computed with them on the plan's cron workers.
  OdooSettings odoo;
  const DrAssessment* recovery = nullptr;           // optional: backups against recovery objectives
  const TenancyAdvice* tenancy = nullptr;           // optional: where each tenant lives
  const Json* forecast = nullptr;                   // optional: report/forecast_section.h
  const AppliedCalibration* calibration = nullptr;  // optional: measured figures the plan used
};

// REQUIRES: estate, demand, plan and catalog are set.
Json ReportData(const ReportInput& input);

}  // namespace headroom
