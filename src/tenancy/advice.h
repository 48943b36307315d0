#pragma once
// The seed's comparison of hosting models, computed for an estate: multi-tenant (every tenant
// in the shared pool of its residency region), dedicated (every tenant on its own environment)
// and hybrid (the placement of placement.h: hard constraints dedicated, the rest pooled, phased
// moves at their month), each with its monthly cost, the p95 inflation a neighbour's worst hour
// causes in its shared pools (without and with a worker quota), its blast radius and its
// governance fit; then per tenant; then the recommendation with the reasons that bound it.
//
// Costs come from the project's planner (plan/planner.h: sizers, ratchet, packer and cost model)
// run on each environment's own tenants, plus a control-plane cost per environment and month.
// An environment whose tenants change during the horizon (a phased move) is costed month by
// month from the plan of the tenants it has in that month.

#include <string>
#include <vector>

#include "common/result.h"
#include "cost/catalog.h"
#include "estate/model.h"
#include "tenancy/interference.h"
#include "tenancy/placement.h"

namespace headroom {

// docs/assumptions.md, "Tenancy".
struct TenancySettings {
  // A managed Kubernetes control plane per environment: Amazon EKS (standard support), Google
  // GKE's cluster management fee and AKS Standard tier all list 0.10 USD per cluster-hour
  // (2024 price pages), taken at par in the catalog's currency.
  double control_plane_per_hour = 0.10;
  // Monte Carlo samples of each environment's plan: fewer than the main plan's 128 keep the
  // comparison fast; the planning quantile is the estate's.
  int samples = 32;
  int threads = 2;  // environments are planned in parallel; figures do not depend on it
  // The dedicated option plans every tenant on its own: past this many tenants the advice is
  // refused (and `headroom plan` leaves plan.json's tenancy section out) to keep runs short.
  int max_tenants = 50;
  PlacementRules rules;
  InterferenceSettings interference;
};

struct OptionSummary {
  std::string model;                 // "multi-tenant", "dedicated", "hybrid"
  std::vector<double> monthly_cost;  // per month, in the catalog's currency
  double mean_monthly_cost = 0;
  int environments = 0;      // at the last month
  int blast_radius = 0;      // most tenants one environment's incident touches
  double p95_inflation = 0;  // worst other tenant's p95 rise at a neighbour's worst hour
  double p95_inflation_with_quota = 0;
  // The same under a runaway burst beyond the plan (interference.h), without and with a quota.
  double runaway_inflation = 0;
  double runaway_inflation_with_quota = 0;
  std::string runaway_tenant;                      // whose runaway hurts most
  std::vector<std::string> governance_violations;  // "meridian: strict audit boundary ..."
  std::vector<TenantPlacement> placements;
};

struct TenantAdvice {
  TenantPlacement placement;        // the recommended (hybrid) placement
  double dedicated_monthly = 0;     // mean monthly cost of its own environment
  double shared_monthly = 0;        // mean monthly share of its region's pool (multi-tenant option)
  double p95_inflation_caused = 0;  // on its pool's others at its worst hour, no mitigation
  double p95_inflation_caused_with_quota = 0;
};

struct TenancyAdvice {
  std::string estate;
  std::string currency;
  std::vector<std::string> month_labels;
  std::vector<OptionSummary> options;          // multi-tenant, dedicated, hybrid
  std::string recommended;                     // one of the options' models
  std::vector<std::string> reasons;            // the reasons that bound it
  std::vector<TenantAdvice> tenants;           // Estate::tenants order
  std::vector<PoolInterference> interference;  // every shared pool of the options, by name
  double control_plane_monthly = 0;
  int samples = 0;
};

Result<TenancyAdvice> AdviseTenancy(const Estate& estate, const Catalog& catalog,
                                    const TenancySettings& settings);

}  // namespace headroom
