#include "dr/recovery_math.h"

#include <gtest/gtest.h>

#include <limits>

namespace headroom {
namespace {

// The hand-worked month of docs/dr.md: 100 GiB of tables and indexes, 8 GiB of WAL a day,
// 8 vCPU, data volumes at 1000 MiB/s, 10 HTTP pods; the default settings.
RecoveryMonth Worked() {
  RecoveryMonth m;
  m.label = "2027-06";
  m.database_gib = 100;
  m.wal_gib_per_day = 8;
  m.postgres_vcpu = 8;
  m.postgres_instances = 2;
  m.volume_mib_s = 1000;
  m.odoo_pods = 10;
  return m;
}

TEST(RecoveryMath, ThroughputIsTheSlowestOfProcessesNetworkAndVolume) {
  const DrSettings s;
  RecoveryMonth m = Worked();
  const RecoveryDesign d;
  // Backup: ⌊8 × 0.25⌋ = 2 processes × 100 = 200 MiB/s (network 1192, volume 1000).
  EXPECT_DOUBLE_EQ(BackupMibS(m, d, s), 200.0);
  // Restore: 8 × 150 = 1200, network 1192, volume 1000 → 1000 MiB/s.
  EXPECT_DOUBLE_EQ(RestoreMibS(m, d, s), 1000.0);
  // A gp3 volume at its included 125 MiB/s bounds both.
  m.volume_mib_s = 125;
  EXPECT_DOUBLE_EQ(BackupMibS(m, d, s), 125.0);
  EXPECT_DOUBLE_EQ(RestoreMibS(m, d, s), 125.0);
  // The design's provisioned throughput replaces the month's.
  RecoveryDesign fast;
  fast.volume_mib_s = 1000;
  EXPECT_DOUBLE_EQ(RestoreMibS(m, fast, s), 1000.0);
  // Two vCPU still back up with one process.
  m.postgres_vcpu = 2;
  EXPECT_DOUBLE_EQ(BackupMibS(m, fast, s), 100.0);
}

TEST(RecoveryMath, BaseBackupAndRestoreMinutes) {
  const DrSettings s;
  const RecoveryMonth m = Worked();
  const RecoveryDesign d;
  // 102,400 MiB / 200 MiB/s = 512 s = 8.5333 min; / 1000 MiB/s = 102.4 s = 1.7067 min.
  EXPECT_NEAR(BaseBackupMinutes(m, d, s), 512.0 / 60, 1e-12);
  EXPECT_NEAR(BaseRestoreMinutes(m, d, s), 102.4 / 60, 1e-12);
  RecoveryDesign snap;
  snap.volume_snapshots = true;
  EXPECT_DOUBLE_EQ(BaseRestoreMinutes(m, snap, s), 10.0);  // snapshot_restore_minutes
}

TEST(RecoveryMath, WalReplayCoversTheDaysSinceTheNewestBase) {
  const DrSettings s;
  const RecoveryMonth m = Worked();
  RecoveryDesign weekly;
  // Weekly base backups: up to 7 days × 8 GiB = 56 GiB; 57,344 MiB / 50 MiB/s = 1146.88 s.
  EXPECT_DOUBLE_EQ(WalSinceBaseGib(m, weekly), 56.0);
  EXPECT_NEAR(WalReplayMinutes(m, weekly, s), 1146.88 / 60, 1e-9);
  RecoveryDesign daily;
  daily.base_backups_per_week = 7;
  EXPECT_DOUBLE_EQ(WalSinceBaseGib(m, daily), 8.0);
  RecoveryDesign twice;
  twice.base_backups_per_week = 2;
  EXPECT_DOUBLE_EQ(WalSinceBaseGib(m, twice), 28.0);
  RecoveryDesign snap;
  snap.volume_snapshots = true;  // daily snapshots
  EXPECT_DOUBLE_EQ(WalSinceBaseGib(m, snap), 8.0);
}

TEST(RecoveryMath, ArchiveLagIsTheEarlierOfFillAndTimeoutPlusUpload) {
  const DrSettings s;
  RecoveryMonth m = Worked();
  const RecoveryDesign d;
  // 8 GiB/day = 8192 / 86400 MiB/s: a 16 MiB segment fills in 168.75 s (< 300 s timeout), and
  // uploads in 16 / 100 = 0.16 s.
  EXPECT_NEAR(ArchiveLagSeconds(m, d, s), 168.75 + 0.16, 1e-9);
  // 0.1 GiB/day fills a segment in 13,500 s: archive_timeout forces it out at 300 s.
  m.wal_gib_per_day = 0.1;
  EXPECT_NEAR(ArchiveLagSeconds(m, d, s), 300.16, 1e-9);
  RecoveryDesign short_timeout;
  short_timeout.archive_timeout_s = 60;
  EXPECT_NEAR(ArchiveLagSeconds(m, short_timeout, s), 60.16, 1e-9);
}

TEST(RecoveryMath, RollbackRunsInSurgeWaves) {
  const DrSettings s;
  RecoveryMonth m = Worked();
  // 10 pods, maxSurge 25% → 3 at a time → 4 waves of 60 s, after 5 min of detection.
  EXPECT_DOUBLE_EQ(RollbackMinutes(m, s), 9.0);
  m.odoo_pods = 2;  // ⌈0.5⌉ = 1 at a time → 2 waves
  EXPECT_DOUBLE_EQ(RollbackMinutes(m, s), 7.0);
}

TEST(RecoveryMath, HostileInputsStayFinite) {
  const DrSettings s;
  RecoveryMonth m;
  m.database_gib = std::numeric_limits<double>::quiet_NaN();
  m.wal_gib_per_day = std::numeric_limits<double>::infinity();
  m.volume_mib_s = -5;
  m.postgres_vcpu = 0;
  const RecoveryDesign d;
  for (double x : {BackupMibS(m, d, s), RestoreMibS(m, d, s), BaseBackupMinutes(m, d, s),
                   BaseRestoreMinutes(m, d, s), WalReplayMinutes(m, d, s),
                   ArchiveLagSeconds(m, d, s), RollbackMinutes(m, s)}) {
    EXPECT_TRUE(std::isfinite(x)) << x;
    EXPECT_GE(x, 0.0);
  }
}

}  // namespace
}  // namespace headroom
