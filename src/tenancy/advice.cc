#include "tenancy/advice.h"

#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <map>
#include <set>

#include "demand/demand.h"
#include "plan/planner.h"
#include "sizing/node_type.h"

namespace headroom {
namespace {

// An environment's plan, by its tenants (indexes into Estate::tenants, sorted).
struct EnvironmentPlan {
  std::vector<double> monthly_cost;
  std::vector<sim::SharedPoolShape> shape;  // per month
};

using Members = std::vector<int>;

Estate SubEstate(const Estate& estate, const Members& members, int samples) {
  Estate sub = estate;
  sub.tenants.clear();
  for (int i : members) sub.tenants.push_back(estate.tenants[static_cast<size_t>(i)]);
  sub.planning.samples = std::min(estate.planning.samples, samples);
  return sub;
}

Result<EnvironmentPlan> PlanEnvironment(const Estate& estate, const Members& members,
                                        const Catalog& catalog, int samples) {
  const Estate sub = SubEstate(estate, members, samples);
  DemandOptions options = DemandOptions::FromPlanning(sub.planning);
  options.keep_batch_releases = false;
  Result<Demand> demand = SynthesizeDemand(sub, options);
  if (!demand.ok()) return demand.errors();
  PlanSettings settings;
  settings.catalog = catalog;
  settings.threads = 1;  // environments are already planned in parallel
  Result<Plan> plan = BuildPlan(sub, demand.value(), settings);
  if (!plan.ok()) return plan.errors();
  EnvironmentPlan out;
  for (const MonthPlan& m : plan.value().month_plans) {
    out.monthly_cost.push_back(m.cost.total);
    // A worst hour lands on the workers running before the autoscaler reacts: the HPA's
    // minimum replicas (the scale-up takes minutes: docs/simulation.md).
    const int min_workers = m.odoo.hpa_min_replicas * m.odoo.workers_per_pod;
    out.shape.push_back(
        sim::SharedPoolShape{std::max(1, min_workers > 0 ? min_workers : m.odoo.http_workers),
                             std::max(1, m.postgres.vcpu)});
  }
  return out;
}

std::string Key(const Members& members) { return fmt::format("{}", fmt::join(members, ",")); }

// Plans every distinct set of tenants once, `threads` at a time.
class PlanCache {
 public:
  PlanCache(const Estate& estate, const Catalog& catalog, const TenancySettings& settings)
      : estate_(estate), catalog_(catalog), settings_(settings) {}

  void Want(const Members& members) {
    if (!members.empty()) wanted_.insert(members);
  }

  Status Run() {
    std::vector<Members> todo;
    for (const Members& m : wanted_) {
      if (plans_.count(Key(m)) == 0) todo.push_back(m);
    }
    const size_t threads = static_cast<size_t>(std::max(1, settings_.threads));
    for (size_t first = 0; first < todo.size(); first += threads) {
      std::vector<std::future<Result<EnvironmentPlan>>> batch;
      for (size_t i = first; i < std::min(todo.size(), first + threads); ++i) {
        batch.push_back(std::async(std::launch::async, [this, &todo, i] {
          return PlanEnvironment(estate_, todo[i], catalog_, settings_.samples);
        }));
      }
      for (size_t i = 0; i < batch.size(); ++i) {
        Result<EnvironmentPlan> r = batch[i].get();
        if (!r.ok()) return r.errors();
        plans_.emplace(Key(todo[first + i]), std::move(r).value());
      }
    }
    return Status::Ok();
  }

  [[nodiscard]] const EnvironmentPlan& Get(const Members& members) const {
    return plans_.at(Key(members));
  }

