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
      ASSERT_EQ(got.sequence, reference.front().sequence);
      now = got.time_s;
      reference.erase(reference.begin());
    }
  }
  EXPECT_EQ(queue.size(), reference.size());
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
