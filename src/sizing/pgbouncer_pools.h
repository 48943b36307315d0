#pragma once
// PgBouncer pools in front of PostgreSQL for Odoo (CloudNativePG Poolers), and the server
// connections they imply.
//
// Transaction pool. Odoo runs each HTTP request in one transaction (the request's cursor is
// opened at dispatch and committed when the response is ready), so in transaction pooling a
// server connection is held for the request's whole service time, not only while PostgreSQL
// works. The transactions in flight are the offered load a = Σ λ_c × t_c (Little's law), with
// t_c the transaction time the caller gives; the pool is the smallest c with Erlang C
// P(wait) <= max_wait_probability at peak and at recovery (queueing/staffing.h), plus the cron
// workers while batch work is in flight, at least cron_workers + 2 and at most the HTTP and cron
// workers (no more transactions can be open at once). Recovery is held to the same wait as the
// peak, not only to stability: a worker waits for its connection holding its request, so a pool
// that is merely stable (c > a) at recovery queues transactions for a large share of their
// time and the requests behind them queue in Odoo, where the recovery window's latency targets
// are checked.
//
// Session pool. Odoo's bus LISTENs on the `postgres` database (odoo/addons/bus/models/bus.py:
// `db_connect('postgres')`, `listen imbus`) and every worker sends its post-commit NOTIFY there
// too. LISTEN is not carried by transaction pooling (OCA/server-tools #1629, #3692), so the
// `postgres` database gets a session-mode pool, and in session mode a client pins its server
// connection for as long as it stays connected: Odoo keeps pooled connections open, so every
// HTTP and cron worker that has notified holds one, and a gevent worker holds its LISTEN plus
// its own notifications.
//
// Client connections: every Odoo process may open db_maxconn (odoo.conf), across databases.

#include "sizing/load.h"
#include "sizing/odoo_sizer.h"

namespace headroom {

struct PgBouncerSettings {
  // PgBouncer's queueing target: at most 1% of transactions wait for a server connection, at
  // peak and at recovery. Engineering estimate: a wait is short (another transaction ends) but adds
  // a round trip to a request's latency.
  double max_wait_probability = 0.01;
  // reserve_pool_size as a share of the transaction pool (rounded up, at least 1). PgBouncer's
  // default is 0; engineering estimate: a tenth lets a burst beyond the 1% wait borrow
  // connections after reserve_pool_timeout (5 s) without raising the steady pool.
  double reserve_pool_share = 0.1;
  // Session-pool connections per gevent worker: its LISTEN and its own post-commit NOTIFY.
  int session_connections_per_gevent_worker = 2;
  // Spare session connections for the database manager and administrative commands.
  int session_spare_connections = 2;
  // An extra constraint from a failed simulation of the previous sizing pass (0: none): the
  // transaction pool holds at least this many server connections (still at most the Odoo
  // processes can use).
  int min_transaction_pool = 0;
};

// The transaction load the pool must carry: transactions in flight (erlangs) by window.
struct TransactionLoad {
  double in_flight_peak = 0;
  double in_flight_recovery = 0;
  bool batch_in_flight_peak = false;      // cron workers busy at peak
  bool batch_in_flight_recovery = false;  // ... at recovery
};

struct PgBouncerPools {
  int transaction_pool_size = 0;   // server connections for HTTP and cron workers
  int session_pool_size = 0;       // session-mode path for the bus (LISTEN/NOTIFY)
  int max_client_connections = 0;  // all Odoo processes × db_maxconn they may open
  int reserve_pool_size = 0;
  double transactions_in_flight_peak = 0;      // a at peak, erlangs
  double transactions_in_flight_recovery = 0;  // a at recovery
  double wait_probability_peak = 0;            // Erlang C of the HTTP share of the pool at peak
  double wait_probability_recovery = 0;        // ... at recovery
  int binding_window = kPeak;                  // the window that set the pool's size
  int pool_wanted = 0;                         // what the load wants before the Odoo-process cap
  bool capped = false;  // the load wanted more than the Odoo processes can hold
};

// REQUIRES: load values >= 0 and finite; odoo counts >= 0.
PgBouncerPools SizePgBouncerPools(const TransactionLoad& load, const OdooSizing& odoo,
                                  const PgBouncerSettings& settings);

// PostgreSQL's max_connections for these pools: transaction + session + reserve pools, plus the
// superuser-reserved and monitoring connections. Walsenders have their own limit
// (max_wal_senders) since PostgreSQL 12 and are not counted.
int MaxConnectionsFor(const PgBouncerPools& pools, int superuser_reserved_connections,
                      int monitoring_connections);

}  // namespace headroom
