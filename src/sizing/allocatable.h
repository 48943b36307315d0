#pragma once
// What a node offers to pods: capacity minus what the kubelet reserves for system daemons
// (kube-reserved), minus the hard eviction threshold, minus the DaemonSet pods that run on
// every node (CNI, kube-proxy, log and metrics agents).
//
// The reservation follows GKE's published formula (cloud.google.com/kubernetes-engine/docs/
// concepts/plan-node-sizes, "Memory and CPU reservations"):
//   CPU:    6% of the first core, 1% of the next core (up to 2), 0.5% of the next 2 cores
//           (up to 4), 0.25% of any cores above 4.
//   Memory: 255 MiB on machines with less than 1 GiB; otherwise 25% of the first 4 GiB, 20% of
//           the next 4 GiB (up to 8), 10% of the next 8 GiB (up to 16), 6% of the next 112 GiB
//           (up to 128), 2% of any memory above 128 GiB.
//   Eviction: a 100 MiB hard eviction threshold on memory.
// EKS's optimised AMI (awslabs/amazon-eks-ami files/bootstrap.sh) applies the same CPU tiers
// and the same 100 Mi eviction threshold, but reserves memory as 11 MiB × max pods + 255 MiB,
// less than GKE's tiers on most nodes: on EKS the GKE memory reservation errs on the safe side.
// docs/packing.md works an example.

#include <cstdint>

#include "sizing/node_type.h"

namespace headroom {

// Per-node DaemonSet requests. The default is an estimate for a typical managed cluster
// (CNI agent, kube-proxy, a log shipper and a metrics agent: 4 pods whose requests add up to
// about 200m CPU and 300 MiB). It is not measured: set it from `kubectl describe node`
// ("Non-terminated Pods") of your own cluster.
struct DaemonsetOverhead {
  int64_t cpu_m = 200;
  int64_t memory_mib = 300;
  int pods = 4;

  friend bool operator==(const DaemonsetOverhead&, const DaemonsetOverhead&) = default;
};

inline constexpr DaemonsetOverhead kDefaultDaemonsetOverhead{};

// GKE's memory hard eviction threshold (memory.available < 100Mi).
inline constexpr double kHardEvictionMemoryMib = 100.0;

// What the kubelet holds back, exactly as the formula gives it (fractions kept).
struct NodeReservation {
  double kube_reserved_cpu_m = 0;
  double kube_reserved_memory_mib = 0;
  double eviction_memory_mib = kHardEvictionMemoryMib;
};

// What pods may request on one node, in whole millicores and MiB (rounded down, so a packing
// that fits these numbers fits the real node).
struct Allocatable {
  int64_t cpu_m = 0;
  int64_t memory_mib = 0;
  int pods = 0;

  friend bool operator==(const Allocatable&, const Allocatable&) = default;
};

// kube-reserved CPU in millicores for a node with `vcpu` cores. REQUIRES: vcpu >= 0.
double GkeKubeReservedCpuM(double vcpu);
// kube-reserved memory in MiB for a node with `memory_gib` GiB. REQUIRES: memory_gib >= 0.
double GkeKubeReservedMemoryMib(double memory_gib);

NodeReservation GkeReservation(const NodeType& type);

// Allocatable left for workload pods after reservation, eviction threshold and DaemonSets.
// Never negative: a node too small for its own overhead offers zero.
Allocatable NodeAllocatable(const NodeType& type,
                            const DaemonsetOverhead& daemonsets = kDefaultDaemonsetOverhead);

}  // namespace headroom
