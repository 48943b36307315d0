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

}  // namespace
}  // namespace headroom
