// Odoo application compute (docs/sizing-odoo.md): HTTP workers from the M/G/c pool of all short
// request classes in the three windows, then pods over zones, CPU and the HPA, memory, cron,
// websockets, and the verdict.

#include "sizing/odoo_sizer.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "sizing/odoo_cron.h"
#include "sizing/odoo_latency.h"
#include "sizing/odoo_memory.h"
#include "sizing/odoo_pods.h"
#include "sizing/odoo_pool.h"
#include "sizing/odoo_verdict.h"
#include "sizing/odoo_workers.h"

namespace headroom {
namespace {

constexpr std::array<int, 3> kWindows = {kSustained, kPeak, kRecovery};

struct ShortClass {
  const ClassLoad* load = nullptr;
  ClassTail tail;
};

// The policy with every value in its meaningful range.
struct Policy {
  std::array<double, 3> max_utilisation{};  // recovery: 1 (strictly below)
  double recovery_factor = 2;
  double reserve = 0;
  ZoneLayout layout;
};

double Clamp(double x, double lo, double hi) { return std::isnan(x) ? hi : std::clamp(x, lo, hi); }

Policy Sanitise(const HeadroomPolicy& policy) {
  Policy p;
  p.max_utilisation = {Clamp(policy.sustained_max_utilisation, 0.01, 1.0),
                       Clamp(policy.peak_max_utilisation, 0.01, 1.0), 1.0};
  p.recovery_factor = Clamp(policy.recovery_latency_factor, 0.0, 1e6);
  p.reserve = Clamp(policy.maintenance_reserve, 0.0, 0.95);
  p.layout = ZoneLayoutFor(policy);
  return p;
}

std::vector<ShortClass> ShortClasses(const MonthLoad& load, const OdooSettings& settings) {
  std::vector<ShortClass> out;
  out.reserve(load.classes.size());
  for (const ClassLoad& c : load.classes) {
    if (c.long_lived) continue;
    out.push_back({&c, ClassTailFor(WorkerOccupancyMs(c, settings) / 1000.0, c.service_cv)});
  }
  return out;
}

// The p95 limits of the classes with requests and a target in the window; a limit at or below
// the class's floor is unreachable and left out (recorded in `unreachable`).
std::vector<ClassLimit> LimitsAt(const std::vector<ShortClass>& classes, int window, double factor,
                                 std::vector<UnreachableTarget>* unreachable) {
  std::vector<ClassLimit> limits;
  for (const ShortClass& c : classes) {
    if (!(c.load->rate_per_s[static_cast<size_t>(window)] > 0) || !(c.load->p95_target_ms > 0)) {
      continue;
    }
    const double limit_s = c.load->p95_target_ms * factor / 1000.0;
    // Reported, and sized as the tightest target is: for almost no waiting (kAlmostNoWait).
    if (limit_s <= c.tail.service_p95_s) {
      unreachable->push_back(
          {c.load->name, window, limit_s * 1000.0, c.tail.service_p95_s * 1000.0});
    }
    limits.push_back({&c.tail, limit_s, c.load});
  }
  return limits;
}

// Workers a window needs with the maintenance reserve held back on top.
int64_t WithReserve(int64_t workers, double reserve) {
  return std::max<int64_t>(
      1, CeilCount(static_cast<double>(workers) / (1.0 - reserve), kMaxHttpWorkers * 20));
}

// The reported p95 (odoo_latency.h: up to 0.5% above the model's value), at most
// limit_time_real (Odoo ends a request that runs longer), which is also what a saturated pool
// reports.
double PredictedP95Ms(const ClassTail& tail, const PoolWait& wait, const OdooSettings& settings) {
  const double most_ms = std::max(0.0, settings.limit_time_real_s) * 1000.0;
  const std::optional<double> p95 = PredictP95S(tail, wait);
  if (!p95.has_value()) return most_ms;
  return std::min(*p95 * 1000.0, most_ms);
}

// Latencies with the final sizes: at the peak on every worker, at recovery on the workers left
// after a zone loss. meets_target is the p95 test of the search (MeetsP95), so it agrees with the
// search even where the reported value is rounded up; the search also stops at almost no waiting
// (MeetsP95OrAlmostNoWait), which meets no target at or below the floor.
void FillLatency(const std::vector<ShortClass>& classes, const OdooDecision& d,
                 const OdooSettings& settings, OdooSizing* s) {
  const PoolWait peak = PoolWaitAt(d.pools[kPeak], std::max(1, s->http_workers));
  const PoolWait recovery =
      PoolWaitAt(d.pools[kRecovery], std::max(1, s->http_workers_after_zone_loss));
  s->latency.reserve(classes.size());
  for (const ShortClass& c : classes) {
    ClassLatency l;
    l.request_class = c.load->name;
    l.target_ms = c.load->p95_target_ms;
    l.p95_ms_peak = PredictedP95Ms(c.tail, peak, settings);
    l.p95_ms_recovery = PredictedP95Ms(c.tail, recovery, settings);
    const double target_s = l.target_ms / 1000.0;
    l.meets_target =
        !(l.target_ms > 0) || (MeetsP95(c.tail, peak, target_s) &&
                               MeetsP95(c.tail, recovery, target_s * d.recovery_factor));
    s->latency.push_back(std::move(l));
  }
}

// Pods and workers per pod for the windows' needs, the websockets and the floors.
void PlacePods(const OdooDecision& d, const Policy& p, const OdooSettings& settings,
               OdooSizing* s) {
  const int64_t wpp_max = d.workers_per_pod_max;
  const int64_t min_workers = std::max(0, settings.min_http_workers);
  const int64_t need_up = std::max(
      min_workers,
      WithReserve(std::max(d.needs[kSustained].workers, d.needs[kPeak].workers), p.reserve));
  const int64_t need_rec = WithReserve(d.needs[kRecovery].workers, p.reserve);
  int64_t pods = std::max(d.pods_floor, CeilDiv(min_workers, std::max<int64_t>(1, wpp_max)));
  for (int64_t n : d.pods_for_window) pods = std::max(pods, n);
  for (int64_t n : d.pods_for_sessions) pods = std::max(pods, n);
  pods = std::min(std::max<int64_t>(pods, settings.min_pods), kMaxPods);
  const int min_workers_per_pod = std::max(0, settings.min_workers_per_pod);
  const int64_t survivors = std::max<int64_t>(1, SurvivingPods(pods, p.layout));
  const int64_t wpp = std::clamp(std::max({CeilDiv(need_up, pods), CeilDiv(need_rec, survivors),
                                           int64_t{min_workers_per_pod}}),
                                 int64_t{1}, wpp_max);
  s->pods = static_cast<int>(pods);
  s->workers_per_pod = static_cast<int>(wpp);
  s->workers_per_pod_max = static_cast<int>(wpp_max);
  s->http_workers = static_cast<int>(pods * wpp);
  s->http_workers_after_zone_loss = static_cast<int>(SurvivingPods(pods, p.layout) * wpp);
  s->gevent_workers = s->pods;
}

// CPU limit: one core per single-threaded worker, at most pod_max_cpu_cores. Request
// r = app_cpu_peak / (pods × target): at peak each pod uses target × r, and the HPA
// (desired = ⌈pods × usage / (r × target)⌉) holds `pods`.
void FillCpu(const OdooDecision& d, const OdooSettings& settings, OdooSizing* s) {
  const double pods = s->pods;
  const double cpu_peak = d.pools[kPeak].cpu_cores;
  s->app_cpu_cores_peak = cpu_peak;
  const double limit_cores =
      std::min<double>(s->workers_per_pod, Clamp(settings.pod_max_cpu_cores, 0.001, 1e6));
  s->pod_cpu_limit_m = std::ceil(1000.0 * limit_cores);
  const double target = Clamp(settings.hpa_target_cpu_utilisation, 0.01, 1.0);
  s->hpa_target_cpu_utilisation = target;
  double request_m = std::ceil(std::min(1e12, 1000.0 * cpu_peak / (pods * target)));
  request_m = std::max(request_m, std::max(0.0, settings.min_pod_cpu_request_m));
  if (request_m > s->pod_cpu_limit_m) {
    // A request above the limit is invalid: cap it and raise the target so that the HPA still
    // holds `pods` (usage per pod never exceeds the limit, so the target stays <= 1).
    request_m = s->pod_cpu_limit_m;
    s->hpa_target_cpu_utilisation = std::clamp(1000.0 * cpu_peak / (pods * request_m), target, 1.0);
  }
  s->pod_cpu_request_m = request_m;
}

// hpa_min: what the HPA settles at in the sustained window (pods × sustained / peak CPU), but
// never below what the sustained window needs, min_replicas, or one pod per zone. hpa_max: the
// pods the recovery window needs on the surviving zones, scaled back up by Z / (Z − 1), never
// below `pods`.
void FillHpa(const OdooDecision& d, const Policy& p, int min_hpa_replicas, OdooSizing* s) {
  const double pods = s->pods;
  const double cpu_peak = d.pools[kPeak].cpu_cores;
  const int64_t wpp = s->workers_per_pod;
  int64_t low =
      std::max(d.pods_floor, CeilDiv(WithReserve(d.needs[kSustained].workers, p.reserve), wpp));
  if (cpu_peak > 0) {
    low = std::max(low, CeilCount(pods * d.pools[kSustained].cpu_cores / cpu_peak, kMaxPods));
  }
  low = std::max<int64_t>(low, min_hpa_replicas);
  s->hpa_min_replicas = static_cast<int>(std::min<int64_t>(low, s->pods));
  int64_t high = s->pods;
  if (p.layout.lose_zone) {
    const int64_t on_survivors = CeilDiv(WithReserve(d.needs[kRecovery].workers, p.reserve), wpp);
    const double zones = p.layout.zones;
    high = std::max(high,
                    CeilCount(static_cast<double>(on_survivors) * zones / (zones - 1), kMaxPods));
  }
  s->hpa_max_replicas = static_cast<int>(high);
}

// (a) sustained: the utilisation ceiling only; (b) peak: ceiling and targets; (c) recovery:
// stable and recovery_latency_factor × targets, on the workers left after a zone loss.
void DecideWorkers(const MonthLoad& load, const Policy& p, const OdooSettings& settings,
                   const std::vector<ShortClass>& classes, OdooDecision* d) {
  for (int w : kWindows) {
    d->pools[w] = PoolAt(load, w, settings);
    d->max_utilisation[w] = p.max_utilisation[w];
    d->cpu_share = std::max(d->cpu_share, d->pools[w].cpu_share());
  }
  d->needs[kSustained] = WorkersFor(d->pools[kSustained], p.max_utilisation[kSustained], {});
  d->limits[kPeak] = LimitsAt(classes, kPeak, 1.0, &d->unreachable);
  d->needs[kPeak] = WorkersFor(d->pools[kPeak], p.max_utilisation[kPeak], d->limits[kPeak]);
  d->limits[kRecovery] = LimitsAt(classes, kRecovery, p.recovery_factor, &d->unreachable);
  d->needs[kRecovery] = WorkersFor(d->pools[kRecovery], 1.0, d->limits[kRecovery]);
}

// The pods each need asks for alone: the windows' workers (with the reserve, the recovery on the
// surviving zones), the websockets (at the peak on all pods, at recovery on the survivors), the
// floor (min_replicas, one pod per zone).
void DecidePods(const MonthLoad& load, const Policy& p, const OdooSettings& settings,
                OdooDecision* d) {
  d->workers_per_pod_max = WorkersPerPodMax(settings, d->cpu_share);
  d->cpu_limits_workers_per_pod =
      d->workers_per_pod_max < std::max(1, settings.max_workers_per_pod);
  const int64_t wpp = d->workers_per_pod_max;
  for (int w : {kSustained, kPeak}) {
    d->pods_for_window[w] = CeilDiv(WithReserve(d->needs[w].workers, p.reserve), wpp);
  }
  d->pods_for_window[kRecovery] =
      PodsLeaving(CeilDiv(WithReserve(d->needs[kRecovery].workers, p.reserve), wpp), p.layout);

  const double per_gevent = std::max(1, settings.sessions_per_gevent_worker);
  d->sessions = {std::max(load.sessions[kPeak], load.max_sessions), load.sessions[kRecovery]};
  const int64_t gevent_up = CeilCount(d->sessions[0] / per_gevent, kMaxPods + 1);
  const int64_t gevent_rec = CeilCount(d->sessions[1] / per_gevent, kMaxPods + 1);
  d->pods_for_sessions = {gevent_up, PodsLeaving(gevent_rec, p.layout)};
  d->capped_pods = gevent_up > kMaxPods || gevent_rec > kMaxPods;

  d->pods_floor = std::max<int64_t>(1, settings.min_replicas);
  if (p.layout.lose_zone) d->pods_floor = std::max<int64_t>(d->pods_floor, p.layout.zones);
  d->pods_floor = std::min(d->pods_floor, kMaxPods);
}

OdooDecision Decide(const MonthLoad& load, const Policy& p, const OdooSettings& settings,
                    const std::vector<ShortClass>& classes) {
  OdooDecision d;
  d.recovery_factor = p.recovery_factor;
  d.reserve = p.reserve;
  d.lose_zone = p.layout.lose_zone;
  d.zones = p.layout.zones;
  DecideWorkers(load, p, settings, classes, &d);
  DecidePods(load, p, settings, &d);
  d.cron = SizeOdooCron(load, settings);
  return d;
}

}  // namespace

OdooSizing SizeOdoo(const MonthLoad& load, const HeadroomPolicy& policy,
                    const OdooSettings& settings) {
  const Policy p = Sanitise(policy);
  const std::vector<ShortClass> classes = ShortClasses(load, settings);
  const OdooDecision d = Decide(load, p, settings, classes);

  OdooSizing s;
  PlacePods(d, p, settings, &s);
  for (int w : kWindows) {
    const double workers = w == kRecovery ? s.http_workers_after_zone_loss : s.http_workers;
    const auto i = static_cast<size_t>(w);
    s.worker_utilisation[i] = workers > 0 ? d.pools[i].offered_load() / workers : 0.0;
  }
  FillCpu(d, settings, &s);
  FillHpa(d, p, std::max(0, settings.min_hpa_replicas), &s);

  const OdooMemory memory = SizeOdooMemory(load, s.workers_per_pod, settings);
  s.limit_memory_soft_bytes = memory.limit_memory_soft_bytes;
  s.limit_memory_hard_bytes = memory.limit_memory_hard_bytes;
  s.pod_memory_request_mib = memory.pod_memory_request_mib;
  s.pod_memory_limit_mib = memory.pod_memory_limit_mib;

  s.db_maxconn = std::max(1, settings.db_maxconn);
  s.db_maxconn_gevent = std::max(1, settings.db_maxconn_gevent);
  s.cron_workers = d.cron.workers;
  s.cron_pods = d.cron.pods;
  s.max_cron_threads = d.cron.threads_per_pod;
  s.batch_duration_h = d.cron.batch_duration_h;
  s.batch_meets_deadline = d.cron.meets_deadline;

  FillLatency(classes, d, settings, &s);
  s.rule_of_thumb = OdooRuleOfThumbFor(
      std::isfinite(load.sessions[kPeak]) ? std::max(0.0, load.sessions[kPeak]) : 0.0);
  s.verdict = OdooVerdict(d, s, settings);
  return s;
}

}  // namespace headroom