 private:
  const Estate& estate_;
  const Catalog& catalog_;
  const TenancySettings& settings_;
  std::set<Members> wanted_;
  std::map<std::string, EnvironmentPlan> plans_;
};

std::vector<TenantPlacement> AllShared(const Estate& estate) {
  std::vector<TenantPlacement> out;
  for (const Tenant& t : estate.tenants) {
    TenantPlacement p;
    p.tenant = t.name;
    p.region = t.governance.data_residency.empty() ? "any" : t.governance.data_residency;
    p.pool = "shared-" + p.region;
    out.push_back(p);
  }
  return out;
}

std::vector<TenantPlacement> AllDedicated(const Estate& estate) {
  std::vector<TenantPlacement> out = AllShared(estate);
  for (TenantPlacement& p : out) {
    p.model = HostingModel::kDedicated;
    p.pool = DedicatedPoolName(p.tenant);
  }
  return out;
}

void WantAll(const std::vector<TenantPlacement>& placements, int months, PlanCache& cache) {
  for (int m = 0; m < months; ++m) {
    for (const std::string& env : EnvironmentsAt(placements, m)) {
      cache.Want(EnvironmentMembers(placements, env, m));
    }
  }
}

double Mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

// A tenant's requests per class in one window at the planning quantile, reduced to one
// two-phase request: the rate-weighted mean application and database times, and the cv of the
// mixture (E[S²] = Σ w (1 + cv²) S², cv² = E[S²] / E[S]² − 1).
sim::TenantTraffic TrafficOf(const Estate& estate, const Demand& demand, int tenant, int month,
                             WindowKind window) {
  const TenantDemand& td = demand.tenants[static_cast<size_t>(tenant)];
  const WindowSummary& w = td.summary[static_cast<size_t>(month)].Window(window);
  sim::TenantTraffic t;
  t.name = td.name;
  double app = 0, db = 0, second = 0;
  for (size_t c = 0; c < demand.classes.size(); ++c) {
    const RequestClass& rc = estate.request_classes[c];
    if (rc.long_lived) continue;
    const double rate = w.rate_per_s[c].planning;
    const double s = (rc.app_cpu_ms + rc.db_cpu_ms) / 1000.0;
    t.rate_per_s += rate;
    app += rate * rc.app_cpu_ms / 1000.0;
    db += rate * rc.db_cpu_ms / 1000.0;
    second += rate * (1 + rc.service_cv * rc.service_cv) * s * s;
  }
  if (t.rate_per_s <= 0) return t;
  t.app_mean_s = app / t.rate_per_s;
  t.db_mean_s = db / t.rate_per_s;
  const double mean = t.app_mean_s + t.db_mean_s;
  const double cv2 = mean > 0 ? second / t.rate_per_s / (mean * mean) - 1 : 1;
  t.service_cv = std::sqrt(std::max(0.0, cv2));
  return t;
}

struct PoolAtMonth {
  std::string pool;
  int month = 0;
  Members members;
};

// Every shared pool of the placements with two or more members, at the last month it has its
// final members (the horizon's last month: growth makes it the busiest).
std::vector<PoolAtMonth> SharedPools(const std::vector<TenantPlacement>& placements, int months) {
  std::vector<PoolAtMonth> pools;
  const int last = months - 1;
  for (const std::string& env : EnvironmentsAt(placements, last)) {
    if (env.rfind("shared-", 0) != 0) continue;
    Members members = EnvironmentMembers(placements, env, last);
    if (members.size() >= 2) pools.push_back({env, last, std::move(members)});
  }
  return pools;
}

std::string PoolKey(const PoolAtMonth& p) { return p.pool + "/" + Key(p.members); }

const MitigationEffect* FindEffect(const AggressorImpact& a, const std::string& name) {
  for (const MitigationEffect& e : a.effects) {
    if (e.mitigation == name) return &e;
  }
  return nullptr;
}

class Advisor {
 public:
  Advisor(const Estate& estate, const Catalog& catalog, const TenancySettings& settings)
      : estate_(estate), settings_(settings), cache_(estate, catalog, settings) {
    control_plane_monthly_ = settings.control_plane_per_hour * kHoursPerMonth;
    advice_.estate = estate.name;
    advice_.currency = catalog.currency;
    advice_.control_plane_monthly = control_plane_monthly_;
    advice_.samples = std::min(estate.planning.samples, settings.samples);
  }

