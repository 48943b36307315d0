#include "demand/tenant_model.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "demand/profile.h"

namespace headroom {
namespace {

double FactorFor(const CalendarEvent& event, const std::string& request_class) {
  for (const ClassMultiplier& m : event.multipliers) {
    if (m.request_class == request_class) return m.factor;
  }
  return 1.0;
}

double MixShare(const Tenant& tenant, const std::string& request_class) {
  double percent = 0;
  for (const ClassShare& s : tenant.class_mix) {
    if (s.request_class == request_class) percent += s.percent;
  }
  return percent / 100.0;
}

bool IsZero(const Interval& i) { return i.IsExact() && i.mid == 0; }

// Everything per local day and class that the bases need.
struct DayFactors {
  std::vector<double> multiplier;         // [class][day]: Π non-onboarding event factors
  std::vector<double> extra_rated_sites;  // [class][day]: onboarding extra, tenant-rated sites
  std::vector<double> extra_total_sites;  // [class][day]: onboarding extra, all added sites
  std::vector<double> extra_acquired;     // [class][acquisition][day]
};

DayFactors ComputeDayFactors(const Estate& estate, const TenantModel& model) {
  const size_t classes = estate.request_classes.size();
  const auto days = static_cast<size_t>(model.clock.DayCount());
  const size_t acquisitions = model.growth.acquisitions.size();
  DayFactors f;
  f.multiplier.assign(classes * days, 1.0);
  f.extra_rated_sites.assign(classes * days, 0.0);
  f.extra_total_sites.assign(classes * days, 0.0);
  f.extra_acquired.assign(classes * acquisitions * days, 0.0);
  for (size_t c = 0; c < classes; ++c) {
    const std::string& name = estate.request_classes[c].name;
    for (size_t d = 0; d < days; ++d) {
      double product = 1.0;
      for (size_t e = 0; e < estate.events.size(); ++e) {
        const CalendarEvent& event = estate.events[e];
        if ((model.day_events[d] >> e & 1U) == 0 || event.kind == EventKind::kOnboarding) continue;
        product *= FactorFor(event, name);
      }
      f.multiplier[c * days + d] = product;
    }
  }
  for (const EventOccurrence& occ : model.occurrences) {
    const CalendarEvent& event = estate.events[static_cast<size_t>(occ.event)];
    if (event.kind != EventKind::kOnboarding) continue;
    for (size_t c = 0; c < classes; ++c) {
      const double excess = FactorFor(event, estate.request_classes[c].name) - 1.0;
      if (excess == 0) continue;
      for (date::sys_days date : occ.days) {
        const int day = model.clock.DayOf(date);
        if (day < 0) continue;
        const size_t d = static_cast<size_t>(day);
        f.extra_rated_sites[c * days + d] += excess * model.growth.AddedTenantRatedSites(occ.month);
        f.extra_total_sites[c * days + d] += excess * model.growth.AddedSites(occ.month);
        for (size_t a = 0; a < acquisitions; ++a) {
          const AcquiredSites& acq = model.growth.acquisitions[a];
          if (acq.own_users_per_site && acq.month == occ.month) {
            f.extra_acquired[(c * acquisitions + a) * days + d] += excess * acq.sites;
          }
        }
      }
    }
  }
  return f;
}

// Per-hour inputs shared by every term.
struct HourInputs {
  std::vector<double> weight;  // profile weight
  std::vector<int> day;        // local day index
  std::vector<int> month;      // local month, clamped to the horizon
};

class BasisBuilder {
 public:
  BasisBuilder(const Estate& estate, TenantModel& model, const HourInputs& in, const DayFactors& f)
      : estate_(estate),
        tenant_(estate.tenants[static_cast<size_t>(model.tenant_index)]),
        model_(model),
        in_(in),
        f_(f),
        days_(static_cast<size_t>(model.clock.DayCount())) {}

  void Build() {
    const int classes = static_cast<int>(estate_.request_classes.size());
    model_.class_terms.assign(static_cast<size_t>(classes) + 1, 0);
    for (int c = 0; c < classes; ++c) {
      model_.class_terms[static_cast<size_t>(c)] = model_.TermCount();
      if (estate_.request_classes[static_cast<size_t>(c)].long_lived) {
        AddSessionTerms(c);
      } else {
        AddRateTerms(c);
      }
    }
    model_.class_terms[static_cast<size_t>(classes)] = model_.TermCount();
  }

