#pragma once
// The deterministic part of one tenant's demand, built once per tenant: local clock, business
// days, site growth, event occurrences, batch releases, and the basis series.
//
// The basis decomposition. Within a tenant every sampled input is one scalar for the whole
// horizon, so the hourly series of class c in sample s is a linear combination
//
//   value_c(s, h) = Σ_{k ∈ terms of c} Coefficient(term_k, draw_s) × basis_k(h)
//
// where basis_k carries everything deterministic and the coefficient every sampled scalar
// (w = profile weight of the hour, mix = class_mix share, ev = product of the multipliers of
// the non-onboarding events active that local day, m = local month of the hour):
//
//   term                  coefficient             basis
//   site users            ups * conc * rph/3600   w * mix * ev * (sites(m) + extra)
//   central users         central * conc*rph/3600 w * mix * ev
//   acquired sites (a)    a.ups * conc * rph/3600 w * mix * ev * (a.sites * [m >= a.month] + extra)
//   acquired central (a)  a.central*conc*rph/3600 w * mix * ev * [m >= a.month]
//   portal                users * conc * rph/3600 w * ev * [m >= launch_month]
//   integration (i)       calls_per_day / 3600    share(h) * ev * [m >= start] * S(m)
//
// (ups = users per site; portal terms use the portal's conc and rph; S(m) = sites(m) + extra for
// per-site integrations, else 1.)
//
// The onboarding extra on day d is Σ over onboarding occurrences active on d of
// (factor_c − 1) × sites added in the occurrence's month: onboarding multiplies only the added
// sites' load. The long-lived class gets the same user and portal terms without rph/3600, mix
// and events: concurrent sessions = active users.

#include <cstdint>
#include <vector>

#include "demand/batch.h"
#include "demand/calendar.h"
#include "demand/events.h"
#include "demand/growth.h"
#include "demand/sampling.h"
#include "estate/model.h"

namespace headroom {

// The RTO assumed for a tenant that states no recovery objectives.
inline constexpr double kDefaultRtoMinutes = 60.0;

enum class TermSource {
  kSiteUsers,
  kCentralUsers,
  kAcquiredSiteUsers,
  kAcquiredCentralUsers,
  kPortal,
  kIntegration,
};

struct Term {
  int request_class = 0;  // index into Estate::request_classes
  TermSource source = TermSource::kSiteUsers;
  int index = -1;         // Sites::growth index (acquired terms) or integration index
  bool sessions = false;  // long-lived class: concurrent sessions, not a rate
};

// The sampled scalar multiplying a term's basis.
double Coefficient(const Term& term, const TenantDraw& draw);

struct TenantModel {
  int tenant_index = 0;
  LocalClock clock;
  std::vector<uint8_t> business_day;  // per local day of `clock`
  std::vector<uint64_t> day_events;   // per local day: bit e = Estate::events[e] active
  std::vector<int> day_month;         // per local day: horizon month, clamped to the horizon
  SiteGrowth growth;
  std::vector<EventOccurrence> occurrences;
  std::vector<BatchRelease> releases;
  BatchInFlight in_flight;

  std::vector<Term> terms;       // grouped by class, in class order
  std::vector<int> class_terms;  // classes + 1 offsets: class c owns [class_terms[c], [c+1])
  std::vector<double> bases;     // terms × hours
  // Sustained window support, per UTC month: basis sums over the month's sustained hours and
  // how many hours those are (see SustainedHour).
  std::vector<double> sustained_sums;  // terms × months
  std::vector<int> sustained_hours;    // per month
  std::vector<double> month_sums;      // terms × months: Σ basis over every hour of the month
  std::vector<double> rto_hours;       // per class: the RTO its recovery window assumes
  double min_rto_hours = 1.0;          // the tenant's tightest RTO (recovery window span)
  int hours = 0;
  int months = 0;

  [[nodiscard]] const double* Basis(int term) const {
    return bases.data() + static_cast<size_t>(term) * static_cast<size_t>(hours);
  }
  [[nodiscard]] uint64_t EventsAt(int hour) const {
    return day_events[static_cast<size_t>(clock.Day(hour))];
  }
  [[nodiscard]] int TermCount() const { return static_cast<int>(terms.size()); }
};

// Builds a tenant's model. `job_sources[j]` is the batch source index of nightly job j.
// Fails when the tenant's time zone is unknown. REQUIRES: the estate passed CheckDemandInputs.
Result<TenantModel> BuildTenantModel(const Estate& estate, int tenant_index, const Horizon& horizon,
                                     const std::vector<int>& job_sources);

// The RTO (hours) a class's recovery window assumes: the tightest rto_minutes among the
// tenant's objectives that list the class; else the tenant's tightest; else kDefaultRtoMinutes.
double ClassRtoHours(const Tenant& tenant, const std::string& request_class);

}  // namespace headroom
