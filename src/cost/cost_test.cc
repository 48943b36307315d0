#include "cost/cost.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

const Catalog& C() { return BuiltinCatalog(); }

TEST(NodesMonthlyCost, PriceTimes730Hours) {
  // 3 x 0.2016 x 730 = 441.504
  EXPECT_NEAR(NodesMonthlyCost(*FindNodeType(C(), "m7i.xlarge"), 3), 441.504, 1e-9);
  EXPECT_DOUBLE_EQ(NodesMonthlyCost(*FindNodeType(C(), "m7i.xlarge"), 0), 0.0);
}

// The AWS gp2-to-gp3 guide's tables (docs.aws.amazon.com/prescriptive-guidance/.../
// ebs-migrate-gp2-gp3.html) price these gp3 volumes per month.
TEST(BlockStorageMonthlyCost, MatchesAwsPublishedGp3Examples) {
  const BlockStoragePrice& gp3 = C().block_storage;
  EXPECT_NEAR(BlockStorageMonthlyCost(gp3, {30, 3000, 125}), 2.40, 1e-9);
  EXPECT_NEAR(BlockStorageMonthlyCost(gp3, {30, 3000, 128}), 2.52, 1e-9);
  EXPECT_NEAR(BlockStorageMonthlyCost(gp3, {500, 3000, 250}), 45.00, 1e-9);
  EXPECT_NEAR(BlockStorageMonthlyCost(gp3, {2000, 6000, 250}), 180.00, 1e-9);
  EXPECT_NEAR(BlockStorageMonthlyCost(gp3, {6000, 16000, 250}), 550.00, 1e-9);
}

TEST(BlockStorageMonthlyCost, BaselineBelowIncludedCostsNothingExtra) {
  EXPECT_NEAR(BlockStorageMonthlyCost(C().block_storage, {100, 0, 0}), 8.0, 1e-12);
}

// gp3 delivers up to 16,000 IOPS and 1,000 MiB/s per volume; above, only io2 does.
TEST(BlockStorageFor, CheapestClassThatDeliversTheVolume) {
  const Catalog& c = C();
  EXPECT_EQ(BlockStorageFor(c, {100, 3000, 125}).name, "gp3");
  EXPECT_EQ(BlockStorageFor(c, {100, 16000, 1000}).name, "gp3");
  // 100 GiB at 16,001 IOPS: gp3 cannot; io2 100 × 0.125 + 16001 × 0.065 = 1052.565.
  const BlockVolume fast{100, 16001, 200};
  EXPECT_EQ(BlockStorageFor(c, fast).name, "io2");
  EXPECT_NEAR(BlockStorageMonthlyCost(BlockStorageFor(c, fast), fast), 1052.565, 1e-9);
  EXPECT_EQ(BlockStorageFor(c, {100, 3000, 1001}).name, "io2");  // throughput beyond gp3's
  // Beyond every class: the one with the most IOPS (the sizer reports the layer saturated).
  EXPECT_EQ(BlockStorageFor(c, {100, 1e6, 200}).name, "io2");
}

TEST(BlockStorageFor, CheaperClassWinsAndTiesGoToTheEarlierListed) {
  Catalog c = C();
  BlockStoragePrice cheap = c.block_storage;
  cheap.name = "cheap";
  cheap.per_gib_month = 0.04;
  c.other_block_storage = {cheap};
  EXPECT_EQ(BlockStorageFor(c, {100, 3000, 125}).name, "cheap");
  cheap.per_gib_month = c.block_storage.per_gib_month;
  c.other_block_storage = {cheap};
  EXPECT_EQ(BlockStorageFor(c, {100, 3000, 125}).name, "gp3");
}

TEST(MostVolumeIops, FastestClassOrNoLimit) {
  Catalog c = C();
  EXPECT_EQ(MostVolumeIops(c), 256000);
  c.other_block_storage.clear();
  EXPECT_EQ(MostVolumeIops(c), 16000);
  c.other_block_storage = {BlockStoragePrice{"unstated", 0.1, 0, 0, 0, 0, 0, 0}};
  EXPECT_EQ(MostVolumeIops(c), 0);  // a class without a stated limit: none known
  c.other_block_storage.clear();
  c.block_storage.max_iops = 0;
  c.block_storage.max_throughput_mib_s = 0;
  EXPECT_EQ(MostVolumeIops(c), 0);
  EXPECT_TRUE(Delivers(c.block_storage, {100, 1e9, 1e9}));
}

TEST(ObjectStorage, GrowingDataIsBilledAtTheMonthsAverage) {
  EXPECT_DOUBLE_EQ(AverageGibOverMonth(100, 300), 200.0);
  EXPECT_NEAR(ObjectStorageMonthlyCost(C(), 100, 300), 4.6, 1e-12);  // 200 x 0.023
}

TEST(OtherMonthlyCosts, ByHand) {
  EXPECT_NEAR(EgressMonthlyCost(C(), 1000), 90.0, 1e-9);             // 1000 x 0.09
  EXPECT_NEAR(BackupStorageMonthlyCost(C(), 400, 600), 25.0, 1e-9);  // 500 x 0.05
  EXPECT_NEAR(LoadBalancerMonthlyCost(C(), 2), 32.85, 1e-9);         // 2 x 0.0225 x 730
}

TEST(QuoteManagedPostgres, CheapestClassThatFitsWithStandbyBilled) {
  const Result<ManagedPostgresQuote> ha = QuoteManagedPostgres(C(), 3, 12, 200, true);
  ASSERT_TRUE(ha.ok());
  EXPECT_EQ(ha.value().type, "db.m6i.xlarge");
  EXPECT_NEAR(ha.value().instance_monthly, 519.76, 1e-9);  // 0.356 x 730 x 2
  EXPECT_NEAR(ha.value().storage_monthly, 46.0, 1e-9);     // 200 x 0.115 x 2
  EXPECT_NEAR(ha.value().total_monthly, 565.76, 1e-9);

  const Result<ManagedPostgresQuote> single = QuoteManagedPostgres(C(), 3, 12, 200, false);
  ASSERT_TRUE(single.ok());
  EXPECT_NEAR(single.value().total_monthly, 282.88, 1e-9);  // 259.88 + 23
}

TEST(QuoteManagedPostgres, TooLargeIsAnError) {
  const Result<ManagedPostgresQuote> q = QuoteManagedPostgres(C(), 64, 8, 10, true);
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(q.error().message,
            "no managed PostgreSQL class in catalog 'aws-us-east-1-example' has 64 vCPU and 8 GiB");
}

}  // namespace
}  // namespace headroom
