#pragma once
// The state and event handlers of the Odoo stack model (stack_model.h). Private to sim/stack:
// stack_requests.cc moves requests through the layers, stack_pods.cc runs pods, the HPA, the
// failure and the timeline, stack_model.cc assembles the result.

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/random.h"
#include "sim/distribution.h"
#include "sim/histogram.h"
#include "sim/hpa/controller.h"
#include "sim/processor_sharing.h"
#include "sim/ring_buffer.h"
#include "sim/simulator.h"
#include "sim/stack/span_weights.h"
#include "sim/stack/stack_config.h"
#include "sim/stack/stack_result.h"
#include "sim/time_weighted.h"
#include "sim/token_pool.h"

namespace headroom::sim::stack_internal {

inline constexpr uint32_t kNone = UINT32_MAX;
// Job ids of cron workers at PgBouncer and PostgreSQL sit above every request id.
inline constexpr JobId kCronJobBase = 1U << 31;
// Resource tags: pods count from 0; PostgreSQL and the pool above every pod.
inline constexpr uint32_t kPostgresTag = 1U << 30;
inline constexpr uint32_t kPoolTag = kPostgresTag + 1;

enum class Phase : uint8_t { kBacklog, kPool, kApp, kDb, kIo, kDone };
enum class PodState : uint8_t { kStarting, kReady, kLost, kDraining, kGone };

struct Request {
  uint32_t stream = 0;
  uint32_t pod = kNone;
  uint32_t worker = kNone;
  uint64_t serial = 0;  // a kill or I/O event for an earlier use of this slot is stale
  double arrival_s = 0;
  double app_segment_s = 0;
  double db_query_s = 0;
  double io_query_s = 0;
  double phase_start_s = 0;
  int queries_left = 0;
  Phase phase = Phase::kDone;
  bool holds_connection = false;
  bool killed_waiting = false;  // killed while waiting for a connection: release on grant
};

struct Worker {
  uint32_t request = kNone;
  double rss_mib = 0;
  bool respawning = false;
};

// A request a worker took, due to be killed at due_s if the worker still holds it then.
struct WatchdogEntry {
  double due_s = 0;
  uint64_t serial = 0;  // the request's serial when it was taken
  uint32_t pod = 0;
  uint32_t worker = 0;
};

struct Pod {
  PodState state = PodState::kStarting;
  int zone = 0;
  int node = 0;
  double created_s = 0;
  double ready_s = 0;
  std::unique_ptr<ProcessorSharing> cpu;
  std::vector<Worker> workers;
  std::deque<uint32_t> backlog;
  int busy = 0;
  double cpu_integral_at_sync = 0;
  double cpu_integral_at_step = 0;
};

struct StreamState {
  RandomStream gaps;
  RandomStream demands;
  uint64_t generation = 0;
  double rate_per_s = 0;
  Histogram responses_s{1e-6};
  std::vector<TimedResponse> timed_s{};  // kept when the window stands for a longer span
  uint64_t timeouts = 0;
  uint64_t failed = 0;
};

// Running integrals (∫ level dt from time 0) the result is computed from, as differences
// between the end and the warm-up.
struct Integrals {
  double pod_cpu = 0;
  double pod_cpu_capacity = 0;
  double postgres_cpu = 0;
  double busy_workers = 0;
  double worker_capacity = 0;
  double pool_in_use = 0;
  double in_system = 0;
  double underprovisioned = 0;

  [[nodiscard]] Integrals Minus(const Integrals& o) const;
  void Add(const Integrals& o);
};

// What a run observed, before it is summarised: counts, sums and histograms, so that runs of
// consecutive parts of one window add up to the whole (stack_parts.cc).
struct StackTally {
  double observed_s = 0;
  uint64_t events = 0;
  std::vector<Histogram> responses_s;               // per stream
  std::vector<std::vector<TimedResponse>> timed_s;  // per stream, when represents_s is longer
  double steady_from_s = 0;        // when the Deployment last came to have every pod it asked for
  std::vector<uint64_t> timeouts;  // per stream
  std::vector<uint64_t> failed;    // per stream
  std::vector<std::array<double, 5>> phase_s;  // per class, seconds per phase (Phase order)
  Integrals observed;                          // over the observed span
  Histogram pool_waits_s{1e-9};
  uint64_t worker_recycles = 0;
  double cron_cpu_s_done = 0;
  int min_ready_pods = 0;  // INT_MAX until a level is seen
  int max_ready_pods = 0;
  std::vector<ScalingEvent> scaling;
  std::vector<TimelinePoint> timeline;
};

// The result of a tally under `config` (its classes and streams, PostgreSQL vCPU, pool size).
StackResult Summarise(const StackConfig& config, const StackTally& tally);

class StackEngine final : public EventHandler, public JobListener {
 public:
  StackEngine(const StackConfig& config, uint64_t seed);
  StackResult Run();
  // Runs the window and returns what it observed, unsummarised.
  StackTally RunTally();

  void HandleEvent(const Event& event) override;
  void OnJobReady(uint32_t resource_tag, JobId job) override;

