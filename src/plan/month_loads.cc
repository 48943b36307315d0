#include "plan/month_loads.h"

#include <algorithm>
#include <limits>

#include "demand/sampling.h"
#include "demand/tenant_model.h"

namespace headroom {
namespace {

constexpr WindowKind kKinds[3] = {WindowKind::kSustained, WindowKind::kPeak, WindowKind::kRecovery};

// The planning quantile of f(sample) across the demand's samples.
template <typename F>
double QuantileAcross(const Demand& demand, F f) {
  std::vector<double> values(static_cast<size_t>(demand.samples));
  for (int s = 0; s < demand.samples; ++s) values[static_cast<size_t>(s)] = f(s);
  return QuantilesOf(values, demand.planning.quantile).planning;
}

// Each class's p95 target: the tightest among the class's default and the tenants' objectives
// for it. 0 (no objective) never wins over a set one.
double TightestTarget(const Estate& estate, const RequestClass& c) {
  double target = c.p95_target_ms > 0 ? c.p95_target_ms : 0;
  for (const Tenant& t : estate.tenants) {
    for (const Slo& slo : t.slos) {
      if (slo.request_class != c.name || !(slo.p95_ms > 0)) continue;
      target = target > 0 ? std::min(target, slo.p95_ms) : slo.p95_ms;
    }
  }
  return target;
}

void FillObjectives(const Estate& estate, MonthLoad& load) {
  double rto = std::numeric_limits<double>::max();
  double rpo = std::numeric_limits<double>::max();
  for (const Tenant& t : estate.tenants) {
    for (const RecoveryObjective& o : t.recovery) {
      rto = std::min(rto, o.rto_minutes);
      rpo = std::min(rpo, o.rpo_minutes);
    }
  }
  load.rto_hours = (rto == std::numeric_limits<double>::max() ? kDefaultRtoMinutes : rto) / 60.0;
  load.rpo_hours = (rpo == std::numeric_limits<double>::max() ? kDefaultRpoMinutes : rpo) / 60.0;
}

// Named users (site, central, acquired and launched portal users) of one tenant in a month.
double NamedUsers(const Tenant& tenant, const TenantDemand& td, const TenantDraw& d, int month) {
  int acquired_sites = 0;
  double users = d.central_users;
  for (size_t g = 0; g < tenant.sites.growth.size(); ++g) {
    const GrowthStep& step = tenant.sites.growth[g];
    if (step.kind != GrowthKind::kAcquisition || step.month > month) continue;
    acquired_sites += step.add_sites;
    const double per_site = step.users_per_site ? d.growth_users_per_site[g] : d.users_per_site;
    users += step.add_sites * per_site + d.growth_central_users[g];
  }
  const int own_sites = td.sites[static_cast<size_t>(month)] - acquired_sites;
  users += std::max(0, own_sites) * d.users_per_site;
  if (tenant.portal && month >= tenant.portal->launch_month) users += d.portal_users;
  return users;
}

const TenantDraw& DrawOf(const TenantDemand& td, LoadView view) {
  return view.kind == LoadView::Kind::kSample ? td.draws[static_cast<size_t>(view.sample)]
                                              : td.mid_draw;
}

double InitialDatabaseGib(const Estate& estate, const Demand& demand, LoadView view) {
  double gib = 0;
  for (const Tenant& t : estate.tenants) {
    const std::string path = FieldPath(t.name, "initial_database_gib");
    switch (view.kind) {
      case LoadView::Kind::kSample:
        gib += DrawInterval(t.initial_database_gib, demand.seed, view.sample, path);
        break;
      case LoadView::Kind::kMid:
        gib += t.initial_database_gib.mid;
        break;
      case LoadView::Kind::kQuantile:
        gib += std::max(0.0, t.initial_database_gib.Quantile(demand.planning.quantile));
        break;
    }
  }
  return gib;
}

void FillWindows(const Demand& demand, LoadView view, int m, MonthLoad& load) {
  for (int k = 0; k < 3; ++k) {
    if (view.kind == LoadView::Kind::kQuantile) {
      const WindowSummary& s = demand.estate_summary[static_cast<size_t>(m)].Window(kKinds[k]);
      for (size_t c = 0; c < load.classes.size(); ++c) {
        load.classes[c].rate_per_s[static_cast<size_t>(k)] = s.rate_per_s[c].planning;
      }
      load.sessions[static_cast<size_t>(k)] = s.sessions.planning;
      load.batch_cpu_s[static_cast<size_t>(k)] = s.batch_cpu_s.planning;
      load.max_sessions = std::max(load.max_sessions, s.max_sessions.planning);
      continue;
    }
    const bool mid = view.kind == LoadView::Kind::kMid;
    const LoadWindow w =
        mid ? demand.estate_mid.At(m, 0, kKinds[k]) : demand.estate.At(m, view.sample, kKinds[k]);
    for (size_t c = 0; c < load.classes.size(); ++c) {
      load.classes[c].rate_per_s[static_cast<size_t>(k)] = w.rate_per_s[c];
    }
    load.sessions[static_cast<size_t>(k)] = w.facts.sessions;
    load.batch_cpu_s[static_cast<size_t>(k)] = w.facts.batch_cpu_s;
    load.max_sessions = std::max(load.max_sessions, w.facts.max_sessions);
  }
}

double RequestsMonth(const Demand& demand, LoadView view, int m, int c) {
  switch (view.kind) {
    case LoadView::Kind::kSample:
      return demand.RequestsMonth(m, view.sample, c);
    case LoadView::Kind::kMid:
      return demand
          .requests_mid[static_cast<size_t>(m) * demand.classes.size() + static_cast<size_t>(c)];
    case LoadView::Kind::kQuantile:
      return QuantileAcross(demand, [&](int s) { return demand.RequestsMonth(m, s, c); });
  }
  return 0;
}

double DocumentsAdded(const Demand& demand, LoadView view, int m) {
  switch (view.kind) {
    case LoadView::Kind::kSample:
      return demand.DocumentsMib(m, view.sample);
    case LoadView::Kind::kMid:
      return demand.documents_mid_mib[static_cast<size_t>(m)];
    case LoadView::Kind::kQuantile:
      return QuantileAcross(demand, [&](int s) { return demand.DocumentsMib(m, s); });
  }
  return 0;
}

double NamedUsersAll(const Estate& estate, const Demand& demand, LoadView view, int m) {
  auto total = [&](LoadView v) {
    double users = 0;
    for (size_t t = 0; t < estate.tenants.size(); ++t) {
      users += NamedUsers(estate.tenants[t], demand.tenants[t], DrawOf(demand.tenants[t], v), m);
    }
    return users;
  };
  if (view.kind != LoadView::Kind::kQuantile) return total(view);
  return QuantileAcross(demand, [&](int s) { return total({LoadView::Kind::kSample, s}); });
}

MonthLoad BuildOne(const Estate& estate, const Demand& demand, LoadView view, int m) {
  MonthLoad load;
  load.month = m;
  for (size_t c = 0; c < estate.request_classes.size(); ++c) {
    const RequestClass& rc = estate.request_classes[c];
    ClassLoad cl = ClassDemandsOf(rc);
    cl.p95_target_ms = TightestTarget(estate, rc);
    cl.requests_month = RequestsMonth(demand, view, m, static_cast<int>(c));
    load.classes.push_back(std::move(cl));
  }
  FillWindows(demand, view, m, load);
  const BatchMonth& batch = demand.batch[static_cast<size_t>(m)];
  load.batch_month_cpu_s = batch.total_cpu_s;
  if (batch.heaviest) {
    load.heaviest_batch_cpu_s = batch.heaviest->cpu_seconds;
    load.heaviest_batch_deadline_h = batch.heaviest->deadline_hours;
  }
  for (const TenantDemand& t : demand.tenants) load.sites += t.sites[static_cast<size_t>(m)];
  load.named_users = NamedUsersAll(estate, demand, view, m);
  load.documents_added_mib = DocumentsAdded(demand, view, m);
  FillObjectives(estate, load);
  return load;
}

}  // namespace

ClassLoad ClassDemandsOf(const RequestClass& rc) {
  ClassLoad cl;
  cl.name = rc.name;
  cl.app_cpu_ms = rc.app_cpu_ms;
  cl.db_cpu_ms = rc.db_cpu_ms;
  cl.db_reads = rc.db_reads;
  cl.db_writes = rc.db_writes;
  cl.worker_memory_mib = rc.worker_memory_mib;
  cl.response_kib = rc.response_kib;
  cl.service_cv = rc.service_cv;
  cl.long_lived = rc.long_lived;
  return cl;
}

std::vector<MonthLoad> BuildMonthLoads(const Estate& estate, const Demand& demand, LoadView view,
                                       const PostgresSettings& postgres,
                                       const std::vector<std::vector<double>>& cluster_shares) {
  const int months = demand.months();
  std::vector<MonthLoad> loads;
  loads.reserve(static_cast<size_t>(months));
  double database_gib = InitialDatabaseGib(estate, demand, view);
  double documents_mib = 0;
  for (int m = 0; m < months; ++m) {
    MonthLoad load = BuildOne(estate, demand, view, m);
    database_gib += DatabaseGrowthGibPerMonth(load, postgres);
    documents_mib += load.documents_added_mib;
    load.database_gib = database_gib;
    load.documents_total_mib = documents_mib;
    if (static_cast<size_t>(m) < cluster_shares.size()) {
      load.cluster_shares = cluster_shares[static_cast<size_t>(m)];
    }
    loads.push_back(std::move(load));
  }
  // Look-ahead sizes: the month `storage_lookahead_months` later, or beyond the horizon the last
  // month's size grown at the last month's rate.
  const int ahead = estate.policy.storage_lookahead_months;
  for (int m = 0; m < months; ++m) {
    const int target = m + ahead;
    const MonthLoad& last = loads.back();
    if (target < months) {
      loads[static_cast<size_t>(m)].database_gib_lookahead =
          loads[static_cast<size_t>(target)].database_gib;
      loads[static_cast<size_t>(m)].documents_total_mib_lookahead =
          loads[static_cast<size_t>(target)].documents_total_mib;
      continue;
    }
    const double beyond = target - (months - 1);
    const double db_rate = months > 1 ? last.database_gib - loads[loads.size() - 2].database_gib
                                      : DatabaseGrowthGibPerMonth(last, postgres);
    loads[static_cast<size_t>(m)].database_gib_lookahead = last.database_gib + beyond * db_rate;
    loads[static_cast<size_t>(m)].documents_total_mib_lookahead =
        last.documents_total_mib + beyond * last.documents_added_mib;
  }
  return loads;
}

}  // namespace headroom