 private:
  // Appends a term when its basis `value(h)` is not zero everywhere.
  template <typename F>
  void Add(Term term, F value) {
    const auto hours = static_cast<size_t>(model_.hours);
    const size_t offset = model_.bases.size();
    model_.bases.resize(offset + hours);
    bool any = false;
    for (size_t h = 0; h < hours; ++h) {
      const double v = value(h);
      model_.bases[offset + h] = v;
      any = any || v != 0;
    }
    if (!any) {
      model_.bases.resize(offset);
      return;
    }
    model_.terms.push_back(term);
  }

  double Multiplier(int c, size_t h) const {
    return f_.multiplier[static_cast<size_t>(c) * days_ + static_cast<size_t>(in_.day[h])];
  }
  int Month(size_t h) const { return in_.month[h]; }

  void AddRateTerms(int c) {
    const std::string& name = estate_.request_classes[static_cast<size_t>(c)].name;
    const double mix = MixShare(tenant_, name);
    const SiteGrowth& g = model_.growth;
    const auto cd = static_cast<size_t>(c) * days_;
    if (mix > 0) {
      auto shape = [&](size_t h) { return in_.weight[h] * mix * Multiplier(c, h); };
      Add({c, TermSource::kSiteUsers, -1, false}, [&](size_t h) {
        const double extra = f_.extra_rated_sites[cd + static_cast<size_t>(in_.day[h])];
        return shape(h) * (g.TenantRatedSites(Month(h)) + extra);
      });
      if (!IsZero(tenant_.central_users)) {
        Add({c, TermSource::kCentralUsers, -1, false}, shape);
      }
      for (size_t a = 0; a < g.acquisitions.size(); ++a) {
        const AcquiredSites& acq = g.acquisitions[a];
        if (acq.own_users_per_site) {
          const size_t base = (static_cast<size_t>(c) * g.acquisitions.size() + a) * days_;
          Add({c, TermSource::kAcquiredSiteUsers, acq.growth_index, false}, [&](size_t h) {
            const double present = Month(h) >= acq.month ? acq.sites : 0;
            return shape(h) * (present + f_.extra_acquired[base + static_cast<size_t>(in_.day[h])]);
          });
        }
        const GrowthStep& step = tenant_.sites.growth[static_cast<size_t>(acq.growth_index)];
        if (!IsZero(step.central_users)) {
          Add({c, TermSource::kAcquiredCentralUsers, acq.growth_index, false},
              [&](size_t h) { return Month(h) >= acq.month ? shape(h) : 0.0; });
        }
      }
    }
    if (tenant_.portal && tenant_.portal->request_class == name && !IsZero(tenant_.portal->users)) {
      const int launch = tenant_.portal->launch_month;
      Add({c, TermSource::kPortal, -1, false},
          [&](size_t h) { return Month(h) >= launch ? in_.weight[h] * Multiplier(c, h) : 0.0; });
    }
    for (size_t i = 0; i < tenant_.integrations.size(); ++i) {
      const Integration& in = tenant_.integrations[i];
      if (in.request_class != name || IsZero(in.calls_per_day)) continue;
      const std::vector<double> share =
          IntegrationDayShare(model_.clock, model_.business_day, tenant_.profile, in);
      Add({c, TermSource::kIntegration, static_cast<int>(i), false}, [&](size_t h) {
        if (Month(h) < in.start_month) return 0.0;
        const double sites = in.per_site
                                 ? g.TotalSites(Month(h)) +
                                       f_.extra_total_sites[cd + static_cast<size_t>(in_.day[h])]
                                 : 1.0;
        return share[h] * Multiplier(c, h) * sites;
      });
    }
  }

