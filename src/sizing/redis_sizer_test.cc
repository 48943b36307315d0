#include "sizing/redis_sizer.h"

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
                double requests_month = 0, bool long_lived = false) {
  ClassLoad c;
  c.name = name;
  c.rate_per_s = {sustained, peak, recovery};
  c.requests_month = requests_month;
  c.long_lived = long_lived;
  return c;
}

// 1,000 named users; 182,625 portal requests in the month (30.4375 days × 60 × 100, so that
// 7 days of them make exactly 700 sessions); a bus class whose rates must be ignored.
MonthLoad SmallEstate() {
  MonthLoad load;
  load.named_users = 1000;
  load.classes = {Class("interactive", 50, 100, 150), Class("portal", 5, 10, 15, 182625),
                  Class("bus", 1000, 1000, 1000, 0, true)};
  return load;
}

MonthLoad RatesOnly(double sustained, double peak, double recovery) {
  MonthLoad load;
  load.classes = {Class("interactive", sustained, peak, recovery)};
  return load;
}

bool Finite(const RedisSizing& r) {
  return std::isfinite(r.sessions) && std::isfinite(r.portal_sessions) &&
         std::isfinite(r.data_mib) && std::isfinite(r.memory_mib) &&
         std::isfinite(r.ops_per_s_peak) && std::isfinite(r.ops_per_s_recovery) &&
         std::isfinite(r.pod_cpu_request_m) && std::isfinite(r.pod_memory_limit_mib) &&
         std::isfinite(r.verdict.utilisation);
}

// Sessions: 1,000 × 5 × 7 / 7 = 5,000 back office + 182,625 × 7 / 30.4375 / 60 = 700 portal.
// Data: 5,700 × 4 / 1,024 = 22.265625 MiB + 256 MiB cache = 278.265625 MiB.
// maxmemory: 278.265625 × 1.5 = 417.40 → 448 MiB (7 × 64); pod limit 2 × 448 = 896 MiB.
// Ops: (100 + 10) × 2 = 220/s at peak, (150 + 15) × 2 = 330/s at recovery; one core does
// 80,000/s, so the thread is 0.41% busy at recovery while maxmemory is 62.1% full: memory binds.
TEST(SizeRedis, SmallEstateByHand) {
  const RedisSizing r = SizeRedis(SmallEstate(), HeadroomPolicy{}, RedisSettings{});
  EXPECT_DOUBLE_EQ(r.portal_sessions, 700.0);
  EXPECT_DOUBLE_EQ(r.sessions, 5700.0);
  EXPECT_DOUBLE_EQ(r.data_mib, 278.265625);
  EXPECT_DOUBLE_EQ(r.memory_mib, 448.0);
  EXPECT_DOUBLE_EQ(r.pod_memory_limit_mib, 896.0);
  EXPECT_DOUBLE_EQ(r.ops_per_s_peak, 220.0);
  EXPECT_DOUBLE_EQ(r.ops_per_s_recovery, 330.0);
  EXPECT_EQ(r.shards, 1);
  EXPECT_EQ(r.replicas, 2);   // zone and node loss: primary + replica
  EXPECT_EQ(r.sentinels, 3);  // failover without cluster mode
  EXPECT_EQ(r.eviction_policy, "noeviction");
  EXPECT_DOUBLE_EQ(r.pod_cpu_request_m, 100.0);  // 4.1 millicores of thread, floor 100m
  EXPECT_EQ(r.verdict.bottleneck, "redis memory");
  EXPECT_EQ(r.verdict.binding_window, kSustained);
  EXPECT_NEAR(r.verdict.utilisation, 278.265625 / 448.0, 1e-12);
  EXPECT_FALSE(r.verdict.saturated);
  EXPECT_NE(r.verdict.reason.find("5700 sessions (700 portal)"), std::string::npos)
      << r.verdict.reason;
}

