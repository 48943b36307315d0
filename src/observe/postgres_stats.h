#pragma once
// `headroom observe postgres`: what a running PostgreSQL does, read through libpq from its
// statistics views (PostgreSQL 15 documentation, ch. 28 "Monitoring Database Activity"):
// database and largest table sizes, transaction rates (xact_commit and xact_rollback of
// pg_stat_database, differenced over an interval), the WAL rate (pg_current_wal_lsn() at both
// ends of the interval, pg_wal_lsn_diff), client connections by state (pg_stat_activity), the
// buffer cache hit ratio (blks_hit / (blks_hit + blks_read)) and, when the extension is
// installed and loaded, pg_stat_statements' top statements by total execution time.
//
// Statistics are flushed by each backend at most once a second (PostgreSQL 15's shared memory
// statistics, PGSTAT_MIN_INTERVAL), so intervals shorter than a few seconds read noisy rates.

#include <functional>
#include <string>
#include <vector>

#include "common/result.h"

namespace headroom {

struct PostgresObserveOptions {
  std::string dsn;          // a libpq connection string ("host=... port=... dbname=...")
  double interval_s = 10;   // seconds between the two readings, > 0
  int top_statements = 10;  // pg_stat_statements rows to keep
  int largest_tables = 10;  // tables of the connected database to list
};

struct NamedSize {
  std::string name;
  double bytes = 0;
};

struct StatementStats {
  std::string query;
  double calls = 0;
  double total_exec_ms = 0;
  double mean_exec_ms = 0;
  double rows = 0;
};

struct PostgresObservation {
  std::string server_version;             // SHOW server_version
  std::string database;                   // current_database()
  bool in_recovery = false;               // a standby: the WAL rate is the replay rate
  std::vector<NamedSize> databases;       // every database but templates, largest first
  std::vector<NamedSize> largest_tables;  // of the connected database, heap + indexes + TOAST
  double interval_s = 0;                  // measured between the readings
  double commits_per_s = 0;               // all databases
  double rollbacks_per_s = 0;
  double wal_bytes_per_s = 0;
  double wal_bytes = 0;                                           // WAL written in the interval
  std::vector<std::pair<std::string, int>> connections_by_state;  // client backends
  double cache_hit_ratio = 0;           // since the statistics were last reset
  double interval_cache_hit_ratio = 0;  // over the interval; 0 when nothing was read
  bool statements_available = false;
  std::string statements_note;  // why pg_stat_statements was skipped
  std::vector<StatementStats> top_statements;
};

// Connects, reads, waits `interval_s` (through `sleep`, for tests; empty: a real sleep), reads
// again. Errors: kUsage (an interval not positive), kUnavailable (exit 69) when the server
// cannot be reached or a query fails, with libpq's message.
Result<PostgresObservation> ObservePostgres(const PostgresObserveOptions& options,
                                            const std::function<void(double)>& sleep = {});

}  // namespace headroom
