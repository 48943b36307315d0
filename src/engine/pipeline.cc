#include "engine/pipeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "plan/adjust.h"
#include "plan/planner.h"
#include "plan/pod_queues.h"
#include "sim/stack/verify.h"

namespace headroom {
namespace {

// Demand synthesis is most of the work for large estates, planning for small ones.
constexpr double kDemandShare = 0.6;
// Sizing passes at most: the analytic one and up to five more that take the simulation's
// findings as constraints (each tightens one constraint of a failing month, plan/adjust.h).
constexpr int kMaxPasses = 6;

void Attach(std::vector<MonthVerification> found, Plan* plan) {
  for (size_t i = 0; i < found.size() && i < plan->month_plans.size(); ++i) {
    plan->month_plans[i].verification = std::move(found[i]);
  }
}

}  // namespace

Result<Plan> PlanAndVerify(const Estate& estate, const Demand& demand, PlanSettings settings,
                           const sim::SimulationSettings& simulation,
                           const std::function<void(double)>& progress) {
  SampleNeeds needs;
  Result<Plan> plan = BuildPlan(estate, demand, settings, progress, &needs);
  if (!plan.ok()) return plan.errors();
  std::vector<std::vector<std::string>> notes(plan.value().month_plans.size());
  std::vector<int> passes(notes.size(), 1);
  // Months whose pods' own queues miss a limit are constrained before any window is simulated
  // (plan/pod_queues.h): one sizing pass more for them, saving simulated passes.
  const auto queued =
      ConstrainPodQueues(plan.value(), estate.policy, settings, &settings.month_constraints);
  if (!queued.empty()) {
    for (const auto& [month, text] : queued) {
      notes[static_cast<size_t>(month)].push_back(text);
      ++passes[static_cast<size_t>(month)];
    }
    plan = BuildPlan(estate, demand, settings, {}, &needs);
    if (!plan.ok()) return plan.errors();
  }
  std::optional<Plan> previous;
  for (int pass = 1;; ++pass) {
    Attach(sim::VerifyPlan(plan.value(), estate.policy, settings, simulation,
                           previous ? &*previous : nullptr),
           &plan.value());
    for (size_t i = 0; i < notes.size(); ++i) {
      MonthVerification& v = plan.value().month_plans[i].verification;
      v.passes = passes[i];
      v.adjustments = notes[i];
    }
    if (pass == kMaxPasses) break;
    const auto changes =
        TightenConstraints(plan.value(), estate.policy, settings, &settings.month_constraints);
    if (changes.empty()) break;
    for (const auto& [month, text] : changes) {
      notes[static_cast<size_t>(month)].push_back(text);
      ++passes[static_cast<size_t>(month)];
    }
    previous = std::move(plan).value();
    plan = BuildPlan(estate, demand, settings, {}, &needs);
    if (!plan.ok()) return plan.errors();
  }
  Plan& p = plan.value();
  for (size_t i = 0; i < p.month_plans.size(); ++i) {
    const MonthPlan& m = p.month_plans[i];
    if (m.verification.holds) continue;
    p.holds = false;
    // A saturated month was not simulated; the sizing's warning already names the layer.
    if (!m.verification.simulated) continue;
    p.warnings.push_back(fmt::format("{}: the simulation still misses a target after {} passes",
                                     m.label, passes[i]));
  }
  return plan;
}

Result<PlanRun> RunPipeline(const Estate& estate, const Catalog& catalog,
                            const std::function<void(double)>& progress,
                            const std::optional<BackupCalibration>& calibration) {
  DemandOptions options = DemandOptions::FromPlanning(estate.planning);
  // The samples split over the verification's threads: the figures are the same for any count.
  options.threads = std::max(1, sim::SimulationSettings{}.threads);
  // The plan reads the estate's samples and each tenant's mid and quantiles, never a tenant's
  // every sample: not keeping them saves months × samples × windows per tenant.
  options.keep_tenant_samples = false;
  const ProgressFn demand_progress = [&progress](double f) {
    if (progress) progress(kDemandShare * f);
  };
  Result<Demand> demand = SynthesizeDemand(estate, options, &demand_progress);
  if (!demand.ok()) return demand.errors();
  PlanSettings settings;
  settings.catalog = catalog;
  Result<Plan> plan = PlanAndVerify(estate, demand.value(), settings, sim::SimulationSettings{},
                                    [&progress](double f) {
                                      if (progress) progress(kDemandShare + (1 - kDemandShare) * f);
                                    });
  if (!plan.ok()) return plan.errors();
  const DrSettings recovery_settings =
      calibration ? Calibrated(DrSettings{}, *calibration) : DrSettings{};
  DrAssessment recovery = AssessRecovery(estate, plan.value(), settings, recovery_settings,
                                         calibration ? calibration->source : std::string());
  return PlanRun{std::move(demand).value(), std::move(plan).value(), std::move(recovery)};
}

}  // namespace headroom
