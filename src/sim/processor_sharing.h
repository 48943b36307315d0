#pragma once
// Exact processor sharing for a CPU with `cores` cores: with n jobs present each is served at
// rate min(1, cores / n) (a job is single-threaded, so it never runs faster than one core; with
// one core this is the classic M/G/1-PS discipline of Kleinrock 1967).
//
// Algorithm (docs/simulation.md, "Processor sharing"): every present job is served at the same
// rate, so one virtual clock V, advancing at that rate, measures the service each of them has
// received since it arrived. A job arriving at virtual time V_a with work w finishes when V
// reaches its finish tag V_a + w; its remaining work at any moment is tag − V. The jobs sit in a
// min-heap of finish tags; on every arrival and departure V is brought up to date, the rate is
// recomputed and the next completion, now + (smallest tag − V) / rate, is computed. That is
// O(log n) per arrival or departure, with no per-job update. The completion is a timer of the
// simulator (one pending event at most): when the next completion moves later (an arrival slowed
// the rate) the pending event stays and, coming early, moves itself to the new time, so a burst
// of arrivals costs one extra event, not one each; when it moves earlier (a shorter job arrived)
// the pending event is moved forward in place.
//
// Statistics (since the last reset): arrivals, completions, the response time (arrival to end of
// service) of every completed job, the time-averaged number of jobs and of busy cores
// (min(n, cores)).

#include <cstdint>
#include <vector>

#include "sim/histogram.h"
#include "sim/job.h"
#include "sim/simulator.h"
#include "sim/time_weighted.h"

namespace headroom::sim {

class ProcessorSharing final : public EventHandler, public StatisticsOwner {
 public:
  // `listener` (may be null) hears OnJobReady(tag, job) when a job's work is done.
  // REQUIRES: cores >= 0 and finite.
  ProcessorSharing(Simulator& simulator, double cores, JobListener* listener = nullptr,
                   uint32_t tag = 0);
  ProcessorSharing(const ProcessorSharing&) = delete;
  ProcessorSharing& operator=(const ProcessorSharing&) = delete;

  // `job` arrives now with `work_s` seconds of single-core work. Every job is admitted.
  // REQUIRES: work_s >= 0 and finite.
  void Arrive(JobId job, double work_s);
  // Takes `job` out now, its work unfinished (a request killed, a pod lost); the listener is not
  // told. Returns false when the job is not present. O(n): removals are rare.
  bool Remove(JobId job);
  // Changes the capacity now (a CPU limit resized). With 0 cores nothing progresses.
  // REQUIRES: cores >= 0 and finite.
  void SetCores(double cores);

  // Whether each completed job's response time goes into responses_s() (on by default). A model
  // that times its requests end to end itself turns it off and saves a histogram update per job.
  void set_keep_responses(bool keep) { keep_responses_ = keep; }

  [[nodiscard]] double cores() const { return cores_; }
  [[nodiscard]] int64_t jobs() const { return static_cast<int64_t>(tags_.size()); }
  // The service rate each present job receives now, in cores (0 when empty).
  [[nodiscard]] double RatePerJob() const { return rate_; }

  [[nodiscard]] uint64_t arrivals() const { return arrivals_; }
  [[nodiscard]] uint64_t completions() const { return completions_; }
  // Completion events that came early, because the rate fell after they were scheduled, and
  // completed no job.
  [[nodiscard]] uint64_t early_events() const { return early_events_; }
  [[nodiscard]] const Histogram& responses_s() const { return responses_s_; }
  [[nodiscard]] const TimeWeighted& jobs_average() const { return jobs_; }
  [[nodiscard]] const TimeWeighted& busy_cores() const { return busy_cores_; }

  void HandleEvent(const Event& event) override;
  void ResetStatistics(double now_s) override;

 private:
  struct Tagged {
    double finish_tag;  // virtual time at which the job's work is done
    uint64_t order;     // arrival order, breaks ties between equal tags
    double arrival_s;
    JobId job;
  };
  static bool Later(const Tagged& a, const Tagged& b) {
    return a.finish_tag > b.finish_tag || (a.finish_tag == b.finish_tag && a.order > b.order);
  }

  [[nodiscard]] double Rate(size_t jobs) const;
  // rate_ = Rate(jobs now): after every change of the jobs present or of the cores.
  void UpdateRate();
  // Brings the virtual clock up to now at the current rate.
  void AdvanceVirtualTime(double now_s);
  // Invalidates the pending completion and schedules the next one, if any job can progress.
  void ScheduleNextCompletion(double now_s);
  void RecordLevels(double now_s);

  Simulator& simulator_;
  JobListener* listener_;
  uint32_t tag_;
  EventKind completion_kind_;
  TimerId completion_;
  double cores_;
  std::vector<Tagged> tags_;  // a binary min-heap on (finish_tag, order)
  // The service rate of each present job, Rate(tags_.size()), kept rather than divided out on
  // every arrival and completion (several times each).
  double rate_ = 0.0;
  double virtual_time_ = 0.0;
  double last_update_s_ = 0.0;
  uint64_t next_order_ = 0;
  // When the first job finishes at the current rate; the pending completion event is due no
  // later.
  double due_s_ = 0.0;

  bool keep_responses_ = true;
  uint64_t arrivals_ = 0;
  uint64_t completions_ = 0;
  uint64_t early_events_ = 0;
  Histogram responses_s_;
  TimeWeighted jobs_;
  TimeWeighted busy_cores_;
};

}  // namespace headroom::sim
