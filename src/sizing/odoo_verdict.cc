#include "sizing/odoo_verdict.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "sizing/odoo_latency.h"

namespace headroom {
namespace {

// "750 ms" below a second, "7.62 s" below 10 s, "12.5 s" above (three significant digits beyond
// any real latency).
std::string Ms(double ms) {
  if (ms < 999.5) return fmt::format("{:.0f} ms", ms);
  if (ms < 9995) return fmt::format("{:.2f} s", ms / 1000.0);
  if (ms < 1e12) return fmt::format("{:.1f} s", ms / 1000.0);
  return fmt::format("{:.3g} s", ms / 1000.0);
}

// A count: whole numbers, or three significant digits beyond any real estate.
std::string Count(double x) {
  if (x < 1e12) return fmt::format("{:.0f}", x);
  return fmt::format("{:.3g}", x);
}

// Busy workers (an offered load): one decimal.
std::string Busy(double erlangs) {
  if (erlangs < 1e12) return fmt::format("{:.1f}", erlangs);
  return fmt::format("{:.3g}", erlangs);
}

std::string Percent(double share) { return fmt::format("{:.0f}%", 100.0 * share); }

// The window whose worker need set the size: the most pods, then the most workers (recovery
// counted as the total it implies, Z / (Z − 1) times its survivors); peak wins ties, then
// recovery.
int BindingWindow(const OdooDecision& d) {
  auto equivalent = [&](int w) {
    const auto workers = static_cast<double>(d.needs[w].workers);
    if (w == kRecovery && d.lose_zone) return workers * d.zones / (d.zones - 1.0);
    return workers;
  };
  int best = kPeak;
  for (int w : {kRecovery, kSustained}) {
    if (d.pods_for_window[w] > d.pods_for_window[best] ||
        (d.pods_for_window[w] == d.pods_for_window[best] && equivalent(w) > equivalent(best))) {
      best = w;
    }
  }
  return best;
}

std::string WindowName(int window) {
  switch (window) {
    case kSustained:
      return "in the sustained window";
    case kRecovery:
      return "at recovery";
    default:
      return "at the peak";
  }
}

// "p95 of report 7.62 s against 8.00 s at the peak with 24 workers": the class whose limit set
// the window's count (BindingLimit), at that count.
std::string LatencySentence(int window, const OdooDecision& d) {
  const WindowNeed& need = d.needs[window];
  const ClassLimit* limit = BindingLimit(d.pools[window], need, d.limits[window]);
  if (limit == nullptr) return "";
  const PoolWait wait = PoolWaitAt(d.pools[window], need.workers);
  const std::optional<double> p95 = PredictP95S(*limit->tail, wait);
  std::string limit_text = Ms(limit->limit_s * 1000.0);
  if (window == kRecovery) {
    limit_text +=
        fmt::format(" ({:g} × {})", d.recovery_factor, Ms(limit->request_class->p95_target_ms));
  }
  const std::string where =
      window == kRecovery && d.lose_zone ? " on the pods left after losing a zone" : "";
  if (!MeetsP95(*limit->tail, wait, limit->limit_s)) {
    // Met by almost no waiting (MeetsP95OrAlmostNoWait): the limit is at or near the floor.
    return fmt::format(
        "{} of requests wait {} with {} workers{}, fewer than {}: the most a p95 "
        "limit asks, with {}'s p95 at {} against {}",
        fmt::format("{:.2f}%", 100 * wait.p_wait), WindowName(window), need.workers, where,
        Percent(kAlmostNoWait), limit->request_class->name,
        Ms(p95.value_or(limit->limit_s) * 1000.0), limit_text);
  }
  return fmt::format("p95 of {} {} against {} {} with {} workers{}", limit->request_class->name,
                     Ms(p95.value_or(limit->limit_s) * 1000.0), limit_text, WindowName(window),
                     need.workers, where);
}

std::string UtilisationSentence(int window, const OdooDecision& d) {
  const double busy = d.pools[window].offered_load();
  const int64_t need = d.needs[window].workers;
  if (window == kRecovery) {
    const std::string where = d.lose_zone ? " on the pods left after losing a zone" : "";
    return fmt::format("{} busy workers at recovery need {} to stay below full utilisation{}",
                       Busy(busy), need, where);
  }
  return fmt::format("{} busy workers {} need {} under a utilisation ceiling of {}", Busy(busy),
                     WindowName(window), need, Percent(d.max_utilisation[window]));
}

std::string SizeClause(const OdooDecision& d, const OdooSizing& s) {
  std::string out = fmt::format("{} workers in {} pod{} of {}", s.http_workers, s.pods,
                                s.pods == 1 ? "" : "s", s.workers_per_pod);
  if (d.reserve > 0) out += fmt::format(" with a {} maintenance reserve", Percent(d.reserve));
  return out;
}

std::string WorkersSentence(int window, const OdooDecision& d, const OdooSizing& s) {
  std::string why = d.needs[window].by_latency ? LatencySentence(window, d) : "";
  if (why.empty()) why = UtilisationSentence(window, d);
  return why + ": " + SizeClause(d, s);
}

std::string UnreachableSentence(const OdooDecision& d) {
  const UnreachableTarget& u = d.unreachable.front();
  std::string out = fmt::format(
      "the p95 limit of {} ({}) {} is below its own service-time p95 ({}), which no number of "
      "workers beats",
      u.request_class, Ms(u.limit_ms), WindowName(u.window), Ms(u.floor_ms));
  if (d.unreachable.size() > 1) out += fmt::format(" (and {} more)", d.unreachable.size() - 1);
  return out + fmt::format(", so it is sized for fewer than {} of requests waiting",
                           Percent(kAlmostNoWait));
}

struct Driver {
  std::string bottleneck = "http workers";
  double utilisation = 0;
  std::string reason;
};

Driver SessionsDriver(const OdooDecision& d, const OdooSizing& s, const OdooSettings& settings,
                      int* window) {
  const bool at_recovery = d.pods_for_sessions[1] > d.pods_for_sessions[0];
  *window = at_recovery ? kRecovery : kPeak;
  const double per_worker = std::max(1, settings.sessions_per_gevent_worker);
  const double workers = at_recovery
                             ? s.http_workers_after_zone_loss / std::max(1, s.workers_per_pod)
                             : s.gevent_workers;
  Driver out;
  out.bottleneck = "gevent sessions";
  const double sessions = d.sessions[at_recovery ? 1 : 0];
  out.utilisation = sessions / (std::max(1.0, workers) * per_worker);
  out.reason = fmt::format(
      "{} websocket sessions {} need {} gevent workers of {:g} sessions each", Count(sessions),
      at_recovery ? "at recovery, on the pods left after losing a zone," : "at the peak",
      static_cast<int64_t>(workers), per_worker);
  return out;
}

// What set the pod count: the websockets, the floor of replicas, the pod's CPU, or the workers.
Driver PickDriver(const OdooDecision& d, const OdooSizing& s, const OdooSettings& settings,
                  int* window) {
  const int64_t pods_for_workers =
      *std::max_element(d.pods_for_window.begin(), d.pods_for_window.end());
  const int64_t pods_for_sessions = std::max(d.pods_for_sessions[0], d.pods_for_sessions[1]);
  if (pods_for_sessions > std::max(pods_for_workers, d.pods_floor)) {
    return SessionsDriver(d, s, settings, window);
  }
  Driver driver;
  driver.utilisation = s.worker_utilisation[*window];
  driver.reason = WorkersSentence(*window, d, s);
  if (d.pods_floor > pods_for_workers) {
    driver.reason = fmt::format(
        "the floor of {} pods (min {} replicas, one per zone) holds more than the load needs; {}",
        d.pods_floor, settings.min_replicas, driver.reason);
  } else if (d.cpu_limits_workers_per_pod) {
    const double limit_cores = s.pod_cpu_limit_m / 1000.0;
    const double pods = *window == kRecovery
                            ? s.http_workers_after_zone_loss / std::max(1, s.workers_per_pod)
                            : s.pods;
    driver.bottleneck = "pod cpu";
    driver.utilisation = d.pools[*window].cpu_cores / (std::max(1.0, pods) * limit_cores);
    driver.reason = fmt::format(
        "at most {} workers fit a {:g}-core pod (CPU is {:.0f}% of a busy worker's time); {}",
        d.workers_per_pod_max, settings.pod_max_cpu_cores, 100 * d.cpu_share, driver.reason);
  }
  return driver;
}

// Outcomes no size meets: capped workers or pods, unreachable targets, a batch beyond the cap.
void MarkSaturation(const OdooDecision& d, LayerVerdict* v) {
  const bool capped_workers =
      d.needs[kSustained].capped || d.needs[kPeak].capped || d.needs[kRecovery].capped;
  if (capped_workers) {
    v->saturated = true;
    v->bottleneck = "http workers";
    v->reason =
        fmt::format("the load needs more than {} HTTP workers; {}", kMaxHttpWorkers, v->reason);
  } else if (d.capped_pods) {
    v->saturated = true;
    v->bottleneck = "gevent sessions";
    v->reason = fmt::format("the websocket sessions need more than {} gevent workers; {}", kMaxPods,
                            v->reason);
  }
  if (!d.unreachable.empty()) {
    v->saturated_by_targets_only = !v->saturated && d.cron.meets_deadline;
    v->saturated = true;
    v->reason = UnreachableSentence(d) + "; " + v->reason;
  }
  if (!d.cron.meets_deadline) {
    if (!v->saturated) v->bottleneck = "cron workers";
    v->saturated = true;
    v->reason += fmt::format("; the batch needs more than {} cron workers", kMaxCronWorkers);
  }
}

}  // namespace

LayerVerdict OdooVerdict(const OdooDecision& d, const OdooSizing& s, const OdooSettings& settings) {
  int window = BindingWindow(d);
  const Driver driver = PickDriver(d, s, settings, &window);
  LayerVerdict v;
  v.binding_window = window;
  v.bottleneck = driver.bottleneck;
  v.utilisation = std::isfinite(driver.utilisation) ? driver.utilisation : 0.0;
  v.reason = driver.reason;
  MarkSaturation(d, &v);
  return v;
}

}  // namespace headroom
