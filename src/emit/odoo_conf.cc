#include "emit/odoo_conf.h"

#include <fmt/format.h>

#include <algorithm>

#include "estate/model.h"
#include "plan/plan.h"

namespace headroom::emit {

int CronThreadsPerPod(const OdooSizing& odoo) {
  if (odoo.max_cron_threads > 0) return odoo.max_cron_threads;
  const int pods = std::max(1, odoo.cron_pods);
  return std::max(1, (odoo.cron_workers + pods - 1) / pods);
}

std::string OdooConf(const EmitContext& context, OdooRole role) {
  const OdooSizing& odoo = context.month.odoo;
  const OdooSettings& limits = context.plan_settings.odoo;
  const bool http = role == OdooRole::kHttp;
  std::string out = fmt::format("; Odoo {} pods, {} plan for {}.\n[options]\n",
                                http ? "HTTP" : "cron", context.estate.name, context.month.label);
  out += fmt::format("workers = {}\n", http ? odoo.workers_per_pod : 1);
  out += fmt::format("max_cron_threads = {}\n", http ? 0 : CronThreadsPerPod(odoo));
  out += fmt::format("limit_memory_soft = {}\n", odoo.limit_memory_soft_bytes);
  out += fmt::format("limit_memory_hard = {}\n", odoo.limit_memory_hard_bytes);
  out += fmt::format("limit_time_cpu = {}\n", limits.limit_time_cpu_s);
  out += fmt::format("limit_time_real = {}\n", limits.limit_time_real_s);
  out += fmt::format("db_maxconn = {}\n", odoo.db_maxconn);
  out += fmt::format("db_maxconn_gevent = {}\n", odoo.db_maxconn_gevent);
  out += fmt::format("http_port = {}\n", context.settings.odoo_http_port);
  out += fmt::format("gevent_port = {}\n", context.settings.odoo_gevent_port);
  // Behind Traefik: trust X-Forwarded-* for the client address and scheme.
  out += "proxy_mode = True\n";
  // One database per tenant, chosen by the first label of the host name.
  out += "dbfilter = ^%d$\n";
  out += "list_db = False\n";
  out += "data_dir = /var/lib/odoo\n";
  // Sessions in Redis (camptocamp session_redis, configured by ODOO_SESSION_REDIS_* in the
  // environment): the image must ship the module; Odoo logs and goes on when it is missing.
  out += "server_wide_modules = base,web,session_redis\n";
  // The database credentials come from the environment (the image's entrypoint passes HOST,
  // USER and PASSWORD on), never from this file.
  out += "db_port = " + std::to_string(context.settings.postgres_port) + "\n";
  return out;
}

}  // namespace headroom::emit
