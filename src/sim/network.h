#pragma once
// An open network of stations that requests visit in sequence, the building block of the stack
// models (docs/simulation.md, "Open networks"). Stations are the engine's resources:
//   FIFO            multi-server first-come-first-served with a bounded waiting room
//   processor sharing  a CPU of some cores, shared by the requests on it
//   delay           an infinite-server station: each request just spends its demand there
//   token pool      tokens (workers, connections) a request acquires and later releases
// A route is a list of steps: visit a FIFO, processor-sharing or delay station for the request's
// demand at that step, acquire a token from a pool, or release one. Holding is expressed by
// bracketing: an Odoo request is
//   acquire(http workers) → visit(app cpu) → acquire(db pool) → visit(db cpu) → release(db pool)
//   → visit(app cpu) → release(http workers)
// so a worker is held while its request computes and waits for the database.
//
// A request refused anywhere (a full FIFO waiting room, a full line at a pool) is rejected: it
// gives back every token it holds and leaves, counted at the refusing station and on its route.
//
// Each request carries its timestamps: its arrival and the time it began each step (for an
// acquire step that is when it asked; the next step's start is when it got the token). The
// listener receives them when the request ends. Per station the network keeps arrivals,
// departures, rejections, the time-averaged number present (waiting or served; for a pool,
// waiting or holding) and the residence time of each visit (for a pool, asking to releasing), so
// Little's law L = λ W can be checked station by station; per route it keeps the response time.
//
// Storage: requests live in a pool of slots reused through a free list, their demands and
// timestamps in flat arrays with one row per slot; after the pool has grown to the peak number
// of requests in flight nothing is allocated per request.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/result.h"
#include "sim/fifo_servers.h"
#include "sim/histogram.h"
#include "sim/job.h"
#include "sim/processor_sharing.h"
#include "sim/simulator.h"
#include "sim/time_weighted.h"
#include "sim/token_pool.h"

namespace headroom::sim {

using StationId = uint32_t;
using RouteId = uint32_t;
using RequestId = JobId;

enum class StationKind : uint8_t { kFifo, kProcessorSharing, kDelay, kTokenPool };

enum class StepKind : uint8_t {
  kVisit,    // be served at a FIFO, processor-sharing or delay station for the step's demand
  kAcquire,  // take a token from a pool station, waiting in line if none is free
  kRelease,  // give back a token taken earlier on the route
};

struct Step {
  StepKind kind = StepKind::kVisit;
  StationId station = 0;
};

struct StationStatistics {
  uint64_t arrivals = 0;    // requests that entered (refused ones are rejections)
  uint64_t departures = 0;  // requests that left (served, released, or gave back on rejection)
  uint64_t rejections = 0;
  TimeWeighted present;   // requests at the station
  Histogram residence_s;  // time from entering to leaving, per departure
};

struct RouteStatistics {
  uint64_t arrivals = 0;
  uint64_t completions = 0;
  uint64_t rejections = 0;
  Histogram response_s;  // arrival to completion, completed requests only
};

// A request as it ends, for RequestListener. The span is valid during the call only, and only
// until the listener calls Submit (which may grow the storage it points into).
struct RequestRecord {
  RequestId id = 0;
  RouteId route = 0;
  double arrival_s = 0.0;
  double end_s = 0.0;
  bool rejected = false;
  // For a completed request, the route length; for a rejected one, the step that refused it.
  uint32_t last_step = 0;
  // The time each step began, steps [0, last_step); step i lasted step_start_s[i+1] −
  // step_start_s[i], the last one until end_s.
  std::span<const double> step_start_s;
};

class RequestListener {
 public:
  virtual ~RequestListener() = default;
  virtual void OnRequestEnd(const RequestRecord& request) = 0;
};

class Network final : public JobListener, public EventHandler, public StatisticsOwner {
 public:
  explicit Network(Simulator& simulator);
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;
  ~Network() override = default;

  // Stations. Names label statistics only. REQUIRES: as for the resource's constructor.
  StationId AddFifo(std::string name, int64_t servers, int64_t queue_capacity);
  StationId AddProcessorSharing(std::string name, double cores);
  StationId AddDelay(std::string name);
  StationId AddTokenPool(std::string name, int64_t tokens, int64_t max_waiters);

