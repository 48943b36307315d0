#include "sim/fifo_servers.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace headroom::sim {
namespace {

// Offers scripted jobs (time, service) to a resource and records completions.
class FifoScript final : public EventHandler, public JobListener {
 public:
  explicit FifoScript(Simulator& simulator)
      : simulator_(simulator), kind_(simulator.AddHandler(this)) {}
  void Offer(double at_s, double service_s) {
    const auto job = static_cast<JobId>(services_.size());
    services_.push_back(service_s);
    simulator_.Schedule(at_s, kind_, job);
  }
  void HandleEvent(const Event& event) override {
    admissions.push_back(resource->Arrive(event.target, services_[event.target]));
  }
  void OnJobReady(uint32_t tag, JobId job) override {
    EXPECT_EQ(tag, 7u);
    done.emplace_back(simulator_.now_s(), job);
  }

  FifoServers* resource = nullptr;
  std::vector<Admission> admissions;
  std::vector<std::pair<double, JobId>> done;

 private:
  Simulator& simulator_;
  EventKind kind_;
  std::vector<double> services_;
};

TEST(FifoServersTest, TwoServersOneWaitingPlaceByHand) {
  // Jobs (arrival, service): 0 (0, 4), 1 (1, 2), 2 (1.5, 1), 3 (2, 1), 4 (3.5, 1).
  // Servers A, B. Job 0 on A [0, 4); job 1 on B [1, 3); job 2 waits from 1.5; job 3 finds the
  // one waiting place taken: rejected. At 3 job 2 starts on B [3, 4) after waiting 1.5; job 4
  // arrives at 3.5 and waits; at 4 jobs 0 and 2 finish (0 first: scheduled first) and job 4
  // starts [4, 5) after 0.5.
  Simulator simulator(1);
  FifoScript script(simulator);
  FifoServers servers(simulator, 2, 1, &script, 7);
  script.resource = &servers;
  for (auto [at, service] :
       std::vector<std::pair<double, double>>{{0, 4}, {1, 2}, {1.5, 1}, {2, 1}, {3.5, 1}}) {
    script.Offer(at, service);
  }
  simulator.Run(10.0);
  EXPECT_EQ(script.admissions,
            (std::vector<Admission>{Admission::kStarted, Admission::kStarted, Admission::kQueued,
                                    Admission::kRejected, Admission::kQueued}));
  const std::vector<std::pair<double, JobId>> done{{3, 1}, {4, 0}, {4, 2}, {5, 4}};
  EXPECT_EQ(script.done, done);
  EXPECT_EQ(servers.arrivals(), 5u);
  EXPECT_EQ(servers.rejections(), 1u);
  EXPECT_EQ(servers.completions(), 4u);
  // Waits 0, 0, 1.5, 0.5; responses 4, 2, 2.5, 1.5.
  EXPECT_NEAR(servers.waits_s().mean(), 2.0 / 4, 1e-12);
  EXPECT_NEAR(servers.responses_s().mean(), 10.0 / 4, 1e-12);
  EXPECT_NEAR(servers.waits_s().max(), 1.5, 1e-12);
  // Busy servers over [0, 10]: 1 on [0,1), 2 on [1,4), 1 on [4,5): area 8. Queue: 1 on
  // [1.5, 3) and [3.5, 4): area 2.
  EXPECT_NEAR(servers.busy_servers().Mean(10.0), 0.8, 1e-12);
  EXPECT_NEAR(servers.queue_length_average().Mean(10.0), 0.2, 1e-12);
  EXPECT_NEAR(servers.MeanNumberInSystem(10.0), 1.0, 1e-12);
  EXPECT_EQ(servers.busy_servers().max(), 2.0);
}

TEST(FifoServersTest, AWarmupKeepsOnlyLaterObservations) {
  // The scenario above with a warm-up at 2.5: waits recorded after it are job 2's (1.5, starting
  // at 3) and job 4's (0.5); all four completions come after it; one arrival (job 4). Busy
  // servers on [2.5, 10]: 2 on [2.5, 4), 1 on [4, 5): 4 over 7.5 s; queue 1 on [2.5, 3) and
  // [3.5, 4): 1 over 7.5 s.
  Simulator simulator(1);
  FifoScript script(simulator);
  FifoServers servers(simulator, 2, 1, &script, 7);
  script.resource = &servers;
  for (auto [at, service] :
       std::vector<std::pair<double, double>>{{0, 4}, {1, 2}, {1.5, 1}, {2, 1}, {3.5, 1}}) {
    script.Offer(at, service);
  }
  simulator.SetWarmup(2.5);
  simulator.Run(10.0);
  EXPECT_EQ(servers.arrivals(), 1u);
  EXPECT_EQ(servers.rejections(), 0u);
  EXPECT_EQ(servers.waits_s().count(), 2u);
  EXPECT_NEAR(servers.waits_s().mean(), 1.0, 1e-12);
  EXPECT_EQ(servers.completions(), 4u);
  EXPECT_NEAR(servers.responses_s().mean(), 2.5, 1e-12);
  EXPECT_NEAR(servers.busy_servers().Mean(10.0), 4.0 / 7.5, 1e-12);
  EXPECT_NEAR(servers.queue_length_average().Mean(10.0), 1.0 / 7.5, 1e-12);
}

TEST(FifoServersTest, AddingServersStartsWaitingJobsAndRemovingThemDrainsGracefully) {
  Simulator simulator(1);
  FifoScript script(simulator);
  FifoServers servers(simulator, 1, FifoServers::kUnboundedQueue, &script, 7);
  script.resource = &servers;
  for (int i = 0; i < 4; ++i) script.Offer(0.0, 10.0);  // one served, three waiting
  simulator.Run(1.0);
  EXPECT_EQ(servers.busy(), 1);
  EXPECT_EQ(servers.queue_length(), 3);
  servers.SetServers(3);  // at t = 1: jobs 1 and 2 start, finishing at 11
  EXPECT_EQ(servers.busy(), 3);
  EXPECT_EQ(servers.queue_length(), 1);
  servers.SetServers(1);  // busy jobs run on; job 3 waits until busy < 1
  simulator.Run(100.0);
  // Job 0 ends at 10, jobs 1, 2 at 11; only then is busy (0) below 1: job 3 runs [11, 21).
  const std::vector<std::pair<double, JobId>> done{{10, 0}, {11, 1}, {11, 2}, {21, 3}};
  EXPECT_EQ(script.done, done);
}

TEST(FifoServersTest, ZeroServersAndNoWaitingRoomRejectsEverything) {
  Simulator simulator(1);
  FifoScript script(simulator);
  FifoServers servers(simulator, 0, 0, &script, 7);
  script.resource = &servers;
  script.Offer(1.0, 1.0);
  simulator.Run(5.0);
  EXPECT_EQ(script.admissions, std::vector<Admission>{Admission::kRejected});
  EXPECT_EQ(servers.rejections(), 1u);
}

}  // namespace
}  // namespace headroom::sim
