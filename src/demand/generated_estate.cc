#include "demand/generated_estate.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <string>

#include "common/random.h"
#include "demand/test_estates.h"
#include "estate/defaults.h"

namespace headroom {
namespace {

namespace te = test_estates;

struct Zone {
  const char* name;
  const char* holidays[4];  // month-day of fixed national holidays
};

constexpr std::array<Zone, 9> kZones = {{
    {"Europe/Paris", {"01-01", "05-01", "07-14", "12-25"}},
    {"Europe/London", {"01-01", "05-03", "08-30", "12-25"}},
    {"Europe/Berlin", {"01-01", "05-01", "10-03", "12-25"}},
    {"America/New_York", {"01-01", "07-04", "11-11", "12-25"}},
    {"America/Chicago", {"01-01", "07-04", "09-06", "12-25"}},
    {"America/Los_Angeles", {"01-01", "07-04", "11-25", "12-25"}},
    {"Asia/Singapore", {"01-01", "05-01", "08-09", "12-25"}},
    {"Asia/Kolkata", {"01-26", "08-15", "10-02", "12-25"}},
    {"Australia/Sydney", {"01-01", "01-26", "04-25", "12-25"}},
}};

// A uniform integer in [lo, hi].
int UniformInt(RandomStream& rng, int lo, int hi) {
  return lo + static_cast<int>(rng.NextUniform() * (hi - lo + 1));
}

double Uniform(RandomStream& rng, double lo, double hi) {
  return lo + rng.NextUniform() * (hi - lo);
}

// An interval around `mid`, skewed upwards as uncertain business inputs usually are.
Interval Around(double mid, double low_share, double high_share) {
  return Interval{mid * (1 - low_share), mid, mid * (1 + high_share), 0.8};
}

Tenant MakeTenant(RandomStream& rng, int index, int months) {
  const Zone& zone = kZones[static_cast<size_t>(index) % kZones.size()];
  Tenant t = te::SimpleTenant(fmt::format("tenant-{:04d}", index), zone.name);
  t.sites.initial = UniformInt(rng, 1, 40);
  t.sites.users_per_site = Around(Uniform(rng, 8, 30), 0.25, 0.35);
  const int step_month = UniformInt(rng, 1, months - 1);
  t.sites.growth.push_back(te::Step(step_month, UniformInt(rng, 1, 4)));
  const int ramp_from = UniformInt(rng, 0, months - 1);
  t.sites.growth.push_back(te::Ramp(ramp_from,
                                    std::min(months - 1, ramp_from + UniformInt(rng, 2, 12)),
                                    UniformInt(rng, 0, t.sites.initial)));
  if (rng.NextUniform() < 0.15) {
    t.sites.growth.push_back(te::Acquisition(fmt::format("acquired-{:04d}", index),
                                             UniformInt(rng, 1, months - 1), UniformInt(rng, 1, 8),
                                             Around(Uniform(rng, 10, 25), 0.2, 0.3),
                                             Interval::Exact(UniformInt(rng, 0, 30))));
  }
  t.central_users = Around(Uniform(rng, 5, 120), 0.2, 0.3);
  t.concurrency_ratio = Interval{0.18, 0.26, 0.34, 0.8};
  t.requests_per_user_hour = Around(Uniform(rng, 80, 150), 0.25, 0.35);
  const double report = std::round(Uniform(rng, 3, 10));
  t.class_mix = {ClassShare{"interactive", 100 - report}, ClassShare{"report", report}};
  PortalUsers portal;
  portal.users = Around(Uniform(rng, 50, 3000), 0.45, 0.7);
  portal.launch_month = UniformInt(rng, 0, months - 1);
  portal.concurrency_ratio = Interval::Exact(0.03);
  portal.requests_per_user_hour = Interval::Exact(50);
  t.portal = portal;
  t.integrations.push_back(
      te::MakeIntegration("lab_results", Around(Uniform(rng, 100, 600), 0.3, 0.5), true));
  if (rng.NextUniform() < 0.6) {
    Integration sync =
        te::MakeIntegration("claims_sync", Interval::Exact(UniformInt(rng, 1000, 20000)));
    sync.window_start_hour = UniformInt(rng, 0, 3);
    sync.window_end_hour = *sync.window_start_hour + UniformInt(rng, 2, 4);
    t.integrations.push_back(sync);
  }
  if (rng.NextUniform() < 0.5) {
    Integration edi =
        te::MakeIntegration("supplier_edi", Around(Uniform(rng, 500, 5000), 0.4, 0.6));
    edi.start_month = UniformInt(rng, 0, months - 1);
    t.integrations.push_back(edi);
  }
  t.documents.mib_per_site_month = Around(Uniform(rng, 500, 3000), 0.4, 0.6);
  t.documents.central_mib_month = Interval::Exact(UniformInt(rng, 0, 5000));
  t.events = {"month_end_close", "payroll", "procurement_cycle", "insurance_documentation",
              "branch_onboarding"};
  t.nightly_jobs = {
      NightlyJob{"nightly_reconciliation", te::Batch(UniformInt(rng, 60, 1800), 5, 1)}};
  for (int year = 2027; year <= 2027 + (months + 11) / 12; ++year) {
    for (const char* day : zone.holidays) t.holidays.push_back(fmt::format("{}-{}", year, day));
  }
  t.recovery = {RecoveryObjective{"finance approvals", 60, 5, {"interactive"}},
                RecoveryObjective{"partner orders", 240, 15, {"portal", "api"}},
                RecoveryObjective{"archival reporting", 1440, 240, {"report"}}};
  return t;
}

}  // namespace

Estate GenerateEstate(int tenants, int months, uint64_t seed) {
  Estate e = te::HealthcareGrowthEstate();
  e.name = fmt::format("Generated estate ({} tenants)", tenants);
  e.horizon_months = months;
  // The built-in classes with their default costs and p95 targets, as an estate file that names
  // no classes gets them: the plan's verification then has targets to meet.
  e.request_classes = DefaultRequestClasses();
  e.tenants.clear();
  RandomStream rng(seed, "generated_estate");
  for (int i = 0; i < tenants; ++i) e.tenants.push_back(MakeTenant(rng, i, months));
  return e;
}

}  // namespace headroom