  Result<TenancyAdvice> Run() {
    DemandOptions options = DemandOptions::FromPlanning(estate_.planning);
    options.samples = advice_.samples;
    options.keep_batch_releases = false;
    Result<Demand> demand = SynthesizeDemand(estate_, options);
    if (!demand.ok()) return demand.errors();
    demand_ = &demand.value();
    months_ = demand_->months();
    for (int m = 0; m < months_; ++m) advice_.month_labels.push_back(demand_->MonthLabel(m));

    std::vector<TenantPlacement> hybrid = PlaceTenants(estate_, settings_.rules);
    const std::vector<TenantPlacement> shared = AllShared(estate_);
    const std::vector<TenantPlacement> dedicated = AllDedicated(estate_);
    WantAll(hybrid, months_, cache_);
    WantAll(shared, months_, cache_);
    WantAll(dedicated, months_, cache_);
    if (Status s = cache_.Run(); !s.ok()) return s.errors();
    DedicateCostlyPools(hybrid);
    WantAll(hybrid, months_, cache_);
    if (Status s = cache_.Run(); !s.ok()) return s.errors();

    MeasurePools(hybrid);
    MeasurePools(shared);
    advice_.options.push_back(Summarize("multi-tenant", shared));
    advice_.options.push_back(Summarize("dedicated", dedicated));
    advice_.options.push_back(Summarize("hybrid", hybrid));
    PerTenant(hybrid, shared);
    Recommend(hybrid);
    return advice_;
  }

 private:
  // The soft goal of cost: a pool that costs more than dedicating its members (beyond what the
  // estate forces) is not worth it; its members are dedicated.
  void DedicateCostlyPools(std::vector<TenantPlacement>& placements) {
    for (const PoolAtMonth& pool : SharedPools(placements, months_)) {
      const double pooled = EnvironmentMean(pool.members);
      double apart = 0;
      for (int i : pool.members) apart += DedicatedMean(i);
      if (pooled < apart) continue;
      for (int i : pool.members) {
        TenantPlacement& p = placements[static_cast<size_t>(i)];
        if (p.forced) continue;
        p.model = HostingModel::kDedicated;
        p.pool = DedicatedPoolName(p.tenant);
        p.reasons.insert(p.reasons.begin(),
                         fmt::format("pool {} would cost {:.0f}/month against {:.0f} for its "
                                     "tenants on their own environments",
                                     pool.pool, pooled, apart));
      }
    }
  }

  // An environment exists in a month once one of its tenants has load (an acquired entity
  // before its acquisition has none): then its plan's cost plus one control plane.
  double EnvironmentCost(const Members& members, int month) const {
    bool live = false;
    for (int i : members) {
      live = live || demand_->tenants[static_cast<size_t>(i)]
                             .mid.At(month, 0, WindowKind::kSustained)
                             .facts.offered_cpu_cores > 0;
    }
    if (!live) return 0;
    return cache_.Get(members).monthly_cost[static_cast<size_t>(month)] + control_plane_monthly_;
  }

  double EnvironmentMean(const Members& members) const {
    double sum = 0;
    for (int m = 0; m < months_; ++m) sum += EnvironmentCost(members, m);
    return sum / months_;
  }

  double DedicatedMean(int tenant) const { return EnvironmentMean({tenant}); }

  // Σ over the month's environments of their cost.
  std::vector<double> MonthlyCost(const std::vector<TenantPlacement>& placements) const {
    std::vector<double> cost(static_cast<size_t>(months_), 0.0);
    for (int m = 0; m < months_; ++m) {
      for (const std::string& env : EnvironmentsAt(placements, m)) {
        cost[static_cast<size_t>(m)] += EnvironmentCost(EnvironmentMembers(placements, env, m), m);
      }
    }
    return cost;
  }

  void MeasurePools(const std::vector<TenantPlacement>& placements) {
    for (const PoolAtMonth& pool : SharedPools(placements, months_)) {
      if (measured_.count(PoolKey(pool)) != 0) continue;
      std::vector<sim::TenantTraffic> sustained, peak;
      for (int i : pool.members) {
        sustained.push_back(TrafficOf(estate_, *demand_, i, pool.month, WindowKind::kSustained));
        peak.push_back(TrafficOf(estate_, *demand_, i, pool.month, WindowKind::kPeak));
      }
      const sim::SharedPoolShape shape =
          cache_.Get(pool.members).shape[static_cast<size_t>(pool.month)];
      measured_[PoolKey(pool)] = advice_.interference.size();
      advice_.interference.push_back(MeasureInterference(pool.pool, pool.month, shape, sustained,
                                                         peak, settings_.interference));
    }
  }

