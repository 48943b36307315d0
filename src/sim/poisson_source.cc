#include "sim/poisson_source.h"

#include <cassert>
#include <cmath>
#include <utility>

namespace headroom::sim {

PoissonSource::PoissonSource(Simulator& simulator, Network& network, RouteId route,
                             std::vector<Distribution> demands, double rate_per_s,
                             const std::string& name)
    : simulator_(simulator),
      network_(network),
      route_(route),
      demands_(std::move(demands)),
      sample_(demands_.size(), 0.0),
      arrival_kind_(simulator.AddHandler(this)),
      gaps_(simulator.Stream(name + "/arrivals")),
      demand_stream_(simulator.Stream(name + "/demands")) {
  const std::span<const Step> steps = network.route_steps(route);
  assert(steps.size() == demands_.size());
  draws_demand_.reserve(steps.size());
  for (const Step& step : steps) draws_demand_.push_back(step.kind == StepKind::kVisit);
  SetRate(rate_per_s);
}

void PoissonSource::SetRate(double rate_per_s) {
  assert(rate_per_s >= 0.0 && std::isfinite(rate_per_s));
  rate_per_s_ = rate_per_s;
  ++generation_;  // the pending arrival, drawn at the old rate, becomes stale
  ScheduleNext();
}

void PoissonSource::ScheduleNext() {
  if (rate_per_s_ <= 0.0) return;
  simulator_.Schedule(simulator_.now_s() + gaps_.NextExponential(rate_per_s_), arrival_kind_, 0,
                      generation_);
}

void PoissonSource::HandleEvent(const Event& event) {
  if (event.data != generation_) return;
  for (size_t i = 0; i < demands_.size(); ++i) {
    sample_[i] = draws_demand_[i] ? demands_[i].Sample(demand_stream_) : 0.0;
  }
  ++submitted_;
  ScheduleNext();
  network_.Submit(route_, sample_);
}

}  // namespace headroom::sim
