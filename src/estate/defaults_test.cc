#include "estate/defaults.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "estate/yaml_reader.h"

namespace headroom {
namespace {

TEST(DefaultsTableTest, KeysAreUniqueAndEveryEntrySaysWhereItComesFrom) {
  std::set<std::string_view> keys;
  for (const Default& d : DefaultsTable()) {
    EXPECT_TRUE(keys.insert(d.key).second) << "duplicate key " << d.key;
    EXPECT_FALSE(d.unit.empty()) << d.key;
    EXPECT_GE(d.source.size(), 20u) << d.key;
    EXPECT_EQ(d.unit == "text", !d.text.empty()) << d.key;
  }
  EXPECT_EQ(DefaultsTable().size(), keys.size());
}

TEST(DefaultsTableTest, LooksUpByKey) {
  const Default* d = FindDefault("tenant.concurrency_ratio");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->value, 0.25);
  EXPECT_EQ(d->unit, "share");
  EXPECT_EQ(FindDefault("tenant.no_such_field"), nullptr);
  EXPECT_EQ(DefaultValue("planning.samples"), 128);
  EXPECT_EQ(DefaultText("tenant.time_zone"), "UTC");
}

// The model's member initializers document the same defaults; they must not drift apart.
TEST(DefaultsTableTest, AgreesWithTheModelInitializers) {
  const Estate estate;
  EXPECT_EQ(estate.horizon_months, DefaultValue("estate.horizon_months"));
  EXPECT_EQ(estate.currency, DefaultText("estate.currency"));
  EXPECT_EQ(estate.planning.quantile, DefaultValue("planning.quantile"));
  EXPECT_EQ(estate.planning.samples, DefaultValue("planning.samples"));
  EXPECT_EQ(estate.planning.backlog_return_share, DefaultValue("planning.backlog_return_share"));
  EXPECT_EQ(estate.planning.backlog_drain_hours, DefaultValue("planning.backlog_drain_hours"));
  EXPECT_EQ(Interval::Exact(1).confidence, DefaultValue("interval.confidence"));
  EXPECT_EQ(RequestClass{}.service_cv, DefaultValue("request_class.service_cv"));
  const CalendarEvent event;
  EXPECT_EQ(event.last_business_days, DefaultValue("event.month_end.last_business_days"));
  EXPECT_EQ(event.first_business_days, DefaultValue("event.month_end.first_business_days"));
  EXPECT_EQ(event.lead_business_days, DefaultValue("event.payroll.lead_business_days"));
  EXPECT_EQ(event.day_of_month, DefaultValue("event.day_of_month"));
  EXPECT_EQ(event.weekday, DefaultValue("event.weekday"));
  EXPECT_EQ(event.duration_days, DefaultValue("event.duration_days"));
  const Tenant tenant;
  EXPECT_EQ(tenant.time_zone, DefaultText("tenant.time_zone"));
  EXPECT_EQ(tenant.sites.initial, DefaultValue("sites.initial"));
  EXPECT_EQ(tenant.sites.users_per_site, Interval::Exact(DefaultValue("sites.users_per_site")));
  EXPECT_EQ(tenant.concurrency_ratio, Interval::Exact(DefaultValue("tenant.concurrency_ratio")));
  EXPECT_EQ(tenant.requests_per_user_hour,
            Interval::Exact(DefaultValue("tenant.requests_per_user_hour")));
  EXPECT_EQ(tenant.profile.weekend_factor, DefaultValue("profile.weekend_factor"));
  const PortalUsers portal;
  EXPECT_EQ(portal.concurrency_ratio, Interval::Exact(DefaultValue("portal.concurrency_ratio")));
  EXPECT_EQ(portal.requests_per_user_hour,
            Interval::Exact(DefaultValue("portal.requests_per_user_hour")));
  EXPECT_EQ(portal.request_class, DefaultText("portal.request_class"));
  const Integration integration;
  EXPECT_EQ(integration.request_class, DefaultText("integration.request_class"));
  EXPECT_EQ(integration.payload_kib, DefaultValue("integration.payload_kib"));
}

TEST(DefaultsTableTest, BuiltInClassesHaveTheExampleValues) {
  const std::vector<RequestClass> classes = DefaultRequestClasses();
  ASSERT_EQ(classes.size(), 5u);
  EXPECT_THAT(BuiltInClassNames(),
              ::testing::ElementsAre("interactive", "report", "portal", "api", "bus"));
  const RequestClass& interactive = classes[0];
  EXPECT_EQ(interactive.app_cpu_ms, 90);
  EXPECT_EQ(interactive.db_cpu_ms, 25);
  EXPECT_EQ(interactive.db_reads, 40);
  EXPECT_EQ(interactive.db_writes, 6);
  EXPECT_EQ(interactive.worker_memory_mib, 180);
  EXPECT_EQ(interactive.response_kib, 48);
  EXPECT_EQ(interactive.service_cv, 1.5);
  EXPECT_EQ(interactive.p95_target_ms, 800);
  EXPECT_FALSE(interactive.long_lived);
  EXPECT_EQ(classes[1].worker_memory_mib, 900);  // Odoo: ~1 GB per heavy worker
  EXPECT_EQ(classes[2].p95_target_ms, 1000);
  EXPECT_EQ(classes[3].response_kib, 6);
  EXPECT_TRUE(classes[4].long_lived);
  EXPECT_EQ(classes[4].db_reads, 0);
  EXPECT_FALSE(BuiltInClass("pos").has_value());
}

TEST(DefaultsTableTest, DefaultProfilePeaksMidMorningAndMidAfternoon) {
  const DailyProfile p = DefaultDailyProfile();
  ASSERT_EQ(p.weekday_hour_weights.size(), 24u);
  const auto& w = p.weekday_hour_weights;
  EXPECT_EQ(*std::max_element(w.begin(), w.end()), 1.0);
  EXPECT_EQ(w[10], 1.0);
  EXPECT_EQ(w[14], 1.0);
  EXPECT_EQ(w[15], 1.0);
  for (int hour = 0; hour <= 5; ++hour) EXPECT_LE(w[hour], 0.05) << hour;
  EXPECT_LT(w[12], w[11]);  // lunch dip
  EXPECT_EQ(p.weekend_factor, 0.1);
}

TEST(DefaultsTableTest, DefaultClassMixSumsTo100) {
  const std::vector<ClassShare> mix = DefaultClassMix();
  ASSERT_EQ(mix.size(), 2u);
  EXPECT_EQ(mix[0].request_class, "interactive");
  EXPECT_EQ(mix[0].percent + mix[1].percent, 100);
}

// Every entry of the table fills some omitted field, and every key the reader applies is in the
// table: two estates that omit everything they can cover the whole table between them.
TEST(DefaultsTableTest, EveryEntryIsUsedByTheReader) {
  constexpr std::string_view kOmitAll = R"(estate: {name: a, start: 2027-01}
events:
  - {name: close, kind: month_end, batch: {cpu_seconds: 1, deadline_hours: 1}}
  - {name: pay, kind: payroll}
  - {name: bill, kind: monthly}
  - {name: week, kind: weekly}
  - {name: onboard, kind: onboarding}
tenants:
  - name: t
    sites:
      growth: [{month: 1, add_sites: 1}, {kind: acquisition, name: b, month: 2, add_sites: 1}]
    portal: {users: 10}
    integrations: [{name: i, calls_per_day: 5}]
    nightly_jobs: [{name: j, cpu_seconds: 1, deadline_hours: 1}]
    central_users: {low: 1, mid: 2, high: 3}
)";
  constexpr std::string_view kCustomClass = R"(estate: {name: a, start: 2027-01}
request_classes:
  - {name: c, app_cpu_ms: 1, db_cpu_ms: 1, db_reads: 1, db_writes: 1, worker_memory_mib: 1,
     response_kib: 1, p95_target_ms: 1}
tenants: [{name: t, class_mix: {c: 100}}]
)";
  std::set<std::string> used;
  for (std::string_view yaml : {kOmitAll, kCustomClass}) {
    Result<Estate> r = ReadEstate(yaml, "e.yaml");
    ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
    for (const std::string& key : r.value().defaults_used) {
      EXPECT_NE(FindDefault(key), nullptr) << key;
      used.insert(key);
    }
  }
  for (const Default& d : DefaultsTable()) {
    EXPECT_EQ(used.count(std::string(d.key)), 1u) << "never used: " << d.key;
  }
}

