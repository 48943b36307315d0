#include "sim/processor_sharing.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace headroom::sim {
namespace {

class PsScript final : public EventHandler, public JobListener {
 public:
  explicit PsScript(Simulator& simulator)
      : simulator_(simulator), kind_(simulator.AddHandler(this)) {}
  void Offer(double at_s, double work_s) {
    const auto job = static_cast<JobId>(work_.size());
    work_.push_back(work_s);
    simulator_.Schedule(at_s, kind_, job);
  }
  void HandleEvent(const Event& event) override { cpu->Arrive(event.target, work_[event.target]); }
  void OnJobReady(uint32_t /*tag*/, JobId job) override {
    done.emplace_back(simulator_.now_s(), job);
  }

  ProcessorSharing* cpu = nullptr;
  std::vector<std::pair<double, JobId>> done;

 private:
  Simulator& simulator_;
  EventKind kind_;
  std::vector<double> work_;
};

void ExpectDone(const std::vector<std::pair<double, JobId>>& got,
                const std::vector<std::pair<double, JobId>>& expected) {
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i].first, expected[i].first, 1e-12) << i;
    EXPECT_EQ(got[i].second, expected[i].second) << i;
  }
}

// The jobs of OneCoreSharedByHand, run to t = 10, and the completions worked there.
void RunJobsWorkedByHand(PsScript& script, Simulator& simulator) {
  script.Offer(0.0, 3.0);
  script.Offer(1.0, 1.0);
  script.Offer(2.0, 0.5);
  simulator.Run(10.0);
  ExpectDone(script.done, {{3.5, 1}, {3.5, 2}, {4.5, 0}});
}

TEST(ProcessorSharingTest, OneCoreSharedByHand) {
  // Job 0: work 3 at t = 0. Job 1: work 1 at t = 1. Job 2: work 0.5 at t = 2.
  // [0, 1): job 0 alone, 1 done (2 left). [1, 2): two jobs at 1/2: job 0 has 1.5 left, job 1 0.5.
  // From 2 three jobs at 1/3: job 2 (0.5) and job 1 (0.5) both need 1.5 s: job 1 ends first at
  // 3.5 (it arrived first), job 2 at 3.5 too; job 0 has 1.5 − 0.5 = 1 left, alone: ends at 4.5.
  Simulator simulator(1);
  PsScript script(simulator);
  ProcessorSharing cpu(simulator, 1.0, &script);
  script.cpu = &cpu;
  RunJobsWorkedByHand(script, simulator);
  EXPECT_EQ(cpu.completions(), 3u);
  // Responses 4.5, 2.5, 1.5. Jobs present: 1 on [0,1), 2 on [1,2), 3 on [2,3.5), 1 on [3.5,4.5):
  // area 1 + 2 + 4.5 + 1 = 8.5 over 10 s. The CPU is busy 4.5 s (work 4.5 in all).
  EXPECT_NEAR(cpu.responses_s().mean(), 8.5 / 3, 1e-12);
  EXPECT_NEAR(cpu.jobs_average().Mean(10.0), 0.85, 1e-12);
  EXPECT_NEAR(cpu.busy_cores().Mean(10.0), 0.45, 1e-12);
}

TEST(ProcessorSharingTest, TwoCoresServeUpToTwoJobsAtFullSpeed) {
  // Two cores. Job 0: work 2 at 0; job 1: work 2 at 0.5 — both at full speed, ending at 2 and
  // 2.5. Job 2: work 1.5 at 1: three jobs share two cores at 2/3 each. At 1 job 0 has 1 left,
  // job 1 1.5, job 2 1.5: job 0 ends at 1 + 1.5 = 2.5; then jobs 1 and 2 have 1.5 − 1 = 0.5 left
  // each, at full speed: both end at 3.
  Simulator simulator(1);
  PsScript script(simulator);
  ProcessorSharing cpu(simulator, 2.0, &script);
  script.cpu = &cpu;
  script.Offer(0.0, 2.0);
  script.Offer(0.5, 2.0);
  script.Offer(1.0, 1.5);
  simulator.Run(10.0);
  ExpectDone(script.done, {{2.5, 0}, {3.0, 1}, {3.0, 2}});
  // Total work 5.5 served on two cores over 10 s.
  EXPECT_NEAR(cpu.busy_cores().Mean(10.0), 0.55, 1e-12);
}

