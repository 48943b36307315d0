#include "sim/token_pool.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace headroom::sim {
namespace {

// Jobs ask for a token at scripted times and hold it for a scripted time once granted.
class Holders final : public EventHandler, public JobListener {
 public:
  explicit Holders(Simulator& simulator)
      : simulator_(simulator),
        ask_kind_(simulator.AddHandler(this)),
        release_kind_(simulator.AddHandler(this)) {}
  void Offer(double at_s, double hold_s) {
    const auto job = static_cast<JobId>(hold_.size());
    hold_.push_back(hold_s);
    simulator_.Schedule(at_s, ask_kind_, job);
  }
  void HandleEvent(const Event& event) override {
    if (event.kind == release_kind_) {
      pool->Release();
      return;
    }
    const Admission admission = pool->Acquire(event.target);
    admissions.push_back(admission);
    if (admission == Admission::kStarted) Hold(event.target);
  }
  void OnJobReady(uint32_t /*tag*/, JobId job) override { Hold(job); }

  TokenPool* pool = nullptr;
  std::vector<Admission> admissions;
  std::vector<std::pair<double, JobId>> granted;

 private:
  void Hold(JobId job) {
    granted.emplace_back(simulator_.now_s(), job);
    simulator_.ScheduleIn(hold_[job], release_kind_, job);
  }

  Simulator& simulator_;
  EventKind ask_kind_;
  EventKind release_kind_;
  std::vector<double> hold_;
};

TEST(TokenPoolTest, WaitersAreGrantedInArrivalOrder) {
  // Two tokens, two waiting places. Jobs (ask, hold): 0 (0, 5), 1 (1, 2), 2 (2, 1), 3 (2.5, 1),
  // 4 (2.7, 1). Jobs 0, 1 hold at once; 2 and 3 wait; 4 is rejected. Job 1 releases at 3: job 2
  // gets it (waited 1) until 4, then job 3 (waited 1.5) until 5.
  Simulator simulator(1);
  Holders holders(simulator);
  TokenPool pool(simulator, 2, 2, &holders);
  holders.pool = &pool;
  for (auto [at, hold] :
       std::vector<std::pair<double, double>>{{0, 5}, {1, 2}, {2, 1}, {2.5, 1}, {2.7, 1}}) {
    holders.Offer(at, hold);
  }
  simulator.Run(10.0);
  EXPECT_EQ(holders.admissions,
            (std::vector<Admission>{Admission::kStarted, Admission::kStarted, Admission::kQueued,
                                    Admission::kQueued, Admission::kRejected}));
  const std::vector<std::pair<double, JobId>> granted{{0, 0}, {1, 1}, {3, 2}, {4, 3}};
  EXPECT_EQ(holders.granted, granted);
  EXPECT_EQ(pool.grants(), 4u);
  EXPECT_EQ(pool.rejections(), 1u);
  EXPECT_EQ(pool.in_use(), 0);
  EXPECT_NEAR(pool.waits_s().mean(), 2.5 / 4, 1e-12);
  // In use: 1 on [0,1), 2 on [1,5): area 9 over 10 s. Waiting: 1 on [2,2.5), 2 on [2.5,3),
  // 1 on [3,4): area 2.5.
  EXPECT_NEAR(pool.in_use_average().Mean(10.0), 0.9, 1e-12);
  EXPECT_NEAR(pool.waiting_average().Mean(10.0), 0.25, 1e-12);
}

TEST(TokenPoolTest, ResizingGrantsOrRetiresTokens) {
  Simulator simulator(1);
  Holders holders(simulator);
  TokenPool pool(simulator, 1, TokenPool::kUnboundedWaiters, &holders);
  holders.pool = &pool;
  for (int i = 0; i < 3; ++i) holders.Offer(0.0, 10.0);
  simulator.Run(1.0);
  pool.SetTokens(3);  // both waiters granted at 1
  simulator.Run(2.0);
  EXPECT_EQ(pool.in_use(), 3);
  pool.SetTokens(0);  // holders keep theirs; no new grants
  holders.Offer(3.0, 1.0);
  simulator.Run(50.0);
  EXPECT_EQ(pool.in_use(), 0);
  EXPECT_EQ(pool.waiting(), 1);
  const std::vector<std::pair<double, JobId>> granted{{0, 0}, {1, 1}, {1, 2}};
  EXPECT_EQ(holders.granted, granted);
}

}  // namespace
}  // namespace headroom::sim
