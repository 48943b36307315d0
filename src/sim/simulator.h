#pragma once
// The discrete-event simulator: a clock in seconds, the pending-event queue, a table of event
// handlers and the run's seed.
//
// A component (a resource, an arrival source, a model) registers an EventHandler once and gets
// an EventKind back; the events it schedules carry that kind and two small integers, and the
// simulator dispatches each event with one indirect call through the table (no closure, no
// allocation per event). Components that keep statistics register as StatisticsOwner, so a
// warm-up can discard every observation made before it in one place.
//
// Reproducibility: every random draw comes from a RandomStream named after the entity that
// draws it (Stream("arrivals/web")), seeded from the run's seed and that name, and events at the
// same instant run in the order they were scheduled. The same seed and the same model give the
// same sequence of events and bit-identical statistics on every machine.
//
// Lifetime: the simulator stores raw pointers to handlers and statistics owners; they must
// outlive every call to Run or Step. Components are neither copyable nor movable for that
// reason.

#include <cassert>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/random.h"
#include "sim/event_queue.h"

namespace headroom::sim {

class EventHandler {
 public:
  virtual ~EventHandler() = default;
  // Runs `event`; Simulator::now_s() is event.time_s. May schedule further events.
  virtual void HandleEvent(const Event& event) = 0;
};

class StatisticsOwner {
 public:
  virtual ~StatisticsOwner() = default;
  // Discards every observation made so far and restarts time-weighted averages at `now_s`,
  // keeping the current state (queue lengths, busy servers) as the starting level.
  virtual void ResetStatistics(double now_s) = 0;
};

class Simulator {
 public:
  explicit Simulator(uint64_t seed);
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  [[nodiscard]] uint64_t seed() const { return seed_; }
  // The stream of the entity called `name`: the same (seed, name) always gives the same draws,
  // and streams of different names are independent.
  [[nodiscard]] RandomStream Stream(std::string_view name) const {
    return RandomStream(seed_, name);
  }

  // The simulated time in seconds: the time of the event being handled, or of the last one
  // handled, or the end of the last Run if that came later.
  [[nodiscard]] double now_s() const { return now_s_; }

  // Adds a handler to the table and returns the kind that selects it. A component may register
  // several kinds. REQUIRES: handler outlives the simulator's runs.
  EventKind AddHandler(EventHandler* handler);
  // Registers a component whose statistics a warm-up (or ResetStatistics) resets.
  void AddStatisticsOwner(StatisticsOwner* owner);

  // Schedules an event at absolute time `time_s`. REQUIRES: time_s >= now_s(), finite; `kind`
  // returned by AddHandler.
  void Schedule(double time_s, EventKind kind, uint32_t target = 0, uint64_t data = 0) {
    assert(time_s >= now_s_ && kind < handlers_.size());
    queue_.Push(Event{time_s, 0, kind, target, data});
  }
  // Schedules an event `delay_s` after now. REQUIRES: delay_s >= 0, finite.
  void ScheduleIn(double delay_s, EventKind kind, uint32_t target = 0, uint64_t data = 0) {
    Schedule(now_s_ + delay_s, kind, target, data);
  }

  // A timer: an event that has at most one pending instance, moved in place when set again
  // (event_queue.h, "Timers"). For events rescheduled more often than they happen.
  TimerId AddTimer() { return queue_.AddTimer(); }
  // Schedules the timer's event at `time_s` (moving the pending one, if any). REQUIRES: as
  // Schedule.
  void SetTimer(TimerId timer, double time_s, EventKind kind, uint32_t target = 0,
                uint64_t data = 0) {
    assert(time_s >= now_s_ && kind < handlers_.size());
    queue_.SetTimer(timer, Event{time_s, 0, kind, target, data});
  }
  void CancelTimer(TimerId timer) { queue_.CancelTimer(timer); }
  [[nodiscard]] bool TimerPending(TimerId timer) const { return queue_.TimerPending(timer); }
  // REQUIRES: TimerPending(timer).
  [[nodiscard]] double TimerDueS(TimerId timer) const { return queue_.TimerDueS(timer); }

  // Resets every statistics owner at time `warmup_s` (an event scheduled now): observations made
  // before the warm-up are discarded, time-weighted averages start there. REQUIRES:
  // warmup_s >= now_s().
  void SetWarmup(double warmup_s);
  // Resets every statistics owner now.
  void ResetStatistics();
  // Time at which statistics were last reset (0 before any reset): the start of the
  // observation window.
  [[nodiscard]] double statistics_start_s() const { return statistics_start_s_; }

  // Handles events in time order while the next one is due at or before `end_s`, then advances
  // the clock to `end_s` (so time-weighted statistics read at now_s() cover the whole window).
  // With end_s = +infinity it runs until no event is pending and leaves the clock at the last
  // event. Returns the number of events handled. Stop() ends it early.
  uint64_t Run(double end_s);
  // Handles the next event, if any; returns false when none is pending.
  bool Step();
  // Called from a handler: Run returns once the current event is handled; the clock stays at
  // that event.
  void Stop() { stopped_ = true; }

  [[nodiscard]] uint64_t events_handled() const { return events_handled_; }
  [[nodiscard]] size_t pending_events() const { return queue_.size(); }
  // Pre-sizes the event queue (it otherwise grows to the peak number of pending events).
  void ReserveEvents(size_t events) { queue_.Reserve(events); }

 private:
  class WarmupHandler final : public EventHandler {
   public:
    explicit WarmupHandler(Simulator* simulator) : simulator_(simulator) {}
    void HandleEvent(const Event& /*event*/) override { simulator_->ResetStatistics(); }

   private:
    Simulator* simulator_;
  };

  void Dispatch(const Event& event) {
    now_s_ = event.time_s;
    handlers_[event.kind]->HandleEvent(event);
    ++events_handled_;
  }

  uint64_t seed_;
  double now_s_ = 0.0;
  double statistics_start_s_ = 0.0;
  uint64_t events_handled_ = 0;
  bool stopped_ = false;
  EventQueue queue_;
  std::vector<EventHandler*> handlers_;
  std::vector<StatisticsOwner*> statistics_owners_;
  WarmupHandler warmup_handler_{this};
  EventKind warmup_kind_;
};

}  // namespace headroom::sim
