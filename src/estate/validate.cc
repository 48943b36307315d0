#include "estate/validate.h"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "common/result.h"
#include "common/suggest.h"
#include "common/year_month.h"

namespace headroom {
namespace {

// Percentages of a class mix must sum to 100 within this many points (rounding in the input).
constexpr double kMixSumTolerance = 0.01;
// The busiest hour of a daily profile must weigh 1 within this tolerance.
constexpr double kProfilePeakTolerance = 1e-9;
constexpr int kMaxSamples = 100000;
constexpr int kMaxHorizonMonths = 60;

// "Did you mean" compares a name with every candidate; past this many candidates (an estate
// with thousands of classes) the search is skipped so validation stays linear.
constexpr size_t kMaxSuggestionCandidates = 1000;

std::optional<std::string> Suggest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  if (candidates.size() > kMaxSuggestionCandidates) return std::nullopt;
  return ClosestMatch(word, candidates);
}

// Numbers in messages: up to 10 significant digits, so 94.1 + 5.8 shows as 99.9.
std::string Num(double value) { return fmt::format("{:.10g}", value); }

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

class Checker {
 public:
  Checker(const Estate& estate, const SourceMap& sources) : estate_(estate), sources_(sources) {
    for (const RequestClass& c : estate.request_classes) class_names_.push_back(c.name);
    for (const CalendarEvent& e : estate.events) event_names_.push_back(e.name);
    class_set_.insert(class_names_.begin(), class_names_.end());
    event_set_.insert(event_names_.begin(), event_names_.end());
  }

  Errors Take() {
    if (truncated_) errors_.push_back(TooManyErrors(sources_.file()));
    return std::move(errors_);
  }
  [[nodiscard]] const Estate& estate() const { return estate_; }

  void Fail(const std::string& path, std::string message) {
    if (errors_.size() >= kMaxErrors) {
      truncated_ = true;
      return;
    }
    errors_.push_back(InvalidError(std::move(message), sources_.Find(path)));
  }

  void AtLeast(const std::string& path, double value, double min) {
    if (!(value >= min))
      Fail(path, fmt::format("must be at least {}, got {}", Num(min), Num(value)));
  }
  void Positive(const std::string& path, double value) {
    if (!(value > 0)) Fail(path, fmt::format("must be greater than 0, got {}", Num(value)));
  }
  void Between(const std::string& path, double value, double low, double high) {
    if (!(value >= low && value <= high)) {
      Fail(path, fmt::format("must be between {} and {}, got {}", Num(low), Num(high), Num(value)));
    }
  }
  void StrictlyBetween(const std::string& path, double value, double low, double high) {
    if (!(value > low && value < high)) {
      Fail(path, fmt::format("must be strictly between {} and {}, got {}", Num(low), Num(high),
                             Num(value)));
    }
  }
  void NotEmpty(const std::string& path, const std::string& value) {
    if (value.empty()) Fail(path, "must not be empty");
  }

  // An uncertain input: ordered low <= mid <= high, confidence in (0, 1), every bound within
  // [min, max] (no upper bound when max is unset).
  void CheckInterval(const std::string& path, const Interval& v, double min,
                     std::optional<double> max = std::nullopt) {
    StrictlyBetween(path + ".confidence", v.confidence, 0, 1);
    if (v.low > v.mid) {
      Fail(path, fmt::format("low ({}) must not exceed mid ({})", Num(v.low), Num(v.mid)));
    } else if (v.mid > v.high) {
      Fail(path, fmt::format("mid ({}) must not exceed high ({})", Num(v.mid), Num(v.high)));
    }
    if (v.IsExact()) {
      Range(path, v.mid, min, max);
      return;
    }
    Range(path + ".low", v.low, min, max);
    if (v.low > v.mid || v.mid > v.high) Range(path + ".mid", v.mid, min, max);
    Range(path + ".high", v.high, min, max);
  }

