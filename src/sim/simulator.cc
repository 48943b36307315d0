#include "sim/simulator.h"

#include <cassert>
#include <cmath>

namespace headroom::sim {

Simulator::Simulator(uint64_t seed) : seed_(seed), warmup_kind_(AddHandler(&warmup_handler_)) {}

EventKind Simulator::AddHandler(EventHandler* handler) {
  assert(handler != nullptr);
  handlers_.push_back(handler);
  return static_cast<EventKind>(handlers_.size() - 1);
}

void Simulator::AddStatisticsOwner(StatisticsOwner* owner) {
  assert(owner != nullptr);
  statistics_owners_.push_back(owner);
}

void Simulator::SetWarmup(double warmup_s) {
  assert(warmup_s >= now_s_ && std::isfinite(warmup_s));
  Schedule(warmup_s, warmup_kind_);
}

void Simulator::ResetStatistics() {
  statistics_start_s_ = now_s_;
  for (StatisticsOwner* owner : statistics_owners_) owner->ResetStatistics(now_s_);
}

uint64_t Simulator::Run(double end_s) {
  stopped_ = false;
  const uint64_t before = events_handled_;
  while (!queue_.empty() && queue_.top().time_s <= end_s) {
    Dispatch(queue_.Pop());
    if (stopped_) return events_handled_ - before;
  }
  if (std::isfinite(end_s) && end_s > now_s_) now_s_ = end_s;
  return events_handled_ - before;
}

bool Simulator::Step() {
  if (queue_.empty()) return false;
  Dispatch(queue_.Pop());
  return true;
}

}  // namespace headroom::sim