 private:
  // --- requests (stack_requests.cc)
  void Arrive(uint32_t stream);
  void ScheduleArrival(uint32_t stream);
  void StepHour();
  uint32_t NewRequest(uint32_t stream);
  uint32_t PickPod();
  void StartOnWorker(uint32_t pod, uint32_t worker, uint32_t request);
  void BeginApp(uint32_t request);
  void AfterApp(uint32_t request);
  void AfterDb(uint32_t request);
  void Finish(uint32_t request);
  // Kills the workers whose request passed limit_time_real by now; schedules the next check.
  void Watchdog();
  void Kill(uint32_t pod, uint32_t worker);
  // Takes a request out of wherever it is (CPU, PostgreSQL, I/O, pool) and frees its
  // connection; the worker is left to the caller.
  void Abandon(uint32_t request);
  void FreeWorker(uint32_t pod, uint32_t worker, bool respawn);
  void TakeFromBacklog(uint32_t pod);
  void Recycle(uint32_t request);
  void CountFailed(uint32_t request);
  void FreeRequest(uint32_t request);
  // Moves `r` to `next`, adding the time spent in its current phase to its class's totals.
  void EnterPhase(Request& r, Phase next);
  [[nodiscard]] bool Observed(const Request& request) const {
    return request.arrival_s >= config_.warmup_s &&
           (config_.observe_until_s <= 0 || request.arrival_s < config_.observe_until_s);
  }
  // The end of the observed span: observe_until_s when set, else the end of the window.
  [[nodiscard]] double ObserveEnd() const {
    return config_.observe_until_s > 0 ? std::min(config_.observe_until_s, config_.duration_s)
                                       : config_.duration_s;
  }
  // --- cron (stack_requests.cc)
  void CronNext(uint32_t cron_worker);
  void CronDb(uint32_t cron_worker);
  // --- pods, HPA, failure, timeline (stack_pods.cc)
  uint32_t AddPod(int zone, bool ready_now);
  void PodReady(uint32_t pod);
  void SyncHpa();
  hpa::Observation Observe();
  void ScaleTo(int desired, const std::string& reason);
  void RetireIfIdle(uint32_t pod);
  void Fail();
  void Replace(int count);
  void RecordTimeline();
  void UpdateLevels();
  [[nodiscard]] int ReadyPods() const;
  [[nodiscard]] int LivePods() const;
  [[nodiscard]] int NextZone() const;
  // --- result (stack_model.cc)
  void Start();
  [[nodiscard]] StackTally Tally() const;
  [[nodiscard]] Integrals Measure() const;

  const StackConfig& config_;
  Simulator simulator_;
  EventKind arrival_kind_, hour_kind_, io_kind_, kill_kind_, respawn_kind_, ready_kind_, sync_kind_,
      timeline_kind_, failure_kind_, replace_kind_, cron_app_kind_, warmup_kind_, cut_kind_;
  std::vector<StreamState> streams_;
  // Per class: the app CPU, PostgreSQL CPU and storage-read demand of one request, seconds.
  std::vector<Distribution> app_s_, db_s_, io_s_;
  // Per class: seconds spent in each phase (Phase order up to kIo) by observed requests.
  std::vector<std::array<double, 5>> phase_s_;
  std::vector<Request> requests_;
  std::vector<uint32_t> free_requests_;
  uint64_t next_serial_ = 1;
  // Odoo's watchdog: every request taken, in the order taken, so in order of due time (the
  // limit is the same for all). One event is pending, at the first entry's due time; the entries
  // of requests answered meanwhile are dropped when it comes. Most requests end long before the
  // limit, so that is a few events per limit_time_real instead of one per request or a pending
  // one per worker in the event queue.
  RingBuffer<WatchdogEntry> watchdog_;
  bool watchdog_pending_ = false;
  std::vector<std::unique_ptr<Pod>> pods_;
  uint32_t round_robin_ = 0;
  int desired_pods_ = 0;
  ProcessorSharing postgres_;
  TokenPool pool_;
  std::optional<hpa::Controller> hpa_;
  std::vector<ScalingEvent> scaling_;

  // cron
  double cron_remaining_s_ = 0;
  double cron_done_s_ = 0;
  std::vector<double> cron_chunk_s_;

  // statistics
  int down_zone_ = -1;
  Integrals at_warmup_;
  std::optional<Integrals> at_cut_;  // taken at observe_until_s
  std::optional<Histogram> pool_waits_at_cut_;
  Integrals at_step_;
  TimeWeighted in_system_;
  TimeWeighted busy_workers_;
  TimeWeighted worker_capacity_;
  TimeWeighted pod_cpu_capacity_;
  TimeWeighted ready_pods_;
  TimeWeighted underprovisioned_;  // 1 while ready pods < the Deployment's replicas
  double steady_from_s_ = 0;       // the end of the last spell short of pods
  uint64_t recycles_ = 0;
  int min_ready_ = 0;
  int max_ready_ = 0;
  std::vector<TimelinePoint> timeline_;
  Histogram step_responses_s_{1e-6};
  uint64_t step_completed_ = 0;
  uint64_t step_timeouts_ = 0;
  uint64_t step_failed_ = 0;
};

// ∫ busy cores dt over every pod up to now (pods are never destroyed, gone ones included).
double PodCpuIntegral(const std::vector<std::unique_ptr<Pod>>& pods, double now_s);

}  // namespace headroom::sim::stack_internal