  // A month offset from the estate's start: 0 .. horizon_months - 1.
  void Month(const std::string& path, int month) {
    // An invalid horizon is reported on its own; months cannot be judged against it.
    if (estate_.horizon_months < 1 || estate_.horizon_months > kMaxHorizonMonths) return;
    const int last = estate_.horizon_months - 1;
    if (month < 0 || month > last) {
      Fail(path,
           fmt::format("month {} is outside the planning horizon (months 0 to {})", month, last));
    }
  }

  void ClassRef(const std::string& path, const std::string& name) {
    Reference(path, name, "request class", class_names_, class_set_);
  }
  void EventRef(const std::string& path, const std::string& name) {
    Reference(path, name, "event", event_names_, event_set_);
  }

  // Names within one list must be unique; `what` says what they name.
  template <typename T, typename Name>
  void UniqueNames(const std::string& list_path, const std::vector<T>& items, Name name,
                   std::string_view what, std::string_view field = "name") {
    std::map<std::string, size_t> first;
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string& n = name(items[i]);
      const std::string path = fmt::format("{}[{}]", list_path, i);
      if (n.empty()) {
        NotEmpty(path + "." + std::string(field), n);
        continue;
      }
      auto [it, inserted] = first.emplace(n, i);
      if (!inserted) {
        Fail(path + "." + std::string(field),
             fmt::format("duplicate {} '{}' (first at {}[{}])", what, n, list_path, it->second));
      }
    }
  }

 private:
  void Range(const std::string& path, double value, double min, std::optional<double> max) {
    if (max) {
      Between(path, value, min, *max);
    } else {
      AtLeast(path, value, min);
    }
  }
  void Reference(const std::string& path, const std::string& name, std::string_view what,
                 const std::vector<std::string>& defined,
                 const std::unordered_set<std::string>& defined_set) {
    if (defined_set.count(name) > 0) return;
    std::string message = fmt::format("unknown {} '{}'", what, name);
    if (auto match = Suggest(name, defined)) {
      message += fmt::format("; did you mean '{}'?", *match);
    } else if (defined.empty()) {
      message += " (none is defined)";
    } else if (defined.size() > kMaxSuggestionCandidates) {
      message += fmt::format(" ({} are defined)", defined.size());
    } else {
      message += fmt::format(" (defined: {})", JoinNames(defined));
    }
    Fail(path, message);
  }

  const Estate& estate_;
  const SourceMap& sources_;
  std::vector<std::string> class_names_;
  std::vector<std::string> event_names_;
  std::unordered_set<std::string> class_set_;
  std::unordered_set<std::string> event_set_;
  Errors errors_;
  bool truncated_ = false;
};

void CheckEstateSection(Checker& c, const Estate& e) {
  c.NotEmpty("estate.name", e.name);
  c.Between("estate.horizon_months", e.horizon_months, 1, kMaxHorizonMonths);
  const bool iso_currency =
      e.currency.size() == 3 && std::all_of(e.currency.begin(), e.currency.end(),
                                            [](char ch) { return ch >= 'A' && ch <= 'Z'; });
  if (!iso_currency) {
    c.Fail("estate.currency",
           fmt::format("must be a three-letter ISO 4217 code such as EUR, got '{}'", e.currency));
  }
  const Planning& p = e.planning;
  c.StrictlyBetween("planning.quantile", p.quantile, 0, 1);
  c.Between("planning.samples", p.samples, 1, kMaxSamples);
  c.Between("planning.backlog_return_share", p.backlog_return_share, 0, 1);
  c.Positive("planning.backlog_drain_hours", p.backlog_drain_hours);
  const HeadroomPolicy& h = e.policy;
  c.StrictlyBetween("policy.sustained_max_utilisation", h.sustained_max_utilisation, 0, 1);
  c.StrictlyBetween("policy.peak_max_utilisation", h.peak_max_utilisation, 0, 1);
  if (h.sustained_max_utilisation > h.peak_max_utilisation) {
    c.Fail("policy.sustained_max_utilisation",
           fmt::format("must not exceed peak_max_utilisation ({:g})", h.peak_max_utilisation));
  }
  if (h.recovery_latency_factor < 1) {
    c.Fail("policy.recovery_latency_factor", "must be at least 1");
  }
  c.Between("policy.zones", h.zones, 1, 6);
  if (h.survive_zone_loss && h.zones < 2) {
    c.Fail("policy.zones", "surviving a zone loss needs at least 2 zones");
  }
  c.Between("policy.maintenance_reserve", h.maintenance_reserve, 0, 0.9);
  c.Between("policy.storage_lookahead_months", h.storage_lookahead_months, 0, 60);
  c.Between("policy.storage_growth_room", h.storage_growth_room, 0, 10);
}

