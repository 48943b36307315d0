#include "cost/allocation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace headroom {
namespace {

Status CheckInput(const AllocationInput& in) {
  Errors errors;
  auto require = [&](bool ok, const std::string& field, const std::string& message) {
    if (!ok) errors.push_back(InvalidError(message, Location{"", 0, 0, field}));
  };
  require(in.asset_cost >= 0, "asset_cost", "must be >= 0");
  require(in.shared_cost >= 0, "shared_cost", "must be >= 0");
  require(in.rates.per_cpu_core_hour >= 0 && in.rates.per_memory_gib_hour >= 0, "rates",
          "must be >= 0");
  for (size_t i = 0; i < in.workloads.size(); ++i) {
    const TenantWorkload& w = in.workloads[i];
    const std::string f = fmt::format("workloads[{}]", i);
    require(!w.tenant.empty(), f + ".tenant", "must not be empty");
    require(w.hours >= 0 && w.cpu_request_cores >= 0 && w.cpu_usage_cores >= 0 &&
                w.memory_request_gib >= 0 && w.memory_usage_gib >= 0 && w.shared_metric >= 0,
            f, "hours, requests, usage and metric must be >= 0");
  }
  return errors.empty() ? Status::Ok() : Status(std::move(errors));
}

// Adds the workload costs of every entry into one TenantCost per tenant.
std::map<std::string, std::pair<TenantCost, double>> WorkloadByTenant(const AllocationInput& in) {
  std::map<std::string, std::pair<TenantCost, double>> by_tenant;  // tenant → (cost, metric)
  for (const TenantWorkload& w : in.workloads) {
    auto& [cost, metric] = by_tenant[w.tenant];
    cost.tenant = w.tenant;
    // OpenCost: a resource is charged at max(request, usage) × hours × rate.
    cost.cpu_cost +=
        std::max(w.cpu_request_cores, w.cpu_usage_cores) * w.hours * in.rates.per_cpu_core_hour;
    cost.memory_cost +=
        std::max(w.memory_request_gib, w.memory_usage_gib) * w.hours * in.rates.per_memory_gib_hour;
    metric += w.shared_metric;
  }
  for (auto& [name, entry] : by_tenant) {
    entry.first.workload_cost = entry.first.cpu_cost + entry.first.memory_cost;
  }
  return by_tenant;
}

}  // namespace

Result<ResourceRates> FitResourceRates(const Catalog& catalog) {
  // Normal equations of min Σ (p − a·v − b·m)²: [Σv² Σvm; Σvm Σm²]·[a b]ᵀ = [Σpv Σpm]ᵀ.
  double vv = 0, vm = 0, mm = 0, pv = 0, pm = 0;
  for (const NodeType& t : catalog.node_types) {
    vv += t.vcpu * t.vcpu;
    vm += t.vcpu * t.memory_gib;
    mm += t.memory_gib * t.memory_gib;
    pv += t.price_per_hour * t.vcpu;
    pm += t.price_per_hour * t.memory_gib;
  }
  const double det = vv * mm - vm * vm;
  if (!(std::abs(det) > 1e-9 * std::max(1.0, vv * mm))) {
    return InvalidError(fmt::format(
        "catalog '{}': node types all have the same memory per vCPU, so prices cannot be split "
        "between CPU and memory",
        catalog.name));
  }
  const ResourceRates r{(pv * mm - pm * vm) / det, (vv * pm - vm * pv) / det};
  if (r.per_cpu_core_hour < 0 || r.per_memory_gib_hour < 0) {
    return InvalidError(fmt::format(
        "catalog '{}': fitting price = a·vCPU + b·GiB gives a negative rate", catalog.name));
  }
  return r;
}

ResourceRates NodeResourceRates(const NodeType& type, const ResourceRates& weights) {
  const double weighted =
      weights.per_cpu_core_hour * type.vcpu + weights.per_memory_gib_hour * type.memory_gib;
  const double scale = type.price_per_hour / weighted;
  return ResourceRates{weights.per_cpu_core_hour * scale, weights.per_memory_gib_hour * scale};
}

Result<Allocation> AllocateTenantCosts(const AllocationInput& in) {
  if (Status s = CheckInput(in); !s.ok()) return s.errors();
  auto by_tenant = WorkloadByTenant(in);

  Allocation out;
  double metric_total = 0;
  for (const auto& [name, entry] : by_tenant) {
    out.workload_cost += entry.first.workload_cost;
    metric_total += entry.second;
  }
  out.idle_cost = in.asset_cost - out.workload_cost;
  out.shared_cost = in.shared_cost;
  out.total = in.asset_cost + in.shared_cost;

  if (in.shared_split == SharedSplit::kByMetric && in.shared_cost > 0 && !(metric_total > 0)) {
    return InvalidError("shared costs are split by a metric, but no tenant has a metric above 0",
                        Location{"", 0, 0, "workloads[].shared_metric"});
  }
  const double n = static_cast<double>(by_tenant.size());
  const bool by_cost = out.workload_cost > 0;
  for (auto& [name, entry] : by_tenant) {
    TenantCost c = entry.first;
    const double cost_share = by_cost ? c.workload_cost / out.workload_cost : 1.0 / n;
    switch (in.shared_split) {
      case SharedSplit::kEven:
        c.shared_cost = in.shared_cost / n;
        break;
      case SharedSplit::kByCost:
        c.shared_cost = in.shared_cost * cost_share;
        break;
      case SharedSplit::kByMetric:
        c.shared_cost = metric_total > 0 ? in.shared_cost * entry.second / metric_total : 0;
        break;
    }
    if (in.idle == IdleHandling::kShareByCost) c.idle_cost = out.idle_cost * cost_share;
    c.total = c.workload_cost + c.shared_cost + c.idle_cost;
    out.tenants.push_back(std::move(c));
  }
  return out;
}

}  // namespace headroom
