#include "sim/simulator.h"

#include <gtest/gtest.h>

#include <limits>
#include <utility>
#include <vector>

namespace headroom::sim {
namespace {

// Records (time, target) of every event it handles; an event with data > 0 schedules another
// one `data` seconds later with data − 1.
class Recorder final : public EventHandler {
 public:
  explicit Recorder(Simulator& simulator)
      : simulator_(simulator), kind_(simulator.AddHandler(this)) {}
  void HandleEvent(const Event& event) override {
    seen.emplace_back(simulator_.now_s(), event.target);
    if (event.data > 0) {
      simulator_.ScheduleIn(static_cast<double>(event.data), kind_, event.target + 1,
                            event.data - 1);
    }
    if (stop_at_target == event.target) simulator_.Stop();
  }
  EventKind kind() const { return kind_; }

  std::vector<std::pair<double, uint32_t>> seen;
  uint32_t stop_at_target = std::numeric_limits<uint32_t>::max();

 private:
  Simulator& simulator_;
  EventKind kind_;
};

class Counter final : public StatisticsOwner {
 public:
  void ResetStatistics(double now_s) override { resets.push_back(now_s); }
  std::vector<double> resets;
};

TEST(SimulatorTest, DispatchesInTimeOrderAndAdvancesTheClockToTheEnd) {
  Simulator simulator(1);
  Recorder recorder(simulator);
  simulator.Schedule(5.0, recorder.kind(), 100);
  simulator.Schedule(1.0, recorder.kind(), 0, 3);  // chain: targets 0 @1, 1 @4, 2 @6, 3 @7
  EXPECT_EQ(simulator.Run(6.0), 4u);               // 1, 4, 5, 6; the event at 7 stays pending
  EXPECT_EQ(simulator.now_s(), 6.0);
  EXPECT_EQ(simulator.pending_events(), 1u);
  EXPECT_EQ(simulator.Run(10.0), 1u);
  EXPECT_EQ(simulator.now_s(), 10.0);  // no event at 10: the clock still reaches the end
  const std::vector<std::pair<double, uint32_t>> expected{
      {1.0, 0}, {4.0, 1}, {5.0, 100}, {6.0, 2}, {7.0, 3}};
  EXPECT_EQ(recorder.seen, expected);
  EXPECT_EQ(simulator.events_handled(), 5u);
}

TEST(SimulatorTest, RunToInfinityStopsAtTheLastEvent) {
  Simulator simulator(1);
  Recorder recorder(simulator);
  simulator.Schedule(2.0, recorder.kind(), 0, 1);
  simulator.Run(std::numeric_limits<double>::infinity());
  EXPECT_EQ(simulator.now_s(), 3.0);
  EXPECT_FALSE(simulator.Step());
}

TEST(SimulatorTest, StopEndsTheRunAtTheCurrentEvent) {
  Simulator simulator(1);
  Recorder recorder(simulator);
  recorder.stop_at_target = 1;
  simulator.Schedule(1.0, recorder.kind(), 0, 5);
  EXPECT_EQ(simulator.Run(100.0), 2u);
  EXPECT_EQ(simulator.now_s(), 6.0);
  EXPECT_TRUE(simulator.Step());
  EXPECT_EQ(simulator.now_s(), 10.0);
}

TEST(SimulatorTest, WarmupResetsEveryStatisticsOwnerOnce) {
  Simulator simulator(1);
  Recorder recorder(simulator);
  Counter a;
  Counter b;
  simulator.AddStatisticsOwner(&a);
  simulator.AddStatisticsOwner(&b);
  simulator.SetWarmup(2.5);
  simulator.Schedule(1.0, recorder.kind(), 0, 3);
  simulator.Run(20.0);
  EXPECT_EQ(a.resets, std::vector<double>{2.5});
  EXPECT_EQ(b.resets, std::vector<double>{2.5});
  EXPECT_EQ(simulator.statistics_start_s(), 2.5);
}

TEST(SimulatorTest, StreamsAreNamedAndSeeded) {
  Simulator one(42);
  Simulator same(42);
  Simulator other(43);
  RandomStream a = one.Stream("arrivals");
  RandomStream b = same.Stream("arrivals");
  RandomStream c = other.Stream("arrivals");
  RandomStream d = one.Stream("service");
  const uint64_t first = a.NextU64();
  EXPECT_EQ(first, b.NextU64());
  EXPECT_NE(first, c.NextU64());
  EXPECT_NE(first, d.NextU64());
}

}  // namespace
}  // namespace headroom::sim
