#include "sim/processor_sharing.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace headroom::sim {

ProcessorSharing::ProcessorSharing(Simulator& simulator, double cores, JobListener* listener,
                                   uint32_t tag)
    : simulator_(simulator),
      listener_(listener),
      tag_(tag),
      completion_kind_(simulator.AddHandler(this)),
      completion_(simulator.AddTimer()),
      cores_(cores),
      last_update_s_(simulator.now_s()),
      jobs_(simulator.now_s()),
      busy_cores_(simulator.now_s()) {
  assert(cores >= 0.0 && std::isfinite(cores));
  simulator.AddStatisticsOwner(this);
}

double ProcessorSharing::Rate(size_t jobs) const {
  if (jobs == 0) return 0.0;
  return std::min(1.0, cores_ / static_cast<double>(jobs));
}

void ProcessorSharing::UpdateRate() { rate_ = Rate(tags_.size()); }

void ProcessorSharing::AdvanceVirtualTime(double now_s) {
  virtual_time_ += rate_ * (now_s - last_update_s_);
  last_update_s_ = now_s;
}

void ProcessorSharing::ScheduleNextCompletion(double now_s) {
  const double rate = rate_;
  if (rate <= 0.0) {
    simulator_.CancelTimer(completion_);  // nothing progresses
    return;
  }
  // The smallest tag is at least V up to rounding; a negative remainder means "now".
  const double remaining = std::max(0.0, tags_.front().finish_tag - virtual_time_);
  due_s_ = now_s + remaining / rate;
  // A pending event due no later stays: it comes early and moves itself to due_s_
  // (HandleEvent), which costs one event however many arrivals slowed the rate meanwhile.
  // An earlier completion moves the pending event forward in place.
  if (simulator_.TimerPending(completion_) && simulator_.TimerDueS(completion_) <= due_s_) return;
  simulator_.SetTimer(completion_, due_s_, completion_kind_);
}

void ProcessorSharing::RecordLevels(double now_s) {
  const auto n = static_cast<double>(tags_.size());
  jobs_.Set(now_s, n);
  busy_cores_.Set(now_s, std::min(n, cores_));
}

void ProcessorSharing::Arrive(JobId job, double work_s) {
  assert(work_s >= 0.0 && std::isfinite(work_s));
  const double now_s = simulator_.now_s();
  ++arrivals_;
  AdvanceVirtualTime(now_s);
  const double old_rate = rate_;
  const double old_first_tag = tags_.empty() ? 0.0 : tags_.front().finish_tag;
  tags_.push_back(Tagged{virtual_time_ + work_s, next_order_++, now_s, job});
  std::push_heap(tags_.begin(), tags_.end(), Later);
  UpdateRate();
  RecordLevels(now_s);
  // The pending completion stays right when the rate is unchanged (fewer jobs than cores) and
  // the newcomer does not finish first.
  const bool still_valid = simulator_.TimerPending(completion_) && rate_ == old_rate &&
                           tags_.front().finish_tag == old_first_tag;
  if (!still_valid) ScheduleNextCompletion(now_s);
}

void ProcessorSharing::HandleEvent(const Event& /*event*/) {
  const double now_s = simulator_.now_s();
  if (now_s < due_s_) {  // early: the rate fell after this event was scheduled
    ++early_events_;
    simulator_.SetTimer(completion_, due_s_, completion_kind_);
    return;
  }
  std::pop_heap(tags_.begin(), tags_.end(), Later);
  const Tagged done = tags_.back();
  tags_.pop_back();
  UpdateRate();
  // The event was timed for V to reach the tag; take the tag itself so rounding never builds up.
  virtual_time_ = done.finish_tag;
  last_update_s_ = now_s;
  if (tags_.empty()) virtual_time_ = 0.0;  // an idle CPU restarts its virtual clock at zero
  ++completions_;
  if (keep_responses_) responses_s_.Record(now_s - done.arrival_s);
  RecordLevels(now_s);
  ScheduleNextCompletion(now_s);
  if (listener_ != nullptr) listener_->OnJobReady(tag_, done.job);
}

bool ProcessorSharing::Remove(JobId job) {
  const auto it =
      std::find_if(tags_.begin(), tags_.end(), [job](const Tagged& t) { return t.job == job; });
  if (it == tags_.end()) return false;
  const double now_s = simulator_.now_s();
  AdvanceVirtualTime(now_s);
  tags_.erase(it);
  std::make_heap(tags_.begin(), tags_.end(), Later);
  UpdateRate();
  if (tags_.empty()) virtual_time_ = 0.0;
  RecordLevels(now_s);
  ScheduleNextCompletion(now_s);
  return true;
}

void ProcessorSharing::SetCores(double cores) {
  assert(cores >= 0.0 && std::isfinite(cores));
  const double now_s = simulator_.now_s();
  AdvanceVirtualTime(now_s);
  cores_ = cores;
  UpdateRate();
  RecordLevels(now_s);
  if (!tags_.empty()) ScheduleNextCompletion(now_s);
}

void ProcessorSharing::ResetStatistics(double now_s) {
  arrivals_ = 0;
  completions_ = 0;
  early_events_ = 0;
  responses_s_.Reset();
  jobs_.Reset(now_s);
  busy_cores_.Reset(now_s);
}

}  // namespace headroom::sim
