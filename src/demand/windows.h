#pragma once
// Load windows: per month, the three views of load that sizing plans for.
//
//   sustained  the mean rate per class over the month's business hours (local 08:00–18:00 of
//              business days with no event active); for the estate, the sum of its tenants'
//   peak       the month's worst hour by offered CPU load Σ_class rate × (app + db CPU ms)/1000,
//              with the per-class rates at that hour, its UTC hour and the events active there
//   recovery   the peak plus the backlog an outage of the target RTO leaves: per class,
//              backlog = peak rate × RTO × backlog_return_share, drained over
//              backlog_drain_hours, so rate = peak × (1 + RTO_h × share / drain_h)
// Across Monte Carlo samples each window's values are summarised by quantiles (type 7).

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "estate/model.h"

namespace headroom {

enum class WindowKind : uint8_t { kSustained = 0, kPeak = 1, kRecovery = 2 };
inline constexpr int kWindowKinds = 3;

// "sustained", "peak", "recovery".
std::string_view WindowKindName(WindowKind kind);

// The scalar facts of one window.
struct WindowFacts {
  // Σ_class rate_per_s × (app_cpu_ms + db_cpu_ms) / 1000: CPU-seconds per second, i.e. cores.
  double offered_cpu_cores = 0;
  // Concurrent long-lived (websocket) sessions at the window's hour; sustained: their mean.
  double sessions = 0;
  // The month's highest hourly concurrent sessions (the same in the three windows).
  double max_sessions = 0;
  // CPU-seconds of batch releases in flight during the window: at the peak hour, or during
  // [peak hour, peak hour + tightest RTO + drain) for recovery; 0 for sustained.
  double batch_cpu_s = 0;
  // UTC hour index of the window's hour (peak and recovery); -1 for sustained (an average).
  int hour = -1;
  // Events active at `hour` (bit i = Demand::event_names[i]); for the estate, in any tenant
  // (Demand::Coinciding says which tenant had which).
  uint64_t events = 0;

  friend bool operator==(const WindowFacts&, const WindowFacts&) = default;
};

// A window: per-class values (requests per second; 0 for long-lived classes) and its facts.
struct LoadWindow {
  std::span<const double> rate_per_s;  // indexed like Demand::classes
  WindowFacts facts;
};

// Windows for months × samples, flat (no allocation per window).
class WindowTable {
 public:
  WindowTable() = default;
  WindowTable(int months, int samples, int classes);

  [[nodiscard]] bool empty() const { return facts_.empty(); }
  [[nodiscard]] int months() const { return months_; }
  [[nodiscard]] int samples() const { return samples_; }
  [[nodiscard]] int classes() const { return classes_; }

  // REQUIRES: 0 <= month < months(), 0 <= sample < samples().
  [[nodiscard]] LoadWindow At(int month, int sample, WindowKind kind) const;
  [[nodiscard]] std::span<double> Rates(int month, int sample, WindowKind kind);
  [[nodiscard]] WindowFacts& Facts(int month, int sample, WindowKind kind);

  friend bool operator==(const WindowTable&, const WindowTable&) = default;

 private:
  [[nodiscard]] size_t Cell(int month, int sample, WindowKind kind) const {
    return (static_cast<size_t>(month) * static_cast<size_t>(samples_) +
            static_cast<size_t>(sample)) *
               kWindowKinds +
           static_cast<size_t>(kind);
  }

  int months_ = 0;
  int samples_ = 0;
  int classes_ = 0;
  std::vector<double> rates_;       // [month][sample][kind][class]
  std::vector<WindowFacts> facts_;  // [month][sample][kind]
};

// Offered CPU load (cores) of per-class rates: Σ rate × cpu_ms / 1000, in class order.
// `cpu_ms[c]` is app_cpu_ms + db_cpu_ms, 0 for long-lived classes.
double OfferedCpuCores(std::span<const double> rate_per_s, std::span<const double> cpu_ms);

// Requests missed during an outage of `rto_hours` at `peak_rate_per_s` that come back:
// peak × RTO × 3600 × backlog_return_share.
double BacklogRequests(double peak_rate_per_s, double rto_hours, const Planning& planning);

// Recovery rate of one class: peak + backlog / (backlog_drain_hours × 3600).
// REQUIRES: planning.backlog_drain_hours > 0.
double RecoveryRatePerS(double peak_rate_per_s, double rto_hours, const Planning& planning);

// The quantile at p of ascending `sorted` values, Hyndman & Fan type 7 (R's default, NumPy's
// "linear"): with h = (n − 1) p, x[⌊h⌋] + (h − ⌊h⌋) (x[⌊h⌋ + 1] − x[⌊h⌋]).
// REQUIRES: !sorted.empty(), 0 <= p <= 1.
double QuantileSorted(std::span<const double> sorted, double p);

struct Quantiles {
  double p10 = 0;
  double p50 = 0;
  double planning = 0;  // at Planning::quantile
  double p90 = 0;

  friend bool operator==(const Quantiles&, const Quantiles&) = default;
};

// Sorts `values` and returns their quantiles. REQUIRES: !values.empty().
Quantiles QuantilesOf(std::span<double> values, double planning_quantile);

// One window's values across samples. Each value's quantiles are taken on its own (marginal):
// the p90 of two classes may come from different samples.
struct WindowSummary {
  std::vector<Quantiles> rate_per_s;  // per class
  Quantiles offered_cpu_cores;
  Quantiles sessions;
  Quantiles max_sessions;
  Quantiles batch_cpu_s;

  friend bool operator==(const WindowSummary&, const WindowSummary&) = default;
};

struct MonthSummary {
  WindowSummary windows[kWindowKinds];

  [[nodiscard]] const WindowSummary& Window(WindowKind kind) const {
    return windows[static_cast<int>(kind)];
  }
  friend bool operator==(const MonthSummary&, const MonthSummary&) = default;
};

// Per month, the quantiles across the table's samples. REQUIRES: table.samples() >= 1.
std::vector<MonthSummary> SummarizeWindows(const WindowTable& table, double planning_quantile);

}  // namespace headroom
