#include "engine/simulate.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/suggest.h"
#include "demand/demand.h"
#include "engine/pipeline.h"
#include "plan/database_spread.h"
#include "plan/saturation.h"
#include "sim/stack/stack_model.h"
#include "sim/stack/verify.h"

namespace headroom {

Result<int> PlanMonthIndex(const std::string& text, const Plan& plan) {
  for (const MonthPlan& m : plan.month_plans) {
    if (m.label == text) return m.month;
  }
  int number = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, number);
  if (ec == std::errc() && ptr == end && number >= 1 && number <= plan.months) return number - 1;
  return UsageError("--month " + text + ": expected 1.." + std::to_string(plan.months) +
                    " or a label " + plan.month_plans.front().label + ".." +
                    plan.month_plans.back().label);
}

namespace {

// Scale per class: the plan's rate in the window over the estate's mid rate at the peak hour.
std::vector<double> ClassScales(const Demand& demand, const MonthPlan& m, int peak_hour,
                                int window) {
  std::vector<double> scale(demand.classes.size(), 0.0);
  for (size_t k = 0; k < demand.classes.size(); ++k) {
    double mid = 0;
    for (size_t t = 0; t < demand.tenants.size(); ++t) {
      mid += demand.HourlyMid(static_cast<int>(t),
                              static_cast<int>(k))[static_cast<size_t>(peak_hour)];
    }
    const double planned = m.load.classes[k].rate_per_s[static_cast<size_t>(window)];
    scale[k] = mid > 0 ? planned / mid : 0.0;
  }
  return scale;
}

// One stream per tenant and short class with traffic, over [first_hour, first_hour + hours).
std::vector<sim::StackStream> TenantStreams(const Demand& demand, const std::vector<double>& scale,
                                            int first_hour, int hours) {
  std::vector<sim::StackStream> out;
  for (size_t t = 0; t < demand.tenants.size(); ++t) {
    for (size_t k = 0; k < demand.classes.size(); ++k) {
      if (demand.classes[k].long_lived) continue;
      const auto series = demand.HourlyMid(static_cast<int>(t), static_cast<int>(k));
      sim::StackStream s{demand.tenants[t].name, static_cast<int>(k), {}};
      bool any = false;
      for (int h = first_hour; h < first_hour + hours; ++h) {
        const double rate =
            h >= 0 && h < demand.hours() ? series[static_cast<size_t>(h)] * scale[k] : 0.0;
        s.hourly_rate_per_s.push_back(rate);
        any = any || rate > 0;
      }
      if (any) out.push_back(std::move(s));
    }
  }
  return out;
}

// With several PostgreSQL clusters the stack simulated is one cell's (its Odoo deployment and
// cluster: sim/stack/stack_from_plan.h), so only its tenants send requests: those of the
// tenant asked for, or of the busiest cell.
void KeepCell(const Estate& estate, const Demand& demand, const PostgresSettings& postgres,
              const MonthPlan& m, const std::string& tenant,
              std::vector<sim::StackStream>& streams) {
  if (m.postgres.clusters <= 1) return;
  std::set<std::string> cell;
  for (size_t t : CellTenants(estate, demand, postgres, m.month, m.postgres.clusters, tenant)) {
    cell.insert(demand.tenants[t].name);
  }
  std::erase_if(streams, [&cell](const sim::StackStream& s) { return !cell.contains(s.tenant); });
}

Status CheckTenant(const Demand& demand, const std::string& tenant) {
  if (tenant.empty()) return {};
  std::vector<std::string> names;
  for (const TenantDemand& t : demand.tenants) {
    if (t.name == tenant) return {};
    names.push_back(t.name);
  }
  std::string message = "--tenant " + tenant + ": no such tenant";
  if (auto match = ClosestMatch(tenant, names)) message += "; did you mean '" + *match + "'?";
  return UsageError(message);
}

// The demand with its hourly mid series kept. `samples` 1 when only the mid is read (the mid does
// not depend on the sample count), the estate's when the demand is planned as well.
Result<Demand> HourlyDemand(const Estate& estate, std::optional<int> samples = std::nullopt) {
  DemandOptions options = DemandOptions::FromPlanning(estate.planning);
  if (samples) options.samples = *samples;
  options.keep_hourly_mid = true;
  options.keep_tenant_samples = false;
  return SynthesizeDemand(estate, options);
}

}  // namespace

Result<sim::SimulationRun> RunSimulation(const Estate& estate, const Catalog& catalog,
                                         const SimulateRequest& request) {
  Result<Demand> demand = HourlyDemand(estate);
  if (!demand.ok()) return demand.errors();
  const Demand& d = demand.value();
  if (Status s = CheckTenant(d, request.tenant); !s.ok()) return s.errors();
  PlanSettings settings;
  settings.catalog = catalog;
  Result<Plan> plan = PlanAndVerify(estate, d, settings, sim::SimulationSettings{}, {});
  if (!plan.ok()) return plan.errors();
  Result<int> month = PlanMonthIndex(request.month, plan.value());
  if (!month.ok()) return month.errors();
  return SimulateWindow(estate, d, plan.value(), settings, month.value(), request);
}