void CheckClasses(Checker& c, const std::vector<RequestClass>& classes) {
  if (classes.empty()) c.Fail("request_classes", "at least one request class is required");
  c.UniqueNames(
      "request_classes", classes,
      [](const RequestClass& k) -> const std::string& { return k.name; }, "request class");
  for (size_t i = 0; i < classes.size(); ++i) {
    const RequestClass& k = classes[i];
    const std::string path = fmt::format("request_classes[{}]", i);
    c.AtLeast(path + ".app_cpu_ms", k.app_cpu_ms, 0);
    c.AtLeast(path + ".db_cpu_ms", k.db_cpu_ms, 0);
    c.AtLeast(path + ".db_reads", k.db_reads, 0);
    c.AtLeast(path + ".db_writes", k.db_writes, 0);
    c.AtLeast(path + ".worker_memory_mib", k.worker_memory_mib, 0);
    c.AtLeast(path + ".response_kib", k.response_kib, 0);
    c.AtLeast(path + ".service_cv", k.service_cv, 0);
    c.Positive(path + ".p95_target_ms", k.p95_target_ms);
  }
}

void CheckBatch(Checker& c, const std::string& path, const BatchWork& b) {
  c.AtLeast(path + ".cpu_seconds", b.cpu_seconds, 0);
  c.Positive(path + ".deadline_hours", b.deadline_hours);
  c.Between(path + ".start_hour_local", b.start_hour_local, 0, 23);
}

void CheckEventTiming(Checker& c, const std::string& path, const CalendarEvent& e) {
  switch (e.kind) {
    case EventKind::kMonthEnd:
      c.Between(path + ".last_business_days", e.last_business_days, 0, 10);
      c.Between(path + ".first_business_days", e.first_business_days, 0, 10);
      return;
    case EventKind::kPayroll:
      c.Between(path + ".lead_business_days", e.lead_business_days, 0, 10);
      if (e.schedule == PayrollSchedule::kMonthly) {
        c.Between(path + ".day_of_month", e.day_of_month, 1, 31);
      } else if (!IsIsoDate(e.anchor_date)) {
        c.Fail(path + ".anchor_date",
               fmt::format("expected a real date as YYYY-MM-DD, got '{}'", e.anchor_date));
      }
      return;
    case EventKind::kMonthly:
      c.Between(path + ".day_of_month", e.day_of_month, 1, 31);
      c.Between(path + ".duration_days", e.duration_days, 1, 31);
      return;
    case EventKind::kWeekly:
      c.Between(path + ".weekday", e.weekday, 0, 6);
      c.Between(path + ".duration_days", e.duration_days, 1, 7);
      return;
    case EventKind::kOnboarding:
      c.Between(path + ".duration_days", e.duration_days, 1, 31);
      return;
  }
}

