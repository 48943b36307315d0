#include "sizing/pgbouncer_pools.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "queueing/erlang.h"
#include "queueing/staffing.h"

namespace headroom {
namespace {

int ClampToInt(int64_t value) {
  constexpr int64_t kMax = std::numeric_limits<int>::max();
  return static_cast<int>(std::clamp<int64_t>(value, 0, kMax));
}

// Beyond this many transactions in flight no pool fits an int anyway: the pool wanted is the
// stable count ⌊a⌋ + 1 (a capped at 1e18 to stay in int64), without an Erlang C search.
constexpr double kLargeLoad = 1e9;

// The smallest stable server count, ⌊a⌋ + 1.
int64_t StableServers(double a) { return static_cast<int64_t>(std::floor(std::min(a, 1e18))) + 1; }

// The smallest c with Erlang C <= α (staffing.h).
int64_t ServersForWait(double a, double alpha) {
  if (a >= kLargeLoad) return StableServers(a);
  return queueing::MinServersForWaitProbability(a, alpha).value_or(StableServers(a));
}

}  // namespace

PgBouncerPools SizePgBouncerPools(const TransactionLoad& load, const OdooSizing& odoo,
                                  const PgBouncerSettings& settings) {
  const int64_t http = std::max(0, odoo.http_workers);
  const int64_t cron = std::max(0, odoo.cron_workers);
  const int64_t gevent = std::max(0, odoo.gevent_workers);
  const int64_t floor_size = cron + 2;
  const int64_t cap = std::max(http + cron, floor_size);

  PgBouncerPools p;
  p.transactions_in_flight_peak = load.in_flight_peak;
  p.transactions_in_flight_recovery = load.in_flight_recovery;
  const int64_t cron_peak = load.batch_in_flight_peak ? cron : 0;
  const int64_t cron_recovery = load.batch_in_flight_recovery ? cron : 0;
  const int64_t peak =
      ServersForWait(load.in_flight_peak, settings.max_wait_probability) + cron_peak;
  const int64_t recovery =
      ServersForWait(load.in_flight_recovery, settings.max_wait_probability) + cron_recovery;
  const int64_t wanted =
      std::max({peak, recovery, floor_size, int64_t{std::max(0, settings.min_transaction_pool)}});
  p.binding_window = recovery > peak ? kRecovery : kPeak;
  p.pool_wanted = ClampToInt(wanted);
  p.capped = wanted > cap;
  const int64_t pool = std::min(wanted, cap);
  p.transaction_pool_size = ClampToInt(pool);
  p.wait_probability_peak = queueing::ErlangC(std::max<int64_t>(0, pool - cron_peak),
                                              std::min(load.in_flight_peak, 1e15));
  p.wait_probability_recovery = queueing::ErlangC(std::max<int64_t>(0, pool - cron_recovery),
                                                  std::min(load.in_flight_recovery, 1e15));
  const double reserve = std::ceil(settings.reserve_pool_share * static_cast<double>(pool));
  p.reserve_pool_size = std::max(1, ClampToInt(static_cast<int64_t>(reserve)));
  p.session_pool_size =
      ClampToInt(http + cron + settings.session_connections_per_gevent_worker * gevent +
                 settings.session_spare_connections);
  const double clients =
      static_cast<double>(http + cron + gevent) * static_cast<double>(std::max(0, odoo.db_maxconn));
  p.max_client_connections = ClampToInt(static_cast<int64_t>(std::min(clients, 1e18)));
  return p;
}

int MaxConnectionsFor(const PgBouncerPools& pools, int superuser_reserved_connections,
                      int monitoring_connections) {
  const int64_t total = int64_t{pools.transaction_pool_size} + pools.session_pool_size +
                        pools.reserve_pool_size + superuser_reserved_connections +
                        monitoring_connections;
  return ClampToInt(total);
}

}  // namespace headroom