Result<sim::SimulationRun> SimulateWindow(const Estate& estate, const Demand& d, const Plan& p,
                                          const PlanSettings& settings, int month_index,
                                          const SimulateRequest& request) {
  const sim::SimulationSettings simulation;
  const MonthPlan& m = p.month_plans[static_cast<size_t>(month_index)];

  sim::SimulationRun run;
  run.estate = estate.name;
  run.month = month_index + 1;
  run.label = m.label;
  run.window = std::string(sim::SimWindowName(request.window));
  run.tenant = request.tenant;
  run.seed = request.seed.value_or(sim::WindowSeed(p.seed, m.label, request.window));
  run.config = sim::StackConfigFor(m, estate.policy, settings, request.window, simulation);
  if (!request.lose.empty()) {
    if (request.lose != "zone" && request.lose != "node") {
      return UsageError("--lose " + request.lose + ": expected zone or node");
    }
    if (!(request.lose_at_min >= 0) || request.lose_at_min * 60.0 >= run.config.duration_s) {
      return UsageError(fmt::format("--at-min {}: the {} window lasts {:.0f} minutes",
                                    request.lose_at_min, run.window, run.config.duration_s / 60.0));
    }
    run.config.failure = sim::StackFailure{request.lose_at_min * 60.0, request.lose == "zone", 0,
                                           simulation.replacement_delay_s};
    // The loss is what the run is for: its window stands for itself, not weighed down as a
    // transient of the hour.
    run.config.represents_s = 0;
  }
  const int peak_hour = d.estate_mid.At(month_index, 0, WindowKind::kPeak).facts.hour;
  const bool day = request.window == sim::SimWindow::kDay;
  const int first_hour =
      day ? peak_hour - static_cast<int>((d.HourUnixSeconds(peak_hour) % 86400) / 3600) : peak_hour;
  const int hours = static_cast<int>(std::ceil(run.config.duration_s / 3600.0));
  const int window = request.window == sim::SimWindow::kRecovery ? kRecovery : kPeak;
  run.config.streams = TenantStreams(d, ClassScales(d, m, peak_hour, window), first_hour, hours);
  KeepCell(estate, d, settings.postgres, m, request.tenant, run.config.streams);
  run.start_utc = d.HourUtc(std::clamp(first_hour, 0, d.hours() - 1));
  // The day is long enough to cut into hours run side by side (sim/stack/stack_parts.cc).
  run.result = day ? sim::SimulateStackInParts(run.config, run.seed, simulation.threads)
                   : sim::SimulateStack(run.config, run.seed);
  for (const sim::ClassOutcome& c : run.result.classes) {
    double analytic = 0;
    for (const ClassLatency& l : m.odoo.latency) {
      if (l.request_class == c.request_class) {
        analytic = request.window == sim::SimWindow::kRecovery ? l.p95_ms_recovery : l.p95_ms_peak;
      }
    }
    run.analytic_p95_ms.push_back(analytic);
  }
  if (!request.tenant.empty()) {
    std::erase_if(run.result.tenants,
                  [&](const sim::TenantClassOutcome& t) { return t.tenant != request.tenant; });
  }
  return run;
}

// The month whose peak window offers the most requests per second.
int BusiestMonth(const Plan& plan) {
  int best = 0;
  double best_rate = -1;
  for (const MonthPlan& m : plan.month_plans) {
    double rate = 0;
    for (const ClassLoad& c : m.load.classes) rate += c.rate_per_s[kPeak];
    if (rate > best_rate) {
      best_rate = rate;
      best = m.month;
    }
  }
  return best;
}

Result<std::optional<sim::SimulationRun>> SimulatePeakDay(const Estate& estate,
                                                          const Catalog& catalog,
                                                          const Plan& plan) {
  const size_t series = estate.tenants.size() * estate.request_classes.size();
  const double bytes = static_cast<double>(series) * plan.months * 31 * 24 * sizeof(double);
  if (plan.month_plans.empty() || bytes > kMaxPeakDayHourlyBytes) {
    return std::optional<sim::SimulationRun>();
  }
  const int busiest = BusiestMonth(plan);
  // A saturated month's day would only show every request waiting until it is killed, and
  // take the longest of any day to simulate; the plan's warning already says why it fails.
  if (!SaturatedLayers(plan.month_plans[static_cast<size_t>(busiest)]).empty()) {
    return std::optional<sim::SimulationRun>();
  }
  Result<Demand> demand = HourlyDemand(estate, 1);
  if (!demand.ok()) return demand.errors();
  PlanSettings settings;
  settings.catalog = catalog;
  SimulateRequest request;
  request.window = sim::SimWindow::kDay;
  Result<sim::SimulationRun> run =
      SimulateWindow(estate, demand.value(), plan, settings, busiest, request);
  if (!run.ok()) return run.errors();
  return std::optional<sim::SimulationRun>(std::move(run).value());
}

}  // namespace headroom