TEST(ProcessorSharingTest, ResizingTheCpuChangesTheRemainingTime) {
  // One job of work 4 on one core. At t = 1 (3 left) the CPU drops to half a core; at t = 3
  // (2 left) to none, and nothing moves; at t = 50 it gets four cores, of which a single-threaded
  // job uses one: done at 52.
  Simulator simulator(1);
  PsScript script(simulator);
  ProcessorSharing cpu(simulator, 1.0, &script);
  script.cpu = &cpu;
  script.Offer(0.0, 4.0);
  simulator.Run(1.0);
  cpu.SetCores(0.5);
  simulator.Run(3.0);
  cpu.SetCores(0.0);  // 2 s at 0.5 served 1: 2 left, frozen
  simulator.Run(50.0);
  EXPECT_TRUE(script.done.empty());
  cpu.SetCores(4.0);  // one job: full speed, 2 s
  simulator.Run(100.0);
  ExpectDone(script.done, {{52.0, 0}});
}

TEST(ProcessorSharingTest, ResponsesCanBeLeftUnkept) {
  // The same jobs and completions without the response histogram.
  Simulator simulator(1);
  PsScript script(simulator);
  ProcessorSharing cpu(simulator, 1.0, &script);
  cpu.set_keep_responses(false);
  script.cpu = &cpu;
  RunJobsWorkedByHand(script, simulator);
  EXPECT_EQ(cpu.completions(), 3u);
  EXPECT_EQ(cpu.responses_s().count(), 0u);
  EXPECT_NEAR(cpu.busy_cores().Mean(10.0), 0.45, 1e-12);
}

TEST(ProcessorSharingTest, ArrivalsThatSlowTheRateCostOneExtraEvent) {
  // Every arrival to a busy single core moves the first completion later: the pending event at
  // t = 1 comes early once and moves itself, whatever the number of arrivals.
  Simulator simulator(1);
  PsScript script(simulator);
  ProcessorSharing cpu(simulator, 1.0, &script);
  script.cpu = &cpu;
  for (int i = 0; i < 5; ++i) script.Offer(0.1 * i, 1.0);
  simulator.Run(100.0);
  EXPECT_EQ(cpu.completions(), 5u);
  EXPECT_EQ(cpu.early_events(), 1u);
  // The times exact processor sharing gives (worked in fractions): 523/120, 571/120, 589/120,
  // 199/40 and 5.
  ExpectDone(script.done,
             {{523.0 / 120, 0}, {571.0 / 120, 1}, {589.0 / 120, 2}, {199.0 / 40, 3}, {5.0, 4}});
  EXPECT_EQ(cpu.jobs(), 0);
}

// Two jobs of 2 s and 3 s share one core from t = 0; at t = 1 the 2 s job (0.5 s of service
// received) is removed, so the other (also 0.5 s received) runs alone and ends at 1 + 2.5 = 3.5
// (exact arithmetic, 1e-12).
TEST(ProcessorSharingTest, RemovingAJobGivesItsShareToTheOthers) {
  Simulator simulator(1);
  PsScript script(simulator);
  ProcessorSharing cpu(simulator, 1.0, &script);
  script.cpu = &cpu;
  script.Offer(0.0, 2.0);
  script.Offer(0.0, 3.0);
  simulator.Run(1.0);
  EXPECT_TRUE(cpu.Remove(0));
  EXPECT_FALSE(cpu.Remove(0));
  simulator.Run(10.0);
  ExpectDone(script.done, {{3.5, 1}});
}

}  // namespace
}  // namespace headroom::sim
