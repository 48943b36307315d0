#pragma once
// Estates built in code, for tests and benchmarks: small builders for the model types, and the
// default example estate (examples/healthcare-growth.yaml) written out in C++.

#include <string>
#include <utility>
#include <vector>

#include "estate/model.h"

namespace headroom::test_estates {

inline Interval Range(double low, double mid, double high, double confidence = 0.8) {
  return Interval{low, mid, high, confidence};
}

// A working-day shape peaking at 10:00 and 14:00 (weight 1), quiet at night.
inline std::vector<double> OfficeProfile() {
  return {0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.08, 0.3,  0.7,  0.95, 1.0,  0.9,
          0.6,  0.8,  1.0,  0.95, 0.8,  0.5,  0.25, 0.12, 0.08, 0.05, 0.03, 0.02};
}

inline RequestClass Class(std::string name, double app_cpu_ms, double db_cpu_ms,
                          bool long_lived = false) {
  RequestClass c;
  c.name = std::move(name);
  c.app_cpu_ms = app_cpu_ms;
  c.db_cpu_ms = db_cpu_ms;
  c.long_lived = long_lived;
  return c;
}

// The example estate's five classes (interactive, report, portal, api, bus).
inline std::vector<RequestClass> DefaultClasses() {
  std::vector<RequestClass> classes = {Class("interactive", 90, 25), Class("report", 1400, 900),
                                       Class("portal", 70, 15), Class("api", 45, 20),
                                       Class("bus", 2, 1, true)};
  return classes;
}

inline std::vector<ClassMultiplier> Multipliers(
    const std::vector<std::pair<std::string, double>>& factors) {
  std::vector<ClassMultiplier> out;
  for (const auto& [name, factor] : factors) out.push_back(ClassMultiplier{name, factor});
  return out;
}

inline CalendarEvent MonthEnd(std::string name, int last_business_days, int first_business_days,
                              std::vector<ClassMultiplier> multipliers) {
  CalendarEvent e;
  e.name = std::move(name);
  e.kind = EventKind::kMonthEnd;
  e.last_business_days = last_business_days;
  e.first_business_days = first_business_days;
  e.multipliers = std::move(multipliers);
  return e;
}

inline CalendarEvent MonthlyPayroll(std::string name, int day_of_month, int lead_business_days,
                                    std::vector<ClassMultiplier> multipliers) {
  CalendarEvent e;
  e.name = std::move(name);
  e.kind = EventKind::kPayroll;
  e.schedule = PayrollSchedule::kMonthly;
  e.day_of_month = day_of_month;
  e.lead_business_days = lead_business_days;
  e.multipliers = std::move(multipliers);
  return e;
}

inline CalendarEvent BiweeklyPayroll(std::string name, std::string anchor_date,
                                     int lead_business_days,
                                     std::vector<ClassMultiplier> multipliers) {
  CalendarEvent e = MonthlyPayroll(std::move(name), 1, lead_business_days, std::move(multipliers));
  e.schedule = PayrollSchedule::kBiweekly;
  e.anchor_date = std::move(anchor_date);
  return e;
}

inline CalendarEvent Monthly(std::string name, int day_of_month, int duration_days,
                             std::vector<ClassMultiplier> multipliers) {
  CalendarEvent e;
  e.name = std::move(name);
  e.kind = EventKind::kMonthly;
  e.day_of_month = day_of_month;
  e.duration_days = duration_days;
  e.multipliers = std::move(multipliers);
  return e;
}

inline CalendarEvent Weekly(std::string name, int weekday, int duration_days,
                            std::vector<ClassMultiplier> multipliers) {
  CalendarEvent e;
  e.name = std::move(name);
  e.kind = EventKind::kWeekly;
  e.weekday = weekday;
  e.duration_days = duration_days;
  e.multipliers = std::move(multipliers);
  return e;
}

inline CalendarEvent Onboarding(std::string name, int duration_days,
                                std::vector<ClassMultiplier> multipliers) {
  CalendarEvent e;
  e.name = std::move(name);
  e.kind = EventKind::kOnboarding;
  e.duration_days = duration_days;
  e.multipliers = std::move(multipliers);
  return e;
}

inline BatchWork Batch(double cpu_seconds, double deadline_hours, int start_hour_local,
                       bool per_site = false) {
  BatchWork w;
  w.cpu_seconds = cpu_seconds;
  w.deadline_hours = deadline_hours;
  w.start_hour_local = start_hour_local;
  w.per_site = per_site;
  return w;
}

inline GrowthStep Step(int month, int add_sites) {
  GrowthStep g;
  g.kind = GrowthKind::kStep;
  g.month = month;
  g.add_sites = add_sites;
  return g;
}

inline GrowthStep Ramp(int from_month, int to_month, int add_sites) {
  GrowthStep g;
  g.kind = GrowthKind::kRamp;
  g.from_month = from_month;
  g.to_month = to_month;
  g.add_sites = add_sites;
  return g;
}

inline GrowthStep Acquisition(std::string name, int month, int add_sites,
                              std::optional<Interval> users_per_site, Interval central_users) {
  GrowthStep g;
  g.kind = GrowthKind::kAcquisition;
  g.name = std::move(name);
  g.month = month;
  g.add_sites = add_sites;
  g.users_per_site = users_per_site;
  g.central_users = central_users;
  return g;
}

inline Integration MakeIntegration(std::string name, Interval calls_per_day, bool per_site = false,
                                   std::string request_class = "api") {
  Integration in;
  in.name = std::move(name);
  in.calls_per_day = calls_per_day;
  in.per_site = per_site;
  in.request_class = std::move(request_class);
  return in;
}

// One site of 20 users, 25% concurrency, 120 requests per user-hour, all interactive, office
// profile, weekend factor 0.1, no events.
inline Tenant SimpleTenant(std::string name, std::string time_zone) {
  Tenant t;
  t.name = std::move(name);
  t.time_zone = std::move(time_zone);
  t.sites.initial = 1;
  t.sites.users_per_site = Interval::Exact(20);
  t.concurrency_ratio = Interval::Exact(0.25);
  t.requests_per_user_hour = Interval::Exact(120);
  t.class_mix = {ClassShare{"interactive", 100}};
  t.profile.weekday_hour_weights = OfficeProfile();
  t.profile.weekend_factor = 0.1;
  return t;
}

// An estate with the default classes and no events or tenants.
inline Estate EmptyEstate(YearMonth start, int horizon_months) {
  Estate e;
  e.name = "test";
  e.start = start;
  e.horizon_months = horizon_months;
  e.request_classes = DefaultClasses();
  e.planning.samples = 16;
  e.planning.seed = 7;
  return e;
}

// examples/healthcare-growth.yaml in C++: Meridian Health Services, 8 → 30 sites in 24 months.
inline Estate HealthcareGrowthEstate() {
  Estate e;
  e.name = "Meridian Health Services";
  e.start = YearMonth{2027, 1};
  e.horizon_months = 24;
  e.currency = "EUR";
  e.planning.quantile = 0.9;
  e.planning.samples = 128;
  e.planning.seed = 20270101;
  e.request_classes = DefaultClasses();
  CalendarEvent month_end =
      MonthEnd("month_end_close", 3, 2, Multipliers({{"interactive", 1.6}, {"report", 4.0}}));
  month_end.batch = Batch(5400, 8, 19);
  CalendarEvent payroll =
      MonthlyPayroll("payroll", 25, 2, Multipliers({{"interactive", 1.3}, {"report", 2.0}}));
  payroll.batch = Batch(60, 6, 20, true);
  CalendarEvent onboarding =
      Onboarding("branch_onboarding", 10, Multipliers({{"interactive", 2.5}, {"api", 3.0}}));
  onboarding.batch = Batch(1800, 12, 22, true);
  e.events = {month_end, payroll,
              Monthly("procurement_cycle", 10, 2, Multipliers({{"interactive", 1.25}})),
              Weekly("insurance_documentation", 0, 1,
                     Multipliers({{"interactive", 1.15}, {"report", 1.5}})),
              onboarding};

  Tenant t;
  t.name = "meridian";
  t.kind = TenantKind::kLegalEntity;
  t.time_zone = "Europe/Paris";
  t.hosting = HostingChoice::kDedicated;
  t.governance.audit_boundary = AuditBoundary::kStrict;
  t.governance.data_residency = "eu";
  t.governance.compliance = {"gdpr", "hds"};
  t.governance.custom_integration = Intensity::kHigh;
  t.sites.initial = 8;
  t.sites.users_per_site = Range(18, 24, 32);
  t.sites.growth = {Step(3, 2), Ramp(6, 17, 12),
                    Acquisition("Clinique du Lac", 14, 6, Interval::Exact(20), Interval::Exact(15)),
                    Step(20, 2)};
  t.central_users = Range(70, 85, 110);
  t.concurrency_ratio = Range(0.2, 0.28, 0.35);
  t.requests_per_user_hour = Range(90, 120, 160);
  t.class_mix = {ClassShare{"interactive", 94}, ClassShare{"report", 6}};
  t.modules = {"account",    "purchase", "stock",     "hr",
               "hr_payroll", "project",  "documents", "sale_management"};
  PortalUsers portal;
  portal.users = Range(800, 1500, 2500);
  portal.launch_month = 9;
  portal.concurrency_ratio = Interval::Exact(0.03);
  portal.requests_per_user_hour = Interval::Exact(50);
  t.portal = portal;
  Integration lab = MakeIntegration("lab_results", Range(300, 450, 700), true);
  Integration insurer = MakeIntegration("insurer_claims_sync", Interval::Exact(12000));
  insurer.window_start_hour = 1;
  insurer.window_end_hour = 4;
  insurer.payload_kib = 32;
  Integration edi = MakeIntegration("supplier_edi", Range(1500, 2500, 4000));
  edi.start_month = 6;
  t.integrations = {lab, insurer, edi};
  t.documents.mib_per_site_month = Range(1500, 2500, 4000);
  t.documents.central_mib_month = Interval::Exact(4000);
  t.events = {"month_end_close", "payroll", "procurement_cycle", "insurance_documentation",
              "branch_onboarding"};
  t.nightly_jobs = {NightlyJob{"mrp_and_reconciliation", Batch(900, 5, 1)}};
  t.holidays = {"2027-01-01", "2027-04-05", "2027-05-01", "2027-07-14", "2027-08-15",
                "2027-11-01", "2027-12-25", "2028-01-01", "2028-04-17", "2028-05-01",
                "2028-07-14", "2028-08-15", "2028-11-01", "2028-12-25"};
  t.profile.weekday_hour_weights = OfficeProfile();
  t.profile.weekend_factor = 0.1;
  t.slos = {Slo{"interactive", 700}};
  t.recovery = {RecoveryObjective{"finance approvals", 60, 5, {"interactive"}},
                RecoveryObjective{"procurement operations", 120, 15, {"interactive", "api"}},
                RecoveryObjective{"partner orders", 240, 15, {"portal", "api"}},
                RecoveryObjective{"archival reporting", 1440, 240, {"report"}}};
  e.tenants = {t};
  return e;
}

}  // namespace headroom::test_estates
