#pragma once
// The pending-event set of the discrete-event engine: a 4-ary min-heap of plain 32-byte events
// in one contiguous vector. An event is a time, a kind (which handler runs it) and two small
// integers the handler interprets (which entity, which job, a generation tag); there is no
// closure and no heap allocation per event: the vector grows to the largest number of pending
// events once and is then reused (docs/simulation.md, "Events").
//
// Order: by time, then by the order of scheduling (a sequence number the queue assigns), so
// events at the same instant run first-in first-out and a run is reproducible bit for bit.
//
// Timers: an event that is often moved (a CPU's next completion, which every arrival of a
// shorter job brings forward) can be a timer, with at most one pending event that SetTimer moves
// in place (sifted up or down from where it is) or CancelTimer takes out, instead of a new event
// per change that leaves the old one behind to be popped and skipped. The heap knows where each
// timer's event is: the timer's slot rides in the low bits of the event's sequence word (the
// scheduling order in the high bits, so the order of events is unchanged), and every move of an
// event writes its index to its slot's entry (slot 0, shared by plain events, is written and
// never read), which costs a store per move and no branch.
// A 4-ary heap halves the depth of a binary heap and keeps the four children of a node in two
// cache lines; push and pop are O(log n) (LaMarca & Ladner 1996, "The influence of caches on the
// performance of heaps").

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace headroom::sim {

// Which handler runs an event (an index into the simulator's handler table).
using EventKind = uint32_t;

struct Event {
  double time_s = 0.0;    // simulated time at which the event happens
  uint64_t sequence = 0;  // scheduling order and timer slot, assigned by the queue; breaks ties
  EventKind kind = 0;     // selects the handler
  uint32_t target = 0;    // handler-defined: usually a job or an entity index
  uint64_t data = 0;      // handler-defined: a second small integer or a bit-cast double
};
static_assert(sizeof(Event) == 32, "events stay 32 bytes: two per cache line");

// A timer of an EventQueue (EventQueue::AddTimer).
using TimerId = uint32_t;

class EventQueue {
 public:
  EventQueue() = default;

  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] size_t size() const { return heap_.size(); }
  // The next event. REQUIRES: !empty().
  [[nodiscard]] const Event& top() const { return heap_.front(); }
  // The scheduling order of an event the queue returned (the sequence word without the slot).
  [[nodiscard]] static uint64_t OrderOf(const Event& event) { return event.sequence >> kSlotBits; }

  // Adds an event; its `sequence` is overwritten with the next sequence number.
  void Push(Event event) {
    event.sequence = next_sequence_++ << kSlotBits;
    heap_.push_back(event);
    SiftUp(heap_.size() - 1, event);
  }

  // Removes and returns the next event. REQUIRES: !empty().
  Event Pop() {
    const Event first = heap_.front();
    position_[SlotOf(first)] = kNotPending;
    RemoveAt(0);
    return first;
  }

  // A new timer, not pending.
  TimerId AddTimer() {
    position_.push_back(kNotPending);
    return static_cast<TimerId>(position_.size() - 2);  // slot 0 belongs to plain events
  }
  [[nodiscard]] bool TimerPending(TimerId timer) const {
    return position_[timer + 1] != kNotPending;
  }
  // When the timer's pending event is due. REQUIRES: TimerPending(timer).
  [[nodiscard]] double TimerDueS(TimerId timer) const { return heap_[position_[timer + 1]].time_s; }
  // Schedules the timer's event (`event.sequence` is overwritten): moves the pending one, with a
  // new sequence number as if it were pushed now, or adds it.
  void SetTimer(TimerId timer, Event event) {
    const uint64_t slot = timer + 1;
    event.sequence = (next_sequence_++ << kSlotBits) | slot;
    const size_t at = position_[slot];
    if (at == kNotPending) {
      heap_.push_back(event);
      SiftUp(heap_.size() - 1, event);
    } else if (Before(event, heap_[at])) {
      SiftUp(at, event);
    } else {
      SiftDown(at, event);
    }
  }
  // Takes the timer's pending event out, if any.
  void CancelTimer(TimerId timer) {
    const size_t at = position_[timer + 1];
    if (at == kNotPending) return;
    position_[timer + 1] = kNotPending;
    RemoveAt(at);
  }

  // Drops every pending event; keeps the storage, the timers and the sequence counter.
  void Clear() {
    heap_.clear();
    std::fill(position_.begin(), position_.end(), kNotPending);
  }
  void Reserve(size_t events) { heap_.reserve(events); }
  [[nodiscard]] size_t capacity() const { return heap_.capacity(); }

 private:
  static constexpr size_t kArity = 4;
  static constexpr int kSlotBits = 24;  // 16 M timers; 2^40 events per queue
  static constexpr size_t kNotPending = SIZE_MAX;

  static bool Before(const Event& a, const Event& b) {
    return a.time_s < b.time_s || (a.time_s == b.time_s && a.sequence < b.sequence);
  }
  static size_t SlotOf(const Event& event) {
    return static_cast<size_t>(event.sequence & ((uint64_t{1} << kSlotBits) - 1));
  }

  void Place(size_t index, const Event& event) {
    heap_[index] = event;
    position_[SlotOf(event)] = index;
  }

  // Fills the hole at `index` with the last event.
  void RemoveAt(size_t index) {
    const Event last = heap_.back();
    heap_.pop_back();
    if (index >= heap_.size()) return;
    if (index > 0 && Before(last, heap_[(index - 1) / kArity])) {
      SiftUp(index, last);
    } else {
      SiftDown(index, last);
    }
  }

  // Moves the hole at `index` up until `event` fits, then stores it.
  void SiftUp(size_t index, const Event& event) {
    while (index > 0) {
      const size_t parent = (index - 1) / kArity;
      if (!Before(event, heap_[parent])) break;
      Place(index, heap_[parent]);
      index = parent;
    }
    Place(index, event);
  }

  // Moves the hole at `index` down until `event` fits, then stores it.
  void SiftDown(size_t index, const Event& event) {
    const size_t n = heap_.size();
    for (;;) {
      const size_t first_child = index * kArity + 1;
      if (first_child >= n) break;
      const size_t end = first_child + kArity < n ? first_child + kArity : n;
      size_t best = first_child;
      for (size_t child = first_child + 1; child < end; ++child) {
        if (Before(heap_[child], heap_[best])) best = child;
      }
      if (!Before(heap_[best], event)) break;
      Place(index, heap_[best]);
      index = best;
    }
    Place(index, event);
  }

  std::vector<Event> heap_;
  // Per slot, where its event is in heap_; slot 0 (plain events) is a sink nobody reads.
  std::vector<size_t> position_ = {kNotPending};
  uint64_t next_sequence_ = 0;
};

}  // namespace headroom::sim
