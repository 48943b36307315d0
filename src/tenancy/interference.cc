#include "tenancy/interference.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <future>

namespace headroom {
namespace {

const std::vector<std::string>& MitigationNames() {
  static const std::vector<std::string> names = {"none", "worker quota", "pgbouncer cap",
                                                 "rate limit", "all three"};
  return names;
}

// Workers (or connections) the other members' load needs: a + 2√a + 1, square-root staffing.
int Reserve(double erlangs) {
  return static_cast<int>(std::ceil(erlangs + 2.0 * std::sqrt(erlangs) + 1.0));
}

double OthersErlangs(const std::vector<sim::TenantTraffic>& traffic, size_t aggressor, bool db) {
  double a = 0;
  for (size_t i = 0; i < traffic.size(); ++i) {
    if (i == aggressor) continue;
    const sim::TenantTraffic& t = traffic[i];
    a += t.rate_per_s * (db ? t.db_mean_s : t.app_mean_s + t.db_mean_s);
  }
  return a;
}

struct Run {
  std::vector<sim::TenantTraffic> traffic;
  std::vector<sim::TenantLimit> limits;
};

std::vector<std::vector<sim::TenantOutcome>> RunAll(const sim::SharedPoolShape& shape,
                                                    const std::vector<Run>& runs,
                                                    const InterferenceSettings& s) {
  std::vector<std::vector<sim::TenantOutcome>> out(runs.size());
  const sim::PoolRunSettings run_settings{s.duration_s, s.warmup_s, s.seed};
  const size_t threads = static_cast<size_t>(std::max(1, s.threads));
  for (size_t first = 0; first < runs.size(); first += threads) {
    std::vector<std::future<std::vector<sim::TenantOutcome>>> batch;
    for (size_t i = first; i < std::min(runs.size(), first + threads); ++i) {
      batch.push_back(std::async(std::launch::async, [&, i] {
        return sim::SimulateSharedPool(shape, runs[i].traffic, runs[i].limits, run_settings);
      }));
    }
    for (size_t i = 0; i < batch.size(); ++i) out[first + i] = batch[i].get();
  }
  return out;
}

MitigationEffect Effect(const std::string& name, size_t aggressor,
                        const std::vector<sim::TenantLimit>& limits,
                        const std::vector<sim::TenantOutcome>& outcome,
                        const std::vector<double>& baseline, const sim::SharedPoolShape& shape) {
  MitigationEffect e;
  e.mitigation = name;
  const sim::TenantLimit& l = limits[aggressor];
  std::vector<std::string> parts;
  if (l.max_workers > 0)
    parts.push_back(fmt::format("at most {} of {} workers", l.max_workers, shape.workers));
  if (l.max_db_connections > 0) {
    parts.push_back(
        fmt::format("max_db_connections {} of {}", l.max_db_connections, shape.db_connections));
  }
  if (l.rate_limit_per_s > 0) parts.push_back(fmt::format("{:.1f} req/s", l.rate_limit_per_s));
  e.setting = parts.empty() ? "no limit" : fmt::format("{}", fmt::join(parts, ", "));
  for (size_t i = 0; i < outcome.size(); ++i) {
    if (i == aggressor) continue;
    const double inflation = baseline[i] > 0 ? outcome[i].p95_ms / baseline[i] - 1 : 0;
    if (inflation >= e.others_inflation || e.others_p95_ms == 0) {
      e.others_inflation = inflation;
      e.others_p95_ms = outcome[i].p95_ms;
    }
  }
  const sim::TenantOutcome& a = outcome[aggressor];
  e.aggressor_p95_ms = a.p95_ms;
  e.aggressor_rejected_share =
      a.offered > 0 ? static_cast<double>(a.rejected) / static_cast<double>(a.offered) : 0;
  return e;
}

}  // namespace

std::vector<sim::TenantLimit> MitigationLimits(const std::string& name, size_t aggressor,
                                               const sim::SharedPoolShape& shape,
                                               const std::vector<sim::TenantTraffic>& traffic) {
  std::vector<sim::TenantLimit> limits(traffic.size());
  sim::TenantLimit& l = limits[aggressor];
  const bool all = name == "all three";
  const int workers =
      std::max(1, shape.workers - Reserve(OthersErlangs(traffic, aggressor, false)));
  if (all || name == "worker quota" || name == "rate limit") l.max_workers = workers;
  if (all || name == "pgbouncer cap") {
    l.max_db_connections =
        std::max(1, shape.db_connections - Reserve(OthersErlangs(traffic, aggressor, true)));
  }
  if (all || name == "rate limit") {
    const sim::TenantTraffic& t = traffic[aggressor];
    const double service_s = t.app_mean_s + t.db_mean_s;
    l.rate_limit_per_s = service_s > 0 ? 0.85 * workers / service_s : 0;
    l.rate_burst = std::max(1.0, l.rate_limit_per_s);
    if (name == "rate limit") l.max_workers = 0;  // the rate limit alone: no worker quota
  }
  return limits;
}

PoolInterference MeasureInterference(const std::string& pool, int month,
                                     const sim::SharedPoolShape& shape,
                                     const std::vector<sim::TenantTraffic>& sustained,
                                     const std::vector<sim::TenantTraffic>& peak,
                                     const InterferenceSettings& settings) {
  PoolInterference out;
  out.pool = pool;
  out.month = month;
  out.shape = shape;
  for (const sim::TenantTraffic& t : sustained) out.members.push_back(t.name);
  // Per aggressor: the others at their worst hour with the aggressor at its sustained load (its
  // baseline), then everyone at the worst hour, without and with each mitigation.
  std::vector<Run> runs = {{sustained, std::vector<sim::TenantLimit>(sustained.size())}};
  const size_t per_aggressor = 3 + MitigationNames().size();
  for (size_t a = 0; a < sustained.size(); ++a) {
    std::vector<sim::TenantTraffic> quiet = peak;
    quiet[a] = sustained[a];
    runs.push_back({quiet, std::vector<sim::TenantLimit>(sustained.size())});
    for (const std::string& name : MitigationNames()) {
      runs.push_back({peak, MitigationLimits(name, a, shape, peak)});
    }
    std::vector<sim::TenantTraffic> runaway = peak;
    runaway[a].rate_per_s *= settings.runaway_factor;
    runs.push_back({runaway, std::vector<sim::TenantLimit>(sustained.size())});
    // The quota is the one set for its planned worst hour, not for the runaway.
    runs.push_back({runaway, MitigationLimits("worker quota", a, shape, peak)});
  }
  const std::vector<std::vector<sim::TenantOutcome>> results = RunAll(shape, runs, settings);
  for (const sim::TenantOutcome& o : results[0]) out.baseline_p95_ms.push_back(o.p95_ms);
  for (size_t a = 0; a < sustained.size(); ++a) {
    const size_t first = 1 + a * per_aggressor;
    std::vector<double> baseline;
    for (const sim::TenantOutcome& o : results[first]) baseline.push_back(o.p95_ms);
    AggressorImpact impact;
    impact.tenant = sustained[a].name;
    for (size_t k = 0; k < MitigationNames().size(); ++k) {
      impact.effects.push_back(Effect(MitigationNames()[k], a, runs[first + 1 + k].limits,
                                      results[first + 1 + k], baseline, shape));
    }
    const size_t runaway = first + 1 + MitigationNames().size();
    impact.runaway = Effect("runaway", a, runs[runaway].limits, results[runaway], baseline, shape);
    impact.runaway_with_quota = Effect("runaway with worker quota", a, runs[runaway + 1].limits,
                                       results[runaway + 1], baseline, shape);
    // The victim: the member with the worst p95 in the unmitigated run.
    const std::vector<sim::TenantOutcome>& none = results[first + 1];
    for (size_t i = 0; i < none.size(); ++i) {
      if (i != a && none[i].p95_ms == impact.effects[0].others_p95_ms) impact.victim = none[i].name;
    }
    out.aggressors.push_back(std::move(impact));
  }
  return out;
}

}  // namespace headroom
