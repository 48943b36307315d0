#pragma once
// For tests: what "more sites never lower the cost or the capacity" asks of two plans of one
// estate, the second with more sites for one tenant (docs/plan-json.md, "More sites"), and the
// estates with more sites or tighter targets.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "estate/model.h"
#include "plan/plan.h"
#include "sizing/postgres_sizer.h"

namespace headroom::more_sites_for_test {

struct Grown {
  std::string name;  // "meridian +2"
  Estate estate;
};

// Every tenant of `base` with one, two and six more sites from the start, one at a time.
inline std::vector<Grown> GrownEstates(const Estate& base) {
  std::vector<Grown> out;
  for (size_t t = 0; t < base.tenants.size(); ++t) {
    for (int add : {1, 2, 6}) {
      Estate more = base;
      more.tenants[t].sites.initial += add;
      out.push_back({fmt::format("{} +{}", base.tenants[t].name, add), std::move(more)});
    }
  }
  return out;
}

// Odoo's capacity is its pods and the workers they run. The pods never fall. At equal pods the
// workers never fall. With more pods each may run one
// worker fewer (the fewest per pod that meet the need: nine of six where eight of seven held
// less load), so the workers may fall, by less than one per pod of the smaller plan, which
// rounds its own need up by less than that.
inline void ExpectOdooNoLess(const OdooSizing& x, const OdooSizing& y, const std::string& at) {
  EXPECT_GE(y.pods, x.pods) << at;
  if (y.pods == x.pods) {
    EXPECT_GE(y.http_workers, x.http_workers) << at;
  } else {
    EXPECT_GT(y.http_workers, x.http_workers - x.pods) << at;
  }
}

// Every layer but Odoo: PostgreSQL over its clusters (one more cluster may be smaller), Redis,
// ingress, the filestore, and every cost beside the nodes.
inline void ExpectOtherLayersNoLess(const MonthPlan& x, const MonthPlan& y, const std::string& at) {
  EXPECT_GE(TotalVcpu(y.postgres), TotalVcpu(x.postgres)) << at;
  EXPECT_GE(TotalMemoryGib(y.postgres), TotalMemoryGib(x.postgres)) << at;
  if (y.postgres.clusters == x.postgres.clusters) {
    EXPECT_GE(y.postgres.vcpu, x.postgres.vcpu) << at;
    EXPECT_GE(y.postgres.memory_gib, x.postgres.memory_gib) << at;
  }
  EXPECT_GE(y.redis.memory_mib, x.redis.memory_mib) << at;
  EXPECT_GE(y.ingress.replicas, x.ingress.replicas) << at;
  EXPECT_GE(y.storage.filestore_gib, x.storage.filestore_gib) << at;
  EXPECT_GE(y.cost.total - y.cost.nodes, x.cost.total - x.cost.nodes - 1e-9) << at;
}

// Every class's p95 target times these, each tighter than the one before: 0.25 takes most
// classes of the examples below their own service times.
inline constexpr std::array<double, 4> kTighterTargets = {1.0, 0.75, 0.5, 0.25};

// `estate` with every class's target times `factor`, and no tenant's own targets.
inline Estate WithTargetsTimes(Estate estate, double factor) {
  for (RequestClass& c : estate.request_classes) c.p95_target_ms *= factor;
  for (Tenant& t : estate.tenants) t.slos.clear();
  return estate;
}

inline double HorizonCost(const Plan& plan) {
  double total = 0;
  for (const MonthPlan& m : plan.month_plans) total += m.cost.total;
  return total;
}

}  // namespace headroom::more_sites_for_test
