#include "engine/pipeline.h"

namespace headroom {

Result<PlanRun> RunPipeline(const Estate& estate, const std::function<void(double)>& progress) {
  DemandOptions options = DemandOptions::FromPlanning(estate.planning);
  const ProgressFn demand_progress = [&progress](double f) {
    if (progress) progress(f);
  };
  Result<Demand> demand = SynthesizeDemand(estate, options, &demand_progress);
  if (!demand.ok()) return demand.errors();
  return PlanRun{std::move(demand).value()};
}

}  // namespace headroom
