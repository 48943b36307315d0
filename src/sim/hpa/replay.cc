#include "sim/hpa/replay.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace headroom::hpa {
namespace {

constexpr double kSecondsPerMinute = 60;
// Initial pods were created this long before the trace starts: past the CPU initialisation
// period, so their samples count from the first sync.
constexpr double kInitialPodAgeS = 86400;
constexpr double kMaxUsageM = 1e15;  // keeps a sample representable whatever the load

struct SimPod {
  std::string name;
  double created_s = 0;
  double ready_at_s = 0;
};

class Simulation {
 public:
  Simulation(const LoadTrace& trace, const HpaSpec& spec, const ReplayOptions& options,
             ReplayReport* report)
      : trace_(trace), options_(options), controller_(spec, options.controller), report_(report) {}

  void Run(int32_t initial_replicas) {
    const double t0 = trace_.points.front().time_s;
    const double end = trace_.end_s();
    report_->start_s = t0;
    report_->duration_s = end - t0;
    for (int32_t i = 0; i < initial_replicas; ++i) {
      AddPod(t0 - kInitialPodAgeS, t0 - kInitialPodAgeS + options_.startup_s);
    }
    report_->peak_replicas = report_->min_replicas_seen = initial_replicas;
    const double period = options_.controller.sync_period_s;
    int64_t k = 0;
    double t = t0;
    while (t < end) {
      double sync_t = t0 + static_cast<double>(k) * period;
      if (t >= sync_t) {
        Sync(t);
        ++k;
        sync_t = t0 + static_cast<double>(k) * period;
      }
      const double next = std::min({sync_t, end, NextTraceTime(t), NextReadyTime(t)});
      Accumulate(t, next);
      t = next;
    }
    report_->slo_minutes_lost = static_cast<int64_t>(std::min(lost_minutes_, 9e18));
  }

 private:
  void AddPod(double created_s, double ready_at_s) {
    pods_.push_back({fmt::format("pod-{}", next_pod_id_++), created_s, ready_at_s});
  }

  int32_t ReadyCount(double t) const {
    return static_cast<int32_t>(std::count_if(pods_.begin(), pods_.end(),
                                              [t](const SimPod& p) { return p.ready_at_s <= t; }));
  }

  double NextTraceTime(double t) const {
    auto it = std::upper_bound(trace_.points.begin(), trace_.points.end(), t,
                               [](double x, const LoadPoint& p) { return x < p.time_s; });
    return it == trace_.points.end() ? std::numeric_limits<double>::infinity() : it->time_s;
  }

  double NextReadyTime(double t) const {
    double next = std::numeric_limits<double>::infinity();
    for (const SimPod& p : pods_) {
      if (p.ready_at_s > t) next = std::min(next, p.ready_at_s);
    }
    return next;
  }

  // The CPU a Ready pod uses, in millicores rounded up as Quantity.MilliValue() does.
  int64_t ReadyPodUsageM(double load, int32_t ready) const {
    if (ready == 0) return 0;
    const double usage =
        load / ready / report_->capacity_per_pod * static_cast<double>(options_.cpu_request_m);
    return static_cast<int64_t>(std::ceil(std::min(usage, kMaxUsageM)));
  }

  Observation Observe(double t) const {
    Observation o;
    o.now_s = t;
    o.spec_replicas = static_cast<int32_t>(pods_.size());
    const int64_t usage_m = ReadyPodUsageM(trace_.LoadAt(t), ReadyCount(t));
    PodMetrics& cpu = o.resource_metrics["cpu"];
    for (const SimPod& p : pods_) {
      PodState pod;
      pod.name = p.name;
      pod.phase = PodPhase::kRunning;
      const bool ready = p.ready_at_s <= t;
      pod.ready = ready;
      pod.ready_transition_s = ready ? p.ready_at_s : p.created_s;
      pod.start_time_s = p.created_s;
      pod.requests_m["cpu"] = options_.cpu_request_m;
      o.pods.push_back(std::move(pod));
      // A starting pod receives no traffic; its own start-up CPU is not modelled.
      cpu[p.name] = PodMetric{ready ? usage_m : 0, t, options_.metric_window_s};
    }
    return o;
  }