void CheckEvents(Checker& c, const std::vector<CalendarEvent>& events) {
  c.UniqueNames(
      "events", events, [](const CalendarEvent& e) -> const std::string& { return e.name; },
      "event");
  for (size_t i = 0; i < events.size(); ++i) {
    const CalendarEvent& e = events[i];
    const std::string path = fmt::format("events[{}]", i);
    CheckEventTiming(c, path, e);
    for (const ClassMultiplier& m : e.multipliers) {
      const std::string mpath = path + ".multipliers." + m.request_class;
      c.ClassRef(mpath, m.request_class);
      c.AtLeast(mpath, m.factor, 0);
    }
    if (e.batch) CheckBatch(c, path + ".batch", *e.batch);
  }
}

void CheckGrowth(Checker& c, const std::string& path, const GrowthStep& g) {
  switch (g.kind) {
    case GrowthKind::kStep:
      c.Month(path + ".month", g.month);
      c.AtLeast(path + ".add_sites", g.add_sites, 1);
      return;
    case GrowthKind::kRamp:
      c.Month(path + ".from_month", g.from_month);
      c.Month(path + ".to_month", g.to_month);
      if (g.from_month > g.to_month) {
        c.Fail(path + ".from_month",
               fmt::format("from_month ({}) is after to_month ({})", g.from_month, g.to_month));
      }
      c.AtLeast(path + ".add_sites", g.add_sites, 1);
      return;
    case GrowthKind::kAcquisition:
      c.NotEmpty(path + ".name", g.name);
      c.Month(path + ".month", g.month);
      c.AtLeast(path + ".add_sites", g.add_sites, 0);
      if (g.users_per_site) c.CheckInterval(path + ".users_per_site", *g.users_per_site, 0);
      c.CheckInterval(path + ".central_users", g.central_users, 0);
      return;
  }
}

void CheckTimeZone(Checker& c, const std::string& path, const std::string& zone) {
  if (IsKnownTimeZone(zone)) return;
  std::string message = fmt::format("unknown IANA time zone '{}'", zone);
  try {
    std::vector<std::string> names;
    const date::tzdb& db = date::get_tzdb();
    names.reserve(db.zones.size());
    for (const date::time_zone& z : db.zones) names.emplace_back(z.name());
    if (auto match = Suggest(zone, names)) {
      message += fmt::format("; did you mean '{}'?", *match);
    }
  } catch (const std::exception&) {
    // No database to suggest from: the message stands without a suggestion.
  }
  c.Fail(path, message);
}

void CheckClassMix(Checker& c, const std::string& path, const std::vector<ClassShare>& mix) {
  double sum = 0;
  for (const ClassShare& share : mix) {
    const std::string spath = path + "." + share.request_class;
    c.ClassRef(spath, share.request_class);
    c.Between(spath, share.percent, 0, 100);
    sum += share.percent;
  }
  if (std::abs(sum - 100) > kMixSumTolerance) {
    c.Fail(path, fmt::format("percentages sum to {}, expected 100", Num(sum)));
  }
}

void CheckPortal(Checker& c, const std::string& path, const PortalUsers& p) {
  c.CheckInterval(path + ".users", p.users, 0);
  c.Month(path + ".launch_month", p.launch_month);
  c.CheckInterval(path + ".concurrency_ratio", p.concurrency_ratio, 0, 1);
  c.CheckInterval(path + ".requests_per_user_hour", p.requests_per_user_hour, 0);
  c.ClassRef(path + ".request_class", p.request_class);
}

void CheckIntegration(Checker& c, const std::string& path, const Integration& i) {
  c.CheckInterval(path + ".calls_per_day", i.calls_per_day, 0);
  c.ClassRef(path + ".request_class", i.request_class);
  c.AtLeast(path + ".payload_kib", i.payload_kib, 0);
  c.Month(path + ".start_month", i.start_month);
  const auto& start = i.window_start_hour;
  const auto& end = i.window_end_hour;
  if (start.has_value() != end.has_value()) {
    const std::string missing = start ? "window_end_hour" : "window_start_hour";
    const std::string given = start ? "window_start_hour" : "window_end_hour";
    c.Fail(path + "." + missing, fmt::format("required when {} is given", given));
    return;
  }
  if (!start) return;
  c.Between(path + ".window_start_hour", *start, 0, 23);
  c.Between(path + ".window_end_hour", *end, 1, 24);
  if (*start >= *end) {
    c.Fail(path + ".window_start_hour",
           fmt::format("window_start_hour ({}) must be before window_end_hour ({}); split a "
                       "window that crosses midnight into two integrations",
                       *start, *end));
  }
}

