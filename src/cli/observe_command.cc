// `headroom observe postgres --dsn DSN [--interval-s S] [--format text|json] [-o FILE]`: what a
// running PostgreSQL does, read through libpq (observe/postgres_stats.h). A server that cannot
// be reached exits 69 (EX_UNAVAILABLE).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/estate_options.h"
#include "observe/postgres_stats.h"

namespace headroom::cli {
namespace {

using Json = nlohmann::ordered_json;

struct ObserveArgs {
  PostgresObserveOptions postgres;
  std::string format = "text";
  std::string output;
};

Json SizesJson(const std::vector<NamedSize>& sizes) {
  Json list = Json::array();
  for (const NamedSize& s : sizes) list.push_back(Json{{"name", s.name}, {"bytes", s.bytes}});
  return list;
}

std::string ObservationJson(const PostgresObservation& o) {
  Json states = Json::object();
  for (const auto& [state, count] : o.connections_by_state) states[state] = count;
  Json statements = Json::array();
  for (const StatementStats& s : o.top_statements) {
    statements.push_back(Json{{"query", s.query},
                              {"calls", s.calls},
                              {"total_exec_ms", s.total_exec_ms},
                              {"mean_exec_ms", s.mean_exec_ms},
                              {"rows", s.rows}});
  }
  const Json doc{
      {"schema", "headroom.observe.postgres/v1"},
      {"server_version", o.server_version},
      {"database", o.database},
      {"in_recovery", o.in_recovery},
      {"interval_s", o.interval_s},
      {"databases", SizesJson(o.databases)},
      {"largest_tables", SizesJson(o.largest_tables)},
      {"commits_per_s", o.commits_per_s},
      {"rollbacks_per_s", o.rollbacks_per_s},
      {"transactions_per_s", o.commits_per_s + o.rollbacks_per_s},
      {"wal_bytes", o.wal_bytes},
      {"wal_bytes_per_s", o.wal_bytes_per_s},
      {"connections_by_state", std::move(states)},
      {"cache_hit_ratio", o.cache_hit_ratio},
      {"interval_cache_hit_ratio", o.interval_cache_hit_ratio},
      {"pg_stat_statements", o.statements_available ? Json(std::move(statements)) : Json(nullptr)},
      {"pg_stat_statements_note", o.statements_note}};
  return doc.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string Mib(double bytes) { return fmt::format("{:.1f} MiB", bytes / (1024.0 * 1024.0)); }

std::string ObservationText(const PostgresObservation& o) {
  std::string out =
      fmt::format("PostgreSQL {} ({}), database {}, over {:.1f} s\n", o.server_version,
                  o.in_recovery ? "standby" : "primary", o.database, o.interval_s);
  out += fmt::format("transactions  {:.1f}/s ({:.1f} commits, {:.1f} rollbacks)\n",
                     o.commits_per_s + o.rollbacks_per_s, o.commits_per_s, o.rollbacks_per_s);
  out += fmt::format("WAL           {}/s ({} in the interval)\n", Mib(o.wal_bytes_per_s),
                     Mib(o.wal_bytes));
  out += fmt::format("cache hits    {:.2f}% since the statistics reset, {:.2f}% in the interval\n",
                     100 * o.cache_hit_ratio, 100 * o.interval_cache_hit_ratio);
  out += "connections  ";
  for (const auto& [state, count] : o.connections_by_state) {
    out += fmt::format(" {} {}", state, count);
  }
  out += "\ndatabases\n";
  for (const NamedSize& s : o.databases) out += fmt::format("  {:<40} {}\n", s.name, Mib(s.bytes));
  out += "largest tables\n";
  for (const NamedSize& s : o.largest_tables) {
    out += fmt::format("  {:<40} {}\n", s.name, Mib(s.bytes));
  }
  if (!o.statements_available) {
    out += "pg_stat_statements: skipped, " + o.statements_note + "\n";
  } else {
    out += "top statements by total execution time\n";
    for (const StatementStats& s : o.top_statements) {
      std::string query = s.query.substr(0, 80);
      for (char& c : query) {
        if (c == '\n' || c == '\t') c = ' ';
      }
      out += fmt::format("  {:10.1f} ms {:8.0f} calls  {}\n", s.total_exec_ms, s.calls, query);
    }
  }
  return out;
}

int RunObservePostgres(const ObserveArgs& args, Io& io) {
  Result<PostgresObservation> o = ObservePostgres(args.postgres);
  if (!o.ok()) return ReportErrors(o.errors(), io.err);
  const std::string text =
      args.format == "json" ? ObservationJson(o.value()) : ObservationText(o.value());
  return WriteOutput(text, args.output, io.out, io.err);
}

}  // namespace

Action SetupObserveCommand(CLI::App& sub) {
  auto args = std::make_shared<ObserveArgs>();
  sub.require_subcommand(1, 1);
  CLI::App* pg = sub.add_subcommand(
      "postgres", "Sizes, transaction and WAL rates, connections, cache hits, top statements");
  pg->add_option("--dsn", args->postgres.dsn, "libpq connection string (host=... dbname=...)")
      ->required();
  pg->add_option("--interval-s", args->postgres.interval_s,
                 "Seconds between the two readings the rates are taken from (default: 10)")
      ->check(CLI::Range(0.1, 3600.0));
  pg->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  pg->add_option("-o,--output", args->output, "Write here (default: standard output)");
  return [args](Io& io) { return RunObservePostgres(*args, io); };
}

}  // namespace headroom::cli
