#pragma once
// The estate: what a user describes in estate.yaml, as plain immutable model types. Only the
// YAML reader builds these; every later stage reads them and never sees YAML.
//
// Units are in the names. Months are offsets from Estate::start (month 0 is the start month).
// Every optional field has already been filled from the defaults table (estate/defaults.h) by
// the time a stage sees an Estate, so downstream code never guesses a default.

#include <optional>
#include <string>
#include <vector>

#include "common/interval.h"
#include "common/year_month.h"

namespace headroom {

// A kind of request with its per-request service demands. Classes are named by the estate
// (defaults: interactive, report, portal, api, bus); demand is produced per class.
struct RequestClass {
  std::string name;
  double app_cpu_ms = 0;         // Odoo worker CPU per request
  double db_cpu_ms = 0;          // PostgreSQL CPU per request
  double db_reads = 0;           // 8 KiB blocks read from storage per request (cache misses)
  double db_writes = 0;          // 8 KiB blocks written per request (dirtied, incl. WAL)
  double worker_memory_mib = 0;  // peak resident memory a worker needs to serve it
  double response_kib = 0;       // bytes sent back to the client
  double service_cv = 1.0;       // coefficient of variation of the service time
  double p95_target_ms = 0;      // default latency objective (a tenant may override)
  // True for requests that hold a long-lived connection (the websocket/bus); these are counted
  // as concurrent sessions rather than as worker occupancy.
  bool long_lived = false;
};

// Share of requests per class, in percent (sums to 100).
struct ClassShare {
  std::string request_class;
  double percent = 0;
};

// Per-class multiplier applied to a tenant's rates while an event is active.
struct ClassMultiplier {
  std::string request_class;
  double factor = 1.0;
};

// CPU work an event (or a nightly job) releases into the cron workers.
struct BatchWork {
  double cpu_seconds = 0;     // per occurrence (per site when per_site)
  bool per_site = false;      // scale by the tenant's site count (by added sites for onboarding)
  double deadline_hours = 0;  // must finish within this many hours of release
  int start_hour_local = 0;   // release hour in the tenant's local time (0..23)
};

enum class EventKind {
  kMonthEnd,    // last `last_business_days` and first `first_business_days` business days
  kPayroll,     // a pay day (monthly on `day_of_month`, or every 14 days from `anchor_date`)
  kMonthly,     // `duration_days` business days from `day_of_month` (billing, procurement, ...)
  kWeekly,      // on `weekday` for `duration_days` days
  kOnboarding,  // `duration_days` business days from the first business day of a month that adds
                // sites
};

enum class PayrollSchedule { kMonthly, kBiweekly };

// A business calendar event, defined once at estate level and referenced by tenants by name.
struct CalendarEvent {
  std::string name;
  EventKind kind = EventKind::kMonthly;
  // kMonthEnd
  int last_business_days = 3;
  int first_business_days = 2;
  // kPayroll
  PayrollSchedule schedule = PayrollSchedule::kMonthly;
  std::string anchor_date;     // "YYYY-MM-DD": a biweekly pay day
  int lead_business_days = 2;  // payroll runs on the business days before pay day
  // kMonthly / kPayroll (monthly): 1..31, clamped to the month's last day; a day falling on a
  // weekend or holiday moves to the previous business day
  int day_of_month = 1;
  // kWeekly: 0 = Monday .. 6 = Sunday
  int weekday = 0;
  int duration_days = 1;  // kMonthly, kWeekly, kOnboarding
  std::vector<ClassMultiplier> multipliers;
  std::optional<BatchWork> batch;
};

// How a tenant's sites grow.
enum class GrowthKind {
  kStep,         // `add_sites` at `month`
  kRamp,         // `add_sites` spread evenly over months [from_month, to_month]
  kAcquisition,  // an acquired entity joins at `month` with its own sites and users
};

struct GrowthStep {
  GrowthKind kind = GrowthKind::kStep;
  std::string name;    // acquisitions are named
  int month = 0;       // kStep, kAcquisition
  int from_month = 0;  // kRamp
  int to_month = 0;    // kRamp
  int add_sites = 0;
  // kAcquisition: users per acquired site (unset: the tenant's users_per_site) and central
  // back-office users the acquisition brings.
  std::optional<Interval> users_per_site;
  Interval central_users = Interval::Exact(0);
};

struct Sites {
  int initial = 1;
  Interval users_per_site = Interval::Exact(20);
  std::vector<GrowthStep> growth;
};

enum class AuditBoundary { kShared, kStrict };
enum class Intensity { kLow, kMedium, kHigh };
enum class HostingChoice { kAuto, kShared, kDedicated };
enum class TenantKind { kLegalEntity, kSubsidiary, kBusinessUnit };

struct Governance {
  AuditBoundary audit_boundary = AuditBoundary::kShared;
  std::string data_residency;           // region code, e.g. "eu", "us"; empty: any
  std::vector<std::string> compliance;  // tags, e.g. "hipaa", "gdpr"
  Intensity custom_integration = Intensity::kLow;
};

struct PortalUsers {
  Interval users = Interval::Exact(0);  // registered portal / self-service users
  int launch_month = 0;                 // portal traffic starts this month
  Interval concurrency_ratio = Interval::Exact(0.02);
  Interval requests_per_user_hour = Interval::Exact(60);
  std::string request_class = "portal";
};

struct Integration {
  std::string name;
  Interval calls_per_day = Interval::Exact(0);  // per site when per_site
  bool per_site = false;
  std::string request_class = "api";
  // Calls arrive inside [window_start_hour, window_end_hour) local time when a window is given
  // (e.g. a nightly sync 01..04); otherwise they follow the tenant's business-hour profile.
  std::optional<int> window_start_hour;
  std::optional<int> window_end_hour;
  double payload_kib = 16;
  int start_month = 0;
};

struct Documents {
  Interval mib_per_site_month = Interval::Exact(0);  // attachments per site per month
  Interval central_mib_month = Interval::Exact(0);   // attachments from central functions
};

struct NightlyJob {
  std::string name;
  BatchWork work;
};

struct Slo {
  std::string request_class;
  double p95_ms = 0;
};

struct RecoveryObjective {
  std::string workflow;  // e.g. "finance approvals"
  double rto_minutes = 0;
  double rpo_minutes = 0;
  std::vector<std::string> request_classes;  // classes the workflow depends on
};

// The shape of a working day: weight of each local hour (0..23) on a business day, the busiest
// hour being 1.0; weekend and holiday hours use `weekend_factor` times the same shape.
struct DailyProfile {
  std::vector<double> weekday_hour_weights;  // 24 values in [0, 1], max 1
  double weekend_factor = 0.1;
};

struct Tenant {
  std::string name;
  TenantKind kind = TenantKind::kLegalEntity;
  std::string time_zone = "UTC";  // IANA name
  Governance governance;
  HostingChoice hosting = HostingChoice::kAuto;
  // The month (offset from the estate's start) at which a tenant that starts on its own
  // environment moves into a shared pool (the post-acquisition phased consolidation); unset:
  // the tenant stays where the tenancy advisor places it for the whole horizon.
  std::optional<int> consolidate_month;
  Sites sites;
  Interval central_users = Interval::Exact(0);  // back-office users not tied to a site
  Interval concurrency_ratio =
      Interval::Exact(0.25);  // share of named users active in the busy hour
  Interval requests_per_user_hour = Interval::Exact(120);  // per active user
  std::vector<ClassShare> class_mix;  // user requests by class, percent, sums to 100
  std::vector<std::string> modules;   // enabled Odoo modules
  std::optional<PortalUsers> portal;
  std::vector<Integration> integrations;
  Documents documents;
  // Size of the tenant's Odoo database (tables and indexes, without attachments) at the start.
  Interval initial_database_gib = Interval::Exact(5);
  std::vector<std::string> events;  // names of estate events this tenant observes
  std::vector<NightlyJob> nightly_jobs;
  std::vector<std::string> holidays;  // "YYYY-MM-DD", local dates
  DailyProfile profile;
  std::vector<Slo> slos;  // overrides of the classes' p95 targets
  std::vector<RecoveryObjective> recovery;
};

struct Planning {
  double quantile = 0.9;  // plans are made at this quantile of the Monte Carlo samples
  int samples = 128;
  unsigned long long seed = 1;
  // Recovery window: share of the requests missed during an outage that come back afterwards,
  // and the hours over which that backlog drains.
  double backlog_return_share = 0.6;
  double backlog_drain_hours = 1.0;
};

// The headroom policy: how much spare capacity the plan keeps, and what it must survive.
struct HeadroomPolicy {
  // Utilisation ceilings: at sustained load (leaves room for growth within the month and for
  // bursts), and at peak (queueing delay grows without bound as utilisation nears 1).
  double sustained_max_utilisation = 0.6;
  double peak_max_utilisation = 0.85;
  // At recovery load the platform has lost one zone (when survive_zone_loss) and may run slower:
  // p95 latency up to this multiple of the class target.
  double recovery_latency_factor = 2.0;
  bool survive_zone_loss = true;
  bool survive_node_loss = true;
  int zones = 3;
  // Share of capacity held back for maintenance: patching, reindexing, failover, rebalancing.
  double maintenance_reserve = 0.15;
  // Volumes are sized for the data expected this many months ahead, plus growth_room on top.
  int storage_lookahead_months = 6;
  double storage_growth_room = 0.25;
};

struct Estate {
  std::string name;
  YearMonth start;
  int horizon_months = 24;  // 1..60
  std::string currency = "EUR";
  // A calibration file (estate/calibration_reader.h), relative to the estate file; empty: none.
  std::string calibration;
  Planning planning;
  HeadroomPolicy policy;
  std::vector<RequestClass> request_classes;
  std::vector<CalendarEvent> events;
  std::vector<Tenant> tenants;
  // Keys of the defaults table (estate/defaults.h) that filled omitted fields, sorted: the
  // assumptions this estate relies on.
  std::vector<std::string> defaults_used;

  // Lookups by name; nullptr when absent.
  [[nodiscard]] const RequestClass* FindClass(const std::string& wanted) const;
  [[nodiscard]] const CalendarEvent* FindEvent(const std::string& wanted) const;
  [[nodiscard]] int ClassIndex(const std::string& wanted) const;  // -1 when absent
};

}  // namespace headroom
