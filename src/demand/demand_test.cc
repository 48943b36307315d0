#include "demand/demand.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <numeric>

#include "demand/generated_estate.h"
#include "demand/tenant_model.h"
#include "demand/test_estates.h"

namespace headroom {
namespace {

namespace te = test_estates;

// Requests per second of one site of 20 users at 25% concurrency and 120 requests per user-hour,
// at a profile weight of 1: 20 × 0.25 × 120 / 3600.
constexpr double kOneSite = 20 * 0.25 * 120 / 3600.0;

Demand Synthesize(const Estate& estate, DemandOptions options) {
  Result<Demand> r = SynthesizeDemand(estate, options);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : FormatAll(r.errors()));
  return std::move(r).value();
}

DemandOptions MidOnly(int samples = 4) {
  DemandOptions o;
  o.samples = samples;
  o.seed = 3;
  o.keep_hourly_mid = true;
  return o;
}

int HourOf(const Demand& d, const char* iso_date, int utc_hour) {
  return static_cast<int>((*ParseDate(iso_date) - d.horizon.FirstDay()).count()) * 24 + utc_hour;
}

double MidAt(const Demand& d, int tenant, const char* cls, const char* iso_date, int utc_hour) {
  return d.HourlyMid(tenant, d.ClassIndex(cls))[static_cast<size_t>(HourOf(d, iso_date, utc_hour))];
}

// The first hour of the highest value of a series in [begin, end).
int ArgMax(std::span<const double> series, int begin, int end) {
  return static_cast<int>(std::max_element(series.begin() + begin, series.begin() + end) -
                          series.begin());
}

Estate ParisAndNewYork() {
  Estate e = te::EmptyEstate(YearMonth{2027, 1}, 3);
  e.tenants = {te::SimpleTenant("paris", "Europe/Paris"),
               te::SimpleTenant("new-york", "America/New_York")};
  return e;
}

TEST(DemandTest, TimeZonesShiftPeaks) {
  const Demand d = Synthesize(ParisAndNewYork(), MidOnly());
  const int interactive = d.ClassIndex("interactive");
  // The office profile peaks first at 10:00 local. Tuesday 2027-01-12: Paris (UTC+1) at 09:00Z,
  // New York (UTC-5) at 15:00Z, six hours later.
  const int day = HourOf(d, "2027-01-12", 0);
  EXPECT_EQ(d.HourUtc(ArgMax(d.HourlyMid(0, interactive), day, day + 24)), "2027-01-12T09:00:00Z");
  EXPECT_EQ(d.HourUtc(ArgMax(d.HourlyMid(1, interactive), day, day + 24)), "2027-01-12T15:00:00Z");
  // Tuesday 2027-03-16 falls between the US (14 March) and EU (28 March) clock changes: New
  // York is UTC-4 while Paris is still UTC+1, five hours apart.
  const int gap = HourOf(d, "2027-03-16", 0);
  EXPECT_EQ(d.HourUtc(ArgMax(d.HourlyMid(0, interactive), gap, gap + 24)), "2027-03-16T09:00:00Z");
  EXPECT_EQ(d.HourUtc(ArgMax(d.HourlyMid(1, interactive), gap, gap + 24)), "2027-03-16T14:00:00Z");
  // Each tenant's January peak window is its first business day's 10:00 (Friday 1 January).
  EXPECT_EQ(d.HourUtc(d.tenants[0].mid.At(0, 0, WindowKind::kPeak).facts.hour),
            "2027-01-01T09:00:00Z");
  EXPECT_EQ(d.HourUtc(d.tenants[1].mid.At(0, 0, WindowKind::kPeak).facts.hour),
            "2027-01-01T15:00:00Z");
  EXPECT_DOUBLE_EQ(d.tenants[0].mid.At(0, 0, WindowKind::kPeak).rate_per_s[interactive], kOneSite);
  EXPECT_EQ(d.UtcOffsetMinutesAt(1, gap), -240);
  EXPECT_EQ(d.UtcOffsetMinutesAt(0, gap), 60);
}

TEST(DemandTest, SustainedIsTheBusinessHourMean) {
  const Demand d = Synthesize(ParisAndNewYork(), MidOnly());
  const int interactive = d.ClassIndex("interactive");
  // Business hours 08..17 of the office profile weigh 0.7 + 0.95 + 1 + 0.9 + 0.6 + 0.8 + 1 +
  // 0.95 + 0.8 + 0.5 = 8.2 over 10 hours: a mean of 0.82.
  const LoadWindow paris = d.tenants[0].mid.At(0, 0, WindowKind::kSustained);
  EXPECT_NEAR(paris.rate_per_s[interactive], 0.82 * kOneSite, 1e-15);
  EXPECT_EQ(paris.facts.hour, -1);
  // The estate's sustained window is the sum of its tenants'.
  EXPECT_NEAR(d.estate_mid.At(0, 0, WindowKind::kSustained).rate_per_s[interactive],
              2 * 0.82 * kOneSite, 1e-15);
  // Offered load: interactive costs 90 + 25 ms of CPU.
  EXPECT_NEAR(paris.facts.offered_cpu_cores, 0.82 * kOneSite * 0.115, 1e-15);
}

TEST(DemandTest, AddedSiteRaisesDemandFromItsMonthWithAnOnboardingBurst) {
  Estate e = te::EmptyEstate(YearMonth{2027, 1}, 4);
  e.events = {te::Onboarding("onboarding", 3, te::Multipliers({{"interactive", 2.5}}))};
  Tenant t = te::SimpleTenant("grow", "Europe/Paris");
  t.sites.growth = {te::Step(2, 1)};  // one site joins in March 2027
  t.events = {"onboarding"};
  e.tenants = {t};
  const Demand d = Synthesize(e, MidOnly());
  // 10:00 in Paris is 09:00Z until 28 March.
  EXPECT_DOUBLE_EQ(MidAt(d, 0, "interactive", "2027-02-26", 9), kOneSite);
  EXPECT_DOUBLE_EQ(MidAt(d, 0, "interactive", "2027-02-01", 9), kOneSite);
  // March starts on a Monday: onboarding runs Mon 1 to Wed 3 and multiplies only the new
  // site's load by 2.5: 1 + 2.5 = 3.5 sites' worth.
  for (const char* day : {"2027-03-01", "2027-03-02", "2027-03-03"}) {
    EXPECT_DOUBLE_EQ(MidAt(d, 0, "interactive", day, 9), 3.5 * kOneSite) << day;
    EXPECT_EQ(d.EventNames(d.EventsAt(0, HourOf(d, day, 9))),
              std::vector<std::string>{"onboarding"});
  }
  EXPECT_DOUBLE_EQ(MidAt(d, 0, "interactive", "2027-03-04", 9), 2 * kOneSite);
  EXPECT_EQ(d.EventsAt(0, HourOf(d, "2027-03-04", 9)), 0u);
  EXPECT_EQ(d.tenants[0].sites, (std::vector<int>{1, 1, 2, 2}));
  EXPECT_EQ(d.tenants[0].added_sites, (std::vector<int>{0, 0, 1, 0}));
}

TEST(DemandTest, AcquisitionStepsDemandByItsUsers) {
  Estate e = te::EmptyEstate(YearMonth{2027, 1}, 3);
  Tenant t = te::SimpleTenant("buyer", "Europe/Paris");
  // Joins in February: 2 sites of 10 users and 5 central users.
  t.sites.growth = {te::Acquisition("target", 1, 2, Interval::Exact(10), Interval::Exact(5))};
  e.tenants = {t};
  const Demand d = Synthesize(e, MidOnly());
  EXPECT_DOUBLE_EQ(MidAt(d, 0, "interactive", "2027-01-29", 9), kOneSite);
  // 20 + 2 × 10 + 5 = 45 named users: 45 × 0.25 × 120 / 3600 = 0.375 req/s.
  EXPECT_NEAR(MidAt(d, 0, "interactive", "2027-02-01", 9), 0.375, 1e-15);
}

TEST(DemandTest, IntegrationWindowsAndDailyTotals) {
  Estate e = te::EmptyEstate(YearMonth{2027, 1}, 2);
  Tenant t = te::SimpleTenant("sync", "Europe/Paris");
  Integration nightly = te::MakeIntegration("nightly", Interval::Exact(12000));
  nightly.window_start_hour = 1;
  nightly.window_end_hour = 4;
  t.integrations = {nightly};
  e.tenants = {t};
  const Demand d = Synthesize(e, MidOnly());
  const std::span<const double> api = d.HourlyMid(0, d.ClassIndex("api"));
  // Local date 2027-01-12 runs from 2027-01-11T23:00Z to 2027-01-12T23:00Z.
  const int begin = HourOf(d, "2027-01-11", 23);
  double calls = 0;
  for (int h = begin; h < begin + 24; ++h) {
    calls += api[static_cast<size_t>(h)] * 3600;
    const int local_hour = (h - begin) % 24;
    if (local_hour < 1 || local_hour >= 4) {
      EXPECT_EQ(api[static_cast<size_t>(h)], 0.0) << h;
    }
  }
  EXPECT_NEAR(calls, 12000, 1e-9);
  // 12,000 calls over three hours: 4,000 an hour, 1.111 req/s.
  EXPECT_NEAR(api[static_cast<size_t>(begin + 1)], 4000 / 3600.0, 1e-15);
}

Estate CloseAndPayroll() {
  Estate e = te::EmptyEstate(YearMonth{2027, 1}, 3);
  CalendarEvent close =
      te::MonthEnd("month_end_close", 3, 2, te::Multipliers({{"interactive", 1.6}}));
  close.batch = te::Batch(5400, 8, 19);
  CalendarEvent payroll =
      te::MonthlyPayroll("payroll", 25, 2, te::Multipliers({{"interactive", 1.3}}));
  payroll.batch = te::Batch(60, 6, 20, true);
  e.events = {close, payroll};
  Tenant t = te::SimpleTenant("finance", "Europe/Paris");
  t.sites.initial = 3;
  t.events = {"month_end_close", "payroll"};
  t.recovery = {RecoveryObjective{"finance approvals", 60, 5, {"interactive"}}};
  e.tenants = {t};
  return e;
}

TEST(DemandTest, PeakWindowNamesCoincidingEvents) {
  const Demand d = Synthesize(CloseAndPayroll(), MidOnly());
  const int interactive = d.ClassIndex("interactive");
  // February 2027: month-end (24, 25, 26) and payroll (23, 24, 25) coincide on 24 and 25;
  // the first of those at 10:00 Paris is the peak: 3 sites × 1.6 × 1.3.
  const LoadWindow peak = d.tenants[0].mid.At(1, 0, WindowKind::kPeak);
  EXPECT_EQ(d.HourUtc(peak.facts.hour), "2027-02-24T09:00:00Z");
  EXPECT_DOUBLE_EQ(peak.rate_per_s[interactive], 3 * kOneSite * 1.6 * 1.3);
  EXPECT_EQ(d.EventNames(peak.facts.events),
            (std::vector<std::string>{"month_end_close", "payroll"}));
  const LoadWindow estate = d.estate_mid.At(1, 0, WindowKind::kPeak);
  EXPECT_EQ(estate.facts.hour, peak.facts.hour);
  EXPECT_EQ(estate.facts.events, peak.facts.events);
  ASSERT_EQ(d.CoincidingMid(1).size(), 1u);
  EXPECT_EQ(d.CoincidingMid(1)[0], (TenantEvents{0, peak.facts.events}));
  // In January they do not coincide: month-end alone is the peak, first reached on Friday
  // 1 January, which with Monday 4 January closes December 2026.
  const LoadWindow january = d.tenants[0].mid.At(0, 0, WindowKind::kPeak);
  EXPECT_EQ(d.HourUtc(january.facts.hour), "2027-01-01T09:00:00Z");
  EXPECT_EQ(d.EventNames(january.facts.events), std::vector<std::string>{"month_end_close"});
  EXPECT_DOUBLE_EQ(january.rate_per_s[interactive], 3 * kOneSite * 1.6);
}

TEST(DemandTest, RecoveryIsPeakPlusBacklog) {
  const Demand d = Synthesize(CloseAndPayroll(), MidOnly());
  const int interactive = d.ClassIndex("interactive");
  const LoadWindow peak = d.tenants[0].mid.At(0, 0, WindowKind::kPeak);
  const LoadWindow recovery = d.tenants[0].mid.At(0, 0, WindowKind::kRecovery);
  // January peak: 3 sites × 1/6 req/s × 1.6 = 0.8 req/s. A 60-minute outage leaves
  // 0.8 × 3600 × 0.6 = 1,728 requests that come back, drained over one hour: +0.48 req/s.
  EXPECT_NEAR(peak.rate_per_s[interactive], 0.8, 1e-15);
  EXPECT_NEAR(recovery.rate_per_s[interactive], 1.28, 1e-15);
  EXPECT_EQ(recovery.facts.hour, peak.facts.hour);
  EXPECT_NEAR(recovery.facts.offered_cpu_cores, 1.28 * 0.115, 1e-15);
  EXPECT_EQ(d.tenants[0].rto_hours[static_cast<size_t>(interactive)], 1.0);
  // The estate's recovery is the sum of its tenants' at the estate's peak hour.
  EXPECT_NEAR(d.estate_mid.At(0, 0, WindowKind::kRecovery).rate_per_s[interactive], 1.28, 1e-15);
}

TEST(DemandTest, RtoFallsBackToTheTenantsTightestThenTheDefault) {
  Tenant t = te::SimpleTenant("x", "UTC");
  EXPECT_EQ(ClassRtoHours(t, "api"), 1.0);
  t.recovery = {RecoveryObjective{"orders", 240, 15, {"portal", "api"}},
                RecoveryObjective{"approvals", 90, 5, {"interactive"}}};
  EXPECT_EQ(ClassRtoHours(t, "api"), 4.0);
  EXPECT_EQ(ClassRtoHours(t, "interactive"), 1.5);
  EXPECT_EQ(ClassRtoHours(t, "report"), 1.5);
}

TEST(DemandTest, BatchReleasesOnRealDates) {
  const Demand d = Synthesize(CloseAndPayroll(), MidOnly());
  std::vector<std::pair<std::string, double>> january;
  for (const BatchRelease& r : d.batch_releases) {
    if (r.hour < d.horizon.month_first_hour[1]) {
      january.emplace_back(d.HourUtc(r.hour), r.cpu_seconds);
    }
  }
  // Payroll runs from Thursday 21 January at 20:00 Paris (19:00Z), 60 CPU-s per site; the
  // month-end batch on the last business day, Friday 29 January, at 19:00 (18:00Z).
  EXPECT_EQ(january, (std::vector<std::pair<std::string, double>>{{"2027-01-21T19:00:00Z", 180},
                                                                  {"2027-01-29T18:00:00Z", 5400}}));
  EXPECT_EQ(d.batch[0].total_cpu_s, 5580);
  EXPECT_EQ(d.batch[0].releases, 2);
  ASSERT_TRUE(d.batch[0].heaviest.has_value());
  EXPECT_EQ(d.batch_sources[static_cast<size_t>(d.batch[0].heaviest->source)], "month_end_close");
  // The January peak (1 January, 09:00Z) has no batch in flight; its recovery window
  // (1 h RTO + 1 h drain) neither. February's (24 February, 09:00Z) neither: payroll's batch
  // (23 February 20:00, 6 h) has finished.
  EXPECT_EQ(d.tenants[0].mid.At(0, 0, WindowKind::kPeak).facts.batch_cpu_s, 0);
  EXPECT_EQ(d.tenants[0].mid.At(0, 0, WindowKind::kRecovery).facts.batch_cpu_s, 0);
  EXPECT_EQ(d.tenants[0].mid.At(1, 0, WindowKind::kPeak).facts.batch_cpu_s, 0);
}

TEST(DemandTest, WindowsCarryBatchInFlight) {
  Estate e = te::EmptyEstate(YearMonth{2027, 1}, 1);
  Tenant t = te::SimpleTenant("paris", "Europe/Paris");
  // Released at 09:00 local with a 3 h deadline: in flight at the 10:00 peak.
  t.nightly_jobs = {NightlyJob{"morning_import", te::Batch(900, 3, 9)}};
  e.tenants = {t};
  const Demand d = Synthesize(e, MidOnly());
  const LoadWindow peak = d.tenants[0].mid.At(0, 0, WindowKind::kPeak);
  EXPECT_EQ(d.HourUtc(peak.facts.hour), "2027-01-01T09:00:00Z");
  EXPECT_EQ(peak.facts.batch_cpu_s, 900);
  // Recovery spans the default 60-minute RTO plus one drain hour: the same single release.
  EXPECT_EQ(d.tenants[0].mid.At(0, 0, WindowKind::kRecovery).facts.batch_cpu_s, 900);
  EXPECT_EQ(d.tenants[0].recovery_span_hours, 2.0);
  EXPECT_EQ(d.estate_mid.At(0, 0, WindowKind::kPeak).facts.batch_cpu_s, 900);
  EXPECT_EQ(d.batch[0].total_cpu_s, 900 * 31);
}

TEST(DemandTest, SessionsCountActiveUsers) {
  const Demand d = Synthesize(ParisAndNewYork(), MidOnly());
  const int bus = d.ClassIndex("bus");
  // 20 users × 25% concurrency at weight 1: 5 sessions per tenant; the bus is not a rate.
  const LoadWindow peak = d.tenants[0].mid.At(0, 0, WindowKind::kPeak);
  EXPECT_DOUBLE_EQ(peak.facts.sessions, 5.0);
  EXPECT_DOUBLE_EQ(peak.facts.max_sessions, 5.0);
  EXPECT_EQ(peak.rate_per_s[bus], 0.0);
  EXPECT_DOUBLE_EQ(MidAt(d, 0, "bus", "2027-01-12", 9), 5.0);
  // Paris and New York never peak together: the estate's sessions stay below 10.
  EXPECT_LT(d.estate_mid.At(0, 0, WindowKind::kPeak).facts.max_sessions, 10.0);
  EXPECT_GT(d.estate_mid.At(0, 0, WindowKind::kPeak).facts.max_sessions, 5.0);
}

bool SameBytes(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

TEST(DemandTest, SameSeedSameBytesDifferentSeedDifferent) {
  const Estate e = te::HealthcareGrowthEstate();
  DemandOptions o;
  o.samples = 24;
  o.seed = 20270101;
  const Demand a = Synthesize(e, o);
  const Demand b = Synthesize(e, o);
  for (int m = 0; m < a.months(); ++m) {
    for (int s = 0; s < a.samples; ++s) {
      for (int k = 0; k < kWindowKinds; ++k) {
        const LoadWindow x = a.estate.At(m, s, static_cast<WindowKind>(k));
        const LoadWindow y = b.estate.At(m, s, static_cast<WindowKind>(k));
        ASSERT_EQ(std::memcmp(x.rate_per_s.data(), y.rate_per_s.data(), x.rate_per_s.size_bytes()),
                  0);
        ASSERT_EQ(
            std::memcmp(&x.facts.offered_cpu_cores, &y.facts.offered_cpu_cores, sizeof(double)), 0);
      }
    }
  }
  EXPECT_TRUE(a.estate == b.estate);
  EXPECT_TRUE(a.tenants[0].windows == b.tenants[0].windows);
  EXPECT_TRUE(a.estate_summary == b.estate_summary);
  EXPECT_TRUE(SameBytes(a.documents_mib, b.documents_mib));
  EXPECT_EQ(a.batch_releases, b.batch_releases);
  EXPECT_EQ(a.coinciding_pool, b.coinciding_pool);

  o.seed = 20270102;
  const Demand c = Synthesize(e, o);
  EXPECT_FALSE(a.estate == c.estate);
  EXPECT_NE(a.estate.At(5, 0, WindowKind::kPeak).rate_per_s[0],
            c.estate.At(5, 0, WindowKind::kPeak).rate_per_s[0]);
  // The mid evaluation does not depend on the seed.
  EXPECT_TRUE(a.estate_mid == c.estate_mid);
}

TEST(DemandTest, ThreadsDoNotChangeResults) {
  const Estate e = te::HealthcareGrowthEstate();
  DemandOptions o;
  o.samples = 16;
  o.seed = 5;
  o.keep_hourly_mid = true;
  const Demand one = Synthesize(e, o);
  o.threads = 2;
  const Demand two = Synthesize(e, o);
  EXPECT_TRUE(one.estate == two.estate);
  EXPECT_TRUE(one.estate_mid == two.estate_mid);
  EXPECT_TRUE(one.tenants[0].windows == two.tenants[0].windows);
  EXPECT_TRUE(SameBytes(one.tenants[0].hourly_mid, two.tenants[0].hourly_mid));
}

// Tenants in one group fold the estate's hours into each month's peak as they go; in several
// groups they add to a samples × hours table scanned afterwards. The two agree bit for bit.
TEST(DemandTest, GroupSizeDoesNotChangeResults) {
  const Estate e = GenerateEstate(3, 24, 42);
  DemandOptions o;
  o.samples = 12;
  o.seed = 9;
  o.threads = 2;
  const Demand folded = Synthesize(e, o);
  o.group_tenants = 1;
  const Demand tabled = Synthesize(e, o);
  EXPECT_TRUE(folded.estate == tabled.estate);
  EXPECT_TRUE(folded.estate_mid == tabled.estate_mid);
  EXPECT_TRUE(folded.estate_summary == tabled.estate_summary);
  EXPECT_EQ(folded.coinciding_pool, tabled.coinciding_pool);
  ASSERT_EQ(folded.tenants.size(), 3u);
  for (size_t t = 0; t < folded.tenants.size(); ++t) {
    EXPECT_TRUE(folded.tenants[t].windows == tabled.tenants[t].windows) << t;
  }
}

// The peak-day simulation synthesises one sample only, for the mid series (engine/simulate.cc):
// the mid evaluation must not depend on how many samples run beside it.
TEST(DemandTest, MidDoesNotDependOnTheSampleCount) {
  const Estate e = te::HealthcareGrowthEstate();
  DemandOptions o;
  o.samples = 32;
  o.keep_hourly_mid = true;
  const Demand many = Synthesize(e, o);
  o.samples = 1;
  const Demand one = Synthesize(e, o);
  EXPECT_TRUE(many.estate_mid == one.estate_mid);
  ASSERT_EQ(many.tenants.size(), one.tenants.size());
  for (size_t t = 0; t < many.tenants.size(); ++t) {
    EXPECT_FALSE(many.tenants[t].hourly_mid.empty());
    EXPECT_TRUE(SameBytes(many.tenants[t].hourly_mid, one.tenants[t].hourly_mid)) << t;
  }
}

TEST(DemandTest, HealthcareExample) {
  const Estate e = te::HealthcareGrowthEstate();
  DemandOptions o = DemandOptions::FromPlanning(e.planning);
  o.samples = 32;
  std::vector<double> progress;
  const ProgressFn report = [&](double f) { progress.push_back(f); };
  Result<Demand> r = SynthesizeDemand(e, o, &report);
  ASSERT_TRUE(r.ok());
  const Demand& d = r.value();
  EXPECT_EQ(d.hours(), 731 * 24);
  // All five classes carry load (the bus as sessions): 5 × hours × samples points.
  EXPECT_EQ(d.points, int64_t{5} * d.hours() * 32);
  EXPECT_EQ(d.tenants[0].sites.front(), 8);
  EXPECT_EQ(d.tenants[0].sites.back(), 30);
  // Attachments at mid: 8 sites × 2,500 MiB + 4,000 MiB central in month 0; 30 sites later.
  EXPECT_EQ(d.documents_mid_mib.front(), 24000);
  EXPECT_EQ(d.documents_mid_mib.back(), 79000);
  // January's batch: month-end 5,400 CPU-s, payroll 60 × 8 sites, nightly 900 × 31 days.
  EXPECT_EQ(d.batch[0].total_cpu_s, 5400 + 480 + 900 * 31);
  // April adds 2 sites: onboarding releases 1,800 CPU-s per added site on Thursday 1 April at
  // 22:00 Paris (UTC+2).
  bool onboarding_seen = false;
  for (const BatchRelease& b : d.batch_releases) {
    if (d.batch_sources[static_cast<size_t>(b.source)] == "branch_onboarding" &&
        d.HourUtc(b.hour) == "2027-04-01T20:00:00Z") {
      EXPECT_EQ(b.cpu_seconds, 3600);
      onboarding_seen = true;
    }
  }
  EXPECT_TRUE(onboarding_seen);
  // Quantiles come from the per-sample windows (type 7).
  const int interactive = d.ClassIndex("interactive");
  std::vector<double> peaks;
  for (int s = 0; s < d.samples; ++s) {
    peaks.push_back(d.estate.At(6, s, WindowKind::kPeak).rate_per_s[interactive]);
  }
  std::sort(peaks.begin(), peaks.end());
  const Quantiles& q = d.estate_summary[6].Window(WindowKind::kPeak).rate_per_s[interactive];
  EXPECT_EQ(q.p50, QuantileSorted(peaks, 0.5));
  EXPECT_EQ(q.planning, QuantileSorted(peaks, 0.9));
  EXPECT_LE(q.p10, q.p50);
  EXPECT_LE(q.p50, q.p90);
  // Demand grows: the planning-quantile peak of the last month exceeds the first's.
  EXPECT_GT(d.estate_summary[23].Window(WindowKind::kPeak).offered_cpu_cores.planning,
            d.estate_summary[0].Window(WindowKind::kPeak).offered_cpu_cores.planning);
  // Progress runs from 0 to 1 without going back.
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.front(), 0.0);
  EXPECT_EQ(progress.back(), 1.0);
  EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));
}