  // A route. Errors (kInvalid): no steps; a station that does not exist; a visit to a pool or an
  // acquire/release at a non-pool; a release with no token of that pool held; a token still held
  // at the end.
  Result<RouteId> AddRoute(std::string name, std::vector<Step> steps);

  // `listener` (may be null) hears of every request that ends, completed or rejected.
  void SetRequestListener(RequestListener* listener) { listener_ = listener; }

  // Starts a request on `route` now. demands_s[i] is the demand of step i: seconds of service at
  // a FIFO station, seconds of single-core work at a processor-sharing station, seconds of delay;
  // ignored for acquire and release steps.
  // Returns the request's id; a request refused at once, or whose steps all end at once, has
  // already ended (the listener heard of it) and its id may be reused by the next Submit.
  // REQUIRES: route exists; demands_s.size() == the route's length; demands >= 0 and finite.
  RequestId Submit(RouteId route, std::span<const double> demands_s);

  [[nodiscard]] size_t station_count() const { return stations_.size(); }
  [[nodiscard]] size_t route_count() const { return routes_.size(); }
  [[nodiscard]] const std::string& station_name(StationId station) const;
  [[nodiscard]] StationKind station_kind(StationId station) const;
  [[nodiscard]] const std::string& route_name(RouteId route) const;
  [[nodiscard]] std::span<const Step> route_steps(RouteId route) const;
  [[nodiscard]] const StationStatistics& station_statistics(StationId station) const;
  [[nodiscard]] const RouteStatistics& route_statistics(RouteId route) const;
  // Requests started and not yet ended.
  [[nodiscard]] int64_t in_flight() const { return in_flight_; }

  // The resource behind a station, for its own statistics and for resizing.
  // REQUIRES: the station is of that kind.
  [[nodiscard]] FifoServers& fifo(StationId station);
  [[nodiscard]] ProcessorSharing& processor_sharing(StationId station);
  [[nodiscard]] TokenPool& token_pool(StationId station);

  void OnJobReady(uint32_t resource_tag, JobId job) override;
  void HandleEvent(const Event& event) override;
  void ResetStatistics(double now_s) override;

 private:
  struct Station {
    std::string name;
    StationKind kind;
    uint32_t index;  // into the vector of its kind's resources (unused for delays)
    StationStatistics statistics;
  };
  struct Route {
    std::string name;
    std::vector<Step> steps;
    // For each release step, the step that acquired the token it gives back.
    std::vector<uint32_t> acquired_at;
    RouteStatistics statistics;
  };
  struct Request {
    RouteId route = 0;
    uint32_t step = 0;
    double arrival_s = 0.0;
  };

  StationId AddStation(std::string name, StationKind kind, uint32_t index);
  // An error when `step` names no station or the wrong kind of station for its kind.
  [[nodiscard]] std::optional<Error> CheckStepKind(const std::string& route, uint32_t index,
                                                   const Step& step) const;
  RequestId AllocateRequest();
  void EnsureRowWidth(size_t steps);
  double& StepStart(RequestId id, uint32_t step) { return step_start_s_[id * row_width_ + step]; }
  double Demand(RequestId id, uint32_t step) const { return demands_s_[id * row_width_ + step]; }
  // Runs the request's steps from its current one until it must wait or it ends.
  void Advance(RequestId id);
  // Starts step `index`; true when it is over at once (a release, a token granted at once),
  // false when the request waits for an event or has ended (rejected).
  bool BeginStep(RequestId id, const Route& route, uint32_t index);
  void BeginVisit(RequestId id, Station& station, double demand);
  void Enter(Station& station);
  void Leave(Station& station, double residence_s);
  void Reject(RequestId id, Station& refusing);
  void End(RequestId id, bool rejected);

  Simulator& simulator_;
  EventKind delay_kind_;
  RequestListener* listener_ = nullptr;
  std::vector<Station> stations_;
  std::vector<Route> routes_;
  std::vector<std::unique_ptr<FifoServers>> fifos_;
  std::vector<std::unique_ptr<ProcessorSharing>> processor_sharing_;
  std::vector<std::unique_ptr<TokenPool>> pools_;

  std::vector<Request> requests_;
  std::vector<RequestId> free_requests_;
  size_t row_width_ = 0;
  std::vector<double> demands_s_;     // row_width_ per request slot
  std::vector<double> step_start_s_;  // row_width_ per request slot
  int64_t in_flight_ = 0;
};

}  // namespace headroom::sim
