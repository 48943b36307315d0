#include "estate/defaults.h"

#include <cassert>
#include <string>

namespace headroom {
namespace {

// Sources used below, named once:
// - "Odoo deployment guide": odoo/documentation content/administration/on_premise/deploy.rst
//   (one worker per ~6 concurrent users; ~150 MB per worker for light requests, ~1 GB for heavy
//   ones such as reports; 20% heavy / 80% light).
// - "engineering estimate": a judgement, not a measurement; each says how to calibrate it.
constexpr std::string_view kEstimateClassCpu =
    "engineering estimate for a typical Odoo request of this class; calibrate from the Odoo "
    "access log (request duration) and pg_stat_statements (total_exec_time / calls)";
constexpr std::string_view kEstimateClassIo =
    "engineering estimate; calibrate from pg_stat_statements shared_blks_read and "
    "shared_blks_dirtied per call";
constexpr std::string_view kEstimateResponse =
    "engineering estimate; calibrate from the ingress access log (bytes sent per request)";
constexpr std::string_view kEstimateCv =
    "engineering estimate of service-time variability (1.0 = exponential); calibrate as stddev / "
    "mean of request durations in the access log";
constexpr std::string_view kEstimateTarget =
    "engineering estimate of a tolerable 95th-percentile latency for this class; set it from "
    "the service level agreed with the business";
constexpr std::string_view kMemoryLight =
    "Odoo deployment guide: about 150 MB per worker serving light requests; 20% margin for "
    "modules and caches";
constexpr std::string_view kMemoryHeavy =
    "Odoo deployment guide: about 1 GB per worker serving heavy requests (reports)";
constexpr std::string_view kProfile =
    "engineering estimate of an office day in Europe (arrivals from 07:00, peaks at 10:00 and "
    "14:00-16:00, lunch dip at 12:00); calibrate from requests per local hour in the access "
    "log, divided by the busiest hour";

const std::vector<Default> kTable = {
    // estate and planning
    {"estate.horizon_months", 24, "months",
     "the source document recommends a 12 to 24 month capacity model"},
    {"estate.currency", 0, "text", "ISO 4217 code of the price catalog's default currency", "EUR"},
    {"planning.quantile", 0.9, "share",
     "plans are made at the 90th percentile of the Monte Carlo samples (design brief: p90)"},
    {"planning.samples", 128, "samples",
     "Netflix service-capacity-modeling draws 128 samples per uncertain input by default"},
    {"planning.seed", 1, "seed", "any fixed seed keeps runs reproducible"},
    {"planning.backlog_return_share", 0.6, "share",
     "engineering estimate: share of requests refused during an outage that users retry "
     "afterwards; calibrate from request rates just after a past incident"},
    {"planning.backlog_drain_hours", 1.0, "hours",
     "engineering estimate: the retried backlog arrives over the first hour after recovery; "
     "calibrate as above"},
    // the headroom policy
    {"policy.sustained_max_utilisation", 0.6, "share",
     "engineering estimate: at 60% busy an M/M/c pool's waits stay small and a month's growth "
     "fits before the next plan; Netflix service-capacity-modeling provisions stateless services "
     "taking part in failover at 40%"},
    {"policy.peak_max_utilisation", 0.85, "share",
     "engineering estimate: above about 85% busy, queueing delay rises steeply (M/M/c waits grow "
     "as 1 / (1 − utilisation)); latency targets usually bind first"},
    {"policy.recovery_latency_factor", 2.0, "ratio",
     "engineering estimate: during recovery from an incident a p95 of twice the target is "
     "accepted; set 1 to hold the full objective through a zone loss"},
    {"policy.survive_zone_loss", 1, "flag",
     "the source document: zone or node failure needs a multi-node cluster with an HA database "
     "and anti-affinity"},
    {"policy.survive_node_loss", 1, "flag", "as survive_zone_loss, for a single node"},
    {"policy.zones", 3, "zones", "cloud regions commonly offer three availability zones"},
    {"policy.maintenance_reserve", 0.15, "share",
     "engineering estimate: capacity held back for patching, reindexing and failover (the source "
     "document: reserve headroom for recovery operations, patching, failover and reindexing)"},
    {"policy.storage_lookahead_months", 6, "months",
     "engineering estimate: volumes are resized rarely; size them for half a year ahead"},
    {"policy.storage_growth_room", 0.25, "share",
     "engineering estimate: 25% free space above the data expected at the look-ahead month, so "
     "vacuum, reindexing and WAL bursts never fill a volume"},
    {"interval.confidence", 0.8, "share",
     "an interval {low, mid, high} bounds the central 80% of outcomes unless it says otherwise "
     "(the convention of Netflix service-capacity-modeling)"},

    // request classes: fields a user-defined class may omit
    {"request_class.service_cv", 1.0, "ratio",
     "exponential service times (M/M/c) when nothing is known; calibrate as stddev / mean"},
    {"request_class.long_lived", 0, "flag", "requests are short unless marked long-lived"},

    // built-in classes (used when the estate has no request_classes, and to fill omitted
    // fields of a class that has a built-in name)
    {"request_class.interactive.app_cpu_ms", 90, "ms", kEstimateClassCpu},
    {"request_class.interactive.db_cpu_ms", 25, "ms", kEstimateClassCpu},
    {"request_class.interactive.db_reads", 40, "8 KiB blocks", kEstimateClassIo},
    {"request_class.interactive.db_writes", 6, "8 KiB blocks", kEstimateClassIo},
    {"request_class.interactive.worker_memory_mib", 180, "MiB", kMemoryLight},
    {"request_class.interactive.response_kib", 48, "KiB", kEstimateResponse},
    {"request_class.interactive.service_cv", 1.5, "ratio", kEstimateCv},
    {"request_class.interactive.p95_target_ms", 800, "ms", kEstimateTarget},
    {"request_class.interactive.long_lived", 0, "flag", "a form or list request is short"},

    {"request_class.report.app_cpu_ms", 1400, "ms", kEstimateClassCpu},
    {"request_class.report.db_cpu_ms", 900, "ms", kEstimateClassCpu},
    {"request_class.report.db_reads", 4000, "8 KiB blocks", kEstimateClassIo},
    {"request_class.report.db_writes", 10, "8 KiB blocks", kEstimateClassIo},
    {"request_class.report.worker_memory_mib", 900, "MiB", kMemoryHeavy},
    {"request_class.report.response_kib", 600, "KiB", kEstimateResponse},
    {"request_class.report.service_cv", 1.2, "ratio", kEstimateCv},
    {"request_class.report.p95_target_ms", 15000, "ms", kEstimateTarget},
    {"request_class.report.long_lived", 0, "flag", "a report request ends when it is rendered"},

    {"request_class.portal.app_cpu_ms", 70, "ms", kEstimateClassCpu},
    {"request_class.portal.db_cpu_ms", 15, "ms", kEstimateClassCpu},
    {"request_class.portal.db_reads", 20, "8 KiB blocks", kEstimateClassIo},
    {"request_class.portal.db_writes", 3, "8 KiB blocks", kEstimateClassIo},
    {"request_class.portal.worker_memory_mib", 160, "MiB", kMemoryLight},
    {"request_class.portal.response_kib", 40, "KiB", kEstimateResponse},
    {"request_class.portal.service_cv", 1.3, "ratio", kEstimateCv},
    {"request_class.portal.p95_target_ms", 1000, "ms", kEstimateTarget},
    {"request_class.portal.long_lived", 0, "flag", "a portal page request is short"},

    {"request_class.api.app_cpu_ms", 45, "ms", kEstimateClassCpu},
    {"request_class.api.db_cpu_ms", 20, "ms", kEstimateClassCpu},
    {"request_class.api.db_reads", 12, "8 KiB blocks", kEstimateClassIo},
    {"request_class.api.db_writes", 8, "8 KiB blocks", kEstimateClassIo},
    {"request_class.api.worker_memory_mib", 150, "MiB", kMemoryLight},
    {"request_class.api.response_kib", 6, "KiB", kEstimateResponse},
    {"request_class.api.service_cv", 1.0, "ratio", kEstimateCv},
    {"request_class.api.p95_target_ms", 1500, "ms", kEstimateTarget},
    {"request_class.api.long_lived", 0, "flag", "an API call (XML-RPC/JSON-RPC) is short"},

    {"request_class.bus.app_cpu_ms", 2, "ms",
     "engineering estimate: a bus notification costs little CPU in the gevent worker; calibrate "
     "from the websocket worker's CPU time divided by messages sent"},
    {"request_class.bus.db_cpu_ms", 1, "ms",
     "engineering estimate: LISTEN/NOTIFY costs little PostgreSQL CPU per message"},
    {"request_class.bus.db_reads", 0, "8 KiB blocks", "a notification reads no table blocks"},
    {"request_class.bus.db_writes", 0, "8 KiB blocks", "a notification writes no table blocks"},
    {"request_class.bus.worker_memory_mib", 2, "MiB",
     "engineering estimate: memory per open websocket in the gevent worker; calibrate from the "
     "worker's resident memory divided by open connections"},
    {"request_class.bus.response_kib", 1, "KiB", kEstimateResponse},
    {"request_class.bus.service_cv", 1.0, "ratio", kEstimateCv},
    {"request_class.bus.p95_target_ms", 5000, "ms",
     "engineering estimate: a notification within 5 s is not noticed as late"},
    {"request_class.bus.long_lived", 1, "flag",
     "the bus is a websocket held open by every browser tab (Odoo gevent worker)"},

    // events
    {"event.month_end.last_business_days", 3, "business days",
     "engineering estimate of a month-end close; set it from the finance calendar"},
    {"event.month_end.first_business_days", 2, "business days",
     "engineering estimate of a month-end close; set it from the finance calendar"},
    {"event.payroll.schedule", 0, "text", "most European payrolls pay monthly", "monthly"},
    {"event.payroll.lead_business_days", 2, "business days",
     "engineering estimate: payroll is computed and checked on the two business days before pay "
     "day; set it from the HR calendar"},
    {"event.day_of_month", 1, "day", "the first of the month unless the event says otherwise"},
    {"event.weekday", 0, "weekday (0 = Monday)", "Monday unless the event says otherwise"},
    {"event.duration_days", 1, "days", "an event lasts one day unless it says otherwise"},
    {"batch.per_site", 0, "flag", "batch work is per tenant unless marked per site"},
    {"batch.start_hour_local", 0, "hour", "batch work is released at midnight local time"},

    // tenants
    {"tenant.kind", 0, "text", "a tenant is its own legal entity unless it says otherwise",
     "legal_entity"},
    {"tenant.time_zone", 0, "text", "UTC when the tenant gives no IANA zone", "UTC"},
    {"tenant.hosting", 0, "text", "the tenancy advisor chooses shared or dedicated", "auto"},
    {"governance.audit_boundary", 0, "text",
     "no audit requirement to separate the tenant's infrastructure", "shared"},
    {"governance.custom_integration", 0, "text", "few custom integrations", "low"},
    {"sites.initial", 1, "sites", "one site when the tenant gives no count"},
    {"sites.users_per_site", 20, "users",
     "engineering estimate of named Odoo users per healthcare location; set it from the HR "
     "headcount of a typical site"},
    {"growth.kind", 0, "text", "a growth entry adds sites at one month", "step"},
    {"growth.central_users", 0, "users", "an acquisition brings no central users unless it says"},
    {"tenant.central_users", 0, "users", "no back-office users beyond the sites' users"},
    {"tenant.initial_database_gib", 5, "GiB",
     "engineering estimate: a few years of an SME's Odoo accounting, stock and HR records without "
     "attachments; read the real figure with pg_database_size()"},
    {"tenant.concurrency_ratio", 0.25, "share",
     "engineering estimate: a quarter of named users are active in the busiest hour; calibrate "
     "as distinct users with requests in the busiest hour / named users"},
    {"tenant.requests_per_user_hour", 120, "requests per hour",
     "engineering estimate: an active Odoo back-office user causes a request every 30 s "
     "(views, autosaves, chatter); calibrate as busiest-hour requests / active users"},
    {"tenant.class_mix.interactive", 95, "percent",
     "engineering estimate: most user requests are form, list and kanban views; calibrate by "
     "counting /report/ against other /web/ requests in the access log"},
    {"tenant.class_mix.report", 5, "percent", "the rest of the default class mix: reports"},
    {"portal.launch_month", 0, "month", "the portal is live from the start"},
    {"portal.concurrency_ratio", 0.02, "share",
     "engineering estimate: 2% of registered portal users are active in the busiest hour; "
     "calibrate from portal sessions"},
    {"portal.requests_per_user_hour", 60, "requests per hour",
     "engineering estimate: an active portal user causes a request a minute"},
    {"portal.request_class", 0, "text", "portal traffic uses the portal class", "portal"},
    {"integration.per_site", 0, "flag", "integration volume is per tenant unless marked per site"},
    {"integration.request_class", 0, "text", "integration calls use the api class", "api"},
    {"integration.payload_kib", 16, "KiB",
     "engineering estimate of an integration request body; calibrate from the ingress log "
     "(bytes received)"},
    {"integration.start_month", 0, "month", "the integration runs from the start"},
    {"documents.mib_per_site_month", 0, "MiB per site per month",
     "no attachments unless the estate says"},
    {"documents.central_mib_month", 0, "MiB per month", "no attachments unless the estate says"},
    {"nightly_job.per_site", 0, "flag", "a nightly job's work is per tenant unless per site"},
    {"nightly_job.start_hour_local", 0, "hour", "nightly jobs start at midnight local time"},

    // the default daily profile: weight of each local hour on a business day
    {"profile.hour_00", 0.02, "share of the busiest hour", kProfile},
    {"profile.hour_01", 0.02, "share of the busiest hour", kProfile},
    {"profile.hour_02", 0.02, "share of the busiest hour", kProfile},
    {"profile.hour_03", 0.02, "share of the busiest hour", kProfile},
    {"profile.hour_04", 0.02, "share of the busiest hour", kProfile},
    {"profile.hour_05", 0.03, "share of the busiest hour", kProfile},
    {"profile.hour_06", 0.08, "share of the busiest hour", kProfile},
    {"profile.hour_07", 0.3, "share of the busiest hour", kProfile},
    {"profile.hour_08", 0.7, "share of the busiest hour", kProfile},
    {"profile.hour_09", 0.9, "share of the busiest hour", kProfile},
    {"profile.hour_10", 1.0, "share of the busiest hour", kProfile},
    {"profile.hour_11", 0.95, "share of the busiest hour", kProfile},
    {"profile.hour_12", 0.6, "share of the busiest hour", kProfile},
    {"profile.hour_13", 0.8, "share of the busiest hour", kProfile},
    {"profile.hour_14", 1.0, "share of the busiest hour", kProfile},
    {"profile.hour_15", 1.0, "share of the busiest hour", kProfile},
    {"profile.hour_16", 0.85, "share of the busiest hour", kProfile},
    {"profile.hour_17", 0.55, "share of the busiest hour", kProfile},
    {"profile.hour_18", 0.25, "share of the busiest hour", kProfile},
    {"profile.hour_19", 0.12, "share of the busiest hour", kProfile},
    {"profile.hour_20", 0.08, "share of the busiest hour", kProfile},
    {"profile.hour_21", 0.05, "share of the busiest hour", kProfile},
    {"profile.hour_22", 0.03, "share of the busiest hour", kProfile},
    {"profile.hour_23", 0.02, "share of the busiest hour", kProfile},
    {"profile.weekend_factor", 0.1, "share of a business day",
     "engineering estimate: weekends and holidays carry a tenth of a business day's load (on-call "
     "and a few sites open); calibrate from weekend request counts"},
};

const std::vector<std::string> kBuiltInClassNames = {"interactive", "report", "portal", "api",
                                                     "bus"};

std::string Key(std::string_view a, std::string_view b, std::string_view c) {
  std::string key(a);
  key += '.';
  key += b;
  key += '.';
  key += c;
  return key;
}

}  // namespace

const std::vector<Default>& DefaultsTable() { return kTable; }

const Default* FindDefault(std::string_view key) {
  for (const Default& d : kTable) {
    if (d.key == key) return &d;
  }
  return nullptr;
}

double DefaultValue(std::string_view key) {
  const Default* d = FindDefault(key);
  assert(d != nullptr);
  return d == nullptr ? 0.0 : d->value;
}

std::string_view DefaultText(std::string_view key) {
  const Default* d = FindDefault(key);
  assert(d != nullptr && d->unit == "text");
  return d == nullptr ? std::string_view() : d->text;
}

const std::vector<std::string>& BuiltInClassNames() { return kBuiltInClassNames; }

std::optional<RequestClass> BuiltInClass(std::string_view name) {
  bool known = false;
  for (const std::string& n : kBuiltInClassNames) known = known || n == name;
  if (!known) return std::nullopt;
  auto value = [&](std::string_view field) {
    return DefaultValue(Key("request_class", name, field));
  };
  RequestClass c;
  c.name = std::string(name);
  c.app_cpu_ms = value("app_cpu_ms");
  c.db_cpu_ms = value("db_cpu_ms");
  c.db_reads = value("db_reads");
  c.db_writes = value("db_writes");
  c.worker_memory_mib = value("worker_memory_mib");
  c.response_kib = value("response_kib");
  c.service_cv = value("service_cv");
  c.p95_target_ms = value("p95_target_ms");
  c.long_lived = value("long_lived") != 0;
  return c;
}

std::vector<RequestClass> DefaultRequestClasses() {
  std::vector<RequestClass> classes;
  classes.reserve(kBuiltInClassNames.size());
  for (const std::string& name : kBuiltInClassNames) {
    if (std::optional<RequestClass> c = BuiltInClass(name)) classes.push_back(*c);
  }
  return classes;
}

DailyProfile DefaultDailyProfile() {
  DailyProfile profile;
  for (int hour = 0; hour < 24; ++hour) {
    const std::string key =
        "profile.hour_" + std::string(hour < 10 ? "0" : "") + std::to_string(hour);
    profile.weekday_hour_weights.push_back(DefaultValue(key));
  }
  profile.weekend_factor = DefaultValue("profile.weekend_factor");
  return profile;
}

std::vector<ClassShare> DefaultClassMix() {
  constexpr std::string_view kPrefix = "tenant.class_mix.";
  std::vector<ClassShare> mix;
  for (const Default& d : kTable) {
    if (d.key.substr(0, kPrefix.size()) == kPrefix) {
      mix.push_back(ClassShare{std::string(d.key.substr(kPrefix.size())), d.value});
    }
  }
  return mix;
}

}  // namespace headroom
