#include "demand/growth.h"

#include <algorithm>
#include <cstdlib>

namespace headroom {
namespace {

// round(numerator / denominator), halves away from zero. REQUIRES: denominator > 0.
long long RoundDiv(long long numerator, long long denominator) {
  const long long twice = 2 * std::llabs(numerator) + denominator;
  const long long magnitude = twice / (2 * denominator);
  return numerator < 0 ? -magnitude : magnitude;
}

void AddAt(std::vector<int>& added, int month, int count) {
  if (month >= static_cast<int>(added.size())) return;
  added[static_cast<size_t>(std::max(month, 0))] += count;
}

}  // namespace

std::vector<int> RampIncrements(int add_sites, int span_months) {
  const int n = std::max(span_months, 1);
  std::vector<int> out(static_cast<size_t>(n));
  long long previous = 0;
  for (int k = 0; k < n; ++k) {
    const long long cumulative = RoundDiv(static_cast<long long>(add_sites) * (k + 1), n);
    out[static_cast<size_t>(k)] = static_cast<int>(cumulative - previous);
    previous = cumulative;
  }
  return out;
}

SiteGrowth PlanSiteGrowth(const Sites& sites, int months) {
  SiteGrowth g;
  g.months = months;
  std::vector<int> added(static_cast<size_t>(months), 0);
  // Additions dated before month 0 are part of the starting estate, not onboarded.
  int before_start = 0;
  for (size_t i = 0; i < sites.growth.size(); ++i) {
    const GrowthStep& step = sites.growth[i];
    switch (step.kind) {
      case GrowthKind::kStep:
        if (step.month < 0)
          before_start += step.add_sites;
        else
          AddAt(added, step.month, step.add_sites);
        break;
      case GrowthKind::kRamp: {
        const std::vector<int> inc =
            RampIncrements(step.add_sites, step.to_month - step.from_month + 1);
        for (size_t k = 0; k < inc.size(); ++k) {
          const int month = step.from_month + static_cast<int>(k);
          if (month < 0)
            before_start += inc[k];
          else
            AddAt(added, month, inc[k]);
        }
        break;
      }
      case GrowthKind::kAcquisition:
        if (step.month < months) {
          g.acquisitions.push_back(AcquiredSites{static_cast<int>(i), step.month, step.add_sites,
                                                 step.users_per_site.has_value()});
        }
        break;
    }
  }
  g.own_sites.resize(static_cast<size_t>(months));
  g.own_added = added;
  int count = sites.initial + before_start;
  for (int m = 0; m < months; ++m) {
    count += added[static_cast<size_t>(m)];
    g.own_sites[static_cast<size_t>(m)] = std::max(count, 0);
  }
  return g;
}

int SiteGrowth::TotalSites(int month) const {
  int total = own_sites[static_cast<size_t>(month)];
  for (const AcquiredSites& a : acquisitions) {
    if (month >= a.month) total += a.sites;
  }
  return std::max(total, 0);
}

int SiteGrowth::TenantRatedSites(int month) const {
  int total = own_sites[static_cast<size_t>(month)];
  for (const AcquiredSites& a : acquisitions) {
    if (month >= a.month && !a.own_users_per_site) total += a.sites;
  }
  return std::max(total, 0);
}

int SiteGrowth::AddedSites(int month) const {
  int total = own_added[static_cast<size_t>(month)];
  for (const AcquiredSites& a : acquisitions) {
    if (month == a.month) total += a.sites;
  }
  return std::max(total, 0);
}

int SiteGrowth::AddedTenantRatedSites(int month) const {
  int total = own_added[static_cast<size_t>(month)];
  for (const AcquiredSites& a : acquisitions) {
    if (month == a.month && !a.own_users_per_site) total += a.sites;
  }
  return std::max(total, 0);
}

}  // namespace headroom
