#include "sizing/odoo_pods.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

TEST(OdooPodsTest, SurvivorsOfAZoneLoss) {
  const ZoneLayout three{3, true};
  EXPECT_EQ(SurvivingPods(3, three), 2);
  EXPECT_EQ(SurvivingPods(4, three), 2);  // the worst zone holds 2 of 4
  EXPECT_EQ(SurvivingPods(6, three), 4);
  EXPECT_EQ(SurvivingPods(7, three), 4);
  EXPECT_EQ(SurvivingPods(7, ZoneLayout{3, false}), 7);
}

// The closed form k + ⌈k / (Z − 1)⌉ is the fewest pods leaving k, checked against a scan.
TEST(OdooPodsTest, PodsLeavingMatchesAScan) {
  for (int zones = 2; zones <= 6; ++zones) {
    const ZoneLayout layout{zones, true};
    for (int64_t k = 0; k <= 200; ++k) {
      int64_t fewest = 0;
      while (SurvivingPods(fewest, layout) < k) ++fewest;
      EXPECT_EQ(PodsLeaving(k, layout), fewest) << zones << " " << k;
    }
  }
  EXPECT_EQ(PodsLeaving(5, ZoneLayout{3, false}), 5);
}

TEST(OdooPodsTest, ZoneLayoutFromPolicy) {
  HeadroomPolicy policy;
  EXPECT_TRUE(ZoneLayoutFor(policy).lose_zone);
  policy.zones = 1;  // one zone cannot be lost and leave anything: no zone loss to plan for
  EXPECT_FALSE(ZoneLayoutFor(policy).lose_zone);
  policy.zones = 2;
  policy.survive_zone_loss = false;
  EXPECT_FALSE(ZoneLayoutFor(policy).lose_zone);
}

// 4 cores, a busy worker on CPU 61.2% of its time: ⌊4 / 0.612⌋ = 6 workers.
TEST(OdooPodsTest, WorkersPerPodFitTheCpuLimit) {
  OdooSettings settings;
  EXPECT_EQ(WorkersPerPodMax(settings, 0.612), 6);
  EXPECT_EQ(WorkersPerPodMax(settings, 0.4), 8);  // 10 fit; the setting caps at 8
  EXPECT_EQ(WorkersPerPodMax(settings, 0.5), 8);  // exactly 8
  EXPECT_EQ(WorkersPerPodMax(settings, 0.0), 8);  // no load
  settings.pod_max_cpu_cores = 0.5;
  EXPECT_EQ(WorkersPerPodMax(settings, 0.9), 1);  // at least one
}

}  // namespace
}  // namespace headroom
