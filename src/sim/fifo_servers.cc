#include "sim/fifo_servers.h"

#include <bit>
#include <cassert>
#include <cmath>

namespace headroom::sim {

FifoServers::FifoServers(Simulator& simulator, int64_t servers, int64_t queue_capacity,
                         JobListener* listener, uint32_t tag)
    : simulator_(simulator),
      listener_(listener),
      tag_(tag),
      completion_kind_(simulator.AddHandler(this)),
      servers_(servers),
      queue_capacity_(queue_capacity),
      busy_servers_(simulator.now_s()),
      queue_length_(simulator.now_s()) {
  assert(servers >= 0 && queue_capacity >= 0);
  simulator.AddStatisticsOwner(this);
}

Admission FifoServers::Arrive(JobId job, double service_s) {
  assert(service_s >= 0.0 && std::isfinite(service_s));
  ++arrivals_;
  const double now_s = simulator_.now_s();
  if (busy_ < servers_) {
    StartService(job, service_s, now_s);
    return Admission::kStarted;
  }
  if (static_cast<int64_t>(waiting_.size()) >= queue_capacity_) {
    ++rejections_;
    return Admission::kRejected;
  }
  waiting_.PushBack(Waiting{job, service_s, now_s});
  queue_length_.Set(now_s, static_cast<double>(waiting_.size()));
  return Admission::kQueued;
}

void FifoServers::StartService(JobId job, double service_s, double arrival_s) {
  const double now_s = simulator_.now_s();
  ++busy_;
  busy_servers_.Set(now_s, static_cast<double>(busy_));
  waits_s_.Record(now_s - arrival_s);
  simulator_.Schedule(now_s + service_s, completion_kind_, job, std::bit_cast<uint64_t>(arrival_s));
}

void FifoServers::StartWaitingJobs() {
  if (waiting_.empty() || busy_ >= servers_) return;
  while (!waiting_.empty() && busy_ < servers_) {
    const Waiting next = waiting_.PopFront();
    StartService(next.job, next.service_s, next.arrival_s);
  }
  queue_length_.Set(simulator_.now_s(), static_cast<double>(waiting_.size()));
}

void FifoServers::HandleEvent(const Event& event) {
  const double now_s = simulator_.now_s();
  --busy_;
  busy_servers_.Set(now_s, static_cast<double>(busy_));
  ++completions_;
  responses_s_.Record(now_s - std::bit_cast<double>(event.data));
  StartWaitingJobs();
  if (listener_ != nullptr) listener_->OnJobReady(tag_, event.target);
}

void FifoServers::SetServers(int64_t servers) {
  assert(servers >= 0);
  servers_ = servers;
  StartWaitingJobs();
}

void FifoServers::ResetStatistics(double now_s) {
  arrivals_ = 0;
  rejections_ = 0;
  completions_ = 0;
  waits_s_.Reset();
  responses_s_.Reset();
  busy_servers_.Reset(now_s);
  queue_length_.Reset(now_s);
}

}  // namespace headroom::sim
