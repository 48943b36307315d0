#include "sizing/pgbouncer_pools.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

OdooSizing Odoo(int http, int cron, int gevent, int db_maxconn = 64) {
  OdooSizing o;
  o.http_workers = http;
  o.cron_workers = cron;
  o.gevent_workers = gevent;
  o.db_maxconn = db_maxconn;
  return o;
}

// a = 8.0535 transactions in flight at peak: Erlang C(15, a) > 1% and C(16, a) = 0.0095746
// (Erlang B recursion, then C = cB / (c − a(1 − B))), so 16. Recovery a = 12.284: C(21, a) =
// 0.016376 > 1% and C(22, a) = 0.0086017, so 22, and recovery binds (stability alone, the rule
// before recovery was held to the peak's wait, would have asked ⌊12.284⌋ + 1 = 13). Reserve
// ⌈2.2⌉ = 3. Session: 24 HTTP + 2 cron + 2 × 3 gevent + 2 spare = 34. Clients:
// (24 + 2 + 3) × 64 = 1856.
TEST(PgBouncerPoolsTest, HandWorked) {
  const TransactionLoad load{8.05351246747473, 12.284412191582001, false, false};
  const PgBouncerPools p = SizePgBouncerPools(load, Odoo(24, 2, 3), PgBouncerSettings{});
  EXPECT_EQ(p.transaction_pool_size, 22);
  EXPECT_EQ(p.pool_wanted, 22);
  EXPECT_FALSE(p.capped);
  EXPECT_EQ(p.binding_window, kRecovery);
  EXPECT_NEAR(p.wait_probability_recovery, 0.008601747046050672, 1e-12);
  EXPECT_LT(p.wait_probability_peak, 0.0095746);
  EXPECT_EQ(p.reserve_pool_size, 3);
  EXPECT_EQ(p.session_pool_size, 34);
  EXPECT_EQ(p.max_client_connections, 1856);
  // 22 + 34 + 3 + 3 superuser + 5 monitoring.
  EXPECT_EQ(MaxConnectionsFor(p, 3, 5), 67);
}

// The peak binds when its load is the larger: a = 8.0535 at both windows wants 16 for both.
TEST(PgBouncerPoolsTest, PeakBindsAtEqualLoads) {
  const TransactionLoad load{8.05351246747473, 8.05351246747473, false, false};
  const PgBouncerPools p = SizePgBouncerPools(load, Odoo(24, 2, 3), PgBouncerSettings{});
  EXPECT_EQ(p.transaction_pool_size, 16);
  EXPECT_EQ(p.binding_window, kPeak);
  EXPECT_NEAR(p.wait_probability_peak, 0.009574637005322495, 1e-12);
  EXPECT_DOUBLE_EQ(p.wait_probability_recovery, p.wait_probability_peak);
}

// No load: the floor, cron workers + 2.
TEST(PgBouncerPoolsTest, FloorIsCronPlusTwo) {
  const PgBouncerPools p = SizePgBouncerPools(TransactionLoad{}, Odoo(8, 3, 1), {});
  EXPECT_EQ(p.transaction_pool_size, 5);
  EXPECT_EQ(p.reserve_pool_size, 1);
}

// Batch in flight at peak adds the cron workers: a = 3 needs 9 (C(9, 3) = 0.00405), plus 2.
TEST(PgBouncerPoolsTest, BatchAddsCronWorkers) {
  const TransactionLoad load{3.0, 3.0, true, false};
  EXPECT_EQ(SizePgBouncerPools(load, Odoo(24, 2, 1), {}).transaction_pool_size, 11);
  const TransactionLoad idle{3.0, 3.0, false, false};
  EXPECT_EQ(SizePgBouncerPools(idle, Odoo(24, 2, 1), {}).transaction_pool_size, 9);
}

// a = 10 wants 19 connections, but 4 HTTP + 1 cron workers can hold at most 5 transactions.
TEST(PgBouncerPoolsTest, CappedAtOdooProcesses) {
  const TransactionLoad load{10.0, 10.0, false, false};
  const PgBouncerPools p = SizePgBouncerPools(load, Odoo(4, 1, 1), {});
  EXPECT_EQ(p.pool_wanted, 19);
  EXPECT_EQ(p.transaction_pool_size, 5);
  EXPECT_TRUE(p.capped);
  EXPECT_EQ(p.wait_probability_peak, 1.0);  // a >= c: every transaction would wait
}

// Recovery binds when its load is the larger: a = 20.5 wants 33 (C(32, a) = 0.012496,
// C(33, a) = 0.0073698), the peak's a = 0.5 only 4.
TEST(PgBouncerPoolsTest, RecoveryCanBind) {
  const TransactionLoad load{0.5, 20.5, false, false};
  const PgBouncerPools p = SizePgBouncerPools(load, Odoo(40, 2, 1), {});
  EXPECT_EQ(p.transaction_pool_size, 33);
  EXPECT_EQ(p.binding_window, kRecovery);
  EXPECT_NEAR(p.wait_probability_recovery, 0.007369839663162562, 1e-12);
}

// Huge loads stay finite and capped; counts saturate at INT_MAX instead of overflowing.
TEST(PgBouncerPoolsTest, HugeInputsStayFinite) {
  const TransactionLoad load{1e300, 1e300, true, true};
  const PgBouncerPools p = SizePgBouncerPools(load, Odoo(2000000000, 100000000, 5, 64), {});
  EXPECT_TRUE(p.capped);
  EXPECT_EQ(p.transaction_pool_size, 2100000000);
  EXPECT_EQ(p.pool_wanted, 2147483647);
  EXPECT_EQ(p.max_client_connections, 2147483647);
  EXPECT_EQ(p.wait_probability_peak, 1.0);
}

}  // namespace
}  // namespace headroom
