#include "emit/dashboard.h"

#include <fmt/format.h>

#include <algorithm>

#include "emit/k8s.h"
#include "emit/rules.h"
#include "estate/model.h"
#include "plan/plan.h"

namespace headroom::emit {
namespace {

// Grafana's dashboard schema version of Grafana 10.4 and 11 (the panel and target shapes below).
constexpr int kSchemaVersion = 39;
constexpr int kGridColumns = 24;
constexpr int kPanelHeight = 8;

struct Target {
  std::string expr;
  std::string legend;
};

struct Panel {
  std::string title;
  std::string description;
  std::string unit;
  std::vector<Target> targets;
};

Json Datasource() { return Json{{"type", "prometheus"}, {"uid", "${datasource}"}}; }

Json PanelJson(const Panel& p, int id, int x, int y) {
  Json targets = Json::array();
  char ref = 'A';
  for (const Target& t : p.targets) {
    targets.push_back(Json{{"refId", std::string(1, ref++)},
                           {"datasource", Datasource()},
                           {"expr", t.expr},
                           {"legendFormat", t.legend}});
  }
  return Json{{"id", id},
              {"type", "timeseries"},
              {"title", p.title},
              {"description", p.description},
              {"datasource", Datasource()},
              {"gridPos", {{"h", kPanelHeight}, {"w", kGridColumns / 2}, {"x", x}, {"y", y}}},
              {"fieldConfig", {{"defaults", {{"unit", p.unit}}}, {"overrides", Json::array()}}},
              {"targets", targets}};
}

Json Row(const std::string& title, int id, int y) {
  return Json{{"id", id},
              {"type", "row"},
              {"title", title},
              {"collapsed", false},
              {"gridPos", {{"h", 1}, {"w", kGridColumns}, {"x", 0}, {"y", y}}},
              {"panels", Json::array()}};
}

std::string Planned(double value) { return fmt::format("vector({})", value); }

std::vector<Panel> BusinessPanels(const EmitContext& context) {
  const std::string ns = context.settings.pool_namespace;
  const MonthPlan& m = context.month;
  const std::string requests = fmt::format(
      "sum(rate(traefik_service_requests_total{{service=~\"{}-{}-.*\"}}[15m]))", ns, kOdooHttp);
  const int per_week = std::max(1, context.plan_settings.storage.base_backups_per_week);
  return {
      {"Month-end batch: cron CPU against the planned cron workers",
       fmt::format("The month's heaviest batch was planned to take {:.1f} h on {} cron workers; "
                   "cron CPU pinned at the line means the batch runs longer.",
                   m.odoo.batch_duration_h, m.odoo.cron_workers),
       "none",
       {{fmt::format(
             "sum(rate(container_cpu_usage_seconds_total{{namespace=\"{}\",container=\"odoo\","
             "pod=~\"{}-.*\"}}[5m]))",
             ns, kOdooCron),
         "cron CPU cores"},
        {Planned(m.odoo.cron_workers), "planned cron workers"}}},
      {"Integration backlog: throttled and failed requests",
       "Requests refused by the per-tenant rate limit (429) or failing (5xx): integrations "
       "retry them, so a rising line is a growing backlog.",
       "reqps",
       {{fmt::format(
             "sum(rate(traefik_service_requests_total{{service=~\"{}-{}-.*\",code=\"429\"}}[5m]))",
             ns, kOdooHttp),
         "throttled (429)"},
        {fmt::format(
             "sum(rate(traefik_service_requests_total{{service=~\"{}-{}-.*\",code=~\"5..\"}}[5m]))",
             ns, kOdooHttp),
         "failed (5xx)"}}},
      {"Onboarding readiness: share of the planned peak in use",
       fmt::format("Requests against the {:.1f}/s peak the {} plan sized for, and the pods the "
                   "HPA may still add: room left for new sites and users.",
                   m.ingress.rps_peak, m.label),
       "percentunit",
       {{fmt::format("{} / {:.3f}", requests, std::max(m.ingress.rps_peak, 1e-3)),
         "share of planned peak"},
        {fmt::format("1 - kube_horizontalpodautoscaler_status_current_replicas{{namespace=\"{0}\","
                     "horizontalpodautoscaler=\"{1}\"}} / {2}",
                     ns, kOdooHttp, std::max(1, m.odoo.hpa_max_replicas)),
         "HPA room left"}}},
      {"Recovery readiness: data at risk against the RPO",
       fmt::format("Seconds of WAL not yet archived and standby lag, against the shortest RPO "
                   "({:.0f} s; 0: none stated), and hours since the last base backup ({} per week "
                   "planned).",
                   ShortestRpoSeconds(context.estate), per_week),
       "s",
       {{fmt::format("max(cnpg_pg_stat_archiver_seconds_since_last_archival{{namespace=\"{}\"}})",
                     ns),
         "since last WAL archival"},
        {fmt::format("max(cnpg_pg_replication_lag{{namespace=\"{}\"}})", ns), "replication lag"},
        {fmt::format(
             "time() - max(cnpg_collector_last_available_backup_timestamp{{namespace=\"{}\"}})",
             ns),
         "since last base backup"},
        {Planned(ShortestRpoSeconds(context.estate)), "RPO"}}},
  };
}

std::vector<Panel> PlatformPanels(const EmitContext& context) {
  const std::string ns = context.settings.pool_namespace;
  const MonthPlan& m = context.month;
  double target_ms = 0;
  for (const ClassLatency& c : m.odoo.latency) target_ms = std::max(target_ms, c.target_ms);
  return {
      {"Odoo HTTP pods",
       "Pods running against the HPA's planned bounds.",
       "none",
       {{fmt::format("kube_horizontalpodautoscaler_status_current_replicas{{namespace=\"{}\","
                     "horizontalpodautoscaler=\"{}\"}}",
                     ns, kOdooHttp),
         "current"},
        {Planned(m.odoo.pods), "planned at peak"},
        {Planned(m.odoo.hpa_max_replicas), "HPA maximum"}}},
      {"Odoo p95 response time",
       "At the ingress, against the slowest class's p95 target.",
       "s",
       {{fmt::format("histogram_quantile(0.95, sum by (le) (rate(traefik_service_request_duration_"
                     "seconds_bucket{{service=~\"{}-{}-.*\"}}[5m])))",
                     ns, kOdooHttp),
         "p95"},
        {Planned(target_ms / 1000.0), "target"}}},
      {"PostgreSQL CPU",
       "CPU per instance against its planned vCPU.",
       "none",
       {{fmt::format("sum by (pod) (rate(container_cpu_usage_seconds_total{{namespace=\"{}\","
                     "container=\"postgres\"}}[5m]))",
                     ns),
         "{{pod}}"},
        {Planned(m.postgres.vcpu), "planned vCPU"}}},
      {"PostgreSQL connections",
       "Backends against the planned max_connections.",
       "none",
       {{fmt::format("sum by (pod) (cnpg_backends_total{{namespace=\"{}\"}})", ns), "{{pod}}"},
        {Planned(m.postgres.settings.max_connections), "max_connections"}}},
      {"Memory against limits",
       "Working set over the limit, per container.",
       "percentunit",
       {{fmt::format(
             "max by (pod, container) (container_memory_working_set_bytes{{namespace=\"{0}\","
             "container!=\"\"}}) / max by (pod, container) (kube_pod_container_resource_limits"
             "{{namespace=\"{0}\",resource=\"memory\"}})",
             ns),
         "{{pod}}/{{container}}"}}},
      {"Volumes free",
       "Free share of each volume (alert below the line when it is still falling).",
       "percentunit",
       {{fmt::format("kubelet_volume_stats_available_bytes{{namespace=\"{0}\"}} / "
                     "kubelet_volume_stats_capacity_bytes{{namespace=\"{0}\"}}",
                     ns),
         "{{persistentvolumeclaim}}"},
        {Planned(context.settings.volume_free_alert_share), "alert threshold"}}},
  };
}

void AddRow(Json& panels, const std::string& title, const std::vector<Panel>& row, int& id,
            int& y) {
  panels.push_back(Row(title, id++, y++));
  for (size_t i = 0; i < row.size(); ++i) {
    const int x = (i % 2 == 0) ? 0 : kGridColumns / 2;
    panels.push_back(PanelJson(row[i], id++, x, y));
    if (i % 2 == 1 || i + 1 == row.size()) y += kPanelHeight;
  }
}

}  // namespace

Json Dashboard(const EmitContext& context) {
  Json panels = Json::array();
  int id = 1;
  int y = 0;
  AddRow(panels, "Business outcomes", BusinessPanels(context), id, y);
  AddRow(panels, "Platform", PlatformPanels(context), id, y);
  std::string uid = "headroom-" + DnsLabel(context.estate.name);
  if (uid.size() > 40) uid.resize(40);  // Grafana's uid limit
  Json variable{{"name", "datasource"},
                {"label", "Prometheus"},
                {"type", "datasource"},
                {"query", "prometheus"}};
  return Json{{"title", "Odoo capacity: " + context.estate.name},
              {"uid", uid},
              {"tags", Json::array({"headroom", "odoo"})},
              {"description", "Plan " + context.month.label + " by headroom"},
              {"schemaVersion", kSchemaVersion},
              {"editable", true},
              {"time", {{"from", "now-7d"}, {"to", "now"}}},
              {"refresh", "1m"},
              {"templating", {{"list", Json::array({variable})}}},
              {"panels", panels}};
}

std::string DashboardJson(const EmitContext& context) { return Dashboard(context).dump(2) + "\n"; }

Manifests DashboardManifests(const EmitContext& context) {
  Json c = Object("v1", "ConfigMap", "odoo-capacity-dashboard", "monitoring");
  c["metadata"]["labels"]["grafana_dashboard"] = "1";
  c["data"] = {{"odoo-capacity.json", DashboardJson(context)}};
  return Manifests{{"base/monitoring/dashboard-configmap.yaml", c}};
}

}  // namespace headroom::emit
