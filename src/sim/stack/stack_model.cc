// The Odoo stack model: set-up, event dispatch and the result.

#include "sim/stack/stack_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/stack/stack_engine.h"

namespace headroom::sim {
namespace stack_internal {
namespace {

Distribution DemandOf(double mean_ms, double cv, bool exponential) {
  const double mean_s = std::max(0.0, mean_ms) / 1000.0;
  if (!(mean_s > 0)) return Distribution::Deterministic(0.0);
  if (exponential) return Distribution::Exponential(mean_s);
  return Distribution::Lognormal(mean_s, std::max(0.0, cv));
}

LatencySummary Summarise(const Histogram& h, uint64_t timeouts, uint64_t failed) {
  LatencySummary s;
  s.completed = h.count();
  s.timeouts = timeouts;
  s.failed = failed;
  s.mean_ms = h.mean() * 1000.0;
  s.p50_ms = h.Percentile(0.50) * 1000.0;
  s.p95_ms = h.Percentile(0.95) * 1000.0;
  s.p99_ms = h.Percentile(0.99) * 1000.0;
  s.max_ms = h.max() * 1000.0;
  return s;
}

// A class meets its target when the p95 of its answered requests is within it and at most 5%
// of its requests were killed or failed (those are answered with an error, never in time).
bool MeetsTarget(const LatencySummary& s, double target_ms) {
  if (!(target_ms > 0)) return true;
  const double total = static_cast<double>(s.completed + s.timeouts + s.failed);
  const double lost = static_cast<double>(s.timeouts + s.failed);
  return s.p95_ms <= target_ms && lost <= 0.05 * total;
}

double Ratio(double num, double den) { return den > 0 ? num / den : 0.0; }

}  // namespace

StackEngine::StackEngine(const StackConfig& config, uint64_t seed)
    : config_(config),
      simulator_(seed),
      postgres_(simulator_, std::max(0.0, config.postgres_vcpu), this, kPostgresTag),
      pool_(simulator_, std::max(0, config.pool_connections), TokenPool::kUnboundedWaiters, this,
            kPoolTag) {
  for (EventKind* kind : {&arrival_kind_, &hour_kind_, &io_kind_, &kill_kind_, &respawn_kind_,
                          &ready_kind_, &sync_kind_, &timeline_kind_, &failure_kind_,
                          &replace_kind_, &cron_app_kind_, &warmup_kind_}) {
    *kind = simulator_.AddHandler(this);
  }
  for (const StackStream& s : config.streams) {
    const std::string name =
        s.tenant + "/" + config.classes[static_cast<size_t>(s.class_index)].name;
    streams_.push_back(
        StreamState{RandomStream(seed, "arrivals/" + name), RandomStream(seed, "demands/" + name)});
  }
  for (const StackClass& c : config.classes) {
    const bool e = config.exponential_service;
    app_s_.push_back(DemandOf(c.app_cpu_ms, c.service_cv, e));
    db_s_.push_back(DemandOf(c.db_cpu_ms, c.service_cv, e));
    io_s_.push_back(DemandOf(c.db_io_ms, c.service_cv, e));
  }
  phase_s_.assign(config.classes.size(), std::array<double, 5>{});
  if (config.hpa) {
    hpa::HpaSpec spec = *config.hpa;
    hpa::ApplyDefaults(&spec);
    hpa::ControllerConfig controller;
    controller.sync_period_s = config.hpa_sync_period_s;
    hpa_.emplace(spec, controller);
  }
  const int zones = std::max(1, config.zones);
  for (int i = 0; i < std::max(0, config.initial_pods); ++i) AddPod(i % zones, true);
  desired_pods_ = std::max(0, config.initial_pods);
  min_ready_ = std::numeric_limits<int>::max();
  cron_remaining_s_ = std::max(0.0, config.cron.batch_cpu_s);
  cron_chunk_s_.assign(static_cast<size_t>(std::max(0, config.cron.workers)), 0.0);
}

void StackEngine::HandleEvent(const Event& e) {
  const EventKind k = e.kind;
  if (k == arrival_kind_) {
    if (e.data == streams_[e.target].generation) Arrive(e.target);
  } else if (k == io_kind_) {
    const Request& r = requests_[e.target];
    if (r.serial == e.data && r.phase == Phase::kIo) BeginApp(e.target);
  } else if (k == kill_kind_) {
    Watchdog(e.target, static_cast<uint32_t>(e.data));
  } else if (k == respawn_kind_) {
    pods_[e.target]->workers[e.data].respawning = false;
    TakeFromBacklog(e.target);
  } else if (k == cron_app_kind_) {
    if (pool_.Acquire(kCronJobBase + e.target) == Admission::kStarted) CronDb(e.target);
  } else if (k == hour_kind_) {
    StepHour();
  } else if (k == ready_kind_) {
    PodReady(e.target);
  } else if (k == sync_kind_) {
    SyncHpa();
  } else if (k == timeline_kind_) {
    RecordTimeline();
  } else if (k == failure_kind_) {
    Fail();
  } else if (k == replace_kind_) {
    Replace(static_cast<int>(e.target));
  } else if (k == warmup_kind_) {
    at_warmup_ = Measure();
  }
}

Integrals StackEngine::Measure() const {
  const double now_s = simulator_.now_s();
  Integrals i;
  i.pod_cpu = PodCpuIntegral(pods_, now_s);
  i.pod_cpu_capacity = pod_cpu_capacity_.Integral(now_s);
  i.postgres_cpu = postgres_.busy_cores().Integral(now_s);
  i.busy_workers = busy_workers_.Integral(now_s);
  i.worker_capacity = worker_capacity_.Integral(now_s);
  i.pool_in_use = pool_.in_use_average().Integral(now_s);
  i.in_system = in_system_.Integral(now_s);
  i.underprovisioned = underprovisioned_.Integral(now_s);
  return i;
}

StackResult StackEngine::Run() {
  UpdateLevels();
  StepHour();
  for (uint32_t w = 0; w < cron_chunk_s_.size(); ++w) CronNext(w);
  if (hpa_) simulator_.ScheduleIn(config_.hpa_sync_period_s, sync_kind_);
  if (config_.timeline_step_s > 0) simulator_.ScheduleIn(config_.timeline_step_s, timeline_kind_);
  if (config_.failure) simulator_.Schedule(std::max(0.0, config_.failure->at_s), failure_kind_);
  if (config_.warmup_s > 0) simulator_.Schedule(config_.warmup_s, warmup_kind_);
  simulator_.Run(config_.duration_s);
  return Collect();
}

StackResult StackEngine::Collect() const {
  StackResult out;
  const Integrals end = Measure();
  const double span_s = std::max(0.0, config_.duration_s - config_.warmup_s);
  out.observed_s = span_s;
  out.events = simulator_.events_handled();
  Histogram all(1e-6);
  uint64_t all_timeouts = 0, all_failed = 0;
  for (size_t k = 0; k < config_.classes.size(); ++k) {
    Histogram h(1e-6);
    uint64_t timeouts = 0, failed = 0;
    bool sent = false;  // classes no stream sends (the websocket bus) are left out
    for (size_t s = 0; s < streams_.size(); ++s) {
      if (static_cast<size_t>(config_.streams[s].class_index) != k) continue;
      sent = true;
      h.Merge(streams_[s].responses_s);
      timeouts += streams_[s].timeouts;
      failed += streams_[s].failed;
    }
    if (!sent) continue;
    all.Merge(h);
    all_timeouts += timeouts;
    all_failed += failed;
    ClassOutcome c;
    c.request_class = config_.classes[k].name;
    c.target_ms = config_.classes[k].p95_target_ms;
    c.latency = Summarise(h, timeouts, failed);
    c.meets_target = MeetsTarget(c.latency, c.target_ms);
    const double per_request_ms = h.count() > 0 ? 1000.0 / static_cast<double>(h.count()) : 0.0;
    const std::array<double, 5>& t = phase_s_[k];
    c.phases = {t[0] * per_request_ms, t[1] * per_request_ms, t[2] * per_request_ms,
                t[3] * per_request_ms, t[4] * per_request_ms};
    out.classes.push_back(std::move(c));
  }
  for (size_t s = 0; s < streams_.size(); ++s) {
    const StreamState& st = streams_[s];
    if (st.responses_s.count() + st.timeouts + st.failed == 0) continue;
    out.tenants.push_back(
        {config_.streams[s].tenant,
         config_.classes[static_cast<size_t>(config_.streams[s].class_index)].name,
         Summarise(st.responses_s, st.timeouts, st.failed)});
  }
  out.all = Summarise(all, all_timeouts, all_failed);
  const Integrals& w = at_warmup_;
  out.worker_utilisation =
      Ratio(end.busy_workers - w.busy_workers, end.worker_capacity - w.worker_capacity);
  out.pod_cpu_utilisation =
      Ratio(end.pod_cpu - w.pod_cpu, end.pod_cpu_capacity - w.pod_cpu_capacity);
  out.postgres_cpu_utilisation =
      Ratio(end.postgres_cpu - w.postgres_cpu, span_s * config_.postgres_vcpu);
  out.pool_utilisation = Ratio(end.pool_in_use - w.pool_in_use,
                               span_s * static_cast<double>(config_.pool_connections));
  out.pool_wait_p95_ms = pool_.waits_s().Percentile(0.95) * 1000.0;
  out.throughput_per_s = Ratio(static_cast<double>(all.count()), span_s);
  out.mean_requests_in_system = Ratio(end.in_system - w.in_system, span_s);
  out.worker_recycles = recycles_;
  out.cron_cpu_s_done = cron_done_s_;
  out.min_ready_pods = min_ready_ == std::numeric_limits<int>::max() ? 0 : min_ready_;
  out.max_ready_pods = max_ready_;
  out.underprovisioned_s = end.underprovisioned - w.underprovisioned;
  out.scaling = scaling_;
  out.timeline = timeline_;
  return out;
}

}  // namespace stack_internal

StackResult SimulateStack(const StackConfig& config, uint64_t seed) {
  stack_internal::StackEngine engine(config, seed);
  return engine.Run();
}

}  // namespace headroom::sim