  void Sync(double t) {
    ReplaySync s;
    s.time_s = t;
    s.load = trace_.LoadAt(t);
    s.replicas = static_cast<int32_t>(pods_.size());
    s.ready_replicas = ReadyCount(t);
    const double capacity = s.ready_replicas * report_->capacity_per_pod;
    s.utilisation = capacity > 0 ? s.load / capacity : 0;
    s.saturated = capacity == 0 && s.load > 0;
    s.decision = controller_.Sync(Observe(t));
    if (!s.decision.metrics.empty()) {
      PodGroups& groups = s.decision.metrics.front().calculation.groups;
      s.unready_pods = static_cast<int32_t>(groups.unready.size());
      s.missing_pods = static_cast<int32_t>(groups.missing.size());
    }
    for (MetricResult& m : s.decision.metrics) {
      m.calculation.groups.unready = {};
      m.calculation.groups.missing = {};
      m.calculation.groups.ignored = {};
    }
    if (s.decision.rescale) Apply(s.decision.desired_replicas, t);
    const auto count = static_cast<int32_t>(pods_.size());
    report_->peak_replicas = std::max(report_->peak_replicas, count);
    report_->min_replicas_seen = std::min(report_->min_replicas_seen, count);
    report_->syncs.push_back(std::move(s));
  }

  // Scales to `desired` pods: new pods start now; a scale-down removes pods in the ReplicaSet
  // controller's order (controller.ActivePods): not Ready before Ready, then the newest.
  void Apply(int32_t desired, double t) {
    const auto current = static_cast<int32_t>(pods_.size());
    if (desired > current) {
      ++report_->scale_ups;
      for (int32_t i = current; i < desired; ++i) AddPod(t, t + options_.startup_s);
      return;
    }
    ++report_->scale_downs;
    std::stable_sort(pods_.begin(), pods_.end(), [t](const SimPod& a, const SimPod& b) {
      const bool a_ready = a.ready_at_s <= t;
      const bool b_ready = b.ready_at_s <= t;
      if (a_ready != b_ready) return a_ready;  // Ready pods are kept first
      if (a.ready_at_s != b.ready_at_s) return a.ready_at_s < b.ready_at_s;  // ready longer
      return a.created_s < b.created_s;
    });
    pods_.resize(static_cast<size_t>(desired));
  }

  void Accumulate(double from, double to) {
    const double duration = to - from;
    if (duration <= 0) return;
    const double load = trace_.LoadAt(from);
    const int32_t ready = ReadyCount(from);
    report_->pod_seconds += static_cast<double>(pods_.size()) * duration;
    const double capacity = ready * report_->capacity_per_pod;
    const double at_target = capacity * report_->target_utilisation;
    if (load > at_target) report_->under_provisioned_s += duration;
    if (load > at_target * (1 + report_->scale_up_tolerance)) {
      report_->beyond_tolerance_s += duration;
    }
    bool over = load > 0;
    if (capacity > 0) {
      const double utilisation = load / capacity;
      report_->peak_utilisation = std::max(report_->peak_utilisation, utilisation);
      over = utilisation > options_.slo_utilisation;
    }
    if (!over) return;
    report_->over_slo_s += duration;
    // Segments come in time order: count the minutes this one touches that no earlier one did.
    const double t0 = report_->start_s;
    const double first = std::max(std::floor((from - t0) / kSecondsPerMinute), next_minute_);
    const double last = std::ceil((to - t0) / kSecondsPerMinute);
    if (last > first) {
      lost_minutes_ += last - first;
      next_minute_ = last;
    }
  }

