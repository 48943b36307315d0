#include "estate/yaml_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace headroom {
namespace {

using ::testing::ElementsAre;

// A minimal valid estate, five lines long: tests append tenant fields (indented four spaces,
// from line 6) or whole sections (from line 6).
constexpr std::string_view kBase = R"(estate:
  name: Test
  start: 2027-01
tenants:
  - name: t
)";

std::string WithBase(std::string_view more) { return std::string(kBase) + std::string(more); }

// Every error of reading `yaml` as "e.yaml", formatted; empty when it reads. Every error of a
// bad estate is bad data: `headroom validate` exits 65 (EX_DATAERR) for it.
std::vector<std::string> ErrorsOf(std::string_view yaml) {
  Result<Estate> r = ReadEstate(yaml, "e.yaml");
  std::vector<std::string> out;
  if (!r.ok()) {
    for (const Error& e : r.errors()) {
      EXPECT_EQ(static_cast<int>(ExitCodeFor(e.code)), 65) << e.Format();
      out.push_back(e.Format());
    }
  }
  return out;
}

Estate Read(std::string_view yaml) {
  Result<Estate> r = ReadEstate(yaml, "e.yaml");
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : FormatAll(r.errors()));
  return r.ok() ? r.value() : Estate{};
}

// ---- reading valid estates ----

TEST(ReadEstateTest, ReadsTheHealthcareExample) {
  std::ifstream in(std::string(HEADROOM_SOURCE_DIR) + "/examples/healthcare-growth.yaml");
  ASSERT_TRUE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  const Estate e = Read(text.str());
  EXPECT_EQ(e.name, "Meridian Health Services");
  EXPECT_EQ(e.start, (YearMonth{2027, 1}));
  EXPECT_EQ(e.horizon_months, 24);
  EXPECT_EQ(e.planning.seed, 20270101u);
  ASSERT_EQ(e.request_classes.size(), 5u);
  EXPECT_EQ(e.request_classes[1].name, "report");
  EXPECT_EQ(e.request_classes[1].worker_memory_mib, 900);
  EXPECT_TRUE(e.request_classes[4].long_lived);
  ASSERT_EQ(e.events.size(), 5u);
  EXPECT_EQ(e.events[1].kind, EventKind::kPayroll);
  EXPECT_EQ(e.events[1].day_of_month, 25);
  ASSERT_TRUE(e.events[4].batch.has_value());
  const BatchWork batch = e.events[4].batch.value_or(BatchWork{});
  EXPECT_TRUE(batch.per_site);
  EXPECT_EQ(batch.cpu_seconds, 1800);
  EXPECT_EQ(batch.start_hour_local, 22);
  ASSERT_EQ(e.tenants.size(), 1u);
  const Tenant& t = e.tenants[0];
  EXPECT_EQ(t.time_zone, "Europe/Paris");
  EXPECT_EQ(t.hosting, HostingChoice::kDedicated);
  EXPECT_EQ(t.governance.audit_boundary, AuditBoundary::kStrict);
  EXPECT_EQ(t.sites.initial, 8);
  EXPECT_EQ(t.sites.users_per_site, (Interval{18, 24, 32, 0.8}));
  ASSERT_EQ(t.sites.growth.size(), 4u);
  EXPECT_EQ(t.sites.growth[1].kind, GrowthKind::kRamp);
  EXPECT_EQ(t.sites.growth[1].from_month, 6);
  EXPECT_EQ(t.sites.growth[1].to_month, 17);
  EXPECT_EQ(t.sites.growth[2].name, "Clinique du Lac");
  EXPECT_EQ(t.sites.growth[2].users_per_site, Interval::Exact(20));
  EXPECT_EQ(t.sites.growth[2].central_users, Interval::Exact(15));
  ASSERT_EQ(t.class_mix.size(), 2u);
  EXPECT_EQ(t.class_mix[1].request_class, "report");
  EXPECT_EQ(t.class_mix[1].percent, 6);
  ASSERT_EQ(t.integrations.size(), 3u);
  EXPECT_EQ(t.integrations[1].window_start_hour, 1);
  EXPECT_EQ(t.integrations[1].window_end_hour, 4);
  EXPECT_EQ(t.integrations[0].request_class, "api");  // default
  EXPECT_EQ(t.holidays.size(), 14u);
  EXPECT_EQ(t.recovery.size(), 4u);
  EXPECT_EQ(t.events.size(), 5u);
}

