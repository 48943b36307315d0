#include "sim/network.h"

#include <fmt/core.h>

#include <cassert>
#include <cmath>
#include <utility>

namespace headroom::sim {

Network::Network(Simulator& simulator)
    : simulator_(simulator), delay_kind_(simulator.AddHandler(this)) {
  simulator.AddStatisticsOwner(this);
}

StationId Network::AddStation(std::string name, StationKind kind, uint32_t index) {
  const double now_s = simulator_.now_s();
  stations_.push_back(
      Station{std::move(name), kind, index, StationStatistics{0, 0, 0, TimeWeighted(now_s), {}}});
  return static_cast<StationId>(stations_.size() - 1);
}

StationId Network::AddFifo(std::string name, int64_t servers, int64_t queue_capacity) {
  const auto id = static_cast<StationId>(stations_.size());
  fifos_.push_back(std::make_unique<FifoServers>(simulator_, servers, queue_capacity, this, id));
  return AddStation(std::move(name), StationKind::kFifo, static_cast<uint32_t>(fifos_.size() - 1));
}

StationId Network::AddProcessorSharing(std::string name, double cores) {
  const auto id = static_cast<StationId>(stations_.size());
  processor_sharing_.push_back(std::make_unique<ProcessorSharing>(simulator_, cores, this, id));
  return AddStation(std::move(name), StationKind::kProcessorSharing,
                    static_cast<uint32_t>(processor_sharing_.size() - 1));
}

StationId Network::AddDelay(std::string name) {
  return AddStation(std::move(name), StationKind::kDelay, 0);
}

StationId Network::AddTokenPool(std::string name, int64_t tokens, int64_t max_waiters) {
  const auto id = static_cast<StationId>(stations_.size());
  pools_.push_back(std::make_unique<TokenPool>(simulator_, tokens, max_waiters, this, id));
  return AddStation(std::move(name), StationKind::kTokenPool,
                    static_cast<uint32_t>(pools_.size() - 1));
}

std::optional<Error> Network::CheckStepKind(const std::string& route, uint32_t index,
                                            const Step& step) const {
  if (step.station >= stations_.size()) {
    return InvalidError(fmt::format("route '{}' step {} names station {}, which does not exist",
                                    route, index, step.station));
  }
  const Station& station = stations_[step.station];
  const bool is_pool = station.kind == StationKind::kTokenPool;
  if (step.kind == StepKind::kVisit && is_pool) {
    return InvalidError(
        fmt::format("route '{}' step {} visits token pool '{}' (acquire and release it instead)",
                    route, index, station.name));
  }
  if (step.kind != StepKind::kVisit && !is_pool) {
    return InvalidError(
        fmt::format("route '{}' step {} acquires or releases '{}', which is not a token pool",
                    route, index, station.name));
  }
  return std::nullopt;
}

Result<RouteId> Network::AddRoute(std::string name, std::vector<Step> steps) {
  if (steps.empty()) return InvalidError(fmt::format("route '{}' has no steps", name));
  std::vector<uint32_t> acquired_at(steps.size(), 0);
  std::vector<uint32_t> held;  // acquire steps whose token is still held
  Errors errors;
  for (uint32_t i = 0; i < steps.size(); ++i) {
    const Step& step = steps[i];
    if (std::optional<Error> error = CheckStepKind(name, i, step)) {
      errors.push_back(std::move(*error));
      continue;
    }
    if (step.kind == StepKind::kAcquire) held.push_back(i);
    if (step.kind != StepKind::kRelease) continue;
    // The most recent token of this pool still held is the one given back.
    auto match = held.end();
    for (auto it = held.begin(); it != held.end(); ++it) {
      if (steps[*it].station == step.station) match = it;
    }
    if (match == held.end()) {
      errors.push_back(
          InvalidError(fmt::format("route '{}' step {} releases '{}' without holding a token", name,
                                   i, stations_[step.station].name)));
      continue;
    }
    acquired_at[i] = *match;
    held.erase(match);
  }
  for (uint32_t i : held) {
    errors.push_back(
        InvalidError(fmt::format("route '{}' acquires '{}' at step {} and never releases it", name,
                                 stations_[steps[i].station].name, i)));
  }
  if (!errors.empty()) return errors;
  EnsureRowWidth(steps.size());
  routes_.push_back(Route{std::move(name), std::move(steps), std::move(acquired_at), {}});
  return static_cast<RouteId>(routes_.size() - 1);
}

void Network::EnsureRowWidth(size_t steps) {
  if (steps <= row_width_) return;
  // Re-lay the rows of every slot (requests in flight included) at the new width.
  std::vector<double> demands(requests_.size() * steps, 0.0);
  std::vector<double> starts(requests_.size() * steps, 0.0);
  for (size_t slot = 0; slot < requests_.size(); ++slot) {
    for (size_t i = 0; i < row_width_; ++i) {
      demands[slot * steps + i] = demands_s_[slot * row_width_ + i];
      starts[slot * steps + i] = step_start_s_[slot * row_width_ + i];
    }
  }
  demands_s_.swap(demands);
  step_start_s_.swap(starts);
  row_width_ = steps;
}

RequestId Network::AllocateRequest() {
  if (!free_requests_.empty()) {
    const RequestId id = free_requests_.back();
    free_requests_.pop_back();
    return id;
  }
  const auto id = static_cast<RequestId>(requests_.size());
  requests_.emplace_back();
  demands_s_.resize(requests_.size() * row_width_, 0.0);
  step_start_s_.resize(requests_.size() * row_width_, 0.0);
  return id;
}

RequestId Network::Submit(RouteId route, std::span<const double> demands_s) {
  assert(route < routes_.size());
  assert(demands_s.size() == routes_[route].steps.size());
  const RequestId id = AllocateRequest();
  requests_[id] = Request{route, 0, simulator_.now_s()};
  for (uint32_t i = 0; i < demands_s.size(); ++i) {
    assert(demands_s[i] >= 0.0 && std::isfinite(demands_s[i]));
    demands_s_[id * row_width_ + i] = demands_s[i];
  }
  ++routes_[route].statistics.arrivals;
  ++in_flight_;
  Advance(id);
  return id;
}

void Network::Enter(Station& station) {
  ++station.statistics.arrivals;
  station.statistics.present.Add(simulator_.now_s(), 1.0);
}

void Network::Leave(Station& station, double residence_s) {
  ++station.statistics.departures;
  station.statistics.present.Add(simulator_.now_s(), -1.0);
  station.statistics.residence_s.Record(residence_s);
}

void Network::Advance(RequestId id) {
  for (;;) {
    Request& request = requests_[id];
    const Route& route = routes_[request.route];
    if (request.step == route.steps.size()) return End(id, /*rejected=*/false);
    if (!BeginStep(id, route, request.step)) return;
    ++request.step;
  }
}

bool Network::BeginStep(RequestId id, const Route& route, uint32_t index) {
  const double now_s = simulator_.now_s();
  const Step& step = route.steps[index];
  Station& station = stations_[step.station];
  StepStart(id, index) = now_s;
  switch (step.kind) {
    case StepKind::kRelease:
      pools_[station.index]->Release();
      Leave(station, now_s - StepStart(id, route.acquired_at[index]));
      return true;
    case StepKind::kAcquire: {
      const Admission admission = pools_[station.index]->Acquire(id);
      if (admission == Admission::kRejected) {
        Reject(id, station);
        return false;
      }
      Enter(station);
      return admission == Admission::kStarted;
    }
    case StepKind::kVisit:
      BeginVisit(id, station, Demand(id, index));
      return false;
  }
  return false;
}

void Network::BeginVisit(RequestId id, Station& station, double demand) {
  switch (station.kind) {
    case StationKind::kDelay:
      Enter(station);
      simulator_.Schedule(simulator_.now_s() + demand, delay_kind_, id);
      return;
    case StationKind::kProcessorSharing:
      Enter(station);
      processor_sharing_[station.index]->Arrive(id, demand);
      return;
    case StationKind::kFifo:
      if (fifos_[station.index]->Arrive(id, demand) == Admission::kRejected) {
        Reject(id, station);
        return;
      }
      Enter(station);
      return;
    case StationKind::kTokenPool:
      assert(false && "AddRoute lets no route visit a token pool");
      return;
  }
}

void Network::OnJobReady(uint32_t resource_tag, JobId job) {
  Request& request = requests_[job];
  Station& station = stations_[resource_tag];
  // A pool's grant ends the acquire step; the request stays present there until it releases.
  if (station.kind != StationKind::kTokenPool) {
    Leave(station, simulator_.now_s() - StepStart(job, request.step));
  }
  ++request.step;
  Advance(job);
}

// The end of a visit to a delay station: the event's target is the request.
void Network::HandleEvent(const Event& event) {
  const Request& request = requests_[event.target];
  OnJobReady(routes_[request.route].steps[request.step].station, event.target);
}

void Network::Reject(RequestId id, Station& refusing) {
  ++refusing.statistics.rejections;
  const Request& request = requests_[id];
  const Route& route = routes_[request.route];
  // Give back every token held, most recent first: a token acquired at step a is held when no
  // release before the refusing step names a as its acquirer.
  const double now_s = simulator_.now_s();
  for (uint32_t a = request.step; a-- > 0;) {
    if (route.steps[a].kind != StepKind::kAcquire) continue;
    bool released = false;
    for (uint32_t r = a + 1; r < request.step; ++r) {
      if (route.steps[r].kind == StepKind::kRelease && route.acquired_at[r] == a) released = true;
    }
    if (released) continue;
    Station& pool = stations_[route.steps[a].station];
    pools_[pool.index]->Release();
    Leave(pool, now_s - StepStart(id, a));
  }
  End(id, /*rejected=*/true);
}

void Network::End(RequestId id, bool rejected) {
  const Request request = requests_[id];
  Route& route = routes_[request.route];
  const double now_s = simulator_.now_s();
  if (rejected) {
    ++route.statistics.rejections;
  } else {
    ++route.statistics.completions;
    route.statistics.response_s.Record(now_s - request.arrival_s);
  }
  --in_flight_;
  if (listener_ != nullptr) {
    const std::span<const double> starts(&step_start_s_[id * row_width_], request.step);
    listener_->OnRequestEnd(
        RequestRecord{id, request.route, request.arrival_s, now_s, rejected, request.step, starts});
  }
  free_requests_.push_back(id);
}

void Network::ResetStatistics(double now_s) {
  for (Station& station : stations_) {
    StationStatistics& s = station.statistics;
    s.arrivals = 0;
    s.departures = 0;
    s.rejections = 0;
    s.present.Reset(now_s);
    s.residence_s.Reset();
  }
  for (Route& route : routes_) {
    RouteStatistics& s = route.statistics;
    s.arrivals = 0;
    s.completions = 0;
    s.rejections = 0;
    s.response_s.Reset();
  }
}

const std::string& Network::station_name(StationId station) const {
  return stations_.at(station).name;
}
StationKind Network::station_kind(StationId station) const { return stations_.at(station).kind; }
const std::string& Network::route_name(RouteId route) const { return routes_.at(route).name; }
std::span<const Step> Network::route_steps(RouteId route) const { return routes_.at(route).steps; }
const StationStatistics& Network::station_statistics(StationId station) const {
  return stations_.at(station).statistics;
}
const RouteStatistics& Network::route_statistics(RouteId route) const {
  return routes_.at(route).statistics;
}

FifoServers& Network::fifo(StationId station) {
  assert(stations_.at(station).kind == StationKind::kFifo);
  return *fifos_[stations_[station].index];
}
ProcessorSharing& Network::processor_sharing(StationId station) {
  assert(stations_.at(station).kind == StationKind::kProcessorSharing);
  return *processor_sharing_[stations_[station].index];
}
TokenPool& Network::token_pool(StationId station) {
  assert(stations_.at(station).kind == StationKind::kTokenPool);
  return *pools_[stations_[station].index];
}

}  // namespace headroom::sim
