#include "plan/saturation.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

TEST(SaturatedLayers, EmptyWhenNoLayerSaturated) {
  MonthPlan m;
  m.postgres.verdict.reason = "postgres cpu: 6.1 cores at peak on 8 vCPU";
  EXPECT_EQ(SaturatedLayers(m), "");
}

TEST(SaturatedLayers, JoinsTheSaturatedLayersReasonsInStackOrder) {
  MonthPlan m;
  m.ingress.verdict.saturated = true;
  m.ingress.verdict.bottleneck = "traefik replicas";
  m.postgres.verdict.saturated = true;
  m.postgres.verdict.reason = "postgres cpu: 140.2 cores at peak exceed the largest size";
  m.redis.verdict.reason = "redis memory: 2 GiB";  // not saturated: left out
  EXPECT_EQ(SaturatedLayers(m),
            "postgres cpu: 140.2 cores at peak exceed the largest size; traefik replicas "
            "saturated");
}

// A layer saturated only by a target below what any size gives is still sized: the checks of
// what is sized leave it in, the verdicts keep it.
TEST(SaturatedLayers, BeyondTargetsLeavesOutALayerSaturatedOnlyByATarget) {
  MonthPlan m;
  m.odoo.verdict.saturated = true;
  m.odoo.verdict.saturated_by_targets_only = true;
  m.odoo.verdict.reason = "the p95 limit of report (8.00 s) at the peak is below ...";
  EXPECT_EQ(SaturatedLayers(m), m.odoo.verdict.reason);
  EXPECT_EQ(SaturatedLayersBeyondTargets(m), "");
  m.redis.verdict.saturated = true;
  m.redis.verdict.reason = "redis memory beyond the largest shard count";
  EXPECT_EQ(SaturatedLayersBeyondTargets(m), m.redis.verdict.reason);
}

}  // namespace
}  // namespace headroom