  const PoolInterference* Measured(const PoolAtMonth& pool) const {
    auto it = measured_.find(PoolKey(pool));
    return it == measured_.end() ? nullptr : &advice_.interference[it->second];
  }

  OptionSummary Summarize(const std::string& model, const std::vector<TenantPlacement>& p) {
    OptionSummary o;
    o.model = model;
    o.placements = p;
    o.monthly_cost = MonthlyCost(p);
    o.mean_monthly_cost = Mean(o.monthly_cost);
    o.environments = static_cast<int>(EnvironmentsAt(p, months_ - 1).size());
    for (int m = 0; m < months_; ++m) {
      for (const std::string& env : EnvironmentsAt(p, m)) {
        o.blast_radius =
            std::max(o.blast_radius, static_cast<int>(EnvironmentMembers(p, env, m).size()));
      }
    }
    for (const PoolAtMonth& pool : SharedPools(p, months_)) {
      const PoolInterference* pi = Measured(pool);
      if (pi == nullptr) continue;
      for (const AggressorImpact& a : pi->aggressors) {
        o.p95_inflation = std::max(o.p95_inflation, FindEffect(a, "none")->others_inflation);
        o.p95_inflation_with_quota =
            std::max(o.p95_inflation_with_quota, FindEffect(a, "worker quota")->others_inflation);
        if (a.runaway.others_inflation >= o.runaway_inflation) {
          o.runaway_inflation = a.runaway.others_inflation;
          o.runaway_inflation_with_quota = a.runaway_with_quota.others_inflation;
          o.runaway_tenant = a.tenant;
        }
      }
    }
    for (size_t i = 0; i < p.size(); ++i) {
      if (p[i].model == HostingModel::kDedicated) continue;
      for (const std::string& r : IsolationReasons(estate_.tenants[i], settings_.rules)) {
        o.governance_violations.push_back(p[i].tenant + ": " + r);
      }
    }
    return o;
  }

  void PerTenant(const std::vector<TenantPlacement>& hybrid,
                 const std::vector<TenantPlacement>& shared) {
    for (size_t i = 0; i < hybrid.size(); ++i) {
      TenantAdvice t;
      t.placement = hybrid[i];
      t.dedicated_monthly = DedicatedMean(static_cast<int>(i));
      t.shared_monthly = SharedShare(shared, static_cast<int>(i));
      // What it does to its neighbours: in its hybrid pool, or, when it has none, in the pool
      // of its region the multi-tenant option would put it in.
      for (const std::vector<TenantPlacement>* p : {&shared, &hybrid}) {
        for (const PoolAtMonth& pool : SharedPools(*p, months_)) {
          const PoolInterference* pi = Measured(pool);
          if (pi == nullptr) continue;
          for (const AggressorImpact& a : pi->aggressors) {
            if (a.tenant != hybrid[i].tenant) continue;
            t.p95_inflation_caused = FindEffect(a, "none")->others_inflation;
            t.p95_inflation_caused_with_quota = FindEffect(a, "worker quota")->others_inflation;
          }
        }
      }
      advice_.tenants.push_back(std::move(t));
    }
  }

  // The tenant's share of its region pool's cost (control plane included), month by month in
  // proportion to the sustained CPU its load offers (the OpenCost split of cost/allocation.h).
  double SharedShare(const std::vector<TenantPlacement>& shared, int tenant) const {
    double sum = 0;
    for (int m = 0; m < months_; ++m) {
      const Members members =
          EnvironmentMembers(shared, shared[static_cast<size_t>(tenant)].pool, m);
      double own = 0, all = 0;
      for (int i : members) {
        const double cores = demand_->tenants[static_cast<size_t>(i)]
                                 .mid.At(m, 0, WindowKind::kSustained)
                                 .facts.offered_cpu_cores;
        all += cores;
        if (i == tenant) own = cores;
      }
      const double cost = EnvironmentCost(members, m);
      sum += all > 0 ? cost * own / all : cost / static_cast<double>(members.size());
    }
    return sum / months_;
  }

