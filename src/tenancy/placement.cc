#include "tenancy/placement.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace headroom {
namespace {

std::string RegionOf(const Tenant& t) {
  return t.governance.data_residency.empty() ? "any" : t.governance.data_residency;
}

double ReportPercent(const Tenant& t) {
  for (const ClassShare& s : t.class_mix) {
    if (s.request_class == "report") return s.percent;
  }
  return 0;
}

// Placement before the pool-of-one check.
TenantPlacement PlaceOne(const Tenant& t, const PlacementRules& rules) {
  TenantPlacement p;
  p.tenant = t.name;
  p.region = RegionOf(t);
  p.reasons = IsolationReasons(t, rules);
  if (!p.reasons.empty()) {
    p.model = HostingModel::kDedicated;
    p.forced = true;
    if (t.consolidate_month) {
      p.reasons.push_back(fmt::format(
          "consolidate_month {} is not applied: the constraints above hold for the whole horizon",
          *t.consolidate_month));
    }
    return p;
  }
  p.pool = "shared-" + p.region;
  if (t.hosting == HostingChoice::kShared) {
    p.forced = true;
    p.reasons.emplace_back("hosting: shared in the estate");
  }
  if (t.consolidate_month) {
    p.model = HostingModel::kPhased;
    p.move_month = *t.consolidate_month;
    p.forced = true;
    p.reasons.push_back(fmt::format(
        "consolidate_month {}: its own environment while migration, harmonisation and security "
        "review run, then the shared pool",
        *t.consolidate_month));
  }
  p.reasons.push_back(fmt::format(
      "no hard constraint requires isolation (audit boundary shared, no isolating compliance tag, "
      "custom integration below high, reports {}% of requests <= {}%)",
      ReportPercent(t), rules.report_share_max_percent));
  return p;
}

}  // namespace

std::string_view HostingModelName(HostingModel model) {
  switch (model) {
    case HostingModel::kShared:
      return "shared";
    case HostingModel::kDedicated:
      return "dedicated";
    case HostingModel::kPhased:
      return "phased";
  }
  return "shared";
}

std::string DedicatedPoolName(const std::string& tenant) { return "dedicated-" + tenant; }

std::vector<std::string> IsolationReasons(const Tenant& t, const PlacementRules& rules) {
  std::vector<std::string> reasons;
  if (t.hosting == HostingChoice::kDedicated)
    reasons.emplace_back("hosting: dedicated in the estate");
  if (t.governance.audit_boundary == AuditBoundary::kStrict) {
    reasons.emplace_back("strict audit boundary: audits require separate infrastructure");
  }
  for (const std::string& tag : t.governance.compliance) {
    const auto& iso = rules.isolating_compliance;
    if (std::find(iso.begin(), iso.end(), tag) != iso.end()) {
      reasons.push_back(fmt::format("compliance tag '{}' demands an isolated environment", tag));
    }
  }
  if (t.governance.custom_integration == Intensity::kHigh) {
    reasons.emplace_back(
        "custom integration intensity high: its releases would put every tenant "
        "of a shared pool at risk");
  }
  const double report = ReportPercent(t);
  if (report > rules.report_share_max_percent) {
    reasons.push_back(
        fmt::format("reports are {}% of its requests (> {}%): a reporting load that "
                    "would distort a shared pool",
                    report, rules.report_share_max_percent));
  }
  return reasons;
}

std::vector<TenantPlacement> PlaceTenants(const Estate& estate, const PlacementRules& rules) {
  std::vector<TenantPlacement> out;
  std::map<std::string, int> sharers;  // pool -> tenants that may share in it
  for (const Tenant& t : estate.tenants) {
    out.push_back(PlaceOne(t, rules));
    if (out.back().model != HostingModel::kDedicated) ++sharers[out.back().pool];
  }
  for (TenantPlacement& p : out) {
    if (p.model == HostingModel::kDedicated || sharers[p.pool] > 1) continue;
    p.model = HostingModel::kDedicated;
    p.move_month = -1;
    p.reasons.insert(p.reasons.begin(),
                     fmt::format("no other tenant of region '{}' to share a pool with: a pool "
                                 "of one is a dedicated environment",
                                 p.region));
    p.pool.clear();
  }
  for (TenantPlacement& p : out) {
    if (p.model == HostingModel::kDedicated) p.pool = DedicatedPoolName(p.tenant);
  }
  return out;
}

std::vector<int> EnvironmentMembers(const std::vector<TenantPlacement>& placements,
                                    const std::string& pool, int month) {
  std::vector<int> members;
  for (size_t i = 0; i < placements.size(); ++i) {
    const TenantPlacement& p = placements[i];
    const bool moved = p.model != HostingModel::kPhased || month >= p.move_month;
    const std::string& where = moved ? p.pool : DedicatedPoolName(p.tenant);
    if (where == pool) members.push_back(static_cast<int>(i));
  }
  return members;
}

std::vector<std::string> EnvironmentsAt(const std::vector<TenantPlacement>& placements, int month) {
  std::vector<std::string> pools;
  for (const TenantPlacement& p : placements) {
    const bool moved = p.model != HostingModel::kPhased || month >= p.move_month;
    pools.push_back(moved ? p.pool : DedicatedPoolName(p.tenant));
  }
  std::sort(pools.begin(), pools.end());
  pools.erase(std::unique(pools.begin(), pools.end()), pools.end());
  return pools;
}

}  // namespace headroom