void CheckProfile(Checker& c, const std::string& path, const DailyProfile& p) {
  const std::string wpath = path + ".weekday_hour_weights";
  if (p.weekday_hour_weights.size() != 24) {
    c.Fail(wpath, fmt::format("expected 24 hourly weights, got {}", p.weekday_hour_weights.size()));
  } else {
    double peak = 0;
    for (size_t h = 0; h < 24; ++h) {
      c.Between(fmt::format("{}[{}]", wpath, h), p.weekday_hour_weights[h], 0, 1);
      peak = std::max(peak, p.weekday_hour_weights[h]);
    }
    if (peak <= 1 && std::abs(peak - 1) > kProfilePeakTolerance) {
      c.Fail(wpath, fmt::format("the busiest hour must weigh 1, got a maximum of {}", Num(peak)));
    }
  }
  c.AtLeast(path + ".weekend_factor", p.weekend_factor, 0);
}

void CheckTenantCalendar(Checker& c, const std::string& path, const Tenant& t) {
  std::unordered_map<std::string, size_t> first;
  for (size_t i = 0; i < t.events.size(); ++i) {
    const std::string epath = fmt::format("{}.events[{}]", path, i);
    c.EventRef(epath, t.events[i]);
    auto [it, inserted] = first.emplace(t.events[i], i);
    if (!inserted) {
      c.Fail(epath, fmt::format("event '{}' is listed twice (first at {}.events[{}])", t.events[i],
                                path, it->second));
    }
  }
  c.UniqueNames(
      path + ".nightly_jobs", t.nightly_jobs,
      [](const NightlyJob& j) -> const std::string& { return j.name; }, "nightly job");
  for (size_t i = 0; i < t.nightly_jobs.size(); ++i) {
    CheckBatch(c, fmt::format("{}.nightly_jobs[{}]", path, i), t.nightly_jobs[i].work);
  }
  for (size_t i = 0; i < t.holidays.size(); ++i) {
    if (!IsIsoDate(t.holidays[i])) {
      c.Fail(fmt::format("{}.holidays[{}]", path, i),
             fmt::format("expected a real date as YYYY-MM-DD, got '{}'", t.holidays[i]));
    }
  }
  CheckProfile(c, path + ".profile", t.profile);
}

void CheckObjectives(Checker& c, const std::string& path, const Tenant& t) {
  for (const Slo& slo : t.slos) {
    const std::string spath = path + ".slos." + slo.request_class;
    c.ClassRef(spath, slo.request_class);
    c.Positive(spath, slo.p95_ms);
  }
  for (size_t i = 0; i < t.recovery.size(); ++i) {
    const RecoveryObjective& r = t.recovery[i];
    const std::string rpath = fmt::format("{}.recovery[{}]", path, i);
    c.NotEmpty(rpath + ".workflow", r.workflow);
    c.AtLeast(rpath + ".rto_minutes", r.rto_minutes, 0);
    c.AtLeast(rpath + ".rpo_minutes", r.rpo_minutes, 0);
    if (r.request_classes.empty()) {
      c.Fail(rpath + ".request_classes", "at least one request class is required");
    }
    for (size_t j = 0; j < r.request_classes.size(); ++j) {
      c.ClassRef(fmt::format("{}.request_classes[{}]", rpath, j), r.request_classes[j]);
    }
  }
}

