#include "sim/event_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "common/random.h"

namespace headroom::sim {
namespace {

TEST(EventQueueTest, PopsInTimeOrderAndSameTimeInSchedulingOrder) {
  EventQueue queue;
  queue.Push(Event{3.0, 0, 1, 30, 0});
  queue.Push(Event{1.0, 0, 1, 10, 0});
  queue.Push(Event{2.0, 0, 1, 20, 0});
  queue.Push(Event{1.0, 0, 1, 11, 0});
  queue.Push(Event{1.0, 0, 1, 12, 0});
  std::vector<uint32_t> targets;
  while (!queue.empty()) targets.push_back(queue.Pop().target);
  EXPECT_EQ(targets, (std::vector<uint32_t>{10, 11, 12, 20, 30}));
}

TEST(EventQueueTest, MatchesASortedReferenceOnRandomInterleavedPushesAndPops) {
  // 20,000 operations, times on a coarse grid so that ties are frequent; the reference is a
  // vector kept sorted by (time, sequence).
  RandomStream stream(7, "event-queue");
  EventQueue queue;
  std::vector<Event> reference;
  uint64_t sequence = 0;
  double now = 0.0;
  for (int i = 0; i < 20000; ++i) {
    if (reference.empty() || stream.NextUniform() < 0.55) {
      const double time = now + static_cast<double>(stream.NextU64() % 50) * 0.25;
      queue.Push(Event{time, 0, 0, static_cast<uint32_t>(i), 0});
      // Later sequence numbers go after every event of the same time.
      const Event event{time, sequence++, 0, static_cast<uint32_t>(i), 0};
      reference.insert(
          std::upper_bound(reference.begin(), reference.end(), event,
                           [](const Event& a, const Event& b) { return a.time_s < b.time_s; }),
          event);
    } else {
      const Event got = queue.Pop();
      ASSERT_EQ(got.target, reference.front().target) << "operation " << i;
      ASSERT_EQ(got.time_s, reference.front().time_s);
      ASSERT_EQ(EventQueue::OrderOf(got), reference.front().sequence);
      now = got.time_s;
      reference.erase(reference.begin());
    }
  }
  EXPECT_EQ(queue.size(), reference.size());
}

// Timers moved forward and back, cancelled and popped among plain events: the queue pops what a
// reference holding each timer's latest setting pops, in the same order, and a timer's event is
// never popped twice or after it was cancelled.
TEST(EventQueueTest, TimersMoveInPlaceAndMatchAReference) {
  RandomStream stream(11, "event-queue-timers");
  EventQueue queue;
  constexpr uint32_t kTimers = 8;
  std::vector<TimerId> timers;
  for (uint32_t t = 0; t < kTimers; ++t) timers.push_back(queue.AddTimer());
  // Reference entries: (time, order, target); a timer's target is 1000 + its index.
  struct Entry {
    double time;
    uint64_t order;
    uint32_t target;
  };
  std::vector<Entry> reference;
  uint64_t order = 0;
  double now = 0.0;
  const auto drop_timer = [&](uint32_t t) {
    std::erase_if(reference, [t](const Entry& e) { return e.target == 1000 + t; });
  };
  for (int i = 0; i < 40000; ++i) {
    const double u = stream.NextUniform();
    const double time = now + static_cast<double>(stream.NextU64() % 40) * 0.25;
    if (u < 0.3) {
      queue.Push(Event{time, 0, 0, static_cast<uint32_t>(i % 1000), 0});
      reference.push_back({time, order++, static_cast<uint32_t>(i % 1000)});
    } else if (u < 0.6) {
      const auto t = static_cast<uint32_t>(stream.NextU64() % kTimers);
      queue.SetTimer(timers[t], Event{time, 0, 0, 1000 + t, 0});
      drop_timer(t);
      reference.push_back({time, order++, 1000 + t});
    } else if (u < 0.65) {
      const auto t = static_cast<uint32_t>(stream.NextU64() % kTimers);
      queue.CancelTimer(timers[t]);
      drop_timer(t);
      EXPECT_FALSE(queue.TimerPending(timers[t]));
    } else if (!reference.empty()) {
      const auto first =
          std::min_element(reference.begin(), reference.end(), [](const Entry& a, const Entry& b) {
            return a.time < b.time || (a.time == b.time && a.order < b.order);
          });
      const Event got = queue.Pop();
      ASSERT_EQ(got.target, first->target) << "operation " << i;
      ASSERT_EQ(got.time_s, first->time);
      ASSERT_EQ(EventQueue::OrderOf(got), first->order);
      if (got.target >= 1000) {
        EXPECT_FALSE(queue.TimerPending(timers[got.target - 1000]));
      }
      now = got.time_s;
      reference.erase(first);
    }
    ASSERT_EQ(queue.size(), reference.size()) << "operation " << i;
  }
}

TEST(EventQueueTest, ReusesItsStorageOnceGrown) {
  EventQueue queue;
  queue.Reserve(64);
  const size_t capacity = queue.capacity();
  for (int round = 0; round < 1000; ++round) {
    for (int i = 0; i < 64; ++i) queue.Push(Event{static_cast<double>(64 - i), 0, 0, 0, 0});
    while (!queue.empty()) queue.Pop();
  }
  EXPECT_EQ(queue.capacity(), capacity);
}

}  // namespace
}  // namespace headroom::sim
