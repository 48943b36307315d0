#include "report/plan_json.h"

#include "estate/defaults.h"
#include "queueing/usl.h"
#include "report/dr_output.h"
#include "report/plan_document.h"
#include "report/tenancy_output.h"
#include "report/verification_json.h"

namespace headroom {
namespace {

const char* WindowName(int window) {
  switch (window) {
    case kSustained:
      return "sustained";
    case kPeak:
      return "peak";
    default:
      return "recovery";
  }
}

Json VerdictJson(const LayerVerdict& v) {
  return Json{{"utilisation", v.utilisation},
              {"binding_window", WindowName(v.binding_window)},
              {"bottleneck", v.bottleneck},
              {"saturated", v.saturated},
              {"reason", v.reason}};
}

Json LoadJson(const MonthLoad& load) {
  Json classes = Json::object();
  for (const ClassLoad& c : load.classes) {
    classes[c.name] = Json{{"sustained_rate_per_s", c.rate_per_s[kSustained]},
                           {"peak_rate_per_s", c.rate_per_s[kPeak]},
                           {"recovery_rate_per_s", c.rate_per_s[kRecovery]},
                           {"requests_month", c.requests_month},
                           {"p95_target_ms", c.p95_target_ms}};
  }
  return Json{{"classes", std::move(classes)},
              {"sessions_peak", load.sessions[kPeak]},
              {"sites", load.sites},
              {"named_users", load.named_users},
              {"batch_heaviest_cpu_s", load.heaviest_batch_cpu_s},
              {"database_gib", load.database_gib},
              {"documents_total_mib", load.documents_total_mib},
              {"rto_hours", load.rto_hours},
              {"rpo_hours", load.rpo_hours}};
}

Json OdooJson(const OdooSizing& o) {
  Json latency = Json::array();
  for (const ClassLatency& l : o.latency) {
    latency.push_back(Json{{"class", l.request_class},
                           {"p95_ms_peak", l.p95_ms_peak},
                           {"p95_ms_recovery", l.p95_ms_recovery},
                           {"target_ms", l.target_ms},
                           {"meets_target", l.meets_target}});
  }
  return Json{{"http_workers", o.http_workers},
              {"workers_per_pod", o.workers_per_pod},
              {"pods", o.pods},
              {"http_workers_after_zone_loss", o.http_workers_after_zone_loss},
              {"worker_utilisation",
               {{"sustained", o.worker_utilisation[kSustained]},
                {"peak", o.worker_utilisation[kPeak]},
                {"recovery", o.worker_utilisation[kRecovery]}}},
              {"hpa",
               {{"min_replicas", o.hpa_min_replicas},
                {"max_replicas", o.hpa_max_replicas},
                {"target_cpu_utilisation", o.hpa_target_cpu_utilisation}}},
              {"pod_cpu_request_m", o.pod_cpu_request_m},
              {"pod_cpu_limit_m", o.pod_cpu_limit_m},
              {"pod_memory_request_mib", o.pod_memory_request_mib},
              {"pod_memory_limit_mib", o.pod_memory_limit_mib},
              {"limit_memory_soft_bytes", o.limit_memory_soft_bytes},
              {"limit_memory_hard_bytes", o.limit_memory_hard_bytes},
              {"db_maxconn", o.db_maxconn},
              {"cron_workers", o.cron_workers},
              {"cron_pods", o.cron_pods},
              {"batch_duration_h", o.batch_duration_h},
              {"batch_meets_deadline", o.batch_meets_deadline},
              {"gevent_workers", o.gevent_workers},
              {"latency", std::move(latency)},
              {"verdict", VerdictJson(o.verdict)}};
}

template <typename T>
Json Optional(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json PgSettingsJson(const PgTuneSettings& s) {
  return Json{{"max_connections", s.max_connections},
              {"shared_buffers_kib", s.shared_buffers_kib},
              {"effective_cache_size_kib", s.effective_cache_size_kib},
              {"maintenance_work_mem_kib", s.maintenance_work_mem_kib},
              {"wal_buffers_kib", s.wal_buffers_kib},
              {"work_mem_kib", s.work_mem_kib},
              {"min_wal_size_mib", s.min_wal_size_mib},
              {"max_wal_size_mib", s.max_wal_size_mib},
              {"checkpoint_completion_target", s.checkpoint_completion_target},
              {"random_page_cost", s.random_page_cost},
              {"effective_io_concurrency", Optional(s.effective_io_concurrency)},
              {"huge_pages", s.huge_pages},
              {"wal_compression", Optional(s.wal_compression)},
              {"jit", Optional(s.jit)},
              {"autovacuum_max_workers", Optional(s.autovacuum_max_workers)},
              {"max_worker_processes", Optional(s.max_worker_processes)},
              {"max_parallel_workers", Optional(s.max_parallel_workers)},
              {"max_parallel_workers_per_gather", Optional(s.max_parallel_workers_per_gather)},
              {"max_parallel_maintenance_workers", Optional(s.max_parallel_maintenance_workers)}};
}

Json PostgresJson(const PostgresSizing& p) {
  return Json{{"clusters", p.clusters},
              {"cluster_share", p.cluster_share},
              {"vcpu", p.vcpu},
              {"memory_gib", p.memory_gib},
              {"instances", p.instances},
              {"synchronous_standby", p.synchronous_standby},
              {"data_durability", p.data_durability},
              {"cpu_utilisation_peak", p.cpu_utilisation_peak},
              {"read_iops_peak", p.read_iops_peak},
              {"write_iops_peak", p.write_iops_peak},
              {"throughput_mib_s_peak", p.throughput_mib_s_peak},
              {"wal_gib_per_day", p.wal_gib_per_day},
              {"database_gib", p.database_gib},
              {"database_growth_gib_month", p.database_growth_gib_month},
              {"storage_gib", p.storage_gib},
              {"wal_storage_gib", p.wal_storage_gib},
              {"cache_hit_ratio", p.cache_hit_ratio},
              {"db_time_ms_p95", p.db_time_ms_p95},
              {"pgbouncer",
               {{"transaction_pool_size", p.pools.transaction_pool_size},
                {"session_pool_size", p.pools.session_pool_size},
                {"max_client_connections", p.pools.max_client_connections},
                {"reserve_pool_size", p.pools.reserve_pool_size}}},
              {"settings", PgSettingsJson(p.settings)},
              {"verdict", VerdictJson(p.verdict)}};
}

Json RedisJson(const RedisSizing& r) {
  return Json{{"sessions", r.sessions},
              {"portal_sessions", r.portal_sessions},
              {"memory_mib", r.memory_mib},
              {"ops_per_s_peak", r.ops_per_s_peak},
              {"shards", r.shards},
              {"replicas", r.replicas},
              {"eviction_policy", r.eviction_policy},
              {"verdict", VerdictJson(r.verdict)}};
}

Json StorageJson(const StorageSizing& s) {
  return Json{{"filestore_gib", s.filestore_gib},
              {"database_volume_gib", s.database_volume_gib},
              {"wal_volume_gib", s.wal_volume_gib},
              {"backup_footprint_gib", s.backup_footprint_gib},
              {"base_backups_kept", s.base_backups_kept},
              {"wal_archive_gib", s.wal_archive_gib},
              {"object_storage_gib", s.object_storage_gib},
              {"verdict", VerdictJson(s.verdict)}};
}

Json IngressJson(const IngressSizing& i) {
  return Json{{"cells", i.cells},
              {"cell_share", i.cell_share},
              {"rps_peak", i.rps_peak},
              {"rps_recovery", i.rps_recovery},
              {"concurrent_connections", i.concurrent_connections},
              {"bandwidth_mbit_s", i.bandwidth_mbit_s},
              {"replicas", i.replicas},
              {"replica_cpu_request_m", i.replica_cpu_request_m},
              {"replica_memory_request_mib", i.replica_memory_request_mib},
              {"rate_limit_average_per_s", i.rate_limit_average_per_s},
              {"rate_limit_burst", i.rate_limit_burst},
              {"verdict", VerdictJson(i.verdict)}};
}

Json NodesJson(const MonthNodes& n) {
  Json counts = Json::array();
  for (const NodeCount& c : n.counts) {
    counts.push_back(Json{{"type", c.type}, {"zone", c.zone}, {"count", c.count}});
  }
  Json j{{"nodes", n.nodes},
         {"by_type_and_zone", std::move(counts)},
         {"cpu_requested_share", n.cpu_requested_share},
         {"memory_requested_share", n.memory_requested_share},
         {"lower_bound_monthly", n.lower_bound_monthly},
         {"optimality_gap", n.optimality_gap},
         {"survives_zone_loss", n.survives_zone_loss},
         {"survives_node_loss", n.survives_node_loss},
         {"strategy", n.strategy}};
  if (!n.error.empty()) j["error"] = n.error;
  return j;
}

Json CostJson(const MonthCost& c) {
  return Json{{"nodes", c.nodes},
              {"block_storage", c.block_storage},
              {"block_storage_class", c.block_storage_class},
              {"data_volume_iops", c.data_volume_iops},
              {"data_volume_mib_s", c.data_volume_mib_s},
              {"object_storage", c.object_storage},
              {"backup_storage", c.backup_storage},
              {"egress", c.egress},
              {"load_balancer", c.load_balancer},
              {"total", c.total},
              {"postgres_options",
               {{"in_cluster", c.postgres_in_cluster},
                {"managed", c.postgres_managed},
                {"managed_type", c.postgres_managed_type}}}};
}

Json MonthJson(const MonthPlan& m) {
  const OdooRuleOfThumb& r = m.rule_of_thumb;
  return Json{{"month", m.month},
              {"label", m.label},
              {"peak_hour_utc", m.peak_hour_utc},
              {"peak_events", m.peak_events},
              {"load", LoadJson(m.load)},
              {"odoo", OdooJson(m.odoo)},
              {"postgres", PostgresJson(m.postgres)},
              {"redis", RedisJson(m.redis)},
              {"storage", StorageJson(m.storage)},
              {"ingress", IngressJson(m.ingress)},
              {"nodes", NodesJson(m.nodes)},
              {"cost", CostJson(m.cost)},
              {"coverage",
               {{"odoo_workers", m.coverage.odoo_workers},
                {"postgres_vcpu", m.coverage.postgres_vcpu},
                {"postgres_memory", m.coverage.postgres_memory},
                {"redis_memory", m.coverage.redis_memory},
                {"ingress_replicas", m.coverage.ingress_replicas}}},
              {"rule_of_thumb",
               {{"concurrent_users", r.concurrent_users},
                {"workers", r.workers},
                {"cpu_cores", r.cpu_cores},
                {"memory_gib", r.memory_gib}}},
              {"simulation", VerificationJson(m.verification)}};
}

Json AssumptionsJson(const Estate& estate) {
  Json list = Json::array();
  for (const std::string& key : estate.defaults_used) {
    const Default* d = FindDefault(key);
    if (d == nullptr) continue;
    Json item{{"key", key}, {"unit", d->unit}, {"source", d->source}};
    if (d->unit == "text") {
      item["value"] = d->text;
    } else {
      item["value"] = d->value;
    }
    list.push_back(std::move(item));
  }
  return list;
}

// The USL fit's throughput at each month's PgBouncer transaction pool (the server connections
// that run Odoo's transactions), beside the concurrency of its peak.
Json UslJson(const UslCalibration& usl, const Plan& plan) {
  const queueing::UslParameters p{usl.lambda_per_s, usl.sigma, usl.kappa};
  const std::optional<double> peak = queueing::UslPeakConcurrency(p);
  Json months = Json::array();
  for (const MonthPlan& m : plan.month_plans) {
    const int connections = m.postgres.pools.transaction_pool_size;
    months.push_back(Json{{"month", m.label},
                          {"connections", connections},
                          {"throughput_per_s", queueing::UslThroughput(p, connections)}});
  }
  return Json{
      {"source", usl.source},
      {"lambda_per_s", usl.lambda_per_s},
      {"sigma", usl.sigma},
      {"kappa", usl.kappa},
      {"peak_concurrency", peak ? Json(*peak) : Json(nullptr)},
      {"peak_throughput_per_s", peak ? Json(queueing::UslThroughput(p, *peak)) : Json(nullptr)},
      {"months", std::move(months)}};
}

Json CalibrationJson(const AppliedCalibration* c, const Plan& plan) {
  if (c == nullptr || (c->classes.empty() && !c->usl)) return nullptr;
  Json doc{{"file", c->file}};
  if (c->classes.empty()) {
    doc["service_demands"] = nullptr;
  } else {
    Json classes = Json::array();
    for (const CalibratedClass& k : c->classes) {
      classes.push_back(Json{{"name", k.request_class},
                             {"app_cpu_ms", k.app_cpu_ms},
                             {"estate_app_cpu_ms", k.estate_app_cpu_ms},
                             {"db_cpu_ms", k.db_cpu_ms},
                             {"estate_db_cpu_ms", k.estate_db_cpu_ms},
                             {"db_cpu_ms_measured", k.db_measured}});
    }
    doc["service_demands"] =
        Json{{"source", c->service_demands_source}, {"classes", std::move(classes)}};
  }
  doc["usl"] = c->usl ? UslJson(*c->usl, plan) : Json(nullptr);
  return doc;
}

}  // namespace

Json PlanDocument(const Estate& estate, const Plan& plan, const std::string& source,
                  const DrAssessment* recovery, const TenancyAdvice* tenancy, const Json* forecast,
                  const AppliedCalibration* calibration) {
  Json doc;
  doc["schema"] = kPlanSchema;
  doc["estate"] = plan.estate;
  doc["source"] = source;
  doc["start"] = plan.start.ToString();
  doc["months"] = plan.months;
  doc["samples"] = plan.samples;
  doc["seed"] = plan.seed;
  doc["quantile"] = plan.quantile;
  doc["currency"] = plan.currency;
  doc["catalog"] = Json{{"name", plan.catalog_name}, {"price_date", plan.catalog_price_date}};
  doc["holds"] = plan.holds;
  doc["warnings"] = plan.warnings;
  Json months = Json::array();
  for (const MonthPlan& m : plan.month_plans) months.push_back(MonthJson(m));
  doc["plan"] = std::move(months);
  Json roadmap = Json::array();
  for (const RoadmapStep& s : plan.roadmap) {
    roadmap.push_back(Json{{"month", s.month},
                           {"label", s.label},
                           {"layer", s.layer},
                           {"resource", s.resource},
                           {"from", s.from},
                           {"to", s.to},
                           {"unit", s.unit},
                           {"reason", s.reason}});
  }
  doc["roadmap"] = std::move(roadmap);
  if (recovery != nullptr) doc["recovery"] = DrJsonValue(*recovery);
  if (tenancy != nullptr) doc["tenancy"] = TenancyJsonValue(*tenancy);
  if (forecast != nullptr) doc["forecast"] = *forecast;
  doc["assumptions"] = AssumptionsJson(estate);
  doc["calibration"] = CalibrationJson(calibration, plan);
  return doc;
}

std::string PlanJson(const Estate& estate, const Plan& plan, const std::string& source,
                     const DrAssessment* recovery, const TenancyAdvice* tenancy,
                     const Json* forecast, const AppliedCalibration* calibration) {
  const Json doc = PlanDocument(estate, plan, source, recovery, tenancy, forecast, calibration);
  // Invalid UTF-8 in a name (estate files are not required to be UTF-8) becomes U+FFFD
  // rather than an exception.
  return doc.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace headroom