// Ops 20,000 / 60,000 / 80,000 per s. A primary may take 80,000 × 0.85 × (1 − 0.15) = 57,800/s
// at peak and recovery (40,800/s sustained): recovery needs 80,000 / 57,800 = 1.38 primaries,
// so cluster mode with its minimum of 3 shards, each 80,000 / 3 / 80,000 = 33.3% busy.
// Memory: 256 MiB cache × 1.5 / 3 shards = 128 MiB each.
TEST(SizeRedis, ShardsWhenOnePrimaryIsTooBusy) {
  const RedisSizing r =
      SizeRedis(RatesOnly(10000, 30000, 40000), HeadroomPolicy{}, RedisSettings{});
  EXPECT_EQ(r.shards, 3);
  EXPECT_FALSE(r.verdict.saturated);
  EXPECT_EQ(r.verdict.bottleneck, "redis main thread");
  EXPECT_EQ(r.verdict.binding_window, kRecovery);
  EXPECT_NEAR(r.verdict.utilisation, 1.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(r.memory_mib, 128.0);
  EXPECT_EQ(r.sentinels, 0);                     // the cluster fails over by itself
  EXPECT_DOUBLE_EQ(r.pod_cpu_request_m, 350.0);  // 333.3m rounded up to 50m
  EXPECT_NE(r.verdict.reason.find("3 shards (cluster mode)"), std::string::npos)
      << r.verdict.reason;
}

// Recovery ops 317,900/s = 5.5 × 57,800: 6 shards, each 317,900 / 6 / 80,000 = 66.2% busy.
TEST(SizeRedis, ShardsAboveTheClusterMinimum) {
  const RedisSizing r = SizeRedis(RatesOnly(0, 0, 158950), HeadroomPolicy{}, RedisSettings{});
  EXPECT_EQ(r.shards, 6);
  EXPECT_NEAR(r.verdict.utilisation, 317900.0 / 6 / 80000, 1e-12);
  EXPECT_LT(r.verdict.utilisation, HeadroomPolicy{}.peak_max_utilisation);
}

TEST(SizeRedis, MaxShardsBelowTheClusterMinimumSaturates) {
  RedisSettings settings;
  settings.max_shards = 2;
  const RedisSizing r = SizeRedis(RatesOnly(10000, 30000, 40000), HeadroomPolicy{}, settings);
  EXPECT_EQ(r.shards, 2);
  EXPECT_TRUE(r.verdict.saturated);
  EXPECT_EQ(r.verdict.bottleneck, "redis main thread");
}

TEST(SizeRedis, NoFailureSurvivalMeansOneInstance) {
  HeadroomPolicy policy;
  policy.survive_zone_loss = false;
  policy.survive_node_loss = false;
  const RedisSizing r = SizeRedis(SmallEstate(), policy, RedisSettings{});
  EXPECT_EQ(r.replicas, 1);
  EXPECT_EQ(r.sentinels, 0);
  policy.survive_node_loss = true;
  EXPECT_EQ(SizeRedis(SmallEstate(), policy, RedisSettings{}).replicas, 2);
}

// maxmemory 0 means "unlimited" to Redis: an empty estate still gets one 64 MiB step.
TEST(SizeRedis, MaxmemoryIsNeverZero) {
  RedisSettings settings;
  settings.cache_mib = 0;
  const RedisSizing r = SizeRedis(MonthLoad{}, HeadroomPolicy{}, settings);
  EXPECT_DOUBLE_EQ(r.data_mib, 0.0);
  EXPECT_DOUBLE_EQ(r.memory_mib, 64.0);
}

// A portal class under another name is found through the setting; without it no portal sessions.
TEST(SizeRedis, PortalClassByName) {
  MonthLoad load = SmallEstate();
  load.classes[1].name = "self_service";
  EXPECT_DOUBLE_EQ(SizeRedis(load, HeadroomPolicy{}, RedisSettings{}).portal_sessions, 0.0);
  RedisSettings settings;
  settings.portal_class = "self_service";
  EXPECT_DOUBLE_EQ(SizeRedis(load, HeadroomPolicy{}, settings).portal_sessions, 700.0);
}

TEST(SizeRedis, SaturatedInputsStayFinite) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  MonthLoad load = RatesOnly(inf, inf, inf);
  load.named_users = inf;
  const RedisSizing r = SizeRedis(load, HeadroomPolicy{}, RedisSettings{});
  EXPECT_TRUE(Finite(r));
  EXPECT_TRUE(r.verdict.saturated);
  EXPECT_EQ(r.shards, RedisSettings{}.max_shards);
  EXPECT_EQ(r.verdict.reason.find("inf"), std::string::npos) << r.verdict.reason;

  MonthLoad bad = RatesOnly(nan, -5, nan);
  bad.named_users = nan;
  const RedisSizing b = SizeRedis(bad, HeadroomPolicy{}, RedisSettings{});
  EXPECT_TRUE(Finite(b));
  EXPECT_FALSE(b.verdict.saturated);
  EXPECT_DOUBLE_EQ(b.ops_per_s_peak, 0.0);
  EXPECT_EQ(b.verdict.reason.find("nan"), std::string::npos) << b.verdict.reason;
}

