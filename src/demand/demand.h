#pragma once
// Demand: from an Estate, the request rates per tenant, per request class, per real UTC hour
// over the horizon, for Monte Carlo samples of the uncertain inputs and for the deterministic
// mid evaluation; batch (cron) work; attachment growth; and per month three load windows
// (sustained, peak, recovery) for the estate and for each tenant, with quantiles across samples.
//
//   Result<Demand> demand = SynthesizeDemand(estate, DemandOptions::FromPlanning(estate.planning));
//   const Quantiles& peak = demand.value().estate_summary[month].Window(WindowKind::kPeak)
//                               .rate_per_s[demand.value().ClassIndex("interactive")];
//
// Hourly series of every sample are never stored: each tenant's series are linear combinations
// of a few deterministic basis series (tenant_model.h), evaluated sample by sample and folded
// into the windows straight away. docs/demand.md describes the model and its formulas.

#include <date/date.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "demand/batch.h"
#include "demand/calendar.h"
#include "demand/sampling.h"
#include "demand/windows.h"
#include "estate/model.h"

namespace headroom {

struct DemandOptions {
  int samples = 128;  // Monte Carlo samples (1..4096)
  uint64_t seed = 1;
  // Keep each tenant's hourly series of the mid evaluation, per class (hours × classes doubles
  // per tenant): for `headroom demand` output and the simulator.
  bool keep_hourly_mid = false;
  // Keep every tenant's windows for every sample (months × samples × 3 windows per tenant).
  // Without it tenants keep their mid windows and quantile summaries only.
  bool keep_tenant_samples = true;
  // Keep the list of batch releases (the per-month batch summaries are always kept).
  bool keep_batch_releases = true;
  // Worker threads for the sampling kernel (1 = the calling thread only). Results do not depend
  // on the thread count: threads split samples, never a sum.
  int threads = 1;
  // Tenants whose models the kernel holds at once (about 2.5 MB each for 24 months). When every
  // tenant fits one group, the estate's hourly sums are folded into each month's peak as they
  // are made and no samples × hours table is kept (36 MiB at 128 samples); otherwise each group
  // adds to that table. Results do not depend on it.
  int group_tenants = 8;

  // samples and seed from the estate's planning section.
  static DemandOptions FromPlanning(const Planning& planning);
};

// Called with the fraction done in [0, 1], from the calling thread.
using ProgressFn = std::function<void(double fraction_done)>;

struct DemandClass {
  std::string name;
  bool long_lived = false;  // values are concurrent sessions, not requests per second
  double cpu_ms = 0;        // app_cpu_ms + db_cpu_ms per request; 0 for long-lived classes
};

// Events of one tenant that coincided with an estate window's hour.
struct TenantEvents {
  int tenant = 0;
  uint64_t events = 0;  // bit i = Demand::event_names[i]

  friend bool operator==(const TenantEvents&, const TenantEvents&) = default;
};

// Batch work released in one month (by UTC hour of release).
struct BatchMonth {
  double total_cpu_s = 0;
  int releases = 0;
  std::optional<BatchRelease> heaviest;  // the release with the most CPU-seconds (earliest on ties)

  friend bool operator==(const BatchMonth&, const BatchMonth&) = default;
};

struct TenantDemand {
  std::string name;
  std::string time_zone;
  std::vector<int> sites;                 // per month: all sites (own and acquired)
  std::vector<int> added_sites;           // per month: sites joining (they trigger onboarding)
  std::vector<double> rto_hours;          // per class: the RTO of its recovery window
  double recovery_span_hours = 0;         // tightest RTO + backlog_drain_hours
  std::vector<TenantDraw> draws;          // per sample: the drawn inputs
  TenantDraw mid_draw;                    // every interval at its mid
  WindowTable windows;                    // months × samples; empty unless keep_tenant_samples
  WindowTable mid;                        // months × 1: the mid evaluation
  std::vector<MonthSummary> summary;      // per month: quantiles across samples
  std::vector<double> documents_mib;      // [month × samples + sample]: attachments added
  std::vector<double> documents_mid_mib;  // per month
  // Requests in each whole month, mid evaluation: [month × classes + class] (session-hours for
  // a long-lived class).
  std::vector<double> requests_mid;
  std::vector<BatchMonth> batch;  // per month
  // [class × hours + hour] when keep_hourly_mid: requests per second, or concurrent sessions
  // for a long-lived class.
  std::vector<double> hourly_mid;
  // The tenant's local calendar, compactly: events active per local date from
  // first_local_date, and UTC offset changes as (first hour index, minutes).
  date::sys_days first_local_date;
  std::vector<uint64_t> day_events;
  std::vector<std::pair<int, int>> utc_offsets;
};

struct Demand {
  std::string estate_name;
  Horizon horizon;
  int samples = 0;
  uint64_t seed = 0;
  Planning planning;                       // quantile, backlog parameters used
  std::vector<DemandClass> classes;        // Estate::request_classes order
  std::vector<std::string> event_names;    // Estate::events order: bit i of event masks
  std::vector<std::string> batch_sources;  // event names, then nightly job names
  std::vector<TenantDemand> tenants;       // Estate::tenants order

