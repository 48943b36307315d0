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

LatencySummary SummariseLatency(const Histogram& h, uint64_t timeouts, uint64_t failed) {
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
  postgres_.set_keep_responses(false);  // requests are timed end to end (Finish)
  for (EventKind* kind : {&arrival_kind_, &hour_kind_, &io_kind_, &kill_kind_, &respawn_kind_,
                          &ready_kind_, &sync_kind_, &timeline_kind_, &failure_kind_,
                          &replace_kind_, &cron_app_kind_, &warmup_kind_, &cut_kind_}) {
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
    Watchdog();
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
    pool_.ResetWaits();
    // The level at the warm-up counts even when it does not change afterwards.
    min_ready_ = std::min(min_ready_, ReadyPods());
    max_ready_ = std::max(max_ready_, ReadyPods());
  } else if (k == cut_kind_) {
    at_cut_ = Measure();
    pool_waits_at_cut_ = pool_.waits_s();
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

void StackEngine::Start() {
  UpdateLevels();
  StepHour();
  for (uint32_t w = 0; w < cron_chunk_s_.size(); ++w) CronNext(w);
  if (hpa_) simulator_.ScheduleIn(config_.hpa_sync_period_s, sync_kind_);
  if (config_.timeline_step_s > 0) simulator_.ScheduleIn(config_.timeline_step_s, timeline_kind_);
  if (config_.failure) simulator_.Schedule(std::max(0.0, config_.failure->at_s), failure_kind_);
  if (config_.warmup_s > 0) simulator_.Schedule(config_.warmup_s, warmup_kind_);
  if (ObserveEnd() < config_.duration_s) simulator_.Schedule(ObserveEnd(), cut_kind_);
}

StackTally StackEngine::RunTally() {
  Start();
  simulator_.Run(config_.duration_s);
  return Tally();
}

StackResult StackEngine::Run() { return Summarise(config_, RunTally()); }

StackTally StackEngine::Tally() const {
  StackTally t;
  t.observed_s = std::max(0.0, ObserveEnd() - config_.warmup_s);
  t.events = simulator_.events_handled();
  // Still short of pods at the end: no steady stretch.
  t.steady_from_s = underprovisioned_.level() > 0 ? config_.duration_s : steady_from_s_;
  for (const StreamState& s : streams_) {
    t.responses_s.push_back(s.responses_s);
    t.timed_s.push_back(s.timed_s);
    t.timeouts.push_back(s.timeouts);
    t.failed.push_back(s.failed);
  }
  t.phase_s = phase_s_;
  t.observed = (at_cut_ ? *at_cut_ : Measure()).Minus(at_warmup_);
  t.pool_waits_s = pool_waits_at_cut_ ? *pool_waits_at_cut_ : pool_.waits_s();
  t.worker_recycles = recycles_;
  t.cron_cpu_s_done = cron_done_s_;
  t.min_ready_pods = min_ready_;
  t.max_ready_pods = max_ready_;
  t.scaling = scaling_;
  t.timeline = timeline_;
  return t;
}

Integrals Integrals::Minus(const Integrals& o) const {
  return {pod_cpu - o.pod_cpu,
          pod_cpu_capacity - o.pod_cpu_capacity,
          postgres_cpu - o.postgres_cpu,
          busy_workers - o.busy_workers,
          worker_capacity - o.worker_capacity,
          pool_in_use - o.pool_in_use,
          in_system - o.in_system,
          underprovisioned - o.underprovisioned};
}

void Integrals::Add(const Integrals& o) {
  pod_cpu += o.pod_cpu;
  pod_cpu_capacity += o.pod_cpu_capacity;
  postgres_cpu += o.postgres_cpu;
  busy_workers += o.busy_workers;
  worker_capacity += o.worker_capacity;
  pool_in_use += o.pool_in_use;
  in_system += o.in_system;
  underprovisioned += o.underprovisioned;
}

StackResult Summarise(const StackConfig& config, const StackTally& tally) {
  StackResult out;
  const double span_s = tally.observed_s;
  out.observed_s = span_s;
  out.events = tally.events;
  const bool weighed = StandsForLongerSpan(config);
  Histogram all(1e-6);
  uint64_t all_timeouts = 0, all_failed = 0;
  for (size_t k = 0; k < config.classes.size(); ++k) {
    Histogram h(1e-6);
    std::vector<TimedResponse> timed;
    uint64_t timeouts = 0, failed = 0;
    bool sent = false;  // classes no stream sends (the websocket bus) are left out
    for (size_t s = 0; s < tally.responses_s.size(); ++s) {
      if (static_cast<size_t>(config.streams[s].class_index) != k) continue;
      sent = true;
      h.Merge(tally.responses_s[s]);
      if (s < tally.timed_s.size()) {
        timed.insert(timed.end(), tally.timed_s[s].begin(), tally.timed_s[s].end());
      }
      timeouts += tally.timeouts[s];
      failed += tally.failed[s];
    }
    if (!sent) continue;
    all.Merge(h);
    all_timeouts += timeouts;
    all_failed += failed;
    ClassOutcome c;
    c.request_class = config.classes[k].name;
    c.target_ms = config.classes[k].p95_target_ms;
    c.latency = SummariseLatency(h, timeouts, failed);
    if (weighed) {
      c.latency = WeighedOverSpan(timed, tally.steady_from_s, config.duration_s,
                                  config.represents_s, c.latency);
    }
    c.meets_target = MeetsTarget(c.latency, c.target_ms);
    const double per_request_ms = h.count() > 0 ? 1000.0 / static_cast<double>(h.count()) : 0.0;
    const std::array<double, 5>& t = tally.phase_s[k];
    c.phases = {t[0] * per_request_ms, t[1] * per_request_ms, t[2] * per_request_ms,
                t[3] * per_request_ms, t[4] * per_request_ms};
    out.classes.push_back(std::move(c));
  }
  std::vector<TimedResponse> all_timed;
  for (size_t s = 0; s < tally.responses_s.size(); ++s) {
    const Histogram& h = tally.responses_s[s];
    if (h.count() + tally.timeouts[s] + tally.failed[s] == 0) continue;
    LatencySummary latency = SummariseLatency(h, tally.timeouts[s], tally.failed[s]);
    if (weighed && s < tally.timed_s.size()) {
      latency = WeighedOverSpan(tally.timed_s[s], tally.steady_from_s, config.duration_s,
                                config.represents_s, latency);
      all_timed.insert(all_timed.end(), tally.timed_s[s].begin(), tally.timed_s[s].end());
    }
    out.tenants.push_back({config.streams[s].tenant,
                           config.classes[static_cast<size_t>(config.streams[s].class_index)].name,
                           latency});
  }
  out.all = SummariseLatency(all, all_timeouts, all_failed);
  if (weighed) {
    out.all = WeighedOverSpan(all_timed, tally.steady_from_s, config.duration_s,
                              config.represents_s, out.all);
    out.steady_from_s = tally.steady_from_s;
  }
  const Integrals& d = tally.observed;
  out.worker_utilisation = Ratio(d.busy_workers, d.worker_capacity);
  out.pod_cpu_utilisation = Ratio(d.pod_cpu, d.pod_cpu_capacity);
  out.postgres_cpu_utilisation = Ratio(d.postgres_cpu, span_s * config.postgres_vcpu);
  out.pool_utilisation =
      Ratio(d.pool_in_use, span_s * static_cast<double>(config.pool_connections));
  out.pool_wait_p95_ms = tally.pool_waits_s.Percentile(0.95) * 1000.0;
  out.throughput_per_s = Ratio(static_cast<double>(all.count()), span_s);
  out.mean_requests_in_system = Ratio(d.in_system, span_s);
  out.worker_recycles = tally.worker_recycles;
  out.cron_cpu_s_done = tally.cron_cpu_s_done;
  out.min_ready_pods =
      tally.min_ready_pods == std::numeric_limits<int>::max() ? 0 : tally.min_ready_pods;
  out.max_ready_pods = tally.max_ready_pods;
  out.underprovisioned_s = d.underprovisioned;
  out.scaling = tally.scaling;
  out.timeline = tally.timeline;
  return out;
}

}  // namespace stack_internal

StackResult SimulateStack(const StackConfig& config, uint64_t seed) {
  stack_internal::StackEngine engine(config, seed);
  return engine.Run();
}

}  // namespace headroom::sim
