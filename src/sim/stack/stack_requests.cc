// Requests through the stack: arrival, Traefik, the pod's backlog and workers, the PgBouncer
// connection, app CPU and database calls in turn, limit_time_real and limit_memory_soft; and the
// cron workers' batch chunks.

#include <algorithm>
#include <cmath>

#include "sim/stack/stack_engine.h"

namespace headroom::sim::stack_internal {

void StackEngine::ScheduleArrival(uint32_t stream) {
  StreamState& s = streams_[stream];
  ++s.generation;
  if (!(s.rate_per_s > 0)) return;
  simulator_.ScheduleIn(s.gaps.NextExponential(s.rate_per_s), arrival_kind_, stream, s.generation);
}

// A new hour: every stream takes that hour's rate. Poisson arrivals are memoryless, so the
// pending arrival is redrawn from now at the new rate.
void StackEngine::StepHour() {
  const auto hour = static_cast<size_t>(std::floor(simulator_.now_s() / 3600.0 + 1e-9));
  for (size_t i = 0; i < streams_.size(); ++i) {
    const std::vector<double>& rates = config_.streams[i].hourly_rate_per_s;
    streams_[i].rate_per_s = hour < rates.size() ? rates[hour] : 0.0;
    ScheduleArrival(static_cast<uint32_t>(i));
  }
  if (static_cast<double>(hour + 1) * 3600.0 < config_.duration_s) {
    simulator_.Schedule(static_cast<double>(hour + 1) * 3600.0, hour_kind_);
  }
}

uint32_t StackEngine::NewRequest(uint32_t stream) {
  uint32_t id = 0;
  if (free_requests_.empty()) {
    id = static_cast<uint32_t>(requests_.size());
    requests_.emplace_back();
  } else {
    id = free_requests_.back();
    free_requests_.pop_back();
  }
  const auto k = static_cast<size_t>(config_.streams[stream].class_index);
  StreamState& s = streams_[stream];
  Request& r = requests_[id];
  r = Request{};
  r.stream = stream;
  r.serial = next_serial_++;
  r.arrival_s = simulator_.now_s();
  const double app_s = app_s_[k].Sample(s.demands);
  const double db_s = db_s_[k].Sample(s.demands);
  const double io_s = io_s_[k].Sample(s.demands);
  const bool calls_db = db_s_[k].mean() > 0 || io_s_[k].mean() > 0;
  r.queries_left = calls_db ? std::max(1, config_.db_queries_per_request) : 0;
  r.app_segment_s = app_s / (r.queries_left + 1);
  r.db_query_s = r.queries_left > 0 ? db_s / r.queries_left : 0.0;
  r.io_query_s = r.queries_left > 0 ? io_s / r.queries_left : 0.0;
  r.phase = Phase::kBacklog;
  r.phase_start_s = r.arrival_s;
  in_system_.Add(r.arrival_s, 1);
  return id;
}

void StackEngine::EnterPhase(Request& r, Phase next) {
  const double now_s = simulator_.now_s();
  if (r.phase != Phase::kDone && Observed(r)) {
    const auto k = static_cast<size_t>(config_.streams[r.stream].class_index);
    phase_s_[k][static_cast<size_t>(r.phase)] += now_s - r.phase_start_s;
  }
  r.phase = next;
  r.phase_start_s = now_s;
}

void StackEngine::FreeRequest(uint32_t request) {
  requests_[request].phase = Phase::kDone;
  free_requests_.push_back(request);
}

// Traefik's weighted round robin with equal weights over the ready pods.
uint32_t StackEngine::PickPod() {
  const auto n = static_cast<uint32_t>(pods_.size());
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t p = (round_robin_ + i) % n;
    if (pods_[p]->state == PodState::kReady) {
      round_robin_ = (p + 1) % n;
      return p;
    }
  }
  return kNone;
}

void StackEngine::Arrive(uint32_t stream) {
  ScheduleArrival(stream);
  const uint32_t id = NewRequest(stream);
  const uint32_t pod = PickPod();
  if (pod == kNone) {
    CountFailed(id);
    FreeRequest(id);
    return;
  }
  requests_[id].pod = pod;
  pods_[pod]->backlog.push_back(id);
  TakeFromBacklog(pod);
}