  void AddSessionTerms(int c) {
    const SiteGrowth& g = model_.growth;
    Add({c, TermSource::kSiteUsers, -1, true},
        [&](size_t h) { return in_.weight[h] * g.TenantRatedSites(Month(h)); });
    if (!IsZero(tenant_.central_users)) {
      Add({c, TermSource::kCentralUsers, -1, true}, [&](size_t h) { return in_.weight[h]; });
    }
    for (const AcquiredSites& acq : g.acquisitions) {
      if (acq.own_users_per_site) {
        Add({c, TermSource::kAcquiredSiteUsers, acq.growth_index, true},
            [&](size_t h) { return Month(h) >= acq.month ? in_.weight[h] * acq.sites : 0.0; });
      }
      const GrowthStep& step = tenant_.sites.growth[static_cast<size_t>(acq.growth_index)];
      if (!IsZero(step.central_users)) {
        Add({c, TermSource::kAcquiredCentralUsers, acq.growth_index, true},
            [&](size_t h) { return Month(h) >= acq.month ? in_.weight[h] : 0.0; });
      }
    }
    if (tenant_.portal && !IsZero(tenant_.portal->users)) {
      const int launch = tenant_.portal->launch_month;
      Add({c, TermSource::kPortal, -1, true},
          [&](size_t h) { return Month(h) >= launch ? in_.weight[h] : 0.0; });
    }
  }

