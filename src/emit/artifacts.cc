#include "emit/artifacts.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/atomic_file.h"
#include "emit/cnpg.h"
#include "emit/context.h"
#include "emit/dashboard.h"
#include "emit/kustomize.h"
#include "emit/odoo_conf.h"
#include "emit/odoo_manifests.h"
#include "emit/postgres_conf.h"
#include "emit/redis.h"
#include "emit/rules.h"
#include "emit/traefik.h"
#include "estate/model.h"
#include "plan/cells.h"
#include "plan/plan.h"

namespace headroom::emit {
namespace {

Manifests AllBaseManifests(const EmitContext& context) {
  Manifests all;
  for (Manifests part : {OdooManifests(context), CnpgManifests(context), RedisManifests(context),
                         TraefikManifests(context), NetworkPolicies(context),
                         RuleManifests(context), DashboardManifests(context)}) {
    for (Manifest& m : part) all.push_back(std::move(m));
  }
  return all;
}

std::string Header(const EmitContext& context) {
  const PostgresSizing& pg = context.month.postgres;
  if (pg.clusters > 1) {
    return fmt::format(
        "# {} plan, {} (headroom emit): one of {} cells, each an Odoo deployment and a PostgreSQL\n"
        "# cluster for {:.1f}% of the databases' load at most.\n",
        context.estate.name, context.month.label, pg.clusters, 100.0 * pg.cluster_share);
  }
  return fmt::format("# {} plan, {} (headroom emit).\n", context.estate.name, context.month.label);
}

std::vector<std::string> RelativePaths(const Manifests& manifests, const std::string& prefix) {
  std::vector<std::string> paths;
  for (const Manifest& m : manifests) {
    if (m.path.rfind(prefix, 0) == 0) paths.push_back(m.path.substr(prefix.size()));
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

void AddManifests(const EmitContext& context, const Manifests& manifests, Artifacts& out) {
  for (const Manifest& m : manifests) {
    out.files.push_back({m.path, Header(context) + ToYaml(m.object)});
    ++out.kubernetes_objects;
  }
}

void AddKustomizations(const EmitContext& context, const Manifests& base, const Manifests& pool,
                       Artifacts& out) {
  out.files.push_back(
      {"base/kustomization.yaml",
       Header(context) + ToYaml(Kustomization(RelativePaths(base, "base/"), "", ""))});
  const std::string dir = std::string("overlays/") + kSharedPool + "/";
  std::vector<std::string> resources = RelativePaths(pool, dir);
  resources.emplace_back("../../base");
  out.files.push_back(
      {dir + "kustomization.yaml",
       Header(context) +
           ToYaml(Kustomization(resources, context.settings.pool_namespace, kSharedPool))});
}

void AddConfigs(const EmitContext& context, Artifacts& out) {
  out.files.push_back({"config/odoo-http.conf", OdooConf(context, OdooRole::kHttp)});
  out.files.push_back({"config/odoo-cron.conf", OdooConf(context, OdooRole::kCron)});
  out.files.push_back({"config/postgresql.conf", PostgresqlConf(context)});
  out.files.push_back({"config/pgbouncer.ini", PgBouncerIni(context)});
  out.files.push_back({"config/redis.conf", RedisConf(context)});
  out.files.push_back({"monitoring/prometheus-rules.yaml", Header(context) + RulesFile(context)});
  out.files.push_back({"monitoring/grafana-dashboard.json", DashboardJson(context)});
}

}  // namespace

Artifacts RenderArtifacts(const Estate& estate, const Plan& plan, int month_index,
                          const PlanSettings& plan_settings, const EmitSettings& settings) {
  // With several PostgreSQL clusters the artifacts are one cell's: its Odoo deployment and
  // cluster (every cell has the same size).
  const MonthPlan month = CellMonth(plan.month_plans.at(static_cast<size_t>(month_index)));
  const EmitContext context{estate, plan, month, plan_settings, settings};
  const Manifests base = AllBaseManifests(context);
  const Manifests pool = PoolManifests(context, kSharedPool);
  Artifacts out;
  AddManifests(context, base, out);
  AddManifests(context, pool, out);
  AddKustomizations(context, base, pool, out);
  AddConfigs(context, out);
  std::sort(out.files.begin(), out.files.end(),
            [](const Artifact& a, const Artifact& b) { return a.path < b.path; });
  return out;
}

Result<int> FindPlanMonth(const Plan& plan, const std::string& month) {
  const int months = static_cast<int>(plan.month_plans.size());
  if (months == 0) return InvalidError("the plan has no months");
  if (month.empty()) return 0;
  for (int i = 0; i < months; ++i) {
    if (plan.month_plans[static_cast<size_t>(i)].label == month) return i;
  }
  const bool digits =
      std::all_of(month.begin(), month.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits && month.size() <= 3) {
    const int n = std::stoi(month);
    if (n >= 1 && n <= months) return n - 1;
  }
  return UsageError(fmt::format("--month {}: the plan runs from {} to {} (or 1 to {})", month,
                                plan.month_plans.front().label, plan.month_plans.back().label,
                                months));
}

Status WriteArtifacts(const std::string& dir, const Artifacts& artifacts) {
  for (const Artifact& a : artifacts.files) {
    Status written = WriteFileAtomic(dir + "/" + a.path, a.content);
    if (!written.ok()) return written;
  }
  return Status::Ok();
}

}  // namespace headroom::emit