void StackEngine::TakeFromBacklog(uint32_t pod) {
  Pod& p = *pods_[pod];
  if (p.state == PodState::kLost || p.state == PodState::kGone) return;
  for (uint32_t w = 0; w < p.workers.size() && !p.backlog.empty(); ++w) {
    if (p.workers[w].request != kNone || p.workers[w].respawning) continue;
    const uint32_t id = p.backlog.front();
    p.backlog.pop_front();
    StartOnWorker(pod, w, id);
  }
  RetireIfIdle(pod);
}

void StackEngine::StartOnWorker(uint32_t pod, uint32_t worker, uint32_t request) {
  Pod& p = *pods_[pod];
  p.workers[worker].request = request;
  ++p.busy;
  busy_workers_.Add(simulator_.now_s(), 1);
  Request& r = requests_[request];
  r.worker = worker;
  EnterPhase(r, Phase::kPool);
  // Odoo's watchdog counts limit_time_real from the moment the worker took the request.
  watchdog_.PushBack({simulator_.now_s() + config_.limit_time_real_s, r.serial, pod, worker});
  if (!watchdog_pending_) {
    watchdog_pending_ = true;
    simulator_.Schedule(watchdog_.front().due_s, kill_kind_);
  }
  // One transaction per request: the cursor (a PgBouncer server connection in transaction
  // mode) is held from the start of the request to its commit.
  if (pool_.Acquire(request) == Admission::kStarted) {
    r.holds_connection = true;
    BeginApp(request);
  }
}

void StackEngine::BeginApp(uint32_t request) {
  Request& r = requests_[request];
  EnterPhase(r, Phase::kApp);
  pods_[r.pod]->cpu->Arrive(request, r.app_segment_s);
}

void StackEngine::AfterApp(uint32_t request) {
  Request& r = requests_[request];
  if (r.queries_left == 0) {
    Finish(request);
    return;
  }
  --r.queries_left;
  EnterPhase(r, Phase::kDb);
  postgres_.Arrive(request, r.db_query_s);
}

void StackEngine::AfterDb(uint32_t request) {
  Request& r = requests_[request];
  if (r.io_query_s > 0) {
    EnterPhase(r, Phase::kIo);
    simulator_.ScheduleIn(r.io_query_s, io_kind_, request, r.serial);
    return;
  }
  BeginApp(request);
}

void StackEngine::Finish(uint32_t request) {
  Request& r = requests_[request];
  const double now_s = simulator_.now_s();
  if (r.holds_connection) pool_.Release();
  r.holds_connection = false;
  EnterPhase(r, Phase::kDone);
  in_system_.Add(now_s, -1);
  if (Observed(r)) {
    streams_[r.stream].responses_s.Record(now_s - r.arrival_s);
    if (StandsForLongerSpan(config_)) {
      streams_[r.stream].timed_s.emplace_back(r.arrival_s, now_s - r.arrival_s);
    }
    step_responses_s_.Record(now_s - r.arrival_s);
    ++step_completed_;
  }
  // CPython keeps the memory it touched: the worker's resident set is its high-water mark (a
  // class's worker_memory_mib is the peak resident memory of a worker serving it, as the sizer
  // reads it), and Odoo compares virtual memory (resident / rss_per_vms) with limit_memory_soft
  // after each request.
  Worker& w = pods_[r.pod]->workers[r.worker];
  const auto k = static_cast<size_t>(config_.streams[r.stream].class_index);
  w.rss_mib = std::max(w.rss_mib, config_.classes[k].worker_memory_mib);
  const bool recycle = w.rss_mib / config_.rss_per_vms > config_.limit_memory_soft_mib;
  if (recycle && Observed(r)) ++recycles_;
  const uint32_t pod = r.pod;
  const uint32_t worker = r.worker;
  FreeRequest(request);
  FreeWorker(pod, worker, recycle);
}

