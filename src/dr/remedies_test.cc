#include "dr/remedies.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

RecoveryMonth RemedyMonth() {
  RecoveryMonth m;
  m.database_gib = 100;
  m.wal_gib_per_day = 8;
  m.filestore_gib = 50;
  m.postgres_vcpu = 8;
  m.postgres_instances = 2;
  m.volume_mib_s = 125;
  m.instance_monthly = 300;
  return m;
}

// Round prices so that the hand-worked figures below are easy to follow.
Catalog Prices() {
  Catalog c;
  c.object_storage_per_gib_month = 0.02;
  c.snapshot_per_gib_month = 0.05;
  c.egress_per_gib = 0.1;
  c.block_storage.per_throughput_mib_s_month = 0.04;
  return c;
}

struct Fixture {
  Catalog catalog = Prices();
  RemedyPrices prices{&catalog, StorageSettings{}, DrSettings{}};  // 1/week, 30 days, 0.5
};

TEST(Remedies, DailyBaseBackupsCostTheirExtraCopies) {
  Fixture f;
  RecoveryDesign daily;
  daily.base_backups_per_week = 7;
  // Weekly: ⌈30/7⌉ + 1 = 6 backups × 100 × 0.5 = 300 GiB, WAL 37 days × 8 × 0.5 = 148 GiB.
  // Daily: 31 × 50 = 1550 GiB, WAL 31 × 4 = 124 GiB. Δ = 1226 GiB × 0.02 = 24.52.
  EXPECT_NEAR(ExtraMonthlyCost(RemedyMonth(), RecoveryDesign{}, daily, f.prices), 24.52, 1e-9);
}

TEST(Remedies, ShorterArchiveTimeoutCostsItsForcedSegments) {
  Fixture f;
  RecoveryDesign d;
  d.archive_timeout_s = 60;
  // 8 GiB/day fills 512 segments; 300 s forces none beyond them (288 < 512); 60 s forces
  // 1440 − 512 = 928 a day = 14.5 GiB, × 0.5 compression × 37 days kept = 268.25 GiB × 0.02.
  EXPECT_NEAR(ExtraMonthlyCost(RemedyMonth(), RecoveryDesign{}, d, f.prices), 5.365, 1e-9);
}

TEST(Remedies, SnapshotsThroughputAndStandbys) {
  Fixture f;
  RecoveryDesign snap;
  snap.volume_snapshots = true;
  // A week of snapshots: 100 + 6 × 8 = 148 GiB × 0.05 = 7.4.
  EXPECT_NEAR(ExtraMonthlyCost(RemedyMonth(), RecoveryDesign{}, snap, f.prices), 7.4, 1e-9);
  RecoveryDesign fast;
  fast.volume_mib_s = 1000;
  // (1000 − 125) MiB/s on 2 volumes × 0.04 = 70.
  EXPECT_NEAR(ExtraMonthlyCost(RemedyMonth(), RecoveryDesign{}, fast, f.prices), 70.0, 1e-9);
  RecoveryDesign sync;
  sync.synchronous_standby = true;
  sync.extra_instances = 1;
  EXPECT_NEAR(ExtraMonthlyCost(RemedyMonth(), RecoveryDesign{}, sync, f.prices), 300.0, 1e-9);
}

TEST(Remedies, SecondRegions) {
  Fixture f;
  RecoveryDesign cold;
  cold.secondary = SecondaryRegion::kCold;
  // Stored: 448 GiB of backups + 50 GiB of attachments = 498 × 0.02 = 9.96. Sent per month
  // (30.4375 days): bases 100 × 0.5 × 30.4375 / 7 = 217.41 GiB, WAL 4 × 30.4375 = 121.75 GiB,
  // (217.41 + 121.75) × 0.1 = 33.92.
  const double sent = (50.0 * 30.4375 / 7 + 4 * 30.4375) * 0.1;
  EXPECT_NEAR(ExtraMonthlyCost(RemedyMonth(), RecoveryDesign{}, cold, f.prices), 9.96 + sent, 1e-9);
  RecoveryDesign warm;
  warm.secondary = SecondaryRegion::kWarm;
  // Plus one instance (300) and the WAL streamed uncompressed: 8 × 30.4375 × 0.1 = 24.35.
  EXPECT_NEAR(ExtraMonthlyCost(RemedyMonth(), RecoveryDesign{}, warm, f.prices),
              9.96 + sent + 300 + 24.35, 1e-9);
  // From cold to warm costs only the difference.
  EXPECT_NEAR(ExtraMonthlyCost(RemedyMonth(), cold, warm, f.prices), 300 + 24.35, 1e-9);
}

TEST(Remedies, CandidatesCoverEveryCombinationOnce) {
  const std::vector<RecoveryDesign> all = CandidateDesigns(RecoveryDesign{}, DrSettings{}, 2);
  // 2 (backups) × 2 (timeout) × 2 (snapshots) × 2 (sync) × 2 (throughput) × 3 (regions).
  EXPECT_EQ(all.size(), 96u);
  EXPECT_EQ(all.front(), RecoveryDesign{});
  for (const RecoveryDesign& d : all) {
    // Synchronous replication comes with a third instance.
    EXPECT_EQ(d.extra_instances, d.synchronous_standby ? 1 : 0);
  }
  RecoveryDesign strongest;
  strongest.base_backups_per_week = 7;
  strongest.archive_timeout_s = 60;
  strongest.volume_snapshots = true;
  strongest.synchronous_standby = true;
  strongest.volume_mib_s = 1000;
  strongest.secondary = SecondaryRegion::kWarm;
  EXPECT_EQ(CandidateDesigns(strongest, DrSettings{}, 3).size(), 1u);
}

TEST(Remedies, ChangesAreNamed) {
  RecoveryDesign d;
  d.base_backups_per_week = 7;
  d.secondary = SecondaryRegion::kWarm;
  const std::vector<std::string> words = DescribeChanges(RecoveryDesign{}, d);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0], "daily base backups");
  EXPECT_EQ(words[1], "warm second region (replica cluster)");
}

}  // namespace
}  // namespace headroom