// More users never less memory; more requests never fewer shards or less CPU. Memory per
// shard may drop when a shard is added, but the shards together always hold data × overhead.
TEST(SizeRedis, MoreLoadNeverLessCapacity) {
  const RedisSettings settings;
  double last_data = 0;
  double last_memory = 0;
  int last_shards = 0;
  double last_cpu = 0;
  for (double k = 0; k <= 400; k += 1.7) {
    MonthLoad load = RatesOnly(1000 * k, 2500 * k, 3100 * k);
    load.named_users = 5000 * k;
    const RedisSizing r = SizeRedis(load, HeadroomPolicy{}, settings);
    EXPECT_TRUE(Finite(r));
    EXPECT_GE(r.data_mib, last_data) << k;
    EXPECT_GE(r.memory_mib * r.shards, r.data_mib * settings.memory_overhead) << k;
    EXPECT_GE(r.shards, last_shards) << k;
    if (r.shards == last_shards) {
      EXPECT_GE(r.memory_mib, last_memory) << k;
      EXPECT_GE(r.pod_cpu_request_m, last_cpu) << k;
    }
    last_data = r.data_mib;
    last_memory = r.memory_mib;
    last_shards = r.shards;
    last_cpu = r.pod_cpu_request_m;
  }
  EXPECT_GT(last_shards, 3);
}

// A tighter ceiling never gives fewer shards.
TEST(SizeRedis, TighterCeilingNeverFewerShards) {
  int last = 0;
  for (double ceiling = 0.95; ceiling >= 0.2; ceiling -= 0.05) {
    HeadroomPolicy policy;
    policy.peak_max_utilisation = ceiling;
    const int shards = SizeRedis(RatesOnly(20000, 40000, 60000), policy, RedisSettings{}).shards;
    EXPECT_GE(shards, last) << ceiling;
    last = shards;
  }
}

// docs/assumptions.md ("Sizing: redis") must show the values the code uses.
TEST(SizeRedis, AssumptionsPageShowsEveryDefault) {
  const std::string doc = AssumptionsPage();
  ASSERT_FALSE(doc.empty());
  const RedisSettings d;
  const std::pair<const char*, double> rows[] = {
      {"session_kib", d.session_kib},
      {"session_expiry_days", d.session_expiry_days},
      {"sessions_per_user_week", d.sessions_per_user_week},
      {"cache_mib", d.cache_mib},
      {"ops_per_request", d.ops_per_request},
      {"ops_per_s_per_core", d.ops_per_s_per_core},
      {"memory_overhead", d.memory_overhead},
      {"portal_requests_per_session", d.portal_requests_per_session},
      {"pod_memory_factor", d.pod_memory_factor},
      {"max_shards", d.max_shards}};
  for (const auto& [key, value] : rows) {
    EXPECT_NE(doc.find(fmt::format("| `redis.{}` | {} |", key, value)), std::string::npos) << key;
  }
  EXPECT_NE(doc.find(fmt::format("| `redis.portal_class` | `{}` |", d.portal_class)),
            std::string::npos);
}

}  // namespace
}  // namespace headroom
