#include "sizing/allocatable.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

NodeType Shape(double vcpu, double memory_gib, int max_pods = 58) {
  return NodeType{"t", NodeClass::kGeneralPurpose, vcpu, memory_gib, 0.1, max_pods, 0};
}

constexpr DaemonsetOverhead kNoDaemonsets{0, 0, 0};

// CPU tiers: 6% of core 1, 1% of core 2, 0.5% of cores 3-4, 0.25% above 4 (in millicores).
TEST(GkeReservation, CpuTiersByHand) {
  EXPECT_DOUBLE_EQ(GkeKubeReservedCpuM(0.5), 30.0);  // 6% of half a core
  EXPECT_DOUBLE_EQ(GkeKubeReservedCpuM(1), 60.0);
  EXPECT_DOUBLE_EQ(GkeKubeReservedCpuM(2), 70.0);    // 60 + 10
  EXPECT_DOUBLE_EQ(GkeKubeReservedCpuM(4), 80.0);    // 60 + 10 + 2 x 5
  EXPECT_DOUBLE_EQ(GkeKubeReservedCpuM(8), 90.0);    // 80 + 4 x 2.5
  EXPECT_DOUBLE_EQ(GkeKubeReservedCpuM(32), 150.0);  // 80 + 28 x 2.5
}

// Memory tiers: 25% of 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the next 112, 2% above.
TEST(GkeReservation, MemoryTiersByHand) {
  EXPECT_DOUBLE_EQ(GkeKubeReservedMemoryMib(0.5), 255.0);      // below 1 GiB: flat 255 MiB
  EXPECT_DOUBLE_EQ(GkeKubeReservedMemoryMib(4), 1024.0);       // 1 GiB
  EXPECT_DOUBLE_EQ(GkeKubeReservedMemoryMib(8), 1843.2);       // 1.8 GiB
  EXPECT_DOUBLE_EQ(GkeKubeReservedMemoryMib(16), 2662.4);      // 2.6 GiB
  EXPECT_NEAR(GkeKubeReservedMemoryMib(128), 9543.68, 1e-9);   // 9.32 GiB
  EXPECT_NEAR(GkeKubeReservedMemoryMib(256), 12165.12, 1e-9);  // 11.88 GiB
}

// The gke-node-allocatable-memory-calculator README (hatemosphere) prints 9.8577 GiB reserved
// (eviction included) for a 150 GiB machine: 9.76 GiB + 100 MiB.
TEST(GkeReservation, MatchesPublishedCalculatorFor150Gib) {
  const double reserved_gib = (GkeKubeReservedMemoryMib(150) + kHardEvictionMemoryMib) / 1024.0;
  EXPECT_NEAR(reserved_gib, 9.8577, 5e-5);
}

// The worked example of docs/packing.md: 4 vCPU / 16 GiB reserves 80m CPU and
// 2.6 GiB + 100 MiB = 2762.4 MiB memory, leaving 3920m and 13621.6 MiB (13621 whole MiB).
TEST(NodeAllocatable, FourBySixteenWithoutDaemonsets) {
  const NodeType t = Shape(4, 16);
  const NodeReservation r = GkeReservation(t);
  EXPECT_DOUBLE_EQ(r.kube_reserved_cpu_m, 80.0);
  EXPECT_DOUBLE_EQ(r.kube_reserved_memory_mib + r.eviction_memory_mib, 2762.4);
  EXPECT_EQ(NodeAllocatable(t, kNoDaemonsets), (Allocatable{3920, 13621, 58}));
}

TEST(NodeAllocatable, DefaultDaemonsetsTake200mAnd300MibAndFourPods) {
  EXPECT_EQ(NodeAllocatable(Shape(4, 16)), (Allocatable{3720, 13321, 54}));
  // 2 vCPU / 8 GiB: 2000 - 70 - 200 = 1730m; 8192 - 1843.2 - 100 - 300 = 5948.8 -> 5948 MiB.
  EXPECT_EQ(NodeAllocatable(Shape(2, 8, 29)), (Allocatable{1730, 5948, 25}));
  // 32 vCPU / 128 GiB: 32000 - 150 - 200; 131072 - 9543.68 - 100 - 300 = 121128.32.
  EXPECT_EQ(NodeAllocatable(Shape(32, 128, 234)), (Allocatable{31650, 121128, 230}));
}

TEST(NodeAllocatable, NeverNegative) {
  const DaemonsetOverhead huge{100000, 1000000, 500};
  EXPECT_EQ(NodeAllocatable(Shape(2, 4, 10), huge), (Allocatable{0, 0, 0}));
}

}  // namespace
}  // namespace headroom