// docs/assumptions.md lists the table; it must show the values the code uses.
TEST(DefaultsTableTest, AssumptionsPageShowsEveryDefault) {
  std::ifstream in(std::string(HEADROOM_SOURCE_DIR) + "/docs/assumptions.md");
  std::stringstream page;
  page << in.rdbuf();
  const std::string doc = page.str();
  ASSERT_FALSE(doc.empty());
  auto contains = [&](const std::string& row) { return doc.find(row) != std::string::npos; };
  for (const Default& d : DefaultsTable()) {
    const std::string key(d.key);
    if (key.rfind("profile.hour_", 0) == 0) continue;
    bool built_in_class = false;
    for (const std::string& name : BuiltInClassNames()) {
      built_in_class = built_in_class || key.rfind("request_class." + name + ".", 0) == 0;
    }
    if (built_in_class) continue;
    std::string value = fmt::format("{}", d.value);
    if (d.unit == "text") value = fmt::format("`{}`", d.text);
    if (d.unit == "flag") value = d.value != 0 ? "`true`" : "`false`";
    EXPECT_TRUE(contains(fmt::format("| `{}` | {} |", key, value))) << key;
  }
  for (const RequestClass& c : DefaultRequestClasses()) {
    EXPECT_TRUE(contains(fmt::format("| `{}` | {} | {} | {} | {} | {} | {} | {} | {} | `{}` |",
                                     c.name, c.app_cpu_ms, c.db_cpu_ms, c.db_reads, c.db_writes,
                                     c.worker_memory_mib, c.response_kib, c.service_cv,
                                     c.p95_target_ms, c.long_lived)))
        << c.name;
  }
  std::string profile_row = "| weight |";
  for (double w : DefaultDailyProfile().weekday_hour_weights)
    profile_row += fmt::format(" {} |", w);
  EXPECT_TRUE(contains(profile_row));
}

}  // namespace
}  // namespace headroom