TEST(ReadEstateTest, FillsDefaultsOfAMinimalEstate) {
  const Estate e = Read(kBase);
  EXPECT_EQ(e.horizon_months, 24);
  EXPECT_EQ(e.currency, "EUR");
  EXPECT_EQ(e.planning.quantile, 0.9);
  EXPECT_EQ(e.planning.samples, 128);
  ASSERT_EQ(e.request_classes.size(), 5u);
  EXPECT_EQ(e.request_classes[0].name, "interactive");
  EXPECT_EQ(e.request_classes[0].app_cpu_ms, 90);
  EXPECT_EQ(e.request_classes[4].name, "bus");
  EXPECT_TRUE(e.events.empty());
  const Tenant& t = e.tenants[0];
  EXPECT_EQ(t.kind, TenantKind::kLegalEntity);
  EXPECT_EQ(t.time_zone, "UTC");
  EXPECT_EQ(t.sites.initial, 1);
  EXPECT_EQ(t.sites.users_per_site, Interval::Exact(20));
  EXPECT_EQ(t.concurrency_ratio, Interval::Exact(0.25));
  EXPECT_EQ(t.requests_per_user_hour, Interval::Exact(120));
  ASSERT_EQ(t.class_mix.size(), 2u);
  EXPECT_EQ(t.class_mix[0].percent, 95);
  EXPECT_EQ(t.class_mix[1].percent, 5);
  ASSERT_EQ(t.profile.weekday_hour_weights.size(), 24u);
  EXPECT_EQ(t.profile.weekday_hour_weights[10], 1.0);
  EXPECT_EQ(t.profile.weekend_factor, 0.1);
  EXPECT_THAT(e.defaults_used, ::testing::Contains("tenant.concurrency_ratio"));
  EXPECT_THAT(e.defaults_used, ::testing::Contains("request_class.report.app_cpu_ms"));
  EXPECT_THAT(e.defaults_used, ::testing::Contains("estate.horizon_months"));
  EXPECT_TRUE(std::is_sorted(e.defaults_used.begin(), e.defaults_used.end()));
}