  const LoadTrace& trace_;
  const ReplayOptions& options_;
  Controller controller_;
  ReplayReport* report_;
  std::vector<SimPod> pods_;
  int64_t next_pod_id_ = 0;
  double lost_minutes_ = 0;  // whole minutes with utilisation above the SLO threshold
  double next_minute_ = 0;   // the first minute not yet counted
};

// The CPU target as a fraction of the request, from the HPA's CPU metric.
Result<double> TargetUtilisation(const HpaSpec& spec, int64_t cpu_request_m) {
  std::optional<double> target;
  for (const MetricSpec& m : spec.metrics) {
    if (m.type != MetricSourceType::kResource || m.name != "cpu") {
      return UsageError(fmt::format(
          "the replay produces CPU samples only; the HPA's {} metric '{}' would have no data",
          MetricSourceTypeName(m.type), m.name));
    }
    if (target) continue;
    target = m.target.type == MetricTargetType::kUtilization
                 ? m.target.average_utilization_percent / 100.0
                 : static_cast<double>(m.target.value_m) / static_cast<double>(cpu_request_m);
  }
  if (!target) return UsageError("the HPA has no metric");
  return *target;
}

Status CheckOptions(const ReplayOptions& o) {
  Errors errors;
  auto require = [&errors](bool ok, std::string message) {
    if (!ok) errors.push_back(UsageError(std::move(message)));
  };
  require(o.cpu_request_m > 0, "the CPU request must be above 0 millicores");
  require(std::isfinite(o.startup_s) && o.startup_s >= 0, "the start-up delay must be >= 0 s");
  require(std::isfinite(o.slo_utilisation) && o.slo_utilisation > 0,
          "the SLO utilisation must be above 0");
  require(std::isfinite(o.controller.sync_period_s) && o.controller.sync_period_s > 0,
          "the sync period must be above 0 s");
  require(std::isfinite(o.metric_window_s) && o.metric_window_s > 0,
          "the metric window must be above 0 s");
  require(!o.capacity_per_pod || (std::isfinite(*o.capacity_per_pod) && *o.capacity_per_pod > 0),
          "the capacity per pod must be above 0");
  return errors;
}

}  // namespace

Result<ReplayReport> Replay(const LoadTrace& trace, const HpaSpec& spec,
                            const ReplayOptions& options) {
  if (Status s = CheckOptions(options); !s.ok()) return s.errors();
  ReplayReport report;
  report.unit = trace.unit;
  report.slo_utilisation = options.slo_utilisation;
  if (options.capacity_per_pod) {
    report.capacity_per_pod = *options.capacity_per_pod;
  } else if (trace.unit == LoadUnit::kCpuCores) {
    report.capacity_per_pod = static_cast<double>(options.cpu_request_m) / 1000.0;
  } else {
    return UsageError(
        "a requests_per_s trace needs the capacity per pod: the requests per second one pod "
        "serves at 100 % of its CPU request");
  }
  Result<double> target = TargetUtilisation(spec, options.cpu_request_m);
  if (!target.ok()) return target.errors();
  report.target_utilisation = target.value();
  report.scale_up_tolerance = Controller(spec, options.controller).tolerances().scale_up;
  const double syncs =
      std::ceil((trace.end_s() - trace.points.front().time_s) / options.controller.sync_period_s);
  if (syncs > static_cast<double>(kMaxReplaySyncs)) {
    return UsageError(fmt::format("the trace spans {:.0f} syncs of {} s; at most {} are replayed",
                                  syncs, options.controller.sync_period_s, kMaxReplaySyncs));
  }
  if (spec.max_replicas > kMaxReplayReplicas) {
    return UsageError(fmt::format("maxReplicas {} is above the {} pods a replay simulates",
                                  spec.max_replicas, kMaxReplayReplicas));
  }
  const int32_t min_replicas = spec.min_replicas.value_or(1);
  const int32_t initial = options.initial_replicas.value_or(min_replicas);
  if (initial < min_replicas || initial > spec.max_replicas) {
    return UsageError(
        fmt::format("the initial replicas ({}) must be within minReplicas ({}) and "
                    "maxReplicas ({})",
                    initial, min_replicas, spec.max_replicas));
  }
  Simulation(trace, spec, options, &report).Run(initial);
  return report;
}

}  // namespace headroom::hpa
