#pragma once
// A pool of identical tokens (database connections, PgBouncer server connections, worker slots)
// that jobs acquire, hold for as long as they like and release. A job that finds no free token
// waits in FIFO order, up to `max_waiters`; beyond that it is rejected and counted. A released
// token goes straight to the longest waiter, which is told by an event at the same instant (not
// by a nested call, so a release never re-enters the model that released).
//
// The pool size can change during a run: a larger pool grants tokens to waiters at once; a
// smaller one lets holders keep their tokens and retires them as they come back.
//
// Statistics (since the last reset): acquisitions (offered, rejected included), grants,
// rejections, the wait of every granted job (0 for those served at once), and the time-averaged
// tokens in use and waiters.

#include <cstdint>
#include <limits>

#include "sim/histogram.h"
#include "sim/job.h"
#include "sim/ring_buffer.h"
#include "sim/simulator.h"
#include "sim/time_weighted.h"

namespace headroom::sim {

class TokenPool final : public EventHandler, public StatisticsOwner {
 public:
  static constexpr int64_t kUnboundedWaiters = std::numeric_limits<int64_t>::max();

  // `listener` (may be null) hears OnJobReady(tag, job) when a waiting job gets its token.
  // REQUIRES: tokens >= 0; max_waiters >= 0.
  TokenPool(Simulator& simulator, int64_t tokens, int64_t max_waiters,
            JobListener* listener = nullptr, uint32_t tag = 0);
  TokenPool(const TokenPool&) = delete;
  TokenPool& operator=(const TokenPool&) = delete;

  // `job` asks for a token now: kStarted if it has one at once, kQueued if it waits (the
  // listener hears of the grant), kRejected if the waiting line is full.
  Admission Acquire(JobId job);
  // A holder gives its token back now. REQUIRES: in_use() > 0.
  void Release();
  // Changes the pool size now. REQUIRES: tokens >= 0.
  void SetTokens(int64_t tokens);

  [[nodiscard]] int64_t tokens() const { return tokens_; }
  [[nodiscard]] int64_t in_use() const { return in_use_; }
  [[nodiscard]] int64_t waiting() const { return static_cast<int64_t>(waiters_.size()); }

  [[nodiscard]] uint64_t acquisitions() const { return acquisitions_; }
  [[nodiscard]] uint64_t grants() const { return grants_; }
  [[nodiscard]] uint64_t rejections() const { return rejections_; }
  [[nodiscard]] const Histogram& waits_s() const { return waits_s_; }
  // Forgets the waits recorded so far, keeping every other statistic (a model that measures the
  // time-averaged levels itself starts its observation here).
  void ResetWaits() { waits_s_.Reset(); }
  [[nodiscard]] const TimeWeighted& in_use_average() const { return in_use_average_; }
  [[nodiscard]] const TimeWeighted& waiting_average() const { return waiting_average_; }

  void HandleEvent(const Event& event) override;
  void ResetStatistics(double now_s) override;

 private:
  struct Waiter {
    JobId job;
    double since_s;
  };

  // Hands free tokens to waiters, oldest first, while both last.
  void GrantToWaiters();
  void Grant(double waited_s);

  Simulator& simulator_;
  JobListener* listener_;
  uint32_t tag_;
  EventKind grant_kind_;
  int64_t tokens_;
  int64_t max_waiters_;
  int64_t in_use_ = 0;
  RingBuffer<Waiter> waiters_;

  uint64_t acquisitions_ = 0;
  uint64_t grants_ = 0;
  uint64_t rejections_ = 0;
  Histogram waits_s_;
  TimeWeighted in_use_average_;
  TimeWeighted waiting_average_;
};

}  // namespace headroom::sim
