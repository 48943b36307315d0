#include "sizing/ingress_sizer.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "sizing/assumptions_page_for_test.h"

namespace headroom {
namespace {

using docs_for_test::AssumptionsPage;

ClassLoad Class(const std::string& name, double sustained, double peak, double recovery,
                double response_kib, bool long_lived = false) {
  ClassLoad c;
  c.name = name;
  c.rate_per_s = {sustained, peak, recovery};
  c.response_kib = response_kib;
  c.long_lived = long_lived;
  return c;
}

// Interactive 100/200/300 rps of 48 KiB, reports 5/10/15 rps of 600 KiB, a bus class whose
// rates must be ignored, and 500/1,000/1,200 active sessions.
MonthLoad Office() {
  MonthLoad load;
  load.classes = {Class("interactive", 100, 200, 300, 48), Class("report", 5, 10, 15, 600),
                  Class("bus", 999, 999, 999, 1, true)};
  load.sessions = {500, 1000, 1200};
  return load;
}

MonthLoad RatesOnly(double sustained, double peak, double recovery) {
  MonthLoad load;
  load.classes = {Class("interactive", sustained, peak, recovery, 10)};
  return load;
}

bool Finite(const IngressSizing& s) {
  return std::isfinite(s.rps_sustained) && std::isfinite(s.rps_peak) &&
         std::isfinite(s.rps_recovery) && std::isfinite(s.concurrent_connections) &&
         std::isfinite(s.concurrent_connections_recovery) && std::isfinite(s.bandwidth_mbit_s) &&
         std::isfinite(s.bandwidth_mbit_s_recovery) && std::isfinite(s.replica_cpu_request_m) &&
         std::isfinite(s.replica_memory_request_mib) && std::isfinite(s.rate_limit_average_per_s) &&
         std::isfinite(s.rate_limit_burst) && std::isfinite(s.verdict.utilisation);
}

// Worst zone of 3: n − ceil(n / 3).
TEST(ReplicasAfterLoss, ZonesNodesAndNothing) {
  const HeadroomPolicy zones3;
  const int expected[] = {0, 0, 1, 2, 2, 3, 4, 4, 5, 6};
  for (int n = 0; n < 10; ++n) EXPECT_EQ(ReplicasAfterLoss(n, zones3), expected[n]) << n;
  HeadroomPolicy zones2;
  zones2.zones = 2;
  EXPECT_EQ(ReplicasAfterLoss(3, zones2), 1);
  EXPECT_EQ(ReplicasAfterLoss(4, zones2), 2);
  HeadroomPolicy node;
  node.survive_zone_loss = false;
  EXPECT_EQ(ReplicasAfterLoss(4, node), 3);
  HeadroomPolicy one_zone;  // one zone cannot be survived: read as a node loss
  one_zone.zones = 1;
  EXPECT_EQ(ReplicasAfterLoss(4, one_zone), 3);
  HeadroomPolicy none;
  none.survive_zone_loss = false;
  none.survive_node_loss = false;
  EXPECT_EQ(ReplicasAfterLoss(4, none), 4);
}

// rps: 105 / 210 / 315. Bandwidth at peak: (200 × 48 + 10 × 600) KiB/s = 15,600 KiB/s ×
// 8,192 bit = 127.7952 Mbit/s; at recovery 23,400 KiB/s = 191.6928 Mbit/s.
// Connections: sessions × (6 keep-alive + 1 websocket) = 3,500 / 7,000 / 8,400.
// Replica capacity (1 core): 2,500 × 0.85 × 0.85 = 1,806.25 rps at peak and recovery; 20,000 ×
// 0.85 = 17,000 connections. Recovery needs max(315 / 1,806.25, 8,400 / 17,000) = 0.49 replica
// on the survivors: 2 replicas leave 2 − ceil(2 / 3) = 1. 2 replicas, 1 after the zone loss.
// CPU request: the survivor burns 315 / 2,500 = 0.126 core → 150m.
// Memory: the survivor holds 7,200 × 32 KiB + 1,200 × 64 KiB = 300 MiB, + 256 MiB = 560 MiB.
// Rate limit: 2 × max(210, 315) = 630/s, burst 2 s = 1,260.
// Verdict: connections at recovery, 8,400 / 20,000 = 42% (CPU 12.6%, 14.8% of its ceiling).
TEST(SizeIngress, OfficeByHand) {
  const IngressSizing s = SizeIngress(Office(), HeadroomPolicy{}, IngressSettings{});
  EXPECT_DOUBLE_EQ(s.rps_sustained, 105.0);
  EXPECT_DOUBLE_EQ(s.rps_peak, 210.0);
  EXPECT_DOUBLE_EQ(s.rps_recovery, 315.0);
  EXPECT_NEAR(s.bandwidth_mbit_s, 127.7952, 1e-9);
  EXPECT_NEAR(s.bandwidth_mbit_s_recovery, 191.6928, 1e-9);
  EXPECT_DOUBLE_EQ(s.concurrent_connections, 7000.0);
  EXPECT_DOUBLE_EQ(s.concurrent_connections_recovery, 8400.0);
  EXPECT_EQ(s.replicas, 2);
  EXPECT_EQ(s.replicas_after_zone_loss, 1);
  EXPECT_DOUBLE_EQ(s.replica_cpu_request_m, 150.0);
  EXPECT_DOUBLE_EQ(s.replica_memory_request_mib, 560.0);
  EXPECT_DOUBLE_EQ(s.rate_limit_average_per_s, 630.0);
  EXPECT_DOUBLE_EQ(s.rate_limit_burst, 1260.0);
  EXPECT_EQ(s.verdict.bottleneck, "ingress connections");
  EXPECT_EQ(s.verdict.binding_window, kRecovery);
  EXPECT_DOUBLE_EQ(s.verdict.utilisation, 0.42);
  EXPECT_FALSE(s.verdict.saturated);
  EXPECT_NE(s.verdict.reason.find("2 replicas, 1 after losing the worst of 3 zones"),
            std::string::npos)
      << s.verdict.reason;
}

// rps 3,000 / 6,000 / 9,000. Sustained needs 3,000 / 1,275 = 2.35, peak 6,000 / 1,806.25 = 3.32,
// recovery 9,000 / 1,806.25 = 4.98 replicas on the survivors. From 4: 4 − 2 = 2, 5 − 2 = 3,
// 6 − 2 = 4, 7 − 3 = 4, 8 − 3 = 5 ≥ 4.98: 8 replicas, 5 after the zone loss, each survivor at
// 9,000 / 5 / 2,500 = 72% CPU (720m → 750m request), under 85%.
TEST(SizeIngress, ZoneLossDrivesTheCount) {
  const IngressSizing s =
      SizeIngress(RatesOnly(3000, 6000, 9000), HeadroomPolicy{}, IngressSettings{});
  EXPECT_EQ(s.replicas, 8);
  EXPECT_EQ(s.replicas_after_zone_loss, 5);
  EXPECT_DOUBLE_EQ(s.replica_cpu_request_m, 750.0);
  EXPECT_DOUBLE_EQ(s.replica_memory_request_mib, 256.0);
  EXPECT_EQ(s.verdict.bottleneck, "ingress cpu");
  EXPECT_EQ(s.verdict.binding_window, kRecovery);
  EXPECT_DOUBLE_EQ(s.verdict.utilisation, 0.72);
  EXPECT_DOUBLE_EQ(s.rate_limit_average_per_s, 18000.0);
  EXPECT_DOUBLE_EQ(s.rate_limit_burst, 36000.0);
}

// Without failure survival one replica is enough for a small load, and the floor is 1.
TEST(SizeIngress, NoFailureSurvival) {
  HeadroomPolicy policy;
  policy.survive_zone_loss = false;
  policy.survive_node_loss = false;
  const IngressSizing s = SizeIngress(Office(), policy, IngressSettings{});
  EXPECT_EQ(s.replicas, 1);
  EXPECT_EQ(s.replicas_after_zone_loss, 1);
}

// Any recovery load needs 2 replicas to survive a node loss; with no load at all the floor of 2
// sets the count by itself.
TEST(SizeIngress, FloorBindsWithoutLoad) {
  HeadroomPolicy policy;
  policy.survive_zone_loss = false;
  EXPECT_EQ(SizeIngress(RatesOnly(1, 2, 3), policy, IngressSettings{}).replicas, 2);
  const IngressSizing s = SizeIngress(MonthLoad{}, policy, IngressSettings{});
  EXPECT_EQ(s.replicas, 2);
  EXPECT_NE(s.verdict.reason.find("floor of 2"), std::string::npos) << s.verdict.reason;
  EXPECT_DOUBLE_EQ(s.rate_limit_average_per_s, 10.0);  // Traefik reads 0 as "no limit"
  EXPECT_DOUBLE_EQ(s.rate_limit_burst, 20.0);
}

TEST(SizeIngress, SaturatedInputsStayFinite) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  MonthLoad load = RatesOnly(inf, 1e300, inf);
  load.sessions = {inf, nan, 1e300};
  const IngressSizing s = SizeIngress(load, HeadroomPolicy{}, IngressSettings{});
  EXPECT_TRUE(Finite(s));
  EXPECT_TRUE(s.verdict.saturated);
  EXPECT_EQ(s.replicas, IngressSettings{}.max_replicas);
  EXPECT_EQ(s.verdict.reason.find("inf"), std::string::npos) << s.verdict.reason;
  EXPECT_EQ(s.verdict.reason.find("nan"), std::string::npos) << s.verdict.reason;

