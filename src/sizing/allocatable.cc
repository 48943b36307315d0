#include "sizing/allocatable.h"

#include <algorithm>
#include <cmath>

#include "common/units.h"

namespace headroom {
namespace {

// One tier of a progressive reservation: `share` of the amount between `from` and `to`.
struct Tier {
  double from;
  double to;
  double share;
};

double Progressive(double amount, const Tier* tiers, int count) {
  double reserved = 0;
  for (int i = 0; i < count; ++i) {
    const Tier& t = tiers[i];
    if (amount <= t.from) break;
    reserved += (std::min(amount, t.to) - t.from) * t.share;
  }
  return reserved;
}

}  // namespace

double GkeKubeReservedCpuM(double vcpu) {
  // GKE "plan node sizes": 6% / 1% / 0.5% / 0.25% tiers, in cores.
  static constexpr Tier kTiers[] = {{0, 1, 0.06}, {1, 2, 0.01}, {2, 4, 0.005}, {4, 1e18, 0.0025}};
  return Progressive(vcpu, kTiers, 4) * 1000.0;
}

double GkeKubeReservedMemoryMib(double memory_gib) {
  // GKE "plan node sizes": 255 MiB below 1 GiB, then 25/20/10/6/2% tiers, in GiB.
  if (memory_gib < 1.0) return 255.0;
  static constexpr Tier kTiers[] = {
      {0, 4, 0.25}, {4, 8, 0.20}, {8, 16, 0.10}, {16, 128, 0.06}, {128, 1e18, 0.02}};
  return Progressive(memory_gib, kTiers, 5) * kMibPerGib;
}

NodeReservation GkeReservation(const NodeType& type) {
  return NodeReservation{GkeKubeReservedCpuM(type.vcpu), GkeKubeReservedMemoryMib(type.memory_gib),
                         kHardEvictionMemoryMib};
}

Allocatable NodeAllocatable(const NodeType& type, const DaemonsetOverhead& daemonsets) {
  const NodeReservation r = GkeReservation(type);
  const double cpu_m =
      type.vcpu * 1000.0 - r.kube_reserved_cpu_m - static_cast<double>(daemonsets.cpu_m);
  const double memory_mib = type.memory_gib * kMibPerGib - r.kube_reserved_memory_mib -
                            r.eviction_memory_mib - static_cast<double>(daemonsets.memory_mib);
  // A tiny epsilon keeps 3919.9999999 from flooring to 3919 when the exact value is 3920.
  constexpr double kEps = 1e-9;
  Allocatable a;
  a.cpu_m = std::max<int64_t>(0, static_cast<int64_t>(std::floor(cpu_m + kEps)));
  a.memory_mib = std::max<int64_t>(0, static_cast<int64_t>(std::floor(memory_mib + kEps)));
  a.pods = std::max(0, type.max_pods - daemonsets.pods);
  return a;
}

}  // namespace headroom