  void Recommend(const std::vector<TenantPlacement>& hybrid) {
    int dedicated = 0, phased = 0;
    for (const TenantPlacement& p : hybrid) {
      dedicated += p.model == HostingModel::kDedicated ? 1 : 0;
      phased += p.model == HostingModel::kPhased ? 1 : 0;
    }
    const int n = static_cast<int>(hybrid.size());
    advice_.recommended = dedicated == n                  ? "dedicated"
                          : dedicated == 0 && phased == 0 ? "multi-tenant"
                                                          : "hybrid";
    std::vector<std::string>& why = advice_.reasons;
    for (const TenantPlacement& p : hybrid) {
      if (p.model == HostingModel::kDedicated) {
        why.push_back(fmt::format("{} stays dedicated: {}", p.tenant, fmt::join(p.reasons, "; ")));
      }
      if (p.model == HostingModel::kPhased) {
        why.push_back(fmt::format("{} moves into {} in {} (month {}): {}", p.tenant, p.pool,
                                  advice_.month_labels[static_cast<size_t>(p.move_month)],
                                  p.move_month, p.reasons.front()));
      }
    }
    const OptionSummary& hy = advice_.options[2];
    const OptionSummary& ded = advice_.options[1];
    if (dedicated < n) {
      why.push_back(fmt::format(
          "pooling saves {:.0f} {}/month ({:.0f}%) against dedicating every tenant ({:.0f} vs "
          "{:.0f})",
          ded.mean_monthly_cost - hy.mean_monthly_cost, advice_.currency,
          ded.mean_monthly_cost > 0
              ? 100.0 * (ded.mean_monthly_cost - hy.mean_monthly_cost) / ded.mean_monthly_cost
              : 0.0,
          hy.mean_monthly_cost, ded.mean_monthly_cost));
      why.push_back(fmt::format(
          "a neighbour's worst hour raises the others' p95 by {:.0f}% in the shared pool; with a "
          "per-tenant worker quota by {:.0f}%: run the pool with quotas",
          100.0 * hy.p95_inflation, 100.0 * hy.p95_inflation_with_quota));
      if (!hy.runaway_tenant.empty()) {
        why.push_back(fmt::format(
            "a runaway burst of {} ({:g}x its worst hour) would raise the others' p95 by {:.0f}%; "
            "its worker quota holds that to {:.0f}%",
            hy.runaway_tenant, settings_.interference.runaway_factor, 100.0 * hy.runaway_inflation,
            100.0 * hy.runaway_inflation_with_quota));
      }
      why.push_back(
          fmt::format("blast radius: one incident touches up to {} tenants", hy.blast_radius));
    }
    const OptionSummary& mt = advice_.options[0];
    if (phased > 0) {
      why.push_back(
          fmt::format("the phase on its own environment costs {:.0f} {}/month over the "
                      "horizon more than consolidating at once ({:.0f} vs {:.0f})",
                      hy.mean_monthly_cost - mt.mean_monthly_cost, advice_.currency,
                      hy.mean_monthly_cost, mt.mean_monthly_cost));
    }
    if (!mt.governance_violations.empty() && advice_.recommended != "multi-tenant") {
      why.push_back(fmt::format("multi-tenant for all would break {} hard constraint(s)",
                                mt.governance_violations.size()));
    }
  }

  const Estate& estate_;
  const TenancySettings& settings_;
  PlanCache cache_;
  TenancyAdvice advice_;
  const Demand* demand_ = nullptr;
  int months_ = 0;
  double control_plane_monthly_ = 0;
  std::map<std::string, size_t> measured_;
};

}  // namespace

Result<TenancyAdvice> AdviseTenancy(const Estate& estate, const Catalog& catalog,
                                    const TenancySettings& settings) {
  if (static_cast<int>(estate.tenants.size()) > settings.max_tenants) {
    return InvalidError(
        fmt::format("the tenancy advice plans each tenant on its own and covers "
                    "up to {} tenants; the estate has {}",
                    settings.max_tenants, estate.tenants.size()));
  }
  Advisor advisor(estate, catalog, settings);
  return advisor.Run();
}

}  // namespace headroom
