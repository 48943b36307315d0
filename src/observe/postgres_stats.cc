#include "observe/postgres_stats.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <thread>

namespace headroom {
namespace {

struct ConnectionCloser {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultClearer {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;
using Rows = std::unique_ptr<PGresult, ResultClearer>;

std::string Trimmed(const char* text) {
  std::string s = text == nullptr ? "" : text;
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

class Session {
 public:
  explicit Session(Connection c) : c_(std::move(c)) {}

  Result<Rows> Query(const std::string& sql) const {
    Rows rows(PQexec(c_.get(), sql.c_str()));
    if (rows == nullptr || PQresultStatus(rows.get()) != PGRES_TUPLES_OK) {
      return UnavailableError(
          fmt::format("PostgreSQL refused \"{}\": {}", sql, Trimmed(PQerrorMessage(c_.get()))));
    }
    return rows;
  }
  // The first row's columns as text.
  Result<std::vector<std::string>> Row(const std::string& sql) const {
    Result<Rows> rows = Query(sql);
    if (!rows.ok()) return rows.errors();
    PGresult* r = rows.value().get();
    if (PQntuples(r) < 1) return UnavailableError(fmt::format("\"{}\" returned no row", sql));
    std::vector<std::string> out;
    for (int c = 0; c < PQnfields(r); ++c) out.emplace_back(PQgetvalue(r, 0, c));
    return out;
  }

 private:
  Connection c_;
};

double Number(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

struct Counters {
  double commits = 0;
  double rollbacks = 0;
  double hits = 0;
  double reads = 0;
  std::string lsn;
  std::chrono::steady_clock::time_point at;
};

Result<Counters> ReadCounters(const Session& s, bool in_recovery) {
  Counters c;
  Result<std::vector<std::string>> db = s.Row(
      "SELECT coalesce(sum(xact_commit), 0), coalesce(sum(xact_rollback), 0), "
      "coalesce(sum(blks_hit), 0), coalesce(sum(blks_read), 0) FROM pg_stat_database");
  if (!db.ok()) return db.errors();
  c.commits = Number(db.value()[0]);
  c.rollbacks = Number(db.value()[1]);
  c.hits = Number(db.value()[2]);
  c.reads = Number(db.value()[3]);
  Result<std::vector<std::string>> lsn =
      s.Row(in_recovery ? "SELECT pg_last_wal_replay_lsn()" : "SELECT pg_current_wal_lsn()");
  if (!lsn.ok()) return lsn.errors();
  c.lsn = lsn.value()[0];
  c.at = std::chrono::steady_clock::now();
  return c;
}

Result<std::vector<NamedSize>> Sizes(const Session& s, const std::string& sql) {
  Result<Rows> rows = s.Query(sql);
  if (!rows.ok()) return rows.errors();
  std::vector<NamedSize> out;
  for (int i = 0; i < PQntuples(rows.value().get()); ++i) {
    out.push_back(NamedSize{PQgetvalue(rows.value().get(), i, 0),
                            Number(PQgetvalue(rows.value().get(), i, 1))});
  }
  return out;
}

// pg_stat_statements when the extension exists in this database and its library is loaded;
// otherwise a note saying why not, and no error.
Status ReadStatements(const Session& s, int server_version_num, int top, PostgresObservation& out) {
  Result<std::vector<std::string>> present =
      s.Row("SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'");
  if (!present.ok()) return present.errors();
  if (present.value()[0] == "0") {
    out.statements_note = "the pg_stat_statements extension is not installed in this database";
    return Status::Ok();
  }
  // PostgreSQL 13 renamed total_time and mean_time to total_exec_time and mean_exec_time.
  const bool exec = server_version_num >= 130000;
  const std::string sql = fmt::format(
      "SELECT query, calls, {0}, {1}, rows FROM pg_stat_statements ORDER BY {0} DESC LIMIT {2}",
      exec ? "total_exec_time" : "total_time", exec ? "mean_exec_time" : "mean_time", top);
  Result<Rows> rows = s.Query(sql);
  if (!rows.ok()) {
    // Installed but not in shared_preload_libraries: the view raises an error. Not ours to fix.
    out.statements_note =
        "pg_stat_statements is installed but cannot be read (is it in "
        "shared_preload_libraries?)";
    return Status::Ok();
  }
  out.statements_available = true;
  PGresult* r = rows.value().get();
  for (int i = 0; i < PQntuples(r); ++i) {
    out.top_statements.push_back(StatementStats{
        PQgetvalue(r, i, 0), Number(PQgetvalue(r, i, 1)), Number(PQgetvalue(r, i, 2)),
        Number(PQgetvalue(r, i, 3)), Number(PQgetvalue(r, i, 4))});
  }
  return Status::Ok();
}

}  // namespace

Result<PostgresObservation> ObservePostgres(const PostgresObserveOptions& options,
                                            const std::function<void(double)>& sleep) {
  if (!(options.interval_s > 0)) return UsageError("the interval must be positive seconds");
  Connection connection(PQconnectdb(options.dsn.c_str()));
  if (connection == nullptr || PQstatus(connection.get()) != CONNECTION_OK) {
    return UnavailableError(
        fmt::format("cannot connect to PostgreSQL: {}", Trimmed(PQerrorMessage(connection.get()))));
  }
  const int version_num = PQserverVersion(connection.get());
  const Session s(std::move(connection));
  PostgresObservation out;
  Result<std::vector<std::string>> about =
      s.Row("SELECT current_setting('server_version'), current_database(), pg_is_in_recovery()");
  if (!about.ok()) return about.errors();
  out.server_version = about.value()[0];
  out.database = about.value()[1];
  out.in_recovery = about.value()[2] == "t";

  Result<std::vector<NamedSize>> databases =
      Sizes(s,
            "SELECT datname, pg_database_size(oid) FROM pg_database WHERE NOT datistemplate AND "
            "datallowconn ORDER BY 2 DESC, 1");
  if (!databases.ok()) return databases.errors();
  out.databases = std::move(databases).value();
  Result<std::vector<NamedSize>> tables =
      Sizes(s, fmt::format("SELECT format('%I.%I', n.nspname, c.relname), "
                           "pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON "
                           "n.oid = c.relnamespace WHERE c.relkind IN ('r', 'm', 'p') AND "
                           "n.nspname NOT IN ('pg_catalog', 'information_schema') AND "
                           "n.nspname NOT LIKE 'pg_toast%' ORDER BY 2 DESC, 1 LIMIT {}",
                           options.largest_tables));
  if (!tables.ok()) return tables.errors();
  out.largest_tables = std::move(tables).value();

  Result<Counters> first = ReadCounters(s, out.in_recovery);
  if (!first.ok()) return first.errors();
  if (sleep) {
    sleep(options.interval_s);
  } else {
    std::this_thread::sleep_for(std::chrono::duration<double>(options.interval_s));
  }
  Result<Counters> second = ReadCounters(s, out.in_recovery);
  if (!second.ok()) return second.errors();
  const Counters& a = first.value();
  const Counters& b = second.value();
  out.interval_s = std::chrono::duration<double>(b.at - a.at).count();
  const double seconds = std::max(out.interval_s, 1e-9);
  out.commits_per_s = (b.commits - a.commits) / seconds;
  out.rollbacks_per_s = (b.rollbacks - a.rollbacks) / seconds;
  Result<std::vector<std::string>> wal =
      s.Row(fmt::format("SELECT pg_wal_lsn_diff('{}', '{}')", b.lsn, a.lsn));
  if (!wal.ok()) return wal.errors();
  out.wal_bytes = Number(wal.value()[0]);
  out.wal_bytes_per_s = out.wal_bytes / seconds;
  out.cache_hit_ratio = b.hits + b.reads > 0 ? b.hits / (b.hits + b.reads) : 0;
  const double hits = b.hits - a.hits;
  const double reads = b.reads - a.reads;
  out.interval_cache_hit_ratio = hits + reads > 0 ? hits / (hits + reads) : 0;

  Result<Rows> states = s.Query(
      "SELECT coalesce(state, 'unknown'), count(*) FROM pg_stat_activity WHERE backend_type = "
      "'client backend' GROUP BY 1 ORDER BY 1");
  if (!states.ok()) return states.errors();
  for (int i = 0; i < PQntuples(states.value().get()); ++i) {
    out.connections_by_state.emplace_back(
        PQgetvalue(states.value().get(), i, 0),
        static_cast<int>(Number(PQgetvalue(states.value().get(), i, 1))));
  }
  if (Status st = ReadStatements(s, version_num, options.top_statements, out); !st.ok()) {
    return st.errors();
  }
  return out;
}

}  // namespace headroom