TEST(DemandTest, ReportsEveryInputProblem) {
  Estate e = ParisAndNewYork();
  e.tenants[0].time_zone = "Europe/Pariss";
  e.tenants[1].class_mix = {ClassShare{"interactve", 100}};
  e.tenants[1].events = {"payday"};
  DemandOptions o;
  o.samples = 0;
  Result<Demand> r = SynthesizeDemand(e, o);
  ASSERT_FALSE(r.ok());
  std::vector<std::string> fields;
  for (const Error& err : r.errors()) fields.push_back(err.where.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"planning.samples", "tenants[0].time_zone",
                                      "tenants[1].class_mix.interactve", "tenants[1].events"}));
}

}  // namespace
}  // namespace headroom

namespace headroom {
namespace {

TEST(DemandVolumes, MonthlyRequestsAreTheSumOfTheHourlySeries) {
  DemandOptions options;
  options.samples = 3;
  options.seed = 5;
  options.keep_hourly_mid = true;
  Result<Demand> r = SynthesizeDemand(CloseAndPayroll(), options);
  ASSERT_TRUE(r.ok());
  const Demand& d = r.value();
  const int c = d.ClassIndex("interactive");
  const std::span<const double> hourly = d.HourlyMid(0, c);
  for (int m = 0; m < d.months(); ++m) {
    double sum = 0;
    for (int h = d.horizon.month_first_hour[static_cast<size_t>(m)];
         h < d.horizon.month_first_hour[static_cast<size_t>(m) + 1]; ++h) {
      sum += hourly[static_cast<size_t>(h)] * 3600.0;
    }
    const size_t cell = static_cast<size_t>(m) * d.classes.size() + static_cast<size_t>(c);
    EXPECT_NEAR(d.requests_mid[cell], sum, 1e-9 * sum) << m;
    EXPECT_NEAR(d.tenants[0].requests_mid[cell], sum, 1e-9 * sum) << m;
    // Samples differ from the mid only through their draws; all are positive.
    for (int s = 0; s < d.samples; ++s) EXPECT_GT(d.RequestsMonth(m, s, c), 0.0);
  }
}

}  // namespace
}  // namespace headroom
