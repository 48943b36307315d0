#include "engine/pipeline.h"

#include "plan/planner.h"

namespace headroom {
namespace {

// Demand synthesis is most of the work for large estates, planning for small ones.
constexpr double kDemandShare = 0.6;

}  // namespace

Result<PlanRun> RunPipeline(const Estate& estate, const Catalog& catalog,
                            const std::function<void(double)>& progress,
                            const std::optional<BackupCalibration>& calibration) {
  const DemandOptions options = DemandOptions::FromPlanning(estate.planning);
  const ProgressFn demand_progress = [&progress](double f) {
    if (progress) progress(kDemandShare * f);
  };
  Result<Demand> demand = SynthesizeDemand(estate, options, &demand_progress);
  if (!demand.ok()) return demand.errors();
  PlanSettings settings;
  settings.catalog = catalog;
  Result<Plan> plan = BuildPlan(estate, demand.value(), settings, [&progress](double f) {
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
