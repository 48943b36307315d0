// HTTP pods over zones and nodes, the HPA driven by the pods' simulated CPU, a zone or node
// failure and the Deployment's replacement pods, and the timeline.

#include <algorithm>
#include <cmath>
#include <string>

#include "sim/stack/stack_engine.h"

namespace headroom::sim::stack_internal {

double PodCpuIntegral(const std::vector<std::unique_ptr<Pod>>& pods, double now_s) {
  double sum = 0;
  for (const auto& p : pods) sum += p->cpu->busy_cores().Integral(now_s);
  return sum;
}

uint32_t StackEngine::AddPod(int zone, bool ready_now) {
  const auto index = static_cast<uint32_t>(pods_.size());
  auto pod = std::make_unique<Pod>();
  pod->zone = zone;
  int in_zone = 0;
  for (const auto& p : pods_) in_zone += p->zone == zone ? 1 : 0;
  pod->node = in_zone / std::max(1, config_.pods_per_node);
  pod->created_s = simulator_.now_s();
  pod->cpu = std::make_unique<ProcessorSharing>(simulator_, config_.pod_cpu_cores, this, index);
  pod->cpu->set_keep_responses(false);  // requests are timed end to end (Finish)
  pod->workers.assign(static_cast<size_t>(std::max(1, config_.workers_per_pod)),
                      Worker{kNone, config_.worker_base_rss_mib, false});
  pod->cpu_integral_at_sync = 0;
  if (ready_now) {
    pod->state = PodState::kReady;
  } else {
    pod->state = PodState::kStarting;
    simulator_.ScheduleIn(config_.pod_startup_s, ready_kind_, index);
  }
  pods_.push_back(std::move(pod));
  return index;
}

void StackEngine::PodReady(uint32_t pod) {
  Pod& p = *pods_[pod];
  if (p.state != PodState::kStarting) return;
  p.state = PodState::kReady;
  p.ready_s = simulator_.now_s();
  UpdateLevels();
}

int StackEngine::ReadyPods() const {
  return static_cast<int>(std::count_if(
      pods_.begin(), pods_.end(), [](const auto& p) { return p->state == PodState::kReady; }));
}

// The Deployment's pods: starting, ready, and lost ones until they are replaced.
int StackEngine::LivePods() const {
  return static_cast<int>(std::count_if(pods_.begin(), pods_.end(), [](const auto& p) {
    return p->state == PodState::kStarting || p->state == PodState::kReady ||
           p->state == PodState::kLost;
  }));
}

// Topology spread: the up zone with the fewest live pods (lowest index on ties).
int StackEngine::NextZone() const {
  const int zones = std::max(1, config_.zones);
  std::vector<int> count(static_cast<size_t>(zones), 0);
  for (const auto& p : pods_) {
    if (p->state == PodState::kStarting || p->state == PodState::kReady) {
      ++count[static_cast<size_t>(p->zone)];
    }
  }
  int best = -1;
  for (int z = 0; z < zones; ++z) {
    if (z == down_zone_ && zones > 1) continue;
    if (best < 0 || count[static_cast<size_t>(z)] < count[static_cast<size_t>(best)]) best = z;
  }
  return best;
}

void StackEngine::UpdateLevels() {
  const double now_s = simulator_.now_s();
  const int ready = ReadyPods();
  ready_pods_.Set(now_s, ready);
  worker_capacity_.Set(now_s, static_cast<double>(ready) * std::max(1, config_.workers_per_pod));
  pod_cpu_capacity_.Set(now_s, ready * config_.pod_cpu_cores);
  const bool was_short = underprovisioned_.level() > 0;
  const bool short_of_pods = ready < desired_pods_;
  underprovisioned_.Set(now_s, short_of_pods ? 1.0 : 0.0);
  if (was_short && !short_of_pods) steady_from_s_ = now_s;
  if (now_s >= config_.warmup_s && now_s <= ObserveEnd()) {
    min_ready_ = std::min(min_ready_, ready);
    max_ready_ = std::max(max_ready_, ready);
  }
}

hpa::Observation StackEngine::Observe() {
  const double now_s = simulator_.now_s();
  hpa::Observation o;
  o.now_s = now_s;
  o.spec_replicas = desired_pods_;
  const double window_s = std::max(1e-9, config_.hpa_sync_period_s);
  hpa::PodMetrics cpu;
  for (size_t i = 0; i < pods_.size(); ++i) {
    Pod& p = *pods_[i];
    const double integral = p.cpu->busy_cores().Integral(now_s);
    const double used = integral - p.cpu_integral_at_sync;
    p.cpu_integral_at_sync = integral;
    if (p.state != PodState::kStarting && p.state != PodState::kReady &&
        p.state != PodState::kLost) {
      continue;
    }
    hpa::PodState s;
    s.name = "pod-" + std::to_string(i);
    s.ready = p.state == PodState::kReady;
    s.ready_transition_s = p.state == PodState::kStarting ? p.created_s : p.ready_s;
    s.start_time_s = p.created_s;
    s.requests_m["cpu"] = static_cast<int64_t>(std::llround(config_.pod_cpu_request_m));
    o.pods.push_back(std::move(s));
    // metrics-server reports running containers; a lost pod's node sends nothing.
    if (p.state == PodState::kReady) {
      cpu[o.pods.back().name] = hpa::PodMetric{
          static_cast<int64_t>(std::llround(1000.0 * used / window_s)), now_s, window_s};
    }
  }
  o.resource_metrics["cpu"] = std::move(cpu);
  return o;
}

void StackEngine::SyncHpa() {
  const hpa::Decision d = hpa_->Sync(Observe());
  if (d.desired_replicas != desired_pods_) ScaleTo(d.desired_replicas, d.rescale_reason);
  simulator_.ScheduleIn(config_.hpa_sync_period_s, sync_kind_);
}

void StackEngine::ScaleTo(int desired, const std::string& reason) {
  if (simulator_.now_s() <= ObserveEnd()) {
    scaling_.push_back({simulator_.now_s(), desired_pods_, desired, reason});
  }
  int live = LivePods();
  while (live < desired) {
    AddPod(NextZone(), /*ready_now=*/false);
    ++live;
  }
  // Scale-down deletes the newest pods first (a simplification of the ReplicaSet's ranking,
  // which prefers unready and recently started pods); a deleted pod finishes what it holds.
  for (size_t i = pods_.size(); i-- > 0 && live > desired;) {
    Pod& p = *pods_[i];
    if (p.state == PodState::kStarting) {
      p.state = PodState::kGone;
    } else if (p.state == PodState::kReady) {
      p.state = PodState::kDraining;
      RetireIfIdle(static_cast<uint32_t>(i));
    } else {
      continue;
    }
    --live;
  }
  desired_pods_ = desired;
  UpdateLevels();
}

void StackEngine::RetireIfIdle(uint32_t pod) {
  Pod& p = *pods_[pod];
  if (p.state == PodState::kDraining && p.busy == 0 && p.backlog.empty()) {
    p.state = PodState::kGone;
  }
}

void StackEngine::Fail() {
  const StackFailure& f = *config_.failure;
  int lost = 0;
  for (uint32_t i = 0; i < pods_.size(); ++i) {
    Pod& p = *pods_[i];
    const bool hit = p.zone == f.zone && (f.whole_zone || p.node == 0);
    if (!hit || (p.state != PodState::kReady && p.state != PodState::kStarting &&
                 p.state != PodState::kDraining)) {
      continue;
    }
    const bool counted = p.state != PodState::kDraining;
    p.state = counted ? PodState::kLost : PodState::kGone;
    p.ready_s = simulator_.now_s();
    lost += counted ? 1 : 0;
    for (Worker& w : p.workers) {
      if (w.request == kNone) continue;
      const uint32_t id = w.request;
      const bool waiting = requests_[id].phase == Phase::kPool;
      CountFailed(id);
      Abandon(id);
      if (!waiting) FreeRequest(id);
      w.request = kNone;
      busy_workers_.Add(simulator_.now_s(), -1);
    }
    p.busy = 0;
    for (uint32_t id : p.backlog) {
      CountFailed(id);
      FreeRequest(id);
    }
    p.backlog.clear();
  }
  if (f.whole_zone) down_zone_ = f.zone;
  UpdateLevels();
  if (lost > 0)
    simulator_.ScheduleIn(f.replacement_delay_s, replace_kind_, static_cast<uint32_t>(lost));
}

// The lost pods are deleted and the ReplicaSet creates as many on the nodes that are up.
void StackEngine::Replace(int count) {
  int replaced = 0;
  for (auto& p : pods_) {
    if (p->state == PodState::kLost && replaced < count) {
      p->state = PodState::kGone;
      ++replaced;
    }
  }
  for (int i = 0; i < replaced; ++i) AddPod(NextZone(), /*ready_now=*/false);
  UpdateLevels();
}

void StackEngine::RecordTimeline() {
  const double now_s = simulator_.now_s();
  const Integrals now = Measure();
  const double step_s = std::max(1e-9, now_s - (timeline_.empty() ? 0.0 : timeline_.back().time_s));
  TimelinePoint t;
  t.time_s = now_s;
  t.desired_pods = desired_pods_;
  t.ready_pods = ReadyPods();
  t.busy_workers = static_cast<int>(std::lround(busy_workers_.level()));
  for (const auto& p : pods_) t.queued_requests += static_cast<int>(p->backlog.size());
  t.pool_waiting = static_cast<int>(pool_.waiting());
  const double capacity = now.pod_cpu_capacity - at_step_.pod_cpu_capacity;
  t.pod_cpu_utilisation = capacity > 0 ? (now.pod_cpu - at_step_.pod_cpu) / capacity : 0.0;
  t.postgres_cpu_utilisation =
      (now.postgres_cpu - at_step_.postgres_cpu) / (step_s * std::max(1e-9, config_.postgres_vcpu));
  t.completed = step_completed_;
  t.timeouts = step_timeouts_;
  t.failed = step_failed_;
  t.p95_ms = step_responses_s_.Percentile(0.95) * 1000.0;
  timeline_.push_back(t);
  at_step_ = now;
  step_responses_s_.Reset();
  step_completed_ = step_timeouts_ = step_failed_ = 0;
  if (now_s + config_.timeline_step_s <= ObserveEnd() + 1e-9) {
    simulator_.ScheduleIn(config_.timeline_step_s, timeline_kind_);
  }
}

}  // namespace headroom::sim::stack_internal