  const IngressSizing b = SizeIngress(RatesOnly(nan, -1, nan), HeadroomPolicy{}, IngressSettings{});
  EXPECT_TRUE(Finite(b));
  EXPECT_FALSE(b.verdict.saturated);
  EXPECT_EQ(b.replicas, 2);
}

// For loads from nothing to saturation, in 2 and 3 zones: the replicas left after the worst
// zone carry the recovery load under the ceiling with the reserve held back, the count never
// drops as load grows, and connections, bandwidth and the rate limit never shrink.
TEST(SizeIngress, ZoneLossRuleAndMonotonicity) {
  for (int zones : {2, 3, 4}) {
    HeadroomPolicy policy;
    policy.zones = zones;
    const IngressSettings settings;
    const double survivor_rps = settings.rps_per_core * settings.replica_cpu_cores *
                                policy.peak_max_utilisation * (1 - policy.maintenance_reserve);
    IngressSizing last;
    for (double k = 0; k <= 200; k += 0.37) {
      MonthLoad load = RatesOnly(400 * k, 900 * k, 1300 * k);
      load.sessions = {300 * k, 700 * k, 800 * k};
      const IngressSizing s = SizeIngress(load, policy, settings);
      EXPECT_TRUE(Finite(s));
      EXPECT_EQ(s.replicas_after_zone_loss, s.replicas - (s.replicas + zones - 1) / zones);
      if (!s.verdict.saturated) {
        EXPECT_GE(s.replicas_after_zone_loss * survivor_rps, s.rps_recovery - 1e-9) << k;
        EXPECT_GE(s.replicas_after_zone_loss * settings.connections_per_replica *
                      (1 - policy.maintenance_reserve),
                  s.concurrent_connections_recovery - 1e-9)
            << k;
      }
      EXPECT_GE(s.replicas, 2);
      EXPECT_GE(s.replicas, last.replicas) << k;
      EXPECT_GE(s.concurrent_connections, last.concurrent_connections) << k;
      EXPECT_GE(s.bandwidth_mbit_s, last.bandwidth_mbit_s) << k;
      EXPECT_GE(s.rate_limit_average_per_s, last.rate_limit_average_per_s) << k;
      last = s;
    }
    EXPECT_TRUE(last.verdict.saturated) << zones;
  }
}

// A tighter peak ceiling never gives fewer replicas.
TEST(SizeIngress, TighterCeilingNeverFewerReplicas) {
  int last = 0;
  for (double ceiling = 0.95; ceiling >= 0.2; ceiling -= 0.05) {
    HeadroomPolicy policy;
    policy.peak_max_utilisation = ceiling;
    const int n = SizeIngress(RatesOnly(2000, 5000, 7000), policy, IngressSettings{}).replicas;
    EXPECT_GE(n, last) << ceiling;
    last = n;
  }
}

// docs/assumptions.md ("Sizing: ingress") must show the values the code uses.
TEST(SizeIngress, AssumptionsPageShowsEveryDefault) {
  const std::string doc = AssumptionsPage();
  ASSERT_FALSE(doc.empty());
  const IngressSettings d;
  const std::pair<const char*, double> rows[] = {
      {"rps_per_core", d.rps_per_core},
      {"connections_per_user", d.connections_per_user},
      {"connections_per_replica", d.connections_per_replica},
      {"replica_cpu_cores", d.replica_cpu_cores},
      {"replica_memory_mib", d.replica_memory_mib},
      {"keepalive_connection_kib", d.keepalive_connection_kib},
      {"websocket_connection_kib", d.websocket_connection_kib},
      {"max_replicas", d.max_replicas},
      {"rate_limit_factor", d.rate_limit_factor},
      {"rate_limit_burst_s", d.rate_limit_burst_s},
      {"rate_limit_min_per_s", d.rate_limit_min_per_s}};
  for (const auto& [key, value] : rows) {
    EXPECT_NE(doc.find(fmt::format("| `ingress.{}` | {} |", key, value)), std::string::npos) << key;
  }
}

}  // namespace
}  // namespace headroom
