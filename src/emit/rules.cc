#include "emit/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "emit/k8s.h"
#include "estate/model.h"
#include "plan/plan.h"

namespace headroom::emit {
namespace {

struct Alert {
  std::string name;
  std::string expr;
  std::string for_duration;
  std::string severity;
  std::string summary;
};

Json Rule(const Alert& a) {
  return Json{{"alert", a.name},
              {"expr", a.expr},
              {"for", a.for_duration},
              {"labels", {{"severity", a.severity}}},
              {"annotations", {{"summary", a.summary}}}};
}

std::string Share(double share) { return fmt::format("{:.2f}", share); }

std::vector<Alert> ComputeAlerts(const EmitContext& context) {
  const std::string ns = context.settings.pool_namespace;
  const OdooSizing& odoo = context.month.odoo;
  const double ceiling = context.estate.policy.peak_max_utilisation;
  return {
      {"OdooHttpCpuAboveCeiling",
       fmt::format(
           "sum(rate(container_cpu_usage_seconds_total{{namespace=\"{0}\",container=\"odoo\","
           "pod=~\"{1}-.*\"}}[5m])) / sum(kube_pod_container_resource_limits{{namespace=\"{0}\","
           "container=\"odoo\",pod=~\"{1}-.*\",resource=\"cpu\"}}) > {2}",
           ns, kOdooHttp, Share(ceiling)),
       "15m", "warning",
       fmt::format("Odoo HTTP pods use more than {:.0f}% of their CPU limits, the plan's peak "
                   "ceiling",
                   ceiling * 100)},
      {"OdooHttpAtMaxReplicas",
       fmt::format("kube_horizontalpodautoscaler_status_current_replicas{{namespace=\"{0}\","
                   "horizontalpodautoscaler=\"{1}\"}} >= {2}",
                   ns, kOdooHttp, odoo.hpa_max_replicas),
       "15m", "critical",
       fmt::format("The Odoo HPA is at its planned maximum of {} pods: requests queue for "
                   "workers",
                   odoo.hpa_max_replicas)},
      {"OdooCronCpuSaturated",
       fmt::format(
           "sum(rate(container_cpu_usage_seconds_total{{namespace=\"{0}\",container=\"odoo\","
           "pod=~\"{1}-.*\"}}[15m])) / sum(kube_pod_container_resource_limits{{namespace=\"{0}\","
           "container=\"odoo\",pod=~\"{1}-.*\",resource=\"cpu\"}}) > {2}",
           ns, kOdooCron, Share(ceiling)),
       "1h", "warning",
       fmt::format("Cron workers have been saturated for an hour: the month's heaviest batch "
                   "was planned to take {:.1f} h",
                   odoo.batch_duration_h)},
      {"ContainerMemoryNearLimit",
       fmt::format(
           "max by (pod, container) (container_memory_working_set_bytes{{namespace=\"{0}\","
           "container!=\"\"}}) / max by (pod, container) (kube_pod_container_resource_limits"
           "{{namespace=\"{0}\",resource=\"memory\"}}) > {1}",
           ns, Share(context.settings.memory_alert_share)),
       "15m", "warning", "A container's working set is close to its memory limit (OOM kill risk)"},
  };
}

std::vector<Alert> PostgresAlerts(const EmitContext& context) {
  const std::string ns = context.settings.pool_namespace;
  const PostgresSizing& pg = context.month.postgres;
  const double ceiling = context.estate.policy.peak_max_utilisation;
  const int connections = static_cast<int>(std::floor(pg.settings.max_connections * ceiling));
  return {
      {"PostgresCpuAboveCeiling",
       fmt::format("sum by (pod) (rate(container_cpu_usage_seconds_total{{namespace=\"{0}\","
                   "container=\"postgres\",pod=~\"{1}-[0-9]+\"}}[5m])) / {2} > {3}",
                   ns, kCluster, pg.vcpu, Share(ceiling)),
       "15m", "warning",
       fmt::format("A PostgreSQL instance uses more than {:.0f}% of its {} planned vCPU",
                   ceiling * 100, pg.vcpu)},
      {"PostgresConnectionsNearMax",
       fmt::format("sum by (pod) (cnpg_backends_total{{namespace=\"{0}\"}}) > {1}", ns,
                   connections),
       "10m", "warning",
       fmt::format("More than {} of the planned max_connections = {} are in use", connections,
                   pg.settings.max_connections)},
      {"PgBouncerClientsWaiting",
       fmt::format(
           "sum by (pod, database) (cnpg_pgbouncer_pools_cl_waiting{{namespace=\"{0}\"}}) > 0", ns),
       "5m", "warning",
       fmt::format("Odoo workers queue for a server connection (planned transaction pool {})",
                   pg.pools.transaction_pool_size)},
  };
}

double ArchiveTimeoutSeconds(const EmitContext& context) {
  return context.plan_settings.postgres.archive_timeout_min * 60.0;
}

std::vector<Alert> RecoveryAlerts(const EmitContext& context) {
  const std::string ns = context.settings.pool_namespace;
  const double rpo_s = ShortestRpoSeconds(context.estate);
  // Archiving alone gives an RPO of archive_timeout; a shorter RPO is met by the synchronous
  // standby, so the archive is held to the larger of the two.
  const double archive_limit_s = std::max(rpo_s, ArchiveTimeoutSeconds(context));
  const double lag_limit_s = rpo_s > 0 ? rpo_s : ArchiveTimeoutSeconds(context);
  const int per_week = std::max(1, context.plan_settings.storage.base_backups_per_week);
  // A base backup every 7 / per_week days, and a day for one to run and be reported.
  const double backup_limit_s = (7.0 / per_week + 1.0) * 86400.0;
  return {
      {"PostgresReplicationLagAboveRpo",
       fmt::format("max by (pod) (cnpg_pg_replication_lag{{namespace=\"{0}\"}}) > {1:.0f}", ns,
                   lag_limit_s),
       "5m", "critical",
       fmt::format("A standby lags more than {:.0f} s: a failover would lose more than the RPO",
                   lag_limit_s)},
      {"PostgresWalArchiveFailing",
       fmt::format("increase(cnpg_pg_stat_archiver_failed_count{{namespace=\"{0}\"}}[15m]) > 0",
                   ns),
       "5m", "critical",
       "WAL archiving to the object store fails: point-in-time recovery is at risk"},
      {"PostgresWalArchiveBehindRpo",
       fmt::format(
           "max(cnpg_pg_stat_archiver_seconds_since_last_archival{{namespace=\"{0}\"}}) > {1:.0f}",
           ns, archive_limit_s),
       "5m", "critical",
       fmt::format("No WAL archived for {:.0f} s: a restore would lose more than the RPO",
                   archive_limit_s)},
      {"PostgresBaseBackupTooOld",
       fmt::format(
           "time() - max(cnpg_collector_last_available_backup_timestamp{{namespace=\"{0}\"}}) > "
           "{1:.0f}",
           ns, backup_limit_s),
       "30m", "critical",
       fmt::format("The newest base backup is older than the planned {} per week allow", per_week)},
  };
}

std::vector<Alert> ForecastAlerts(const EmitContext& context) {
  const std::string ns = context.settings.pool_namespace;
  const EmitSettings& s = context.settings;
  const IngressSizing& ingress = context.month.ingress;
  double target_ms = 0;
  for (const ClassLatency& c : context.month.odoo.latency)
    target_ms = std::max(target_ms, c.target_ms);
  std::vector<Alert> alerts = {
      {"OdooLoadAbovePlan",
       fmt::format(
           "sum(rate(traefik_service_requests_total{{service=~\"{0}-{1}-.*\"}}[15m])) > {2:.1f}",
           ns, kOdooHttp, ingress.rps_peak),
       "30m", "warning",
       fmt::format("Requests exceed the {:.1f}/s peak the {} plan was sized for: re-plan",
                   ingress.rps_peak, context.month.label)},
      {"VolumeFillingUp",
       fmt::format("kubelet_volume_stats_available_bytes{{namespace=\"{0}\"}} / "
                   "kubelet_volume_stats_capacity_bytes{{namespace=\"{0}\"}} < {1} and "
                   "predict_linear(kubelet_volume_stats_available_bytes{{namespace=\"{0}\"}}[6h], "
                   "{2} * 24 * 3600) < 0",
                   ns, Share(s.volume_free_alert_share), s.volume_predict_days),
       "1h", "warning",
       fmt::format("A volume will fill within {} days at its present rate", s.volume_predict_days)},
  };
  if (target_ms > 0) {
    alerts.push_back(
        {"OdooRequestsQueueing",
         fmt::format("histogram_quantile(0.95, sum by (le) (rate(traefik_service_request_duration_"
                     "seconds_bucket{{service=~\"{0}-{1}-.*\"}}[5m]))) > {2}",
                     ns, kOdooHttp, fmt::format("{:.3f}", target_ms / 1000.0)),
         "15m", "warning",
         fmt::format("p95 response time is above {:.0f} ms, the slowest class target: requests "
                     "wait for workers",
                     target_ms)});
  }
  return alerts;
}

Json Group(const std::string& name, const std::vector<Alert>& alerts) {
  Json rules = Json::array();
  for (const Alert& a : alerts) rules.push_back(Rule(a));
  return Json{{"name", name}, {"rules", rules}};
}

}  // namespace

double ShortestRpoSeconds(const Estate& estate) {
  double shortest = 0;
  for (const Tenant& t : estate.tenants) {
    for (const RecoveryObjective& r : t.recovery) {
      if (r.rpo_minutes <= 0) continue;
      const double s = r.rpo_minutes * 60.0;
      shortest = shortest == 0 ? s : std::min(shortest, s);
    }
  }
  return shortest;
}

Json RuleGroups(const EmitContext& context) {
  return Json::array({Group("headroom.odoo", ComputeAlerts(context)),
                      Group("headroom.postgres", PostgresAlerts(context)),
                      Group("headroom.recovery", RecoveryAlerts(context)),
                      Group("headroom.forecast", ForecastAlerts(context))});
}

std::string RulesFile(const EmitContext& context) {
  return ToYaml(Json{{"groups", RuleGroups(context)}});
}

Manifests RuleManifests(const EmitContext& context) {
  Json r = Object("monitoring.coreos.com/v1", "PrometheusRule", "odoo-capacity", "monitoring");
  r["spec"]["groups"] = RuleGroups(context);
  return Manifests{{"base/monitoring/prometheusrule.yaml", r}};
}

}  // namespace headroom::emit
