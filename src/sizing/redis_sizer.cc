#include "sizing/redis_sizer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "common/units.h"
#include "sizing/sizer_math.h"

namespace headroom {
namespace {

using sizer_math::Ceiling;
using sizer_math::Clean;
using sizer_math::kWindowNames;
using sizer_math::Need;
using sizer_math::RoundUp;
using sizer_math::Share;

// Inputs are clamped here so that every product below stays finite.
constexpr double kRedisMemoryStepMib = 64;
// Redis Cluster tutorial (redis.io, "Scale with Redis Cluster"): a minimal cluster that works
// as expected has at least three primaries.
constexpr int kClusterMinShards = 3;
// Redis Sentinel documentation: at least three Sentinel instances for a robust deployment.
constexpr int kSentinels = 3;
constexpr double kRedisMinCpuRequestM = 100;
constexpr double kRedisCpuStepM = 50;

std::array<double, 3> OpsPerS(const MonthLoad& load, const RedisSettings& settings) {
  std::array<double, 3> ops{};
  const double per_request = Clean(settings.ops_per_request);
  for (const ClassLoad& c : load.classes) {
    if (c.long_lived) continue;  // websocket frames never touch the session store
    for (int w = 0; w < 3; ++w) ops[w] += Clean(c.rate_per_s[w]) * per_request;
  }
  return ops;
}

// Portal sessions created within the expiry: the portal requests of that many days, one
// session per portal_requests_per_session requests.
double PortalSessions(const MonthLoad& load, const RedisSettings& settings) {
  const double per_session = Clean(settings.portal_requests_per_session);
  if (per_session <= 0) return 0;
  for (const ClassLoad& c : load.classes) {
    if (c.name != settings.portal_class) continue;
    const double days = Clean(settings.session_expiry_days);
    return Clean(c.requests_month) * days / kDaysPerMonth / per_session;
  }
  return 0;
}

struct Shards {
  int count = 1;
  bool saturated = false;
};

// Shards so that each primary's main thread stays under the window's ceiling with the
// maintenance reserve held back; cluster mode needs at least three.
Shards ShardsFor(const std::array<double, 3>& ops, const HeadroomPolicy& policy,
                 const RedisSettings& settings) {
  const double reserve = Share(policy.maintenance_reserve, 0.0, 0.95);
  const double per_core = Clean(settings.ops_per_s_per_core);
  double need = 0;
  for (int w = 0; w < 3; ++w) {
    need = std::max(need, Need(ops[w], per_core * Ceiling(policy, w) * (1 - reserve)));
  }
  const int max_shards = std::max(1, settings.max_shards);
  if (need <= 1) return Shards{1, false};
  if (need > max_shards) return Shards{max_shards, true};
  const int count = std::max(kClusterMinShards, static_cast<int>(std::ceil(need)));
  if (count > max_shards) return Shards{max_shards, true};
  return Shards{count, false};
}

// Main-thread utilisation of one primary in each window.
std::array<double, 3> ThreadUtilisation(const std::array<double, 3>& ops, int shards,
                                        const RedisSettings& settings) {
  std::array<double, 3> u{};
  const double per_core = Clean(settings.ops_per_s_per_core);
  for (int w = 0; w < 3; ++w) u[w] = Need(ops[w] / shards, per_core);
  return u;
}

// The window whose utilisation is closest to its ceiling (recovery first on ties).
int BindingWindow(const std::array<double, 3>& utilisation, const HeadroomPolicy& policy) {
  int best = kRecovery;
  for (int w : {kPeak, kSustained}) {
    if (utilisation[w] / Ceiling(policy, w) > utilisation[best] / Ceiling(policy, best)) best = w;
  }
  return best;
}

double CpuRequestM(const std::array<double, 3>& utilisation) {
  const double busiest = *std::max_element(utilisation.begin(), utilisation.end());
  const double m = RoundUp(std::min(busiest, 1.0) * 1000.0, kRedisCpuStepM);
  return std::max(kRedisMinCpuRequestM, m);
}

void FillMemory(const MonthLoad& load, const RedisSettings& settings, RedisSizing& out) {
  const double back_office = Clean(load.named_users) * Clean(settings.sessions_per_user_week) *
                             Clean(settings.session_expiry_days) / 7.0;
  out.portal_sessions = PortalSessions(load, settings);
  out.sessions = back_office + out.portal_sessions;
  out.data_mib = out.sessions * Clean(settings.session_kib) / 1024.0 + Clean(settings.cache_mib);
  const double overhead = std::max(1.0, Clean(settings.memory_overhead));
  // maxmemory 0 means "no limit" to Redis: never plan less than one step.
  out.memory_mib = std::max(kRedisMemoryStepMib,
                            RoundUp(out.data_mib * overhead / out.shards, kRedisMemoryStepMib));
  const double factor = std::max(1.0, Clean(settings.pod_memory_factor));
  out.pod_memory_limit_mib = RoundUp(out.memory_mib * factor, kRedisMemoryStepMib);
}

std::string ShardNote(const RedisSizing& out, const HeadroomPolicy& policy,
                      const RedisSettings& settings) {
  if (out.verdict.saturated) {
    return fmt::format(
        "; more than max_shards {} would be needed to keep each primary under "
        "{:.0f}%",
        std::max(1, settings.max_shards), 100 * Ceiling(policy, kPeak));
  }
  if (out.shards == 1) return "";
  return fmt::format("; {} shards (cluster mode) keep each primary under {:.0f}%", out.shards,
                     100 * Ceiling(policy, out.verdict.binding_window));
}

void FillVerdict(const std::array<double, 3>& ops, const HeadroomPolicy& policy,
                 const RedisSettings& settings, RedisSizing& out) {
  const std::array<double, 3> u = ThreadUtilisation(ops, out.shards, settings);
  const int w = BindingWindow(u, policy);
  const double memory_fill = out.data_mib / out.shards / out.memory_mib;
  LayerVerdict& v = out.verdict;
  const bool thread_binds =
      v.saturated || out.shards > 1 || u[w] / Ceiling(policy, w) > memory_fill;
  v.bottleneck = thread_binds ? "redis main thread" : "redis memory";
  // Memory follows the sessions stored over the month, reported as the sustained window.
  v.binding_window = thread_binds ? w : kSustained;
  v.utilisation = thread_binds ? u[w] : memory_fill;
  v.reason = fmt::format(
      "{:.0f} sessions ({:.0f} portal) x {:g} KiB + {:g} MiB cache = {:.0f} MiB, maxmemory "
      "{:.0f} MiB per shard ({:.0f}% full); main thread {:.1f}% busy at {} ({:.0f} ops/s per "
      "primary of {:.0f}){}",
      out.sessions, out.portal_sessions, Clean(settings.session_kib), Clean(settings.cache_mib),
      out.data_mib, out.memory_mib, 100 * memory_fill, 100 * u[w], kWindowNames[w],
      ops[w] / out.shards, Clean(settings.ops_per_s_per_core), ShardNote(out, policy, settings));
}

}  // namespace

RedisSizing SizeRedis(const MonthLoad& load, const HeadroomPolicy& policy,
                      const RedisSettings& settings) {
  RedisSizing out;
  const std::array<double, 3> ops = OpsPerS(load, settings);
  out.ops_per_s_peak = ops[kPeak];
  out.ops_per_s_recovery = ops[kRecovery];
  const Shards shards = ShardsFor(ops, policy, settings);
  out.shards = shards.count;
  out.verdict.saturated = shards.saturated;
  // A replica in another zone (or on another node) takes over through Sentinel or the cluster's
  // own failover.
  out.replicas = policy.survive_zone_loss || policy.survive_node_loss ? 2 : 1;
  out.sentinels = out.replicas > 1 && out.shards == 1 ? kSentinels : 0;
  FillMemory(load, settings, out);
  out.pod_cpu_request_m = CpuRequestM(ThreadUtilisation(ops, out.shards, settings));
  FillVerdict(ops, policy, settings, out);
  return out;
}

}  // namespace headroom