void StackEngine::Abandon(uint32_t request) {
  Request& r = requests_[request];
  switch (r.phase) {
    case Phase::kApp:
      pods_[r.pod]->cpu->Remove(request);
      break;
    case Phase::kDb:
      postgres_.Remove(request);
      break;
    case Phase::kPool:
      r.killed_waiting = true;  // the pool grants it later; the grant is handed straight back
      break;
    case Phase::kBacklog:
    case Phase::kIo:
    case Phase::kDone:
      break;  // an I/O completion is stale once the slot is freed (its serial changes)
  }
  if (r.holds_connection) pool_.Release();
  r.holds_connection = false;
}

void StackEngine::Watchdog() {
  watchdog_pending_ = false;
  const double now_s = simulator_.now_s();
  while (!watchdog_.empty()) {
    const WatchdogEntry& e = watchdog_.front();
    const Pod& p = *pods_[e.pod];
    const uint32_t request = p.workers[e.worker].request;
    const bool held = request != kNone && requests_[request].serial == e.serial &&
                      p.state != PodState::kLost && p.state != PodState::kGone;
    if (held && e.due_s > now_s) {
      watchdog_pending_ = true;
      simulator_.Schedule(e.due_s, kill_kind_);
      return;
    }
    const WatchdogEntry due = watchdog_.PopFront();
    if (held) Kill(due.pod, due.worker);
  }
}

void StackEngine::Kill(uint32_t pod, uint32_t worker) {
  const uint32_t request = pods_[pod]->workers[worker].request;
  Request& r = requests_[request];
  in_system_.Add(simulator_.now_s(), -1);
  if (Observed(r)) {
    ++streams_[r.stream].timeouts;
    ++step_timeouts_;
  }
  const bool waiting = r.phase == Phase::kPool;
  Abandon(request);
  if (!waiting) FreeRequest(request);
  // The master kills the worker process and forks a new one.
  FreeWorker(pod, worker, /*respawn=*/true);
}

void StackEngine::FreeWorker(uint32_t pod, uint32_t worker, bool respawn) {
  Pod& p = *pods_[pod];
  Worker& w = p.workers[worker];
  w.request = kNone;
  --p.busy;
  busy_workers_.Add(simulator_.now_s(), -1);
  if (respawn) {
    w.respawning = true;
    w.rss_mib = config_.worker_base_rss_mib;
    simulator_.ScheduleIn(config_.worker_respawn_s, respawn_kind_, pod, worker);
    RetireIfIdle(pod);
    return;
  }
  TakeFromBacklog(pod);
}

void StackEngine::CountFailed(uint32_t request) {
  const Request& r = requests_[request];
  in_system_.Add(simulator_.now_s(), -1);
  if (!Observed(r)) return;
  ++streams_[r.stream].failed;
  ++step_failed_;
}

void StackEngine::CronNext(uint32_t cron_worker) {
  if (!(cron_remaining_s_ > 0)) return;
  const double chunk_s = std::min(cron_remaining_s_, std::max(1e-3, config_.cron.chunk_cpu_s));
  cron_remaining_s_ -= chunk_s;
  cron_chunk_s_[cron_worker] = chunk_s;
  simulator_.ScheduleIn(chunk_s, cron_app_kind_, cron_worker);
}

void StackEngine::CronDb(uint32_t cron_worker) {
  postgres_.Arrive(kCronJobBase + cron_worker,
                   cron_chunk_s_[cron_worker] * std::max(0.0, config_.cron.db_cpu_per_app_cpu));
}

void StackEngine::OnJobReady(uint32_t resource_tag, JobId job) {
  const bool cron = job >= kCronJobBase;
  if (resource_tag == kPoolTag) {
    if (cron) {
      CronDb(job - kCronJobBase);
      return;
    }
    Request& r = requests_[job];
    if (r.killed_waiting) {
      pool_.Release();
      FreeRequest(job);
      return;
    }
    r.holds_connection = true;
    BeginApp(job);
    return;
  }
  if (resource_tag == kPostgresTag) {
    if (cron) {
      pool_.Release();
      cron_done_s_ += cron_chunk_s_[job - kCronJobBase];
      CronNext(job - kCronJobBase);
      return;
    }
    AfterDb(job);
    return;
  }
  AfterApp(job);
}

}  // namespace headroom::sim::stack_internal
