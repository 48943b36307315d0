#pragma once
// How many sites a tenant has in each month of the horizon, from Sites::initial and its growth
// steps. Site counts are deterministic; the users per site are uncertain and sampled elsewhere.
//
//   step         add_sites at `month`
//   ramp         add_sites spread evenly over [from_month, to_month]; month k of n gets
//                round(add × (k+1) / n) − round(add × k / n), so the total is exactly add_sites
//   acquisition  add_sites at `month`, with the acquisition's own users_per_site (when set) and
//                its central users
// Growth dated before month 0 counts from month 0 (it is already there, no onboarding); growth
// dated at or after the horizon is ignored. Site counts never go below 0.

#include <vector>

#include "estate/model.h"

namespace headroom {

struct AcquiredSites {
  int growth_index = 0;  // index into Sites::growth
  int month = 0;         // joins at this month (before 0: already there, not onboarded)
  int sites = 0;
  bool own_users_per_site = false;  // GrowthStep::users_per_site is set
};

struct SiteGrowth {
  int months = 0;
  std::vector<int> own_sites;  // per month: initial + steps + ramps
  std::vector<int> own_added;  // per month: sites added by steps and ramps
  std::vector<AcquiredSites> acquisitions;

  // Every site present in `month` (own and acquired).
  [[nodiscard]] int TotalSites(int month) const;
  // Sites whose users follow the tenant's users_per_site: own sites plus acquired sites that
  // do not set their own.
  [[nodiscard]] int TenantRatedSites(int month) const;
  // Sites joining in `month` (steps, ramps and acquisitions): these trigger onboarding.
  [[nodiscard]] int AddedSites(int month) const;
  // Of AddedSites, those whose users follow the tenant's users_per_site.
  [[nodiscard]] int AddedTenantRatedSites(int month) const;
};

// REQUIRES: months >= 1.
SiteGrowth PlanSiteGrowth(const Sites& sites, int months);

// Sites added in each month of a ramp of `add_sites` over `span_months` months, summing to
// exactly add_sites (rounding half away from zero on the cumulative share).
std::vector<int> RampIncrements(int add_sites, int span_months);

}  // namespace headroom