  const Estate& estate_;
  const Tenant& tenant_;
  TenantModel& model_;
  const HourInputs& in_;
  const DayFactors& f_;
  size_t days_;
};

std::vector<uint64_t> DayEventMasks(const LocalClock& clock,
                                    const std::vector<EventOccurrence>& occurrences) {
  std::vector<uint64_t> masks(static_cast<size_t>(clock.DayCount()), 0);
  for (const EventOccurrence& occ : occurrences) {
    for (date::sys_days date : occ.days) {
      const int day = clock.DayOf(date);
      if (day >= 0) masks[static_cast<size_t>(day)] |= uint64_t{1} << occ.event;
    }
  }
  return masks;
}

// Marks the hours of the sustained window: local business hours of business days with no event
// active. A month without such hours falls back to business hours ignoring events, then to
// every hour of the month, so the window is always defined.
void ComputeSustained(const Horizon& horizon, TenantModel& model) {
  const auto hours = static_cast<size_t>(model.hours);
  std::vector<uint8_t> level(hours);
  for (int h = 0; h < model.hours; ++h) {
    const auto day = static_cast<size_t>(model.clock.Day(h));
    const int lh = model.clock.LocalHour(h);
    const bool business_hour =
        model.business_day[day] != 0 && lh >= kBusinessHourBegin && lh < kBusinessHourEnd;
    level[static_cast<size_t>(h)] = business_hour ? (model.day_events[day] == 0 ? 2 : 1) : 0;
  }
  const int terms = model.TermCount();
  model.sustained_sums.assign(static_cast<size_t>(terms) * horizon.months, 0.0);
  model.sustained_hours.assign(static_cast<size_t>(horizon.months), 0);
  model.month_sums.assign(static_cast<size_t>(terms) * horizon.months, 0.0);
  for (int m = 0; m < horizon.months; ++m) {
    const int begin = horizon.month_first_hour[static_cast<size_t>(m)];
    const int end = horizon.month_first_hour[static_cast<size_t>(m) + 1];
    for (int k = 0; k < terms; ++k) {
      const double* basis = model.Basis(k);
      model.month_sums[static_cast<size_t>(k) * horizon.months + m] =
          std::accumulate(basis + begin, basis + end, 0.0);
    }
    uint8_t wanted = 2;
    for (; wanted > 0; --wanted) {
      if (std::any_of(level.begin() + begin, level.begin() + end,
                      [&](uint8_t l) { return l >= wanted; })) {
        break;
      }
    }
    int count = 0;
    for (int h = begin; h < end; ++h) count += level[static_cast<size_t>(h)] >= wanted ? 1 : 0;
    model.sustained_hours[static_cast<size_t>(m)] = count;
    for (int k = 0; k < terms; ++k) {
      const double* basis = model.Basis(k);
      double sum = 0;
      for (int h = begin; h < end; ++h) {
        if (level[static_cast<size_t>(h)] >= wanted) sum += basis[h];
      }
      model.sustained_sums[static_cast<size_t>(k) * horizon.months + m] = sum;
    }
  }
}

double TenantMinRtoMinutes(const Tenant& tenant) {
  if (tenant.recovery.empty()) return kDefaultRtoMinutes;
  double best = std::numeric_limits<double>::max();
  for (const RecoveryObjective& o : tenant.recovery) best = std::min(best, o.rto_minutes);
  return best;
}

}  // namespace

double Coefficient(const Term& term, const TenantDraw& d) {
  const double per_user = term.sessions ? 1.0 : d.requests_per_user_hour / 3600.0;
  const auto index = static_cast<size_t>(term.index);
  switch (term.source) {
    case TermSource::kSiteUsers:
      return d.users_per_site * d.concurrency_ratio * per_user;
    case TermSource::kCentralUsers:
      return d.central_users * d.concurrency_ratio * per_user;
    case TermSource::kAcquiredSiteUsers:
      return d.growth_users_per_site[index] * d.concurrency_ratio * per_user;
    case TermSource::kAcquiredCentralUsers:
      return d.growth_central_users[index] * d.concurrency_ratio * per_user;
    case TermSource::kPortal:
      return d.portal_users * d.portal_concurrency_ratio *
             (term.sessions ? 1.0 : d.portal_requests_per_user_hour / 3600.0);
    case TermSource::kIntegration:
      return d.calls_per_day[index] / 3600.0;
  }
  return 0.0;
}

double ClassRtoHours(const Tenant& tenant, const std::string& request_class) {
  double best = std::numeric_limits<double>::max();
  for (const RecoveryObjective& o : tenant.recovery) {
    if (std::find(o.request_classes.begin(), o.request_classes.end(), request_class) !=
        o.request_classes.end()) {
      best = std::min(best, o.rto_minutes);
    }
  }
  if (best == std::numeric_limits<double>::max()) best = TenantMinRtoMinutes(tenant);
  return best / 60.0;
}

Result<TenantModel> BuildTenantModel(const Estate& estate, int tenant_index, const Horizon& horizon,
                                     const std::vector<int>& job_sources) {
  const Tenant& tenant = estate.tenants[static_cast<size_t>(tenant_index)];
  Result<LocalClock> clock = LocalClock::Make(horizon, tenant.time_zone);
  if (!clock.ok()) return clock.errors();
  TenantModel model;
  model.tenant_index = tenant_index;
  model.hours = horizon.hours;
  model.months = horizon.months;
  model.clock = std::move(clock).value();
  std::vector<date::sys_days> holidays;
  for (const std::string& text : tenant.holidays) holidays.push_back(*ParseDate(text));
  const BusinessDays business(std::move(holidays));
  model.business_day = BusinessDayFlags(model.clock, business);
  model.growth = PlanSiteGrowth(tenant.sites, horizon.months);
  std::vector<int> added(static_cast<size_t>(horizon.months));
  for (int m = 0; m < horizon.months; ++m)
    added[static_cast<size_t>(m)] = model.growth.AddedSites(m);
  for (const std::string& name : tenant.events) {
    const CalendarEvent* event = estate.FindEvent(name);
    const auto index = static_cast<int>(event - estate.events.data());
    // One month either side, so events spanning the horizon's edges are complete.
    std::vector<EventOccurrence> occ =
        ListOccurrences(*event, index, horizon, business, -1, horizon.months, added);
    model.occurrences.insert(model.occurrences.end(), occ.begin(), occ.end());
  }
  model.day_events = DayEventMasks(model.clock, model.occurrences);
  model.day_month.resize(static_cast<size_t>(model.clock.DayCount()));
  for (int d = 0; d < model.clock.DayCount(); ++d) {
    model.day_month[static_cast<size_t>(d)] =
        std::clamp(horizon.MonthOffset(model.clock.Date(d)), 0, horizon.months - 1);
  }
  model.releases = TenantBatchReleases(estate, tenant_index, model.clock, horizon, model.growth,
                                       model.occurrences, job_sources);
  model.in_flight = BatchInFlight(model.releases, horizon.hours);

  HourInputs in;
  in.weight = HourWeights(model.clock, model.business_day, tenant.profile);
  in.day.resize(static_cast<size_t>(horizon.hours));
  in.month.resize(static_cast<size_t>(horizon.hours));
  for (int h = 0; h < horizon.hours; ++h) {
    const int day = model.clock.Day(h);
    in.day[static_cast<size_t>(h)] = day;
    in.month[static_cast<size_t>(h)] = model.day_month[static_cast<size_t>(day)];
  }
  const DayFactors factors = ComputeDayFactors(estate, model);
  BasisBuilder(estate, model, in, factors).Build();
  ComputeSustained(horizon, model);

  // The platform recovers as one unit, so an outage lasts (at most) the tightest RTO for every
  // class: a workflow with a looser objective does not stay down longer than the platform.
  model.min_rto_hours = TenantMinRtoMinutes(tenant) / 60.0;
  model.rto_hours.assign(estate.request_classes.size(), model.min_rto_hours);
  return model;
}

}  // namespace headroom
