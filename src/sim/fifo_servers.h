#pragma once
// A multi-server first-come-first-served resource with a bounded waiting room: c servers, and at
// most `queue_capacity` jobs waiting (the M/M/c/K queue has K = c + queue_capacity places).
// A job offered while every server is busy and the waiting room is full is rejected and counted.
// The model says how long each job needs (drawn from its own stream), so the resource serves any
// service-time distribution.
//
// The server count can change during a run (an autoscaler adding pods): more servers start
// waiting jobs at once; fewer let busy servers finish their jobs and start nothing new until the
// busy count is below the new size.
//
// Statistics (since the last reset): arrivals, rejections, completions, the wait of every job
// that started service, the response (wait + service) of every job that completed, and the
// time-averaged busy servers and queue length.

#include <cstdint>
#include <limits>

#include "sim/histogram.h"
#include "sim/job.h"
#include "sim/ring_buffer.h"
#include "sim/simulator.h"
#include "sim/time_weighted.h"

namespace headroom::sim {

class FifoServers final : public EventHandler, public StatisticsOwner {
 public:
  static constexpr int64_t kUnboundedQueue = std::numeric_limits<int64_t>::max();

  // `listener` (may be null) hears OnJobReady(tag, job) when a job's service ends.
  // REQUIRES: servers >= 0; queue_capacity >= 0; both outlive the simulator's runs.
  FifoServers(Simulator& simulator, int64_t servers, int64_t queue_capacity,
              JobListener* listener = nullptr, uint32_t tag = 0);
  FifoServers(const FifoServers&) = delete;
  FifoServers& operator=(const FifoServers&) = delete;

  // Offers `job`, which needs `service_s` seconds of a server, at the current time.
  // REQUIRES: service_s >= 0 and finite.
  Admission Arrive(JobId job, double service_s);
  // Changes the number of servers now. REQUIRES: servers >= 0.
  void SetServers(int64_t servers);

  [[nodiscard]] int64_t servers() const { return servers_; }
  [[nodiscard]] int64_t busy() const { return busy_; }
  [[nodiscard]] int64_t queue_length() const { return static_cast<int64_t>(waiting_.size()); }
  [[nodiscard]] int64_t queue_capacity() const { return queue_capacity_; }

  [[nodiscard]] uint64_t arrivals() const { return arrivals_; }  // offered, rejected included
  [[nodiscard]] uint64_t rejections() const { return rejections_; }
  [[nodiscard]] uint64_t completions() const { return completions_; }
  [[nodiscard]] const Histogram& waits_s() const { return waits_s_; }
  [[nodiscard]] const Histogram& responses_s() const { return responses_s_; }
  [[nodiscard]] const TimeWeighted& busy_servers() const { return busy_servers_; }
  [[nodiscard]] const TimeWeighted& queue_length_average() const { return queue_length_; }
  // Time-averaged jobs present (busy servers + queue) up to `now_s`.
  [[nodiscard]] double MeanNumberInSystem(double now_s) const {
    return busy_servers_.Mean(now_s) + queue_length_.Mean(now_s);
  }

  void HandleEvent(const Event& event) override;
  void ResetStatistics(double now_s) override;

 private:
  struct Waiting {
    JobId job;
    double service_s;
    double arrival_s;
  };

  // Starts `job` on a free server now; its completion event carries the job and its arrival
  // time (bit-cast), so nothing per job is stored while it is served.
  void StartService(JobId job, double service_s, double arrival_s);
  void StartWaitingJobs();

  Simulator& simulator_;
  JobListener* listener_;
  uint32_t tag_;
  EventKind completion_kind_;
  int64_t servers_;
  int64_t queue_capacity_;
  int64_t busy_ = 0;
  RingBuffer<Waiting> waiting_;

  uint64_t arrivals_ = 0;
  uint64_t rejections_ = 0;
  uint64_t completions_ = 0;
  Histogram waits_s_;
  Histogram responses_s_;
  TimeWeighted busy_servers_;
  TimeWeighted queue_length_;
};

}  // namespace headroom::sim
