#pragma once
// What each tenant costs, month by month: the plan's monthly cost split across tenants with the
// OpenCost allocation of cost/allocation.h.
//
// A tenant's workload is the CPU its own load offers in the month: its sustained window's offered
// cores (mid evaluation, application and database CPU) plus its batch CPU-seconds spread over the
// month's hours, priced at the catalog's fitted core-hour rate. The nodes' cost beyond that
// (idle: capacity held for peaks, recovery and the maintenance reserve) and every other line of
// the month's cost (storage, backups, egress, the load balancer) are shared in proportion to
// workload cost, so the tenants' totals add up to the month's total.

#include <string>
#include <vector>

#include "cost/allocation.h"
#include "cost/catalog.h"
#include "demand/demand.h"
#include "plan/plan.h"

namespace headroom {

struct MonthTenantCosts {
  int month = 0;
  std::string label;
  std::vector<TenantCost> tenants;  // sorted by tenant name
  double total = 0;                 // the month's cost: Σ tenants' totals
};

struct TenantCostReport {
  std::vector<MonthTenantCosts> months;  // one per planned month; empty when `error` is set
  std::string error;                     // why costs could not be split (e.g. the catalog)
};

// REQUIRES: `demand` is the demand `plan` was built from (same tenants and months).
TenantCostReport AllocatePlanToTenants(const Demand& demand, const Plan& plan,
                                       const Catalog& catalog);

}  // namespace headroom
