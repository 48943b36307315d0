// CheckDemandInputs: the estate facts demand synthesis relies on. The YAML reader validates
// estates it reads; this check protects estates built in code (tests, generators, calibration).

#include <date/tz.h>
#include <fmt/format.h>

#include <exception>
#include <set>

#include "demand/calendar.h"
#include "demand/demand.h"

namespace headroom {
namespace {

// Event masks are 64-bit.
constexpr size_t kMaxEvents = 64;
// The estate accumulators hold (samples + 1) × hours × 16 bytes: 4,096 samples over 60 months
// is about 2.9 GB, the most a run should ask for.
constexpr int kMaxSamples = 4096;

class Checker {
 public:
  explicit Checker(const Estate& estate) : estate_(estate) {}

  void Fail(std::string field, std::string message) {
    errors_.push_back(InvalidError(std::move(message), Location{"", 0, 0, std::move(field)}));
  }

  void Class(const std::string& field, const std::string& name, bool rate_class) {
    const RequestClass* c = estate_.FindClass(name);
    if (c == nullptr) {
      Fail(field, fmt::format("unknown request class '{}'", name));
    } else if (rate_class && c->long_lived) {
      Fail(field, fmt::format("request class '{}' is long-lived (sessions, not requests)", name));
    }
  }

  void Hour(const std::string& field, int hour, int max) {
    if (hour < 0 || hour > max) Fail(field, fmt::format("hour {} is outside 0..{}", hour, max));
  }

  void Batch(const std::string& field, const BatchWork& w) {
    Hour(field + ".start_hour_local", w.start_hour_local, 23);
    if (!(w.deadline_hours > 0)) Fail(field + ".deadline_hours", "must be greater than 0");
    if (!(w.cpu_seconds >= 0)) Fail(field + ".cpu_seconds", "must not be negative");
  }

  void CheckEstate() {
    if (estate_.horizon_months < 1 || estate_.horizon_months > 60) {
      Fail("estate.horizon_months", "must be between 1 and 60");
    }
    if (estate_.request_classes.empty()) Fail("request_classes", "at least one class is needed");
    int long_lived = 0;
    for (const RequestClass& c : estate_.request_classes) long_lived += c.long_lived ? 1 : 0;
    if (long_lived > 1) Fail("request_classes", "at most one class may be long_lived");
    if (estate_.events.size() > kMaxEvents) Fail("events", "at most 64 events are supported");
    if (!(estate_.planning.backlog_drain_hours > 0)) {
      Fail("planning.backlog_drain_hours", "must be greater than 0");
    }
    if (!(estate_.planning.quantile > 0 && estate_.planning.quantile < 1)) {
      Fail("planning.quantile", "must be between 0 and 1");
    }
    for (size_t i = 0; i < estate_.events.size(); ++i) CheckEvent(estate_.events[i], i);
    for (size_t i = 0; i < estate_.tenants.size(); ++i) CheckTenant(estate_.tenants[i], i);
  }

  void CheckEvent(const CalendarEvent& e, size_t i) {
    const std::string f = fmt::format("events[{}]", i);
    if (e.kind == EventKind::kPayroll && e.schedule == PayrollSchedule::kBiweekly &&
        !ParseDate(e.anchor_date)) {
      Fail(f + ".anchor_date", fmt::format("'{}' is not a date (YYYY-MM-DD)", e.anchor_date));
    }
    if (e.day_of_month < 1 || e.day_of_month > 31) Fail(f + ".day_of_month", "must be 1..31");
    if (e.weekday < 0 || e.weekday > 6) Fail(f + ".weekday", "must be 0 (Monday) .. 6 (Sunday)");
    if (e.duration_days < 1) Fail(f + ".duration_days", "must be at least 1");
    if (e.last_business_days < 0 || e.first_business_days < 0 || e.lead_business_days < 0) {
      Fail(f, "business day counts must not be negative");
    }
    for (const ClassMultiplier& m : e.multipliers) {
      Class(f + ".multipliers." + m.request_class, m.request_class, false);
      if (!(m.factor >= 0)) Fail(f + ".multipliers." + m.request_class, "must not be negative");
    }
    if (e.batch) Batch(f + ".batch", *e.batch);
  }

  void CheckTenant(const Tenant& t, size_t i) {
    const std::string f = fmt::format("tenants[{}]", i);
    try {
      date::locate_zone(t.time_zone);
    } catch (const std::exception&) {
      Fail(f + ".time_zone", fmt::format("unknown time zone '{}'", t.time_zone));
    }
    if (t.profile.weekday_hour_weights.size() != 24) {
      Fail(f + ".profile.weekday_hour_weights", "needs 24 values");
    }
    for (double w : t.profile.weekday_hour_weights) {
      if (!(w >= 0)) Fail(f + ".profile.weekday_hour_weights", "weights must not be negative");
    }
    if (!(t.profile.weekend_factor >= 0))
      Fail(f + ".profile.weekend_factor", "must not be negative");
    for (const ClassShare& s : t.class_mix)
      Class(f + ".class_mix." + s.request_class, s.request_class, true);
    if (t.portal) Class(f + ".portal.request_class", t.portal->request_class, true);
    for (size_t j = 0; j < t.integrations.size(); ++j) {
      const Integration& in = t.integrations[j];
      const std::string g = fmt::format("{}.integrations[{}]", f, j);
      Class(g + ".request_class", in.request_class, true);
      if (in.window_start_hour.has_value() != in.window_end_hour.has_value()) {
        Fail(g, "a window needs both window_start_hour and window_end_hour");
      } else if (in.window_start_hour) {
        Hour(g + ".window_start_hour", *in.window_start_hour, 23);
        Hour(g + ".window_end_hour", *in.window_end_hour, 24);
        if (*in.window_start_hour == *in.window_end_hour % 24) Fail(g, "the window is empty");
      }
    }
    std::set<std::string> seen;
    for (const std::string& name : t.events) {
      if (estate_.FindEvent(name) == nullptr) {
        Fail(f + ".events", fmt::format("unknown event '{}'", name));
      } else if (!seen.insert(name).second) {
        Fail(f + ".events", fmt::format("event '{}' is listed twice", name));
      }
    }
    for (const std::string& day : t.holidays) {
      if (!ParseDate(day))
        Fail(f + ".holidays", fmt::format("'{}' is not a date (YYYY-MM-DD)", day));
    }
    for (size_t j = 0; j < t.nightly_jobs.size(); ++j) {
      Batch(fmt::format("{}.nightly_jobs[{}]", f, j), t.nightly_jobs[j].work);
    }
    for (size_t j = 0; j < t.recovery.size(); ++j) {
      const RecoveryObjective& o = t.recovery[j];
      const std::string g = fmt::format("{}.recovery[{}]", f, j);
      if (!(o.rto_minutes >= 0)) Fail(g + ".rto_minutes", "must not be negative");
      for (const std::string& c : o.request_classes) Class(g + ".request_classes", c, false);
    }
    if (t.sites.initial < 0) Fail(f + ".sites.initial", "must not be negative");
  }

  Errors Take() { return std::move(errors_); }

 private:
  const Estate& estate_;
  Errors errors_;
};

}  // namespace

Status CheckDemandInputs(const Estate& estate, const DemandOptions& options) {
  Checker checker(estate);
  if (options.samples < 1 || options.samples > kMaxSamples) {
    checker.Fail("planning.samples", fmt::format("must be between 1 and {}", kMaxSamples));
  }
  if (options.threads < 1) checker.Fail("threads", "must be at least 1");
  checker.CheckEstate();
  return checker.Take();
}

}  // namespace headroom