TEST(ReadEstateTest, ReadsIntervalsNumbersAndWeekdayNames) {
  const Estate e = Read(WithBase(R"(    concurrency_ratio: {low: 0.2, mid: 0.25, high: 0.3}
    requests_per_user_hour: 1e2
    central_users: +12
    sites: {users_per_site: .5e2}
events:
  - {name: w, kind: weekly, weekday: friday}
  - {name: v, kind: weekly, weekday: 2}
)"));
  const Tenant& t = e.tenants[0];
  EXPECT_EQ(t.concurrency_ratio, (Interval{0.2, 0.25, 0.3, 0.8}));  // confidence defaulted
  EXPECT_EQ(t.requests_per_user_hour, Interval::Exact(100));
  EXPECT_EQ(t.central_users, Interval::Exact(12));
  EXPECT_EQ(t.sites.users_per_site, Interval::Exact(50));
  EXPECT_EQ(e.events[0].weekday, 4);
  EXPECT_EQ(e.events[1].weekday, 2);
  EXPECT_THAT(e.defaults_used, ::testing::Contains("interval.confidence"));
}

TEST(ReadEstateTest, ABuiltInClassNameInheritsOmittedDemands) {
  const Estate e = Read(WithBase(R"(request_classes:
  - {name: report, app_cpu_ms: 2000}
  - {name: interactive}
)"));
  ASSERT_EQ(e.request_classes.size(), 2u);
  EXPECT_EQ(e.request_classes[0].app_cpu_ms, 2000);
  EXPECT_EQ(e.request_classes[0].db_cpu_ms, 900);  // built-in report
  EXPECT_EQ(e.request_classes[0].p95_target_ms, 15000);
  EXPECT_EQ(e.request_classes[1].service_cv, 1.5);
}

TEST(ReadEstateTest, FillsTheSourceMap) {
  SourceMap sources;
  ASSERT_TRUE(ReadEstate(WithBase("    sites: {initial: 3}\n"), "e.yaml", &sources).ok());
  const Location at = sources.Find("tenants[0].sites.initial");
  EXPECT_EQ(at.file, "e.yaml");
  EXPECT_EQ(at.line, 6);
  EXPECT_EQ(at.column, 22);
  // An omitted field points at its nearest written ancestor.
  EXPECT_EQ(sources.Find("tenants[0].sites.users_per_site").column, 12);
}

// ---- refused before or while parsing ----

TEST(ReadEstateErrorTest, YamlSyntaxError) {
  EXPECT_THAT(ErrorsOf("estate: {name: x\n"),
              ElementsAre("e.yaml:2:1: error: invalid YAML: end of map flow not found"));
}

TEST(ReadEstateErrorTest, EmptyDocument) {
  EXPECT_THAT(ErrorsOf(""), ElementsAre("e.yaml: error: the document is empty"));
  EXPECT_THAT(ErrorsOf("# only a comment\n"), ElementsAre("e.yaml: error: the document is empty"));
  EXPECT_THAT(ErrorsOf("---\n"), ElementsAre("e.yaml: error: the document is empty"));
}

TEST(ReadEstateErrorTest, RootNotAMapping) {
  EXPECT_THAT(ErrorsOf("- estate\n- tenants\n"),
              ElementsAre("e.yaml:1:1: error: the document must be a mapping with the sections "
                          "estate, planning, request_classes, events and tenants; got a list"));
}

TEST(ReadEstateErrorTest, InputOverTheSizeCap) {
  const std::string big = WithBase("# " + std::string(kMaxEstateBytes, 'x') + "\n");
  EXPECT_THAT(ErrorsOf(big), ElementsAre("e.yaml: error: the file is 4194366 bytes, over the "
                                         "limit of 4194304 bytes"));
}

TEST(ReadEstateErrorTest, FlowNestingDeeperThanTheCapIsRefusedBeforeParsing) {
  // The root mapping is level 1, so the 64th bracket (column 3 + 64) is level 65.
  const std::string yaml = "a: " + std::string(100, '[') + std::string(100, ']') + "\n";
  EXPECT_THAT(ErrorsOf(yaml), ElementsAre("e.yaml:1:67: error: nesting deeper than 64 levels"));
}

TEST(ReadEstateErrorTest, IndentationNestingDeeperThanTheCapIsRefusedBeforeParsing) {
  std::string yaml;
  for (size_t level = 0; level < 70; ++level) yaml += std::string(level, ' ') + "k:\n";
  EXPECT_THAT(ErrorsOf(yaml), ElementsAre("e.yaml:65:65: error: nesting deeper than 64 levels"));
}

TEST(ReadEstateErrorTest, NestingDeeperThanTheCapInTheParsedTree) {
  // "- k:" sequences inside mappings at the same indentation nest two levels per step, which
  // the text scan counts as one: the tree check catches it.
  std::string yaml;
  for (size_t level = 0; level < 40; ++level) yaml += std::string(2 * level, ' ') + "- k:\n";
  yaml += std::string(80, ' ') + "- end\n";
  EXPECT_THAT(ErrorsOf(yaml), ElementsAre("e.yaml:33:65: error: nesting deeper than 64 levels"));
}

TEST(ReadEstateErrorTest, AnchorsAndAliasesAreRefused) {
  // A "billion laughs" expansion never starts: the first anchor stops the parser.
  EXPECT_THAT(ErrorsOf("a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"),
              ElementsAre("e.yaml:1:4: error: anchors (&name) are not supported; write each "
                          "value out in full"));
}

TEST(ReadEstateErrorTest, TagsAreRefused) {
  EXPECT_THAT(ErrorsOf("estate: !!str x\n"),
              ElementsAre("e.yaml:1:9: error: YAML tags ('tag:yaml.org,2002:str') are not "
                          "supported"));
}

TEST(ReadEstateErrorTest, MoreThanOneDocument) {
  EXPECT_THAT(ErrorsOf(WithBase("---\nestate: {}\n")),
              ElementsAre("e.yaml:6:1: error: a second YAML document starts here; an estate is "
                          "one document"));
}

// ---- keys ----

TEST(ReadEstateErrorTest, UnknownTopLevelKeyWithSuggestion) {
  EXPECT_THAT(ErrorsOf(WithBase("evnets: []\n")),
              ElementsAre("e.yaml:6:1: error: evnets: unknown key; did you mean 'events'?"));
}

TEST(ReadEstateErrorTest, UnknownNestedKeyWithSuggestion) {
  EXPECT_THAT(ErrorsOf(WithBase("    sites: {intial: 3}\n")),
              ElementsAre("e.yaml:6:13: error: tenants[0].sites.intial: unknown key; did you "
                          "mean 'initial'?"));
}

TEST(ReadEstateErrorTest, UnknownKeyWithoutCloseMatchListsTheKeys) {
  EXPECT_THAT(ErrorsOf(WithBase("    documents: {pages: 3}\n")),
              ElementsAre("e.yaml:6:17: error: tenants[0].documents.pages: unknown key; expected "
                          "one of: mib_per_site_month, central_mib_month"));
}

TEST(ReadEstateErrorTest, DuplicateKeyNamesTheFirst) {
  EXPECT_THAT(ErrorsOf(WithBase("    kind: subsidiary\n    kind: business_unit\n")),
              ElementsAre("e.yaml:7:5: error: tenants[0].kind: duplicate key; first given at "
                          "line 6"));
}

TEST(ReadEstateErrorTest, MissingRequiredKey) {
  EXPECT_THAT(ErrorsOf("estate: {name: x, start: 2027-01}\ntenants:\n  - kind: subsidiary\n"),
              ElementsAre("e.yaml:3:5: error: tenants[0].name: required key is missing"));
  EXPECT_THAT(ErrorsOf("estate: {name: x, start: 2027-01}\n"),
              ElementsAre("e.yaml:1:1: error: tenants: required key is missing"));
}

TEST(ReadEstateErrorTest, KeyThatDoesNotApplyToTheEventKind) {
  EXPECT_THAT(ErrorsOf(WithBase("events:\n  - {name: close, kind: month_end, weekday: 2}\n")),
              ElementsAre("e.yaml:7:36: error: events[0].weekday: does not apply to events of "
                          "kind 'month_end'"));
}

TEST(ReadEstateErrorTest, AnUnreadableScheduleDoesNotMakeItsKeysInapplicable) {
  EXPECT_THAT(ErrorsOf(WithBase("events:\n  - {name: pay, kind: payroll, schedule: biweekli, "
                                "anchor_date: 2027-01-08}\n")),
              ElementsAre("e.yaml:7:42: error: events[0].schedule: \"biweekli\" is not one of "
                          "monthly, biweekly; did you mean 'biweekly'?"));
}

// ---- types ----

TEST(ReadEstateErrorTest, StringWhereANumberIsExpected) {
  EXPECT_THAT(ErrorsOf(WithBase("    central_users: many\n")),
              ElementsAre("e.yaml:6:20: error: tenants[0].central_users: expected a number, got "
                          "\"many\""));
}

TEST(ReadEstateErrorTest, QuotedNumberIsAString) {
  EXPECT_THAT(ErrorsOf(WithBase("    documents: {central_mib_month: \"12\"}\n")),
              ElementsAre("e.yaml:6:36: error: tenants[0].documents.central_mib_month: expected "
                          "a number, got the string \"12\""));
}

TEST(ReadEstateErrorTest, ListWhereAMappingIsExpected) {
  EXPECT_THAT(ErrorsOf(WithBase("    sites: [8, 12]\n")),
              ElementsAre("e.yaml:6:12: error: tenants[0].sites: expected a mapping, got a list"));
}

TEST(ReadEstateErrorTest, MappingWhereAListIsExpected) {
  EXPECT_THAT(ErrorsOf(WithBase("    modules: {account: true}\n")),
              ElementsAre("e.yaml:6:14: error: tenants[0].modules: expected a list, got a "
                          "mapping"));
}

TEST(ReadEstateErrorTest, NonIntegerWhereAnIntegerIsExpected) {
  EXPECT_THAT(ErrorsOf(WithBase("    sites: {initial: 2.5}\n")),
              ElementsAre("e.yaml:6:22: error: tenants[0].sites.initial: expected an integer, "
                          "got 2.5"));
}

TEST(ReadEstateErrorTest, FlagThatIsNotTrueOrFalse) {
  EXPECT_THAT(
      ErrorsOf(WithBase("    integrations: [{name: x, calls_per_day: 5, per_site: yes}]\n")),
      ElementsAre("e.yaml:6:58: error: tenants[0].integrations[0].per_site: expected true "
                  "or false, got \"yes\""));
}

TEST(ReadEstateErrorTest, IntervalOfTheWrongShape) {
  EXPECT_THAT(ErrorsOf(WithBase("    central_users: [1, 2, 3]\n")),
              ElementsAre("e.yaml:6:20: error: tenants[0].central_users: expected a number or a "
                          "mapping {low, mid, high, confidence}, got a list"));
}

TEST(ReadEstateErrorTest, SeedOutOfRange) {
  EXPECT_THAT(ErrorsOf(WithBase("planning: {seed: -1}\n")),
              ElementsAre("e.yaml:6:18: error: planning.seed: expected a non-negative integer, "
                          "got -1"));
}

// ---- enums ----

TEST(ReadEstateErrorTest, BadEnumValueWithSuggestion) {
  EXPECT_THAT(ErrorsOf(WithBase("    kind: legal_entty\n")),
              ElementsAre("e.yaml:6:11: error: tenants[0].kind: \"legal_entty\" is not one of "
                          "legal_entity, subsidiary, business_unit; did you mean 'legal_entity'?"));
}

TEST(ReadEstateErrorTest, BadWeekdayName) {
  EXPECT_THAT(ErrorsOf(WithBase("events:\n  - {name: w, kind: weekly, weekday: funday}\n")),
              ElementsAre("e.yaml:7:38: error: events[0].weekday: \"funday\" is not one of monday, "
                          "tuesday, wednesday, thursday, friday, saturday, sunday; did you mean "
                          "'sunday'?"));
}

// ---- values ----

TEST(ReadEstateErrorTest, NegativeUsers) {
  EXPECT_THAT(ErrorsOf(WithBase("    sites: {users_per_site: -5}\n")),
              ElementsAre("e.yaml:6:29: error: tenants[0].sites.users_per_site: must be at least "
                          "0, got -5"));
}

TEST(ReadEstateErrorTest, ConcurrencyRatioAboveOne) {
  EXPECT_THAT(ErrorsOf(WithBase("    concurrency_ratio: {low: 0.5, mid: 0.9, high: 1.2}\n")),
              ElementsAre("e.yaml:6:51: error: tenants[0].concurrency_ratio.high: must be between "
                          "0 and 1, got 1.2"));
}

TEST(ReadEstateErrorTest, HourOutsideTheDay) {
  EXPECT_THAT(ErrorsOf(WithBase(R"(    nightly_jobs:
      - {name: mrp, cpu_seconds: 60, deadline_hours: 4, start_hour_local: 24}
)")),
              ElementsAre("e.yaml:7:75: error: tenants[0].nightly_jobs[0].start_hour_local: must "
                          "be between 0 and 23, got 24"));
}

TEST(ReadEstateErrorTest, DayOfMonthOutOfRange) {
  EXPECT_THAT(ErrorsOf(WithBase("events:\n  - {name: billing, kind: monthly, day_of_month: 32}\n")),
              ElementsAre("e.yaml:7:50: error: events[0].day_of_month: must be between 1 and 31, "
                          "got 32"));
}

TEST(ReadEstateErrorTest, WeekdayNumberOutOfRange) {
  EXPECT_THAT(ErrorsOf(WithBase("events:\n  - {name: w, kind: weekly, weekday: 7}\n")),
              ElementsAre("e.yaml:7:38: error: events[0].weekday: must be between 0 and 6, got 7"));
}

TEST(ReadEstateErrorTest, ConfidenceOutsideZeroOne) {
  EXPECT_THAT(
      ErrorsOf(WithBase("    central_users: {low: 1, mid: 2, high: 3, confidence: 1.5}\n")),
      ElementsAre("e.yaml:6:58: error: tenants[0].central_users.confidence: must be strictly "
                  "between 0 and 1, got 1.5"));
}

TEST(ReadEstateErrorTest, IntervalLowAboveMid) {
  EXPECT_THAT(ErrorsOf(WithBase("    central_users: {low: 30, mid: 24, high: 40}\n")),
              ElementsAre("e.yaml:6:20: error: tenants[0].central_users: low (30) must not "
                          "exceed mid (24)"));
}

TEST(ReadEstateErrorTest, IntegrationWindowStartNotBeforeEnd) {
  EXPECT_THAT(
      ErrorsOf(WithBase("    integrations:\n      - {name: sync, calls_per_day: 10, "
                        "window_start_hour: 22, window_end_hour: 2}\n")),
      ElementsAre("e.yaml:7:60: error: tenants[0].integrations[0].window_start_hour: "
                  "window_start_hour (22) must be before window_end_hour (2); split a window "
                  "that crosses midnight into two integrations"));
}

TEST(ReadEstateErrorTest, DurationDaysBelowOne) {
  EXPECT_THAT(
      ErrorsOf(WithBase("events:\n  - {name: onboard, kind: onboarding, duration_days: 0}\n")),
      ElementsAre("e.yaml:7:54: error: events[0].duration_days: must be between 1 and 31, "
                  "got 0"));
}

// ---- references ----

TEST(ReadEstateErrorTest, UndefinedRequestClassesEverywhere) {
  const std::string yaml = WithBase(R"(    class_mix: {interactive: 90, reprot: 10}
    slos: {interactve: 700}
    portal: {users: 100, request_class: portl}
    integrations: [{name: edi, calls_per_day: 10, request_class: ap}]
    recovery: [{workflow: f, rto_minutes: 60, rpo_minutes: 5, request_classes: [batch]}]
events:
  - {name: close, kind: month_end, multipliers: {reports: 2}}
)");
  EXPECT_THAT(
      ErrorsOf(yaml),
      ElementsAre(
          "e.yaml:6:34: error: tenants[0].class_mix.reprot: unknown request class 'reprot'; did "
          "you mean 'report'?",
          "e.yaml:7:12: error: tenants[0].slos.interactve: unknown request class 'interactve'; "
          "did you mean 'interactive'?",
          "e.yaml:8:41: error: tenants[0].portal.request_class: unknown request class 'portl'; "
          "did you mean 'portal'?",
          "e.yaml:9:66: error: tenants[0].integrations[0].request_class: unknown request class "
          "'ap'; did you mean 'api'?",
          "e.yaml:10:81: error: tenants[0].recovery[0].request_classes[0]: unknown request class "
          "'batch' (defined: interactive, report, portal, api, bus)",
          "e.yaml:12:50: error: events[0].multipliers.reports: unknown request class 'reports'; "
          "did you mean 'report'?"));
}

TEST(ReadEstateErrorTest, UndefinedEvent) {
  EXPECT_THAT(ErrorsOf(WithBase("    events: [payrol]\nevents:\n  - {name: payroll, kind: "
                                "payroll}\n")),
              ElementsAre("e.yaml:6:14: error: tenants[0].events[0]: unknown event 'payrol'; did "
                          "you mean 'payroll'?"));
}

TEST(ReadEstateErrorTest, ClassMixThatDoesNotSumTo100) {
  EXPECT_THAT(ErrorsOf(WithBase("    class_mix: {interactive: 94.1, report: 5.8}\n")),
              ElementsAre("e.yaml:6:16: error: tenants[0].class_mix: percentages sum to 99.9, "
                          "expected 100"));
}

// ---- estate section and calendar ----

TEST(ReadEstateErrorTest, HorizonOutOfRange) {
  EXPECT_THAT(ErrorsOf("estate: {name: x, start: 2027-01, horizon_months: 72}\ntenants: [{name: "
                       "t}]\n"),
              ElementsAre("e.yaml:1:51: error: estate.horizon_months: must be between 1 and 60, "
                          "got 72"));
}

TEST(ReadEstateErrorTest, StartNotAMonth) {
  EXPECT_THAT(ErrorsOf("estate: {name: x, start: 2027-13}\ntenants: [{name: t}]\n"),
              ElementsAre("e.yaml:1:26: error: estate.start: expected a month as YYYY-MM (e.g. "
                          "2027-01), got \"2027-13\""));
}

TEST(ReadEstateErrorTest, GrowthMonthOutsideTheHorizon) {
  EXPECT_THAT(ErrorsOf(WithBase("    sites:\n      growth: [{kind: step, month: 24, add_sites: "
                                "2}]\n")),
              ElementsAre("e.yaml:7:36: error: tenants[0].sites.growth[0].month: month 24 is "
                          "outside the planning horizon (months 0 to 23)"));
}

TEST(ReadEstateErrorTest, RampFromAfterTo) {
  EXPECT_THAT(ErrorsOf(WithBase("    sites:\n      growth: [{kind: ramp, from_month: 9, "
                                "to_month: 3, add_sites: 2}]\n")),
              ElementsAre("e.yaml:7:41: error: tenants[0].sites.growth[0].from_month: from_month "
                          "(9) is after to_month (3)"));
}

TEST(ReadEstateErrorTest, AcquisitionWithoutName) {
  EXPECT_THAT(ErrorsOf(WithBase("    sites:\n      growth: [{kind: acquisition, month: 3, "
                                "add_sites: 2}]\n")),
              ElementsAre("e.yaml:7:16: error: tenants[0].sites.growth[0].name: required key is "
                          "missing"));
}

TEST(ReadEstateErrorTest, BadDates) {
  EXPECT_THAT(ErrorsOf(WithBase("    holidays: [2027-02-30, 2027-1-5, christmas]\n")),
              ElementsAre("e.yaml:6:16: error: tenants[0].holidays[0]: expected a real date as "
                          "YYYY-MM-DD, got '2027-02-30'",
                          "e.yaml:6:28: error: tenants[0].holidays[1]: expected a real date as "
                          "YYYY-MM-DD, got '2027-1-5'",
                          "e.yaml:6:38: error: tenants[0].holidays[2]: expected a real date as "
                          "YYYY-MM-DD, got 'christmas'"));
}

TEST(ReadEstateErrorTest, BiweeklyPayrollNeedsAnAnchorDate) {
  EXPECT_THAT(ErrorsOf(WithBase("events:\n  - {name: pay, kind: payroll, schedule: biweekly}\n")),
              ElementsAre("e.yaml:7:5: error: events[0].anchor_date: required key is missing"));
}

TEST(ReadEstateErrorTest, UnknownTimeZone) {
  EXPECT_THAT(ErrorsOf(WithBase("    time_zone: Europe/Pariss\n")),
              ElementsAre("e.yaml:6:16: error: tenants[0].time_zone: unknown IANA time zone "
                          "'Europe/Pariss'; did you mean 'Europe/Paris'?"));
}

TEST(ReadEstateErrorTest, DuplicateNames) {
  const std::string yaml = R"(estate: {name: x, start: 2027-01}
request_classes:
  - {name: api, app_cpu_ms: 1}
  - {name: api, app_cpu_ms: 2}
events:
  - {name: close, kind: month_end}
  - {name: close, kind: month_end}
tenants:
  - {name: t, class_mix: {api: 100}}
  - {name: t, class_mix: {api: 100}}
)";
  EXPECT_THAT(
      ErrorsOf(yaml),
      ElementsAre("e.yaml:4:12: error: request_classes[1].name: duplicate request class 'api' "
                  "(first at request_classes[0])",
                  "e.yaml:7:12: error: events[1].name: duplicate event 'close' (first at "
                  "events[0])",
                  "e.yaml:10:12: error: tenants[1].name: duplicate tenant 't' (first at "
                  "tenants[0])"));
}

TEST(ReadEstateErrorTest, NoTenants) {
  EXPECT_THAT(ErrorsOf("estate: {name: x, start: 2027-01}\ntenants: []\n"),
              ElementsAre("e.yaml:2:10: error: tenants: at least one tenant is required"));
}

TEST(ReadEstateErrorTest, CustomClassMustGiveItsDemands) {
  EXPECT_THAT(ErrorsOf(WithBase("request_classes:\n  - {name: pos, app_cpu_ms: 40, db_cpu_ms: 10, "
                                "db_reads: 5, db_writes: 2, worker_memory_mib: 150, "
                                "response_kib: 4}\n")),
              ElementsAre("e.yaml:5:5: error: tenants[0].class_mix: required: the default "
                          "class mix (interactive 95%, report 5%) names classes that "
                          "request_classes does not define",
                          "e.yaml:7:5: error: request_classes[0].p95_target_ms: required key is "
                          "missing"));
}

TEST(ReadEstateErrorTest, ProfileShape) {
  EXPECT_THAT(ErrorsOf(WithBase("    profile: {weekday_hour_weights: [0.5, 0.8]}\n")),
              ElementsAre("e.yaml:6:37: error: tenants[0].profile.weekday_hour_weights: expected "
                          "24 hourly weights, got 2"));
}

TEST(ReadEstateErrorTest, CurrencyCode) {
  EXPECT_THAT(ErrorsOf("estate: {name: x, start: 2027-01, currency: euro}\ntenants: [{name: t}]\n"),
              ElementsAre("e.yaml:1:45: error: estate.currency: must be a three-letter ISO 4217 "
                          "code such as EUR, got 'euro'"));
}

// ---- all errors at once ----

TEST(ReadEstateErrorTest, ReportsEveryErrorSortedByPositionAndEachMistakeOnce) {
  // The wrong type of `initial` is not reported again as a range error; the bad enum, the
  // unknown key, the range and the reference are all reported in one pass.
  const std::string yaml = R"(estate:
  name: Test
  start: 2027-01
  horizon_months: 0
tenants:
  - name: t
    kind: subsidary
    sites: {initial: many, users_per_site: -3}
    colour: blue
    events: [close]
)";
  EXPECT_THAT(
      ErrorsOf(yaml),
      ElementsAre(
          "e.yaml:4:19: error: estate.horizon_months: must be between 1 and 60, got 0",
          "e.yaml:7:11: error: tenants[0].kind: \"subsidary\" is not one of legal_entity, "
          "subsidiary, business_unit; did you mean 'subsidiary'?",
          "e.yaml:8:22: error: tenants[0].sites.initial: expected an integer, got \"many\"",
          "e.yaml:8:44: error: tenants[0].sites.users_per_site: must be at least 0, got -3",
          "e.yaml:9:5: error: tenants[0].colour: unknown key; expected one of: name, kind, "
          "time_zone, hosting, consolidate_month, governance, sites, central_users, "
          "initial_database_gib, "
          "concurrency_ratio, "
          "requests_per_user_hour, class_mix, modules, portal, integrations, documents, events, "
          "nightly_jobs, holidays, profile, slos, recovery",
          "e.yaml:10:14: error: tenants[0].events[0]: unknown event 'close' (none is defined)"));
}

TEST(ReadEstateErrorTest, StopsListingAfterTheErrorCap) {
  std::string holidays = "    holidays: [";
  for (int i = 0; i < 1500; ++i) holidays += "2027-02-30, ";
  const std::vector<std::string> errors = ErrorsOf(WithBase(holidays + "]\n"));
  ASSERT_EQ(errors.size(), 1001u);
  EXPECT_EQ(errors[0],
            "e.yaml:6:16: error: tenants[0].holidays[0]: expected a real date as "
            "YYYY-MM-DD, got '2027-02-30'");
  EXPECT_EQ(errors[1000], "e.yaml: error: too many errors; only the first 1000 are shown");
}

TEST(ReadEstateErrorTest, ManyKeysInOneMappingAreReadInLinearTime) {
  // 100000 unknown keys: a linear search for duplicates would take minutes.
  std::string yaml = WithBase("    documents:\n");
  for (int i = 0; i < 100000; ++i) yaml += "      k" + std::to_string(i) + ": 1\n";
  const std::vector<std::string> errors = ErrorsOf(yaml);
  ASSERT_EQ(errors.size(), 1001u);
  EXPECT_EQ(errors[0],
            "e.yaml:7:7: error: tenants[0].documents.k0: unknown key; expected one "
            "of: mib_per_site_month, central_mib_month");
}

TEST(ReadEstateErrorTest, ErrorsCarryTheDataErrorExitCode) {
  Result<Estate> r = ReadEstate("- x\n", "e.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(ExitCodeFor(r.error().code), ExitCode::kDataError);
}

}  // namespace
}  // namespace headroom

