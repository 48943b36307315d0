#include "estate/validate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "estate/defaults.h"

namespace headroom {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A valid estate built in code, as a calibration step would build one.
Estate ValidEstate() {
  Estate e;
  e.name = "Built";
  e.start = YearMonth{2027, 1};
  e.request_classes = DefaultRequestClasses();
  CalendarEvent close;
  close.name = "close";
  close.kind = EventKind::kMonthEnd;
  e.events.push_back(close);
  Tenant t;
  t.name = "t";
  t.time_zone = "Europe/Paris";
  t.class_mix = DefaultClassMix();
  t.profile = DefaultDailyProfile();
  t.events = {"close"};
  e.tenants.push_back(t);
  return e;
}

std::vector<std::string> Formatted(const Errors& errors) {
  std::vector<std::string> out;
  for (const Error& e : errors) out.push_back(e.Format());
  return out;
}

TEST(ValidateEstateTest, AValidEstateHasNoErrors) {
  EXPECT_THAT(ValidateEstate(ValidEstate()), IsEmpty());
}

TEST(ValidateEstateTest, ErrorsOfABuiltEstateNameTheFieldOnly) {
  Estate e = ValidEstate();
  e.tenants[0].concurrency_ratio = Interval{0.1, 0.2, 1.5, 0.8};
  e.tenants[0].sites.growth.push_back(GrowthStep{GrowthKind::kRamp, "", 0, 5, 30, 4, {}, {}});
  EXPECT_THAT(Formatted(ValidateEstate(e)),
              ElementsAre("error: tenants[0].sites.growth[0].to_month: month 30 is outside the "
                          "planning horizon (months 0 to 23)",
                          "error: tenants[0].concurrency_ratio.high: must be between 0 and 1, got "
                          "1.5"));
}

TEST(ValidateEstateTest, LocatesErrorsThroughTheSourceMap) {
  Estate e = ValidEstate();
  e.tenants[0].time_zone = "Mars/Olympus_Mons";
  SourceMap sources("e.yaml");
  sources.Add("tenants[0]", 30, 5);
  EXPECT_THAT(Formatted(ValidateEstate(e, sources)),
              ElementsAre("e.yaml:30:5: error: tenants[0].time_zone: unknown IANA time zone "
                          "'Mars/Olympus_Mons'"));
}

TEST(ValidateEstateTest, PlanningRanges) {
  Estate e = ValidEstate();
  e.planning.quantile = 1;
  e.planning.samples = 0;
  e.planning.backlog_return_share = -0.1;
  e.planning.backlog_drain_hours = 0;
  EXPECT_THAT(Formatted(ValidateEstate(e)),
              ElementsAre("error: planning.quantile: must be strictly between 0 and 1, got 1",
                          "error: planning.samples: must be between 1 and 100000, got 0",
                          "error: planning.backlog_return_share: must be between 0 and 1, got -0.1",
                          "error: planning.backlog_drain_hours: must be greater than 0, got 0"));
}

TEST(ValidateEstateTest, NoRequestClassesAndEmptyNames) {
  Estate e = ValidEstate();
  e.name.clear();
  e.request_classes.clear();
  e.tenants[0].class_mix = {{"interactive", 100}};
  EXPECT_THAT(Formatted(ValidateEstate(e)),
              ElementsAre("error: estate.name: must not be empty",
                          "error: request_classes: at least one request class is required",
                          "error: tenants[0].class_mix.interactive: unknown request class "
                          "'interactive' (none is defined)"));
}

TEST(ValidateEstateTest, ClassDemandsCannotBeNegativeAndTargetsMustBePositive) {
  Estate e = ValidEstate();
  e.request_classes[2].db_reads = -1;
  e.request_classes[2].p95_target_ms = 0;
  EXPECT_THAT(Formatted(ValidateEstate(e)),
              ElementsAre("error: request_classes[2].db_reads: must be at least 0, got -1",
                          "error: request_classes[2].p95_target_ms: must be greater than 0, got "
                          "0"));
}

TEST(ValidateEstateTest, EventTimingByKind) {
  Estate e = ValidEstate();
  e.events[0].last_business_days = 11;
  CalendarEvent pay;
  pay.name = "pay";
  pay.kind = EventKind::kPayroll;
  pay.schedule = PayrollSchedule::kBiweekly;
  pay.anchor_date = "2027-02-29";
  e.events.push_back(pay);
  CalendarEvent weekly;
  weekly.name = "weekly";
  weekly.kind = EventKind::kWeekly;
  weekly.duration_days = 8;
  weekly.batch = BatchWork{-1, false, 0, 0};
  e.events.push_back(weekly);
  EXPECT_THAT(Formatted(ValidateEstate(e)),
              ElementsAre("error: events[0].last_business_days: must be between 0 and 10, got 11",
                          "error: events[1].anchor_date: expected a real date as YYYY-MM-DD, got "
                          "'2027-02-29'",
                          "error: events[2].duration_days: must be between 1 and 7, got 8",
                          "error: events[2].batch.cpu_seconds: must be at least 0, got -1",
                          "error: events[2].batch.deadline_hours: must be greater than 0, got 0"));
}

TEST(ValidateEstateTest, IntegrationWindowsNeedBothEnds) {
  Estate e = ValidEstate();
  Integration sync;
  sync.name = "sync";
  sync.window_start_hour = 1;
  e.tenants[0].integrations = {sync, sync};
  EXPECT_THAT(
      Formatted(ValidateEstate(e)),
      ElementsAre("error: tenants[0].integrations[1].name: duplicate integration 'sync' (first "
                  "at tenants[0].integrations[0])",
                  "error: tenants[0].integrations[0].window_end_hour: required when "
                  "window_start_hour is given",
                  "error: tenants[0].integrations[1].window_end_hour: required when "
                  "window_start_hour is given"));
}

TEST(ValidateEstateTest, AConsolidationMonthNeedsAutoHostingAndAMonthOfTheHorizon) {
  Estate e = ValidEstate();
  e.tenants[0].consolidate_month = 24;  // the default horizon is months 0 to 23
  e.tenants[0].hosting = HostingChoice::kDedicated;
  EXPECT_THAT(Formatted(ValidateEstate(e)),
              ElementsAre("error: tenants[0].consolidate_month: month 24 is outside the planning "
                          "horizon (months 0 to 23)",
                          "error: tenants[0].consolidate_month: consolidate_month moves a tenant "
                          "from its own environment into a shared pool; it needs hosting: auto "
                          "(it is 'dedicated')"));
  e.tenants[0].hosting = HostingChoice::kAuto;
  e.tenants[0].consolidate_month = 0;
  EXPECT_THAT(Formatted(ValidateEstate(e)),
              ElementsAre("error: tenants[0].consolidate_month: consolidate_month (0) must be 1 "
                          "or later; a tenant shared from month 0 needs no consolidation month"));
  e.tenants[0].consolidate_month = 9;
  EXPECT_THAT(Formatted(ValidateEstate(e)), IsEmpty());
}

TEST(ValidateEstateTest, TenantEventsListedTwice) {
  Estate e = ValidEstate();
  e.tenants[0].events = {"close", "close"};
  EXPECT_THAT(Formatted(ValidateEstate(e)),
              ElementsAre("error: tenants[0].events[1]: event 'close' is listed twice (first at "
                          "tenants[0].events[0])"));
}

TEST(ValidateEstateTest, ProfilePeakMustBeOne) {
  Estate e = ValidEstate();
  e.tenants[0].profile.weekday_hour_weights.assign(24, 0.5);
  e.tenants[0].profile.weekday_hour_weights[3] = 1.2;
  EXPECT_THAT(Formatted(ValidateEstate(e)),
              ElementsAre("error: tenants[0].profile.weekday_hour_weights[3]: must be between 0 "
                          "and 1, got 1.2"));
  e.tenants[0].profile.weekday_hour_weights[3] = 0.8;
  EXPECT_THAT(Formatted(ValidateEstate(e)),
              ElementsAre("error: tenants[0].profile.weekday_hour_weights: the busiest hour must "
                          "weigh 1, got a maximum of 0.8"));
}

TEST(ValidateEstateTest, RecoveryObjectives) {
  Estate e = ValidEstate();
  e.tenants[0].recovery.push_back(RecoveryObjective{"", -5, 5, {}});
  EXPECT_THAT(Formatted(ValidateEstate(e)),
              ElementsAre("error: tenants[0].recovery[0].workflow: must not be empty",
                          "error: tenants[0].recovery[0].rto_minutes: must be at least 0, got -5",
                          "error: tenants[0].recovery[0].request_classes: at least one request "
                          "class is required"));
}

TEST(ValidateEstateTest, MonthsAreNotJudgedAgainstAnInvalidHorizon) {
  Estate e = ValidEstate();
  e.horizon_months = 0;
  e.tenants[0].sites.growth.push_back(GrowthStep{GrowthKind::kStep, "", 3, 0, 0, 1, {}, {}});
  EXPECT_THAT(Formatted(ValidateEstate(e)),
              ElementsAre("error: estate.horizon_months: must be between 1 and 60, got 0"));
}

TEST(ValidateEstateTest, ListsAtMostTheErrorCapThenSaysSo) {
  Estate e = ValidEstate();
  e.tenants[0].holidays.assign(kMaxErrors + 5, "2027-13-01");
  const Errors errors = ValidateEstate(e, SourceMap("e.yaml"));
  ASSERT_EQ(errors.size(), kMaxErrors + 1);
  EXPECT_EQ(errors[kMaxErrors - 1].where.field, "tenants[0].holidays[999]");
  EXPECT_EQ(errors.back().Format(),
            "e.yaml: error: too many errors; only the first 1000 are shown");
}

TEST(IsKnownTimeZoneTest, IanaNamesOnly) {
  EXPECT_TRUE(IsKnownTimeZone("Europe/Paris"));
  EXPECT_TRUE(IsKnownTimeZone("UTC"));
  EXPECT_TRUE(IsKnownTimeZone("America/New_York"));
  EXPECT_FALSE(IsKnownTimeZone("Europe/Pariss"));
  EXPECT_FALSE(IsKnownTimeZone("CEST"));
  EXPECT_FALSE(IsKnownTimeZone(""));
  EXPECT_FALSE(IsKnownTimeZone("../../etc/passwd"));
}

}  // namespace
}  // namespace headroom
