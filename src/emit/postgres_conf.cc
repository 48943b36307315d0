#include "emit/postgres_conf.h"

#include <fmt/format.h>

#include "estate/model.h"
#include "plan/plan.h"

namespace headroom::emit {
namespace {

std::string Kb(int64_t kib) { return std::to_string(kib) + "kB"; }
std::string Mb(int64_t mib) { return std::to_string(mib) + "MB"; }

template <typename T>
void AddIf(Parameters& p, const char* name, const std::optional<T>& v) {
  if (!v) return;
  if constexpr (std::is_same_v<T, std::string>) {
    p.emplace_back(name, *v);
  } else {
    p.emplace_back(name, std::to_string(*v));
  }
}

// postgresql.conf quotes every value, which PostgreSQL accepts for numbers too.
std::string Quoted(const std::string& value) { return "'" + value + "'"; }

}  // namespace

Parameters PostgresParameters(const PostgresSizing& postgres, bool for_operator) {
  const PgTuneSettings& s = postgres.settings;
  Parameters p = {
      {"max_connections", std::to_string(s.max_connections)},
      {"shared_buffers", Kb(s.shared_buffers_kib)},
      {"effective_cache_size", Kb(s.effective_cache_size_kib)},
      {"maintenance_work_mem", Kb(s.maintenance_work_mem_kib)},
      {"checkpoint_completion_target", fmt::format("{}", s.checkpoint_completion_target)},
      {"wal_buffers", Kb(s.wal_buffers_kib)},
      {"default_statistics_target", std::to_string(s.default_statistics_target)},
      {"random_page_cost", fmt::format("{}", s.random_page_cost)},
      {"work_mem", Kb(s.work_mem_kib)},
      {"huge_pages", s.huge_pages},
      {"min_wal_size", Mb(s.min_wal_size_mib)},
      {"max_wal_size", Mb(s.max_wal_size_mib)},
  };
  AddIf(p, "effective_io_concurrency", s.effective_io_concurrency);
  AddIf(p, "max_worker_processes", s.max_worker_processes);
  AddIf(p, "max_parallel_workers_per_gather", s.max_parallel_workers_per_gather);
  AddIf(p, "max_parallel_workers", s.max_parallel_workers);
  AddIf(p, "max_parallel_maintenance_workers", s.max_parallel_maintenance_workers);
  AddIf(p, "jit", s.jit);
  AddIf(p, "wal_compression", s.wal_compression);
  AddIf(p, "autovacuum_max_workers", s.autovacuum_max_workers);
  if (s.autovacuum_work_mem_kib)
    p.emplace_back("autovacuum_work_mem", Kb(*s.autovacuum_work_mem_kib));
  if (!for_operator) {
    AddIf(p, "wal_level", s.wal_level);
    AddIf(p, "max_wal_senders", s.max_wal_senders);
  }
  return p;
}

std::string PostgresqlConf(const EmitContext& context) {
  const PostgresSizing& pg = context.month.postgres;
  std::string out = fmt::format(
      "# PostgreSQL for the {} plan, {}: {} vCPU, {} GiB RAM.\n"
      "# PGTune's rules for this machine; max_connections from the PgBouncer pools and work_mem\n"
      "# from the concurrent reports (docs/sizing-postgres.md).\n",
      context.estate.name, context.month.label, pg.vcpu, pg.memory_gib);
  for (const auto& [name, value] : PostgresParameters(pg, false)) {
    out += fmt::format("{} = {}\n", name, Quoted(value));
  }
  // archive_timeout bounds the data lost with the WAL not yet archived (the RPO of archiving).
  out += fmt::format("archive_timeout = '{}min'\n",
                     context.plan_settings.postgres.archive_timeout_min);
  return out;
}

Parameters PgBouncerPoolParameters(const PgBouncerPools& pools, bool session) {
  if (session) {
    return Parameters{{"default_pool_size", std::to_string(pools.session_pool_size)},
                      {"max_client_conn", std::to_string(pools.max_client_connections)}};
  }
  return Parameters{{"default_pool_size", std::to_string(pools.transaction_pool_size)},
                    {"reserve_pool_size", std::to_string(pools.reserve_pool_size)},
                    {"max_client_conn", std::to_string(pools.max_client_connections)}};
}

std::string PgBouncerIni(const EmitContext& context) {
  const PgBouncerPools& pools = context.month.postgres.pools;
  const int port = context.settings.postgres_port;
  const int server_total =
      pools.transaction_pool_size + pools.reserve_pool_size + pools.session_pool_size;
  std::string out = fmt::format(
      "; PgBouncer for the {} plan, {}.\n"
      "; Transaction pool {} (+{} reserve) for the tenant databases,\n"
      "; session pool {} for Odoo's bus on `postgres`.\n",
      context.estate.name, context.month.label, pools.transaction_pool_size,
      pools.reserve_pool_size, pools.session_pool_size);
  out += "[databases]\n";
  out += fmt::format("postgres = host={} port={} dbname=postgres pool_mode=session pool_size={}\n",
                     kClusterRwService, port, pools.session_pool_size);
  out += fmt::format("* = host={} port={}\n\n", kClusterRwService, port);
  out += "[pgbouncer]\n";
  out += fmt::format("listen_addr = *\nlisten_port = {}\n", port);
  out += "auth_type = scram-sha-256\nauth_file = /etc/pgbouncer/userlist.txt\n";
  out += "pool_mode = transaction\n";
  for (const auto& [name, value] : PgBouncerPoolParameters(pools, false)) {
    out += fmt::format("{} = {}\n", name, value);
  }
  // Odoo connects as one user to every tenant database: this caps the server connections
  // across them at what max_connections was sized for.
  out += fmt::format("max_user_connections = {}\n", server_total);
  out += "ignore_startup_parameters = extra_float_digits\n";
  return out;
}

}  // namespace headroom::emit
