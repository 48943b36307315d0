#include "queueing/mva.h"

#include <gtest/gtest.h>

#include <vector>

namespace headroom::queueing {
namespace {

TEST(MvaTest, SingleQueueWithThinkTimeByHand) {
  // One queueing centre, D = 1 s, think time Z = 1 s:
  //   n = 1: R = 1, X = 1/2, Q = 1/2
  //   n = 2: R = 1 + 1/2 = 3/2, X = 2 / (5/2) = 4/5, Q = 6/5
  //   n = 3: R = 1 + 6/5 = 11/5, X = 3 / (16/5) = 15/16, Q = 33/16
  // (X(3) = 15/16 agrees with the machine-repairman formula X = (1 − p0) / D, p0 = 1/16.)
  const std::vector<Centre> centres = {{"cpu", CentreKind::kQueue, 1.0, 1}};
  const double expected_x[] = {0.0, 0.5, 0.8, 15.0 / 16.0};
  const double expected_r[] = {1.0, 1.0, 1.5, 2.2};
  const double expected_q[] = {0.0, 0.5, 1.2, 33.0 / 16.0};
  for (int n = 0; n <= 3; ++n) {
    const Result<ClosedNetworkResult> r = SolveClosedNetwork(centres, n, 1.0);
    ASSERT_TRUE(r.ok());
    EXPECT_DOUBLE_EQ(r.value().throughput_per_s, expected_x[n]) << n;
    EXPECT_DOUBLE_EQ(r.value().response_s, expected_r[n]) << n;
    EXPECT_DOUBLE_EQ(r.value().centres[0].queue_length, expected_q[n]) << n;
    EXPECT_DOUBLE_EQ(r.value().centres[0].utilisation, expected_x[n]) << n;
  }
}

TEST(MvaTest, TwoQueuesAndADelayByHand) {
  // D = (2, 1) at two queues, 3 at a delay centre, Z = 0, N = 2:
  //   n = 1: R = (2, 1, 3), X = 1/6, Q = (1/3, 1/6, 1/2)
  //   n = 2: R = (2·4/3, 1·7/6, 3) = (8/3, 7/6, 3), ΣR = 41/6, X = 12/41
  const std::vector<Centre> centres = {{"db", CentreKind::kQueue, 2.0, 1},
                                       {"app", CentreKind::kQueue, 1.0, 1},
                                       {"net", CentreKind::kDelay, 3.0, 1}};
  const Result<ClosedNetworkResult> r = SolveClosedNetwork(centres, 2, 0.0);
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r.value().throughput_per_s, 12.0 / 41.0);
  EXPECT_DOUBLE_EQ(r.value().response_s, 41.0 / 6.0);
  EXPECT_DOUBLE_EQ(r.value().centres[0].residence_s, 8.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.value().centres[0].utilisation, 24.0 / 41.0);
  EXPECT_DOUBLE_EQ(r.value().centres[2].queue_length, 36.0 / 41.0);
}

TEST(MvaTest, ThroughputApproachesTheBottleneckBound) {
  // X(N) <= 1 / D_max, and approaches it for large N.
  const std::vector<Centre> centres = {{"a", CentreKind::kQueue, 0.05, 1},
                                       {"b", CentreKind::kQueue, 0.02, 1}};
  const Result<ClosedNetworkResult> r = SolveClosedNetwork(centres, 500, 1.0);
  ASSERT_TRUE(r.ok());
  EXPECT_LT(r.value().throughput_per_s, 20.0);
  EXPECT_GT(r.value().throughput_per_s, 19.99);
}

TEST(MvaTest, PdqOpenGoldenExample) {
  // PDQ: one centre of 4 servers, λ = 0.35/min, S = 10 min → R = 24.7572 min, W = 14.7572 min.
  const std::vector<Centre> centres = {{"msq", CentreKind::kQueue, 600.0, 4}};
  const Result<OpenNetworkResult> r = SolveOpenNetwork(centres, 0.35 / 60.0);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value().saturated);
  EXPECT_NEAR(*r.value().response_s / 60.0, 24.7572, 1e-4);
  EXPECT_NEAR(*r.value().wait_s / 60.0, 14.7572, 1e-4);
  EXPECT_NEAR(r.value().centres[0].utilisation, 0.875, 1e-15);
  EXPECT_EQ(r.value().bottleneck, "msq");
  EXPECT_NEAR(*r.value().max_arrival_rate_per_s, 4.0 / 600.0, 1e-18);
}

TEST(MvaTest, OpenNetworkSumsResidences) {
  // Single servers: R_k = D_k / (1 − λ D_k); λ = 2: cpu 0.2 / 0.6, disk 0.1 / 0.8, delay 0.5.
  const std::vector<Centre> centres = {{"cpu", CentreKind::kQueue, 0.2, 1},
                                       {"disk", CentreKind::kQueue, 0.1, 1},
                                       {"think", CentreKind::kDelay, 0.5, 1}};
  const Result<OpenNetworkResult> r = SolveOpenNetwork(centres, 2.0);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(*r.value().response_s, 0.2 / 0.6 + 0.1 / 0.8 + 0.5, 1e-15);
  EXPECT_NEAR(*r.value().centres[0].queue_length, 2.0 * 0.2 / 0.6, 1e-15);
  EXPECT_EQ(r.value().bottleneck, "cpu");
}

TEST(MvaTest, SaturatedOpenCentreIsAnOutcome) {
  const std::vector<Centre> centres = {{"cpu", CentreKind::kQueue, 0.5, 1},
                                       {"disk", CentreKind::kQueue, 0.1, 1}};
  const Result<OpenNetworkResult> r = SolveOpenNetwork(centres, 2.5);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value().saturated);
  EXPECT_FALSE(r.value().response_s.has_value());
  EXPECT_TRUE(r.value().centres[0].saturated);
  EXPECT_DOUBLE_EQ(r.value().centres[0].utilisation, 1.25);
  EXPECT_FALSE(r.value().centres[1].saturated);
  EXPECT_NEAR(*r.value().centres[1].residence_s, 0.1 / 0.75, 1e-15);
}

TEST(MvaTest, InvalidInputsAreErrors) {
  const std::vector<Centre> bad = {{"x", CentreKind::kQueue, -1.0, 1},
                                   {"y", CentreKind::kQueue, 1.0, 2}};
  const Result<ClosedNetworkResult> closed = SolveClosedNetwork(bad, 3, -1.0);
  ASSERT_FALSE(closed.ok());
  ASSERT_EQ(closed.errors().size(), 3u);
  EXPECT_EQ(closed.errors()[0].where.field, "centres[0].demand_s");
  EXPECT_EQ(closed.errors()[1].where.field, "centres[1].servers");
  const Result<OpenNetworkResult> open = SolveOpenNetwork(bad, 1.0);
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.errors().size(), 1u);  // multi-server centres are fine when open
}

}  // namespace
}  // namespace headroom::queueing
