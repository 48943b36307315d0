#pragma once
// The time average of a piecewise-constant quantity (a queue length, busy servers, tokens in
// use): (1 / (t − t0)) ∫ level dt over the observation window [t0, t], accumulated exactly at
// each change of level. Reset starts a new window at the current level, which is how a warm-up
// discards the transient from an empty start (docs/simulation.md, "Warm-up").

#include <algorithm>

namespace headroom::sim {

class TimeWeighted {
 public:
  explicit TimeWeighted(double start_s = 0.0, double level = 0.0)
      : level_(level), max_(level), start_s_(start_s), last_s_(start_s) {}

  // The level changes to `level` at `now_s`. REQUIRES: now_s >= the time of the last change.
  void Set(double now_s, double level) {
    area_ += level_ * (now_s - last_s_);
    last_s_ = now_s;
    level_ = level;
    max_ = std::max(max_, level);
  }
  void Add(double now_s, double delta) { Set(now_s, level_ + delta); }

  [[nodiscard]] double level() const { return level_; }
  // The highest level since the last reset.
  [[nodiscard]] double max() const { return max_; }
  [[nodiscard]] double start_s() const { return start_s_; }

  // ∫ level dt from the window's start to `now_s`. REQUIRES: now_s >= the last change.
  [[nodiscard]] double Integral(double now_s) const { return area_ + level_ * (now_s - last_s_); }
  // The time-average level over [start, now_s]; the current level when the window is empty.
  [[nodiscard]] double Mean(double now_s) const {
    const double span_s = now_s - start_s_;
    return span_s > 0.0 ? Integral(now_s) / span_s : level_;
  }

  // Starts a new window at `now_s`, keeping the current level.
  void Reset(double now_s) {
    area_ = 0.0;
    start_s_ = now_s;
    last_s_ = now_s;
    max_ = level_;
  }

 private:
  double level_;
  double max_;
  double area_ = 0.0;
  double start_s_;
  double last_s_;
};

}  // namespace headroom::sim