namespace headroom {
namespace {

TEST(ReadEstateTest, ReadsThePolicyAndFillsItsDefaults) {
  const Estate defaults = Read(kBase);
  EXPECT_EQ(defaults.policy.sustained_max_utilisation, 0.6);
  EXPECT_EQ(defaults.policy.zones, 3);
  EXPECT_TRUE(defaults.policy.survive_zone_loss);
  EXPECT_EQ(defaults.tenants[0].initial_database_gib, Interval::Exact(5));
  EXPECT_THAT(defaults.defaults_used, ::testing::Contains("policy.maintenance_reserve"));
  const Estate e =
      Read("policy: {sustained_max_utilisation: 0.5, survive_zone_loss: false, zones: 2}\n" +
           WithBase("    initial_database_gib: {low: 10, mid: 20, high: 40}\n"));
  EXPECT_EQ(e.policy.sustained_max_utilisation, 0.5);
  EXPECT_FALSE(e.policy.survive_zone_loss);
  EXPECT_EQ(e.policy.zones, 2);
  EXPECT_EQ(e.tenants[0].initial_database_gib, (Interval{10, 20, 40, 0.8}));
}

TEST(ReadEstateErrorTest, PolicyThatCannotHold) {
  EXPECT_THAT(
      ErrorsOf("policy: {sustained_max_utilisation: 0.9, zones: 1, storage_growth_rom: 1}\n" +
               std::string(kBase)),
      ElementsAre("e.yaml:1:37: error: policy.sustained_max_utilisation: must not exceed "
                  "peak_max_utilisation (0.85)",
                  "e.yaml:1:49: error: policy.zones: surviving a zone loss needs at least 2 zones",
                  "e.yaml:1:52: error: policy.storage_growth_rom: unknown key; did you mean "
                  "'storage_growth_room'?"));
}

}  // namespace
}  // namespace headroom