  WindowTable estate;                        // months × samples
  WindowTable estate_mid;                    // months × 1
  std::vector<MonthSummary> estate_summary;  // per month
  std::vector<BatchRelease> batch_releases;  // by hour, then tenant, then source
  std::vector<BatchMonth> batch;             // per month, estate
  std::vector<double> documents_mib;         // [month × samples + sample], estate
  std::vector<double> documents_mid_mib;     // per month, estate
  // Requests in each whole month, estate: [(month × samples + sample) × classes + class], and the
  // mid evaluation [month × classes + class]. For a long-lived class: session-hours.
  std::vector<double> requests_month;
  std::vector<double> requests_mid;
  // Rate values computed for the samples: tenants × classes with load × hours × samples.
  int64_t points = 0;

  // Tenants' events at the estate's peak (and recovery) hour; empty for sustained.
  std::vector<TenantEvents> coinciding_pool;
  std::vector<std::pair<int, int>> coinciding_index;      // [month × samples + sample]
  std::vector<std::pair<int, int>> coinciding_mid_index;  // [month]

  [[nodiscard]] int months() const { return horizon.months; }
  [[nodiscard]] int hours() const { return horizon.hours; }
  // Index of a class by name; -1 when absent.
  [[nodiscard]] int ClassIndex(std::string_view name) const;
  // Seconds since 1970-01-01 UTC at the start of hour `hour`.
  [[nodiscard]] int64_t HourUnixSeconds(int hour) const;
  // "2027-01-25T09:00:00Z".
  [[nodiscard]] std::string HourUtc(int hour) const;
  // "2027-01".
  [[nodiscard]] std::string MonthLabel(int month) const;
  // Names of the events in `mask`, in Estate::events order.
  [[nodiscard]] std::vector<std::string> EventNames(uint64_t mask) const;
  // Tenants with events active at the estate's peak hour of (month, sample) / of the mid.
  [[nodiscard]] std::span<const TenantEvents> Coinciding(int month, int sample) const;
  [[nodiscard]] std::span<const TenantEvents> CoincidingMid(int month) const;
  // Events of tenant `tenant` active at UTC hour `hour` (its local date). REQUIRES: 0 <= hour
  // < hours().
  [[nodiscard]] uint64_t EventsAt(int tenant, int hour) const;
  // A tenant's UTC offset in minutes at UTC hour `hour`.
  [[nodiscard]] int UtcOffsetMinutesAt(int tenant, int hour) const;
  // A tenant's hourly mid series of one class; empty unless keep_hourly_mid.
  [[nodiscard]] std::span<const double> HourlyMid(int tenant, int class_index) const;
  [[nodiscard]] double DocumentsMib(int month, int sample) const;
  // The estate's requests in month `month` of class `class_index` for a sample.
  [[nodiscard]] double RequestsMonth(int month, int sample, int class_index) const;
};

// Checks what demand synthesis relies on (names resolve, dates parse, hours and counts in
// range); returns every problem found, with field paths such as "tenants[0].time_zone".
Status CheckDemandInputs(const Estate& estate, const DemandOptions& options);

// Synthesises the estate's demand. Fails (kInvalid) when CheckDemandInputs does.
// Deterministic: the same estate and options give byte-identical results.
Result<Demand> SynthesizeDemand(const Estate& estate, const DemandOptions& options,
                                const ProgressFn* progress = nullptr);

}  // namespace headroom
