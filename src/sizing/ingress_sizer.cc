#include "sizing/ingress_sizer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "sizing/sizer_math.h"

namespace headroom {
namespace {

using sizer_math::Ceiling;
using sizer_math::Clean;
using sizer_math::kMaxInput;
using sizer_math::kWindowNames;
using sizer_math::Need;
using sizer_math::RoundUp;
using sizer_math::Share;

// Inputs are clamped here so that every product below stays finite.
// 1 KiB = 1,024 bytes = 8,192 bits; 1 Mbit = 10^6 bits (network rates are decimal).
constexpr double kBitsPerKib = 8.0 * 1024.0;
constexpr double kBitsPerMbit = 1e6;
constexpr double kIngressMinCpuRequestM = 100;
constexpr double kIngressCpuStepM = 50;
constexpr double kIngressMemoryStepMib = 16;

using PerWindow = std::array<double, 3>;

bool ZoneLoss(const HeadroomPolicy& policy) {
  return policy.survive_zone_loss && policy.zones >= 2;
}

bool AnyLoss(const HeadroomPolicy& policy) {
  return policy.survive_zone_loss || policy.survive_node_loss;
}

struct Traffic {
  PerWindow rps{};
  PerWindow keepalive{};    // browser keep-alive connections
  PerWindow websockets{};   // one proxied websocket per active session
  PerWindow connections{};  // the two together
  PerWindow mbit_s{};
};

Traffic TrafficFor(const MonthLoad& load, const IngressSettings& settings) {
  Traffic t;
  for (const ClassLoad& c : load.classes) {
    // Long-lived classes are sessions, not request rates: their frames cross the websocket.
    if (c.long_lived) continue;
    for (int w = 0; w < 3; ++w) {
      const double rate = Clean(c.rate_per_s[w]);
      t.rps[w] += rate;
      t.mbit_s[w] += rate * Clean(c.response_kib) * kBitsPerKib / kBitsPerMbit;
    }
  }
  for (int w = 0; w < 3; ++w) {
    t.websockets[w] = Clean(load.sessions[w]);
    t.keepalive[w] = t.websockets[w] * Clean(settings.connections_per_user);
    t.connections[w] = t.keepalive[w] + t.websockets[w];
  }
  return t;
}

double RpsPerReplica(const IngressSettings& settings) {
  return Clean(settings.rps_per_core) * Clean(settings.replica_cpu_cores);
}

// Replicas each window needs (fractional), on the capacity it has, with the reserve held back.
PerWindow Needs(const Traffic& t, const HeadroomPolicy& policy, const IngressSettings& settings) {
  const double keep = 1.0 - Share(policy.maintenance_reserve, 0.0, 0.95);
  const double connections = Clean(settings.connections_per_replica) * keep;
  PerWindow need{};
  for (int w = 0; w < 3; ++w) {
    const double rps = RpsPerReplica(settings) * Ceiling(policy, w) * keep;
    need[w] = std::max(Need(t.rps[w], rps), Need(t.connections[w], connections));
  }
  return need;
}

struct Count {
  int replicas = 1;
  bool saturated = false;
};

int FailureFloor(const HeadroomPolicy& policy) { return AnyLoss(policy) ? 2 : 1; }

int MostReplicas(const HeadroomPolicy& policy, const IngressSettings& settings) {
  return std::max(FailureFloor(policy), settings.max_replicas);
}

// The smallest n >= floor carrying sustained and peak on n replicas and recovery on the
// replicas left after the loss.
Count ReplicasFor(const PerWindow& need, const HeadroomPolicy& policy, int floor, int most) {
  if (std::max({need[kSustained], need[kPeak], need[kRecovery]}) > most) return Count{most, true};
  int n = std::max({floor, static_cast<int>(std::ceil(need[kSustained])),
                    static_cast<int>(std::ceil(need[kPeak]))});
  while (ReplicasAfterLoss(n, policy) < need[kRecovery]) {
    if (++n > most) return Count{most, true};
  }
  return Count{n, false};
}

PerWindow ReplicasInWindow(const IngressSizing& out) {
  const auto n = static_cast<double>(out.replicas);
  return PerWindow{n, n, static_cast<double>(out.replicas_after_zone_loss)};
}

void FillRequests(const Traffic& t, const IngressSettings& settings, IngressSizing& out) {
  const PerWindow n = ReplicasInWindow(out);
  double cores = 0;
  double connection_kib = 0;
  for (int w = 0; w < 3; ++w) {
    cores = std::max(cores, Need(t.rps[w], n[w] * Clean(settings.rps_per_core)));
    connection_kib = std::max(connection_kib,
                              Need(t.keepalive[w] * Clean(settings.keepalive_connection_kib) +
                                       t.websockets[w] * Clean(settings.websocket_connection_kib),
                                   n[w]));
  }
  // The request is what a replica burns at its worst window, never more than its size.
  const double most_m =
      std::max(kIngressMinCpuRequestM, Clean(settings.replica_cpu_cores) * 1000.0);
  out.replica_cpu_request_m =
      std::clamp(RoundUp(std::min(cores, kMaxInput) * 1000.0, kIngressCpuStepM),
                 kIngressMinCpuRequestM, most_m);
  out.replica_memory_request_mib =
      RoundUp(Clean(settings.replica_memory_mib) + std::min(connection_kib, kMaxInput) / 1024.0,
              kIngressMemoryStepMib);
}

void FillRateLimit(const IngressSettings& settings, IngressSizing& out) {
  const double busiest = std::max(out.rps_peak, out.rps_recovery);
  out.rate_limit_average_per_s = std::max(Clean(settings.rate_limit_min_per_s),
                                          std::ceil(Clean(settings.rate_limit_factor) * busiest));
  out.rate_limit_burst =
      std::max(1.0, std::ceil(out.rate_limit_average_per_s * Clean(settings.rate_limit_burst_s)));
}

std::string LossText(const HeadroomPolicy& policy) {
  if (ZoneLoss(policy)) return fmt::format("the worst of {} zones", policy.zones);
  return AnyLoss(policy) ? "one node" : "nothing";
}

std::string WhyText(const PerWindow& need, const HeadroomPolicy& policy,
                    const IngressSettings& settings, const IngressSizing& out) {
  const int most = MostReplicas(policy, settings);
  if (out.verdict.saturated) return fmt::format("more than max_replicas {} would be needed", most);
  if (ReplicasFor(need, policy, 1, most).replicas < out.replicas) {
    return fmt::format("the floor of {} replicas to survive a loss sets the count",
                       FailureFloor(policy));
  }
  return fmt::format("sized to stay under {:.0f}% at peak and recovery with {:.0f}% held back",
                     100 * Ceiling(policy, kPeak),
                     100 * Share(policy.maintenance_reserve, 0.0, 0.95));
}

void FillVerdict(const Traffic& t, const PerWindow& need, const HeadroomPolicy& policy,
                 const IngressSettings& settings, IngressSizing& out) {
  const PerWindow n = ReplicasInWindow(out);
  LayerVerdict& v = out.verdict;
  double pressure = -1;
  for (int w = 0; w < 3; ++w) {
    const double cpu = Need(t.rps[w], n[w] * RpsPerReplica(settings));
    const double connections =
        Need(t.connections[w], n[w] * Clean(settings.connections_per_replica));
    // CPU is judged against the window's ceiling; a connection budget is a limit in itself.
    if (cpu / Ceiling(policy, w) >= pressure) {
      pressure = cpu / Ceiling(policy, w);
      v = LayerVerdict{cpu, w, "ingress cpu", v.saturated, ""};
    }
    if (connections > pressure) {
      pressure = connections;
      v = LayerVerdict{connections, w, "ingress connections", v.saturated, ""};
    }
  }
  const int w = v.binding_window;
  v.reason = fmt::format(
      "{} replicas, {} after losing {}: {} {:.1f}% at {} ({:.0f} rps, {:.0f} connections); {}",
      out.replicas, out.replicas_after_zone_loss, LossText(policy), v.bottleneck,
      100 * v.utilisation, kWindowNames[w], t.rps[w], t.connections[w],
      WhyText(need, policy, settings, out));
}

}  // namespace

int ReplicasAfterLoss(int n, const HeadroomPolicy& policy) {
  if (n <= 0) return 0;
  if (ZoneLoss(policy)) return n - ((n - 1) / policy.zones + 1);  // n − ceil(n / zones)
  return AnyLoss(policy) ? n - 1 : n;
}

IngressSizing SizeIngress(const MonthLoad& load, const HeadroomPolicy& policy,
                          const IngressSettings& settings) {
  IngressSizing out;
  const Traffic t = TrafficFor(load, settings);
  out.rps_sustained = t.rps[kSustained];
  out.rps_peak = t.rps[kPeak];
  out.rps_recovery = t.rps[kRecovery];
  out.concurrent_connections = t.connections[kPeak];
  out.concurrent_connections_recovery = t.connections[kRecovery];
  out.bandwidth_mbit_s = t.mbit_s[kPeak];
  out.bandwidth_mbit_s_recovery = t.mbit_s[kRecovery];
  const PerWindow need = Needs(t, policy, settings);
  const Count count =
      ReplicasFor(need, policy, FailureFloor(policy), MostReplicas(policy, settings));
  out.replicas = count.replicas;
  out.replicas_after_zone_loss = ReplicasAfterLoss(out.replicas, policy);
  out.verdict.saturated = count.saturated;
  FillRequests(t, settings, out);
  FillRateLimit(settings, out);
  FillVerdict(t, need, policy, settings, out);
  return out;
}

}  // namespace headroom
