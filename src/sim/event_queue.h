#pragma once
// The pending-event set of the discrete-event engine: a 4-ary min-heap of plain 32-byte events
// in one contiguous vector. An event is a time, a kind (which handler runs it) and two small
// integers the handler interprets (which entity, which job, a generation tag); there is no
// closure and no heap allocation per event: the vector grows to the largest number of pending
// events once and is then reused (docs/simulation.md, "Events").
//
// Order: by time, then by the order of scheduling (a sequence number the queue assigns), so
// events at the same instant run first-in first-out and a run is reproducible bit for bit.
// A 4-ary heap halves the depth of a binary heap and keeps the four children of a node in two
// cache lines; push and pop are O(log n) (LaMarca & Ladner 1996, "The influence of caches on the
// performance of heaps").

#include <cstddef>
#include <cstdint>
#include <vector>

namespace headroom::sim {

// Which handler runs an event (an index into the simulator's handler table).
using EventKind = uint32_t;

struct Event {
  double time_s = 0.0;    // simulated time at which the event happens
  uint64_t sequence = 0;  // scheduling order, assigned by EventQueue::Push; breaks ties
  EventKind kind = 0;     // selects the handler
  uint32_t target = 0;    // handler-defined: usually a job or an entity index
  uint64_t data = 0;      // handler-defined: a second small integer or a bit-cast double
};
static_assert(sizeof(Event) == 32, "events stay 32 bytes: two per cache line");

class EventQueue {
 public:
  EventQueue() = default;

  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] size_t size() const { return heap_.size(); }
  // The next event. REQUIRES: !empty().
  [[nodiscard]] const Event& top() const { return heap_.front(); }

  // Adds an event; its `sequence` is overwritten with the next sequence number.
  void Push(Event event) {
    event.sequence = next_sequence_++;
    heap_.push_back(event);
    SiftUp(heap_.size() - 1, event);
  }

  // Removes and returns the next event. REQUIRES: !empty().
  Event Pop() {
    const Event first = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) SiftDown(last);
    return first;
  }

  // Drops every pending event; keeps the storage and the sequence counter.
  void Clear() { heap_.clear(); }
  void Reserve(size_t events) { heap_.reserve(events); }
  [[nodiscard]] size_t capacity() const { return heap_.capacity(); }

 private:
  static constexpr size_t kArity = 4;

  static bool Before(const Event& a, const Event& b) {
    return a.time_s < b.time_s || (a.time_s == b.time_s && a.sequence < b.sequence);
  }

  // Moves the hole at `index` up until `event` fits, then stores it.
  void SiftUp(size_t index, const Event& event) {
    while (index > 0) {
      const size_t parent = (index - 1) / kArity;
      if (!Before(event, heap_[parent])) break;
      heap_[index] = heap_[parent];
      index = parent;
    }
    heap_[index] = event;
  }

  // Moves the hole at the root down until `event` fits, then stores it.
  void SiftDown(const Event& event) {
    const size_t n = heap_.size();
    size_t index = 0;
    for (;;) {
      const size_t first_child = index * kArity + 1;
      if (first_child >= n) break;
      const size_t end = first_child + kArity < n ? first_child + kArity : n;
      size_t best = first_child;
      for (size_t child = first_child + 1; child < end; ++child) {
        if (Before(heap_[child], heap_[best])) best = child;
      }
      if (!Before(heap_[best], event)) break;
      heap_[index] = heap_[best];
      index = best;
    }
    heap_[index] = event;
  }

  std::vector<Event> heap_;
  uint64_t next_sequence_ = 0;
};

}  // namespace headroom::sim
