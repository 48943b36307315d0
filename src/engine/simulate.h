#pragma once
// `headroom simulate`: plans the estate (with its verification), then simulates one month's
// window of the planned configuration with arrivals per tenant and request class.
//
// Per tenant rates come from the demand's hourly mid series at the estate's peak hour (peak,
// recovery) or over the UTC day that holds it (day), each class scaled so that the estate's
// rate at the peak hour equals the plan's rate at the planning quantile (recovery: its recovery
// rate), which is what the sizing planned for.

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "cost/catalog.h"
#include "demand/demand.h"  // before sizing/load.h: its window names shadow load.h's
#include "estate/model.h"
#include "sim/stack/simulation_run.h"
#include "sim/stack/stack_config.h"
#include "sim/stack/stack_from_plan.h"

namespace headroom {

struct SimulateRequest {
  std::string month;  // "3" (the third month, 1-based) or a label "2027-03"
  sim::SimWindow window = sim::SimWindow::kPeak;
  std::string tenant;            // empty: every tenant reported
  std::optional<uint64_t> seed;  // default: the plan's seed stream for the month and window
  // A failure at a chosen minute of the window: "zone" (zone 0's pods) or "node" (the pods on
  // zone 0's first node); empty: the window's own (recovery loses a zone at minute 0).
  std::string lose;
  double lose_at_min = 10;
};

// Errors: kUsage for a month outside the plan, an unknown tenant (with a suggestion); the
// planning errors otherwise.
Result<sim::SimulationRun> RunSimulation(const Estate& estate, const Catalog& catalog,
                                         const SimulateRequest& request);

// A month of the plan named on the command line: "3" (1-based) or a label "2027-03"; returns
// its 0-based index, or kUsage naming the accepted range.
Result<int> PlanMonthIndex(const std::string& text, const Plan& plan);

// One window of month `month_index` (0-based) of a plan already made. `demand` must hold its
// hourly mid series (DemandOptions::keep_hourly_mid). REQUIRES: month_index is in the plan.
Result<sim::SimulationRun> SimulateWindow(const Estate& estate, const Demand& demand,
                                          const Plan& plan, const PlanSettings& settings,
                                          int month_index, const SimulateRequest& request);

// The hourly series a peak-day simulation keeps are tenants × classes × hours doubles; above
// this the report's simulated day is left out (`headroom simulate --tenant` still runs).
inline constexpr double kMaxPeakDayHourlyBytes = 256.0 * 1024 * 1024;

// The UTC day holding the peak hour of the plan's busiest month (the most requests per second
// at peak), simulated with the planned configuration: what report.html draws as "the peak day,
// simulated". Empty when the estate is too large (above) or that month's sizing saturated
// (plan/saturation.h).
Result<std::optional<sim::SimulationRun>> SimulatePeakDay(const Estate& estate,
                                                          const Catalog& catalog, const Plan& plan);

}  // namespace headroom
