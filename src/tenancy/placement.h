#pragma once
// Where each tenant lives: a shared pool of its data-residency region, its own dedicated
// environment, or its own environment first and a shared pool from a month on (the phased
// post-acquisition consolidation). docs/tenancy.md lists the rules.
//
// Hard constraints put a tenant on its own environment for the whole horizon: a strict audit
// boundary, a compliance tag that demands isolation (PlacementRules::isolating_compliance), high
// custom-integration intensity, a report share of its requests above the threshold, or
// `hosting: dedicated` in the estate. Data residency splits the shared pools by region and is
// never crossed: a pool holds the tenants of one region only. The soft goals (cost, workload
// similarity, peaks that do not coincide) are weighed by the advisor (advice.h) with figures.

#include <string>
#include <vector>

#include "estate/model.h"

namespace headroom {

enum class HostingModel { kShared, kDedicated, kPhased };

// "shared", "dedicated", "phased".
std::string_view HostingModelName(HostingModel model);

// The thresholds of the hard constraints (docs/assumptions.md, "Tenancy").
struct PlacementRules {
  // Above this share of its requests in the report class a tenant is dedicated: the seed names
  // "higher reporting loads" as a reason for dedicated hosting; 15% is three times the default
  // class mix's 5% (engineering estimate; calibrate from /report/ requests in the access log).
  double report_share_max_percent = 15;
  // Compliance tags that demand an isolated environment. "hds": France's Hébergeur de Données
  // de Santé certification scopes the certified hosting perimeter, which a separate environment
  // keeps auditable (engineering reading of the seed's "simpler compliance boundaries").
  std::vector<std::string> isolating_compliance = {"hds"};
};

struct TenantPlacement {
  std::string tenant;
  HostingModel model = HostingModel::kShared;
  std::string region;                // the data-residency region, "any" when none is set
  std::string pool;                  // shared: "shared-<region>"; dedicated: "dedicated-<tenant>";
                                     // phased: the shared pool it joins
  int move_month = -1;               // phased: the month it joins the pool
  bool forced = false;               // a hard constraint or the estate decided it
  std::vector<std::string> reasons;  // the constraints that bound the decision
};

// The hard constraints that require a tenant of its own, as sentences; empty: it may share.
std::vector<std::string> IsolationReasons(const Tenant& tenant, const PlacementRules& rules);

// One placement per tenant, in Estate::tenants order. A tenant that may share but has no other
// tenant of its region to share with is dedicated ("a pool of one").
std::vector<TenantPlacement> PlaceTenants(const Estate& estate, const PlacementRules& rules);

// Indexes of the tenants in environment `pool` at `month` (phased tenants are in their own
// environment before their move month and in the pool from it).
std::vector<int> EnvironmentMembers(const std::vector<TenantPlacement>& placements,
                                    const std::string& pool, int month);

// The environments that exist at `month`, sorted by name.
std::vector<std::string> EnvironmentsAt(const std::vector<TenantPlacement>& placements, int month);

// "dedicated-<tenant>".
std::string DedicatedPoolName(const std::string& tenant);

}  // namespace headroom