// A tenant that consolidates later starts on its own environment: `hosting` must leave the
// choice open, and the month must fall inside the horizon (after month 0, or it is simply shared).
void CheckConsolidation(Checker& c, const std::string& path, const Tenant& t) {
  if (!t.consolidate_month) return;
  const std::string field = path + ".consolidate_month";
  if (*t.consolidate_month < 1) {
    c.Fail(field, fmt::format("consolidate_month ({}) must be 1 or later; a tenant shared from "
                              "month 0 needs no consolidation month",
                              *t.consolidate_month));
  } else {
    c.Month(field, *t.consolidate_month);
  }
  if (t.hosting != HostingChoice::kAuto) {
    c.Fail(field,
           "consolidate_month moves a tenant from its own environment into a shared pool; "
           "it needs hosting: auto (it is '" +
               std::string(t.hosting == HostingChoice::kShared ? "shared" : "dedicated") + "')");
  }
}

void CheckTenant(Checker& c, const std::string& path, const Tenant& t) {
  CheckTimeZone(c, path + ".time_zone", t.time_zone);
  c.AtLeast(path + ".sites.initial", t.sites.initial, 0);
  c.CheckInterval(path + ".sites.users_per_site", t.sites.users_per_site, 0);
  for (size_t i = 0; i < t.sites.growth.size(); ++i) {
    CheckGrowth(c, fmt::format("{}.sites.growth[{}]", path, i), t.sites.growth[i]);
  }
  c.CheckInterval(path + ".central_users", t.central_users, 0);
  c.CheckInterval(path + ".initial_database_gib", t.initial_database_gib, 0);
  c.CheckInterval(path + ".concurrency_ratio", t.concurrency_ratio, 0, 1);
  c.CheckInterval(path + ".requests_per_user_hour", t.requests_per_user_hour, 0);
  CheckClassMix(c, path + ".class_mix", t.class_mix);
  if (t.portal) CheckPortal(c, path + ".portal", *t.portal);
  c.UniqueNames(
      path + ".integrations", t.integrations,
      [](const Integration& i) -> const std::string& { return i.name; }, "integration");
  for (size_t i = 0; i < t.integrations.size(); ++i) {
    CheckIntegration(c, fmt::format("{}.integrations[{}]", path, i), t.integrations[i]);
  }
  c.CheckInterval(path + ".documents.mib_per_site_month", t.documents.mib_per_site_month, 0);
  c.CheckInterval(path + ".documents.central_mib_month", t.documents.central_mib_month, 0);
  CheckTenantCalendar(c, path, t);
  CheckObjectives(c, path, t);
  CheckConsolidation(c, path, t);
}

void CheckTenants(Checker& c, const std::vector<Tenant>& tenants) {
  if (tenants.empty()) c.Fail("tenants", "at least one tenant is required");
  c.UniqueNames(
      "tenants", tenants, [](const Tenant& t) -> const std::string& { return t.name; }, "tenant");
  for (size_t i = 0; i < tenants.size(); ++i) {
    CheckTenant(c, fmt::format("tenants[{}]", i), tenants[i]);
  }
}

}  // namespace

Error TooManyErrors(const std::string& file) {
  return InvalidError(fmt::format("too many errors; only the first {} are shown", kMaxErrors),
                      Location{file, 0, 0, ""});
}

bool IsKnownTimeZone(std::string_view name) {
  try {
    return date::locate_zone(name) != nullptr;
  } catch (const std::exception&) {
    return false;  // locate_zone throws std::runtime_error for an unknown name
  }
}

Errors ValidateEstate(const Estate& estate, const SourceMap& sources) {
  Checker c(estate, sources);
  CheckEstateSection(c, estate);
  CheckClasses(c, estate.request_classes);
  CheckEvents(c, estate.events);
  CheckTenants(c, estate.tenants);
  return c.Take();
}

}  // namespace headroom
