#include "plan/tenant_costs.h"

namespace headroom {
namespace {

constexpr double kSecondsPerHour = 3600;

// The tenant's average CPU in the month: sustained offered cores plus its batch work.
double TenantCpuCores(const TenantDemand& tenant, int month, double hours) {
  double cores = tenant.mid.At(month, 0, WindowKind::kSustained).facts.offered_cpu_cores;
  if (month < static_cast<int>(tenant.batch.size()) && hours > 0) {
    cores += tenant.batch[month].total_cpu_s / (hours * kSecondsPerHour);
  }
  return cores;
}

AllocationInput MonthInput(const Demand& demand, const MonthPlan& m, const ResourceRates& rates,
                           double hours) {
  AllocationInput in;
  in.asset_cost = m.cost.nodes;
  in.rates = rates;
  in.shared_cost = m.cost.total - m.cost.nodes;
  in.shared_split = SharedSplit::kByCost;
  in.idle = IdleHandling::kShareByCost;
  for (const TenantDemand& t : demand.tenants) {
    const double cores = TenantCpuCores(t, m.month, hours);
    in.workloads.push_back(TenantWorkload{t.name, hours, cores, cores, 0, 0, 0});
  }
  return in;
}

}  // namespace

TenantCostReport AllocatePlanToTenants(const Demand& demand, const Plan& plan,
                                       const Catalog& catalog) {
  TenantCostReport report;
  Result<ResourceRates> rates = FitResourceRates(catalog);
  if (!rates.ok()) {
    report.error = rates.errors().front().message;
    return report;
  }
  for (const MonthPlan& m : plan.month_plans) {
    const double hours = 24.0 * plan.start.Plus(m.month).DaysInMonth();
    Result<Allocation> a = AllocateTenantCosts(MonthInput(demand, m, rates.value(), hours));
    if (!a.ok()) {
      report.error = a.errors().front().message;
      report.months.clear();
      return report;
    }
    report.months.push_back(MonthTenantCosts{m.month, m.label, a.value().tenants, a.value().total});
  }
  return report;
}

}  // namespace headroom
