#include "sim/token_pool.h"

#include <cassert>

namespace headroom::sim {

TokenPool::TokenPool(Simulator& simulator, int64_t tokens, int64_t max_waiters,
                     JobListener* listener, uint32_t tag)
    : simulator_(simulator),
      listener_(listener),
      tag_(tag),
      grant_kind_(simulator.AddHandler(this)),
      tokens_(tokens),
      max_waiters_(max_waiters),
      in_use_average_(simulator.now_s()),
      waiting_average_(simulator.now_s()) {
  assert(tokens >= 0 && max_waiters >= 0);
  simulator.AddStatisticsOwner(this);
}

void TokenPool::Grant(double waited_s) {
  ++in_use_;
  ++grants_;
  waits_s_.Record(waited_s);
  in_use_average_.Set(simulator_.now_s(), static_cast<double>(in_use_));
}

Admission TokenPool::Acquire(JobId job) {
  ++acquisitions_;
  const double now_s = simulator_.now_s();
  if (in_use_ < tokens_) {
    Grant(0.0);
    return Admission::kStarted;
  }
  if (static_cast<int64_t>(waiters_.size()) >= max_waiters_) {
    ++rejections_;
    return Admission::kRejected;
  }
  waiters_.PushBack(Waiter{job, now_s});
  waiting_average_.Set(now_s, static_cast<double>(waiters_.size()));
  return Admission::kQueued;
}

void TokenPool::GrantToWaiters() {
  if (waiters_.empty() || in_use_ >= tokens_) return;
  const double now_s = simulator_.now_s();
  while (!waiters_.empty() && in_use_ < tokens_) {
    const Waiter next = waiters_.PopFront();
    Grant(now_s - next.since_s);
    simulator_.Schedule(now_s, grant_kind_, next.job);
  }
  waiting_average_.Set(now_s, static_cast<double>(waiters_.size()));
}

void TokenPool::Release() {
  assert(in_use_ > 0);
  --in_use_;
  in_use_average_.Set(simulator_.now_s(), static_cast<double>(in_use_));
  GrantToWaiters();
}

void TokenPool::SetTokens(int64_t tokens) {
  assert(tokens >= 0);
  tokens_ = tokens;
  GrantToWaiters();
}

void TokenPool::HandleEvent(const Event& event) {
  if (listener_ != nullptr) listener_->OnJobReady(tag_, event.target);
}

void TokenPool::ResetStatistics(double now_s) {
  acquisitions_ = 0;
  grants_ = 0;
  rejections_ = 0;
  waits_s_.Reset();
  in_use_average_.Reset(now_s);
  waiting_average_.Reset(now_s);
}

}  // namespace headroom::sim
