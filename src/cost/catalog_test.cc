#include "cost/catalog.h"

#include <gtest/gtest.h>

#include <map>

namespace headroom {
namespace {

TEST(BuiltinCatalog, IsValidAndDated) {
  const Catalog& c = BuiltinCatalog();
  EXPECT_TRUE(ValidateCatalog(c).ok()) << FormatAll(ValidateCatalog(c).errors());
  EXPECT_EQ(c.currency, "USD");
  EXPECT_EQ(c.region, "us-east-1");
  EXPECT_EQ(c.price_date, "2026-01-19");
  EXPECT_NE(c.source.find("supply your own"), std::string::npos);
  EXPECT_EQ(c.zones, (std::vector<std::string>{"us-east-1a", "us-east-1b", "us-east-1c"}));
}

TEST(BuiltinCatalog, HoldsThreeFamiliesFromTwoToSixtyFourVcpu) {
  const Catalog& c = BuiltinCatalog();
  ASSERT_EQ(c.node_types.size(), 21u);
  std::map<NodeClass, double> gib_per_vcpu = {{NodeClass::kGeneralPurpose, 4},
                                              {NodeClass::kComputeOptimised, 2},
                                              {NodeClass::kMemoryOptimised, 8}};
  for (const NodeType& t : c.node_types) {
    EXPECT_GE(t.vcpu, 2) << t.name;
    EXPECT_LE(t.vcpu, 64) << t.name;
    EXPECT_DOUBLE_EQ(t.memory_gib / t.vcpu, gib_per_vcpu[t.node_class]) << t.name;
  }
}

// Within a family the list price per vCPU is the same at every size; a transcription slip
// would break that.
TEST(BuiltinCatalog, PricePerVcpuIsConstantWithinAFamily) {
  const Catalog& c = BuiltinCatalog();
  std::map<std::string, double> per_vcpu;
  for (const NodeType& t : c.node_types) {
    const std::string family = t.name.substr(0, t.name.find('.'));
    const double p = t.price_per_hour / t.vcpu;
    if (per_vcpu.count(family) == 0) per_vcpu[family] = p;
    EXPECT_NEAR(p, per_vcpu[family], 1e-12) << t.name;
  }
  EXPECT_NEAR(per_vcpu["m7i"], 0.0504, 1e-12);
  EXPECT_NEAR(per_vcpu["c7i"], 0.044625, 1e-12);
  EXPECT_NEAR(per_vcpu["r7i"], 0.06615, 1e-12);
}

TEST(BuiltinCatalog, PricesAsPublished) {
  const Catalog& c = BuiltinCatalog();
  ASSERT_NE(FindBlockStorage(c, "gp3"), nullptr);
  EXPECT_EQ(FindBlockStorage(c, "gp3"), &c.block_storage);
  ASSERT_NE(FindBlockStorage(c, "io2"), nullptr);
  EXPECT_EQ(FindBlockStorage(c, "io2")->max_iops, 256000);
  EXPECT_EQ(FindBlockStorage(c, "st1"), nullptr);
  ASSERT_NE(FindNodeType(c, "m7i.xlarge"), nullptr);
  EXPECT_DOUBLE_EQ(FindNodeType(c, "m7i.xlarge")->price_per_hour, 0.2016);
  EXPECT_EQ(FindNodeType(c, "m7i.xlarge")->max_pods, 58);
  EXPECT_DOUBLE_EQ(FindNodeType(c, "c7i.large")->price_per_hour, 0.08925);
  EXPECT_DOUBLE_EQ(FindNodeType(c, "r7i.8xlarge")->price_per_hour, 2.1168);
  EXPECT_EQ(FindNodeType(c, "r7i.8xlarge")->max_pods, 234);
  ASSERT_NE(FindNodeType(c, "c7i.12xlarge"), nullptr);
  EXPECT_DOUBLE_EQ(FindNodeType(c, "c7i.12xlarge")->price_per_hour, 2.142);
  EXPECT_EQ(FindNodeType(c, "c7i.12xlarge")->max_pods, 234);
  ASSERT_NE(FindNodeType(c, "r7i.16xlarge"), nullptr);
  EXPECT_DOUBLE_EQ(FindNodeType(c, "r7i.16xlarge")->price_per_hour, 4.2336);
  EXPECT_EQ(FindNodeType(c, "r7i.16xlarge")->max_pods, 737);
  EXPECT_EQ(FindNodeType(c, "m7i.metal"), nullptr);
  EXPECT_EQ(c.block_storage, (BlockStoragePrice{"gp3", 0.08, 3000, 0.005, 125, 0.04, 16000, 1000}));
  EXPECT_EQ(c.other_block_storage,
            (std::vector<BlockStoragePrice>{{"io2", 0.125, 0, 0.065, 4000, 0, 256000, 4000}}));
  EXPECT_DOUBLE_EQ(c.snapshot_per_gib_month, 0.05);
  ASSERT_NE(FindManagedPostgres(c, "db.m6i.xlarge"), nullptr);
  EXPECT_DOUBLE_EQ(FindManagedPostgres(c, "db.m6i.xlarge")->ha_multiplier, 2.0);
}

TEST(BuiltinCatalog, EveryReferenceNamesASourceAndUnconfirmedOnesSaySo) {
  int unconfirmed = 0;
  for (const PriceReference& r : BuiltinCatalog().references) {
    EXPECT_FALSE(r.item.empty());
    EXPECT_FALSE(r.source.empty()) << r.item;
    if (!r.confirmed) {
      ++unconfirmed;
      EXPECT_FALSE(r.note.empty()) << r.item;
    }
  }
  EXPECT_EQ(unconfirmed, 6);
}

TEST(ValidateCatalog, ReportsEveryProblemWithItsField) {
  Catalog c = BuiltinCatalog();
  c.price_date = "19/01/2026";
  c.currency = "usd";
  c.zones.push_back("us-east-1a");
  c.node_types[1].name = c.node_types[0].name;
  c.node_types[2].vcpu = 0;
  c.egress_per_gib = -1;
  c.managed_postgres[0].ha_multiplier = 0.5;
  c.other_block_storage.push_back(c.block_storage);  // a second class named gp3
  c.other_block_storage[0].max_iops = -1;
  const Status s = ValidateCatalog(c);
  ASSERT_FALSE(s.ok());
  std::vector<std::string> fields;
  for (const Error& e : s.errors()) fields.push_back(e.where.field);
  EXPECT_EQ(fields, (std::vector<std::string>{
                        "catalog.currency", "catalog.price_date", "catalog.zones[3]",
                        "catalog.node_types[1].name", "catalog.node_types[2].vcpu",
                        "catalog.managed_postgres[0].ha_multiplier",
                        "catalog.other_block_storage[0].max_iops",
                        "catalog.other_block_storage[1].name", "catalog.egress_per_gib"}));
  EXPECT_EQ(s.errors()[1].Format(),
            "error: catalog.price_date: '19/01/2026' is not a date of the form YYYY-MM-DD");
}

TEST(ValidateCatalog, NeedsNodeTypesAndZones) {
  Catalog c;
  c.name = "x";
  c.currency = "EUR";
  c.price_date = "2025-13-01";
  c.source = "mine";
  c.region = "r";
  const Status s = ValidateCatalog(c);
  ASSERT_EQ(s.errors().size(), 3u);
  EXPECT_EQ(s.errors()[0].where.field, "catalog.price_date");
  EXPECT_EQ(s.errors()[1].where.field, "catalog.zones");
  EXPECT_EQ(s.errors()[2].where.field, "catalog.node_types");
}

}  // namespace
}  // namespace headroom
