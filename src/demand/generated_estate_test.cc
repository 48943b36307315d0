#include "demand/generated_estate.h"

#include <gtest/gtest.h>

#include <set>

#include "demand/demand.h"

namespace headroom {
namespace {

TEST(GeneratedEstateTest, ValidDeterministicAndLoadedInEveryClass) {
  const Estate a = GenerateEstate(30, 24, 42);
  const Estate b = GenerateEstate(30, 24, 42);
  ASSERT_EQ(a.tenants.size(), 30u);
  EXPECT_EQ(a.tenants[7].sites.initial, b.tenants[7].sites.initial);
  EXPECT_EQ(a.tenants[7].sites.users_per_site, b.tenants[7].sites.users_per_site);
  EXPECT_NE(GenerateEstate(30, 24, 43).tenants[7].sites.users_per_site,
            a.tenants[7].sites.users_per_site);
  std::set<std::string> zones;
  for (const Tenant& t : a.tenants) zones.insert(t.time_zone);
  EXPECT_EQ(zones.size(), 9u);
  // The built-in classes, each short one with a latency target to verify against.
  ASSERT_EQ(a.request_classes.size(), 5u);
  for (const RequestClass& c : a.request_classes) {
    if (!c.long_lived) {
      EXPECT_GT(c.p95_target_ms, 0) << c.name;
    }
  }

  DemandOptions options;
  options.samples = 2;
  EXPECT_TRUE(CheckDemandInputs(a, options).ok());
  Result<Demand> d = SynthesizeDemand(a, options);
  ASSERT_TRUE(d.ok());
  // Every tenant has load in all five classes (the bus as sessions).
  EXPECT_EQ(d.value().points, int64_t{30} * 5 * d.value().hours() * 2);
}

}  // namespace
}  // namespace headroom
