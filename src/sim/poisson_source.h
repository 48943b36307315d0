#pragma once
// Open arrivals for a Network: requests on one route arrive as a Poisson process (exponential
// gaps), each with its step demands drawn from one distribution per step. The rate can change
// during a run (a load profile stepping hour by hour); because the process is memoryless, the
// pending arrival is simply redrawn at the new rate from the moment of the change.
//
// Streams: the gaps come from the stream "<name>/arrivals" and the demands from
// "<name>/demands" of the simulator's seed, so each source's draws are its own and adding a
// source leaves the others' draws unchanged.

#include <cstdint>
#include <string>
#include <vector>

#include "common/random.h"
#include "sim/distribution.h"
#include "sim/network.h"
#include "sim/simulator.h"

namespace headroom::sim {

class PoissonSource final : public EventHandler {
 public:
  // demands[i] is the distribution of step i's demand (any value for acquire and release
  // steps, which draw nothing). REQUIRES: demands.size() == the route's length;
  // rate_per_s >= 0 and finite.
  PoissonSource(Simulator& simulator, Network& network, RouteId route,
                std::vector<Distribution> demands, double rate_per_s, const std::string& name);
  PoissonSource(const PoissonSource&) = delete;
  PoissonSource& operator=(const PoissonSource&) = delete;

  // Changes the arrival rate from now on (0 stops arrivals until the next change). The process
  // starts at construction, at the simulator's current time. REQUIRES: rate_per_s >= 0, finite.
  void SetRate(double rate_per_s);
  [[nodiscard]] double rate_per_s() const { return rate_per_s_; }
  // Requests submitted so far (not reset by a warm-up).
  [[nodiscard]] uint64_t submitted() const { return submitted_; }

  void HandleEvent(const Event& event) override;

 private:
  void ScheduleNext();

  Simulator& simulator_;
  Network& network_;
  RouteId route_;
  std::vector<Distribution> demands_;
  std::vector<bool> draws_demand_;  // visit steps draw; acquire and release steps do not
  std::vector<double> sample_;      // the demands of the request being built
  EventKind arrival_kind_;
  RandomStream gaps_;
  RandomStream demand_stream_;
  double rate_per_s_ = 0.0;
  uint64_t generation_ = 0;  // the live arrival event carries this value
  uint64_t submitted_ = 0;
};

}  // namespace headroom::sim
