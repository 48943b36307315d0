#include "sizing/storage_sizer.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "sizing/assumptions_page_for_test.h"

namespace headroom {
namespace {

using docs_for_test::AssumptionsPage;

// 50 GiB of attachments now, 110 GiB six months later; the database 20 GiB now, 30 GiB later.
MonthLoad Documents(double now_mib = 51200, double later_mib = 112640) {
  MonthLoad load;
  load.documents_total_mib = now_mib;
  load.documents_total_mib_lookahead = later_mib;
  load.database_gib = 20;
  load.database_gib_lookahead = 30;
  return load;
}

// Values constructed by hand, as SizePostgres would report them.
PostgresSizing Postgres(double database_gib = 20, double storage_gib = 50) {
  PostgresSizing p;
  p.database_gib = database_gib;
  p.storage_gib = storage_gib;
  p.wal_storage_gib = 10;
  p.wal_gib_per_day = 2;
  p.instances = 2;
  return p;
}

bool Finite(const StorageSizing& s) {
  return std::isfinite(s.filestore_gib) && std::isfinite(s.filestore_lookahead_gib) &&
         std::isfinite(s.database_volume_gib) && std::isfinite(s.wal_volume_gib) &&
         std::isfinite(s.block_storage_gib) && std::isfinite(s.base_backups_gib) &&
         std::isfinite(s.wal_archive_gib) && std::isfinite(s.backup_footprint_gib) &&
         std::isfinite(s.object_storage_gib) && std::isfinite(s.object_storage_lookahead_gib) &&
         std::isfinite(s.verdict.utilisation);
}

// Filestore 51,200 / 1,024 = 50 GiB (110 GiB later). Volumes (50 + 10) × 2 instances = 120 GiB.
// Weekly base backups kept 30 days: ceil(30 × 1 / 7) + 1 = 5 + 1 = 6, each 20 × 0.5 = 10 GiB:
// 60 GiB. WAL archive over the oldest kept backup's age, 30 + 7 = 37 days × 2 × 0.5 = 37 GiB.
// Backups 97 GiB; object storage 50 + 97 = 147 GiB; later 110 + 6 × 30 × 0.5 + 37 = 237 GiB.
// Growth: filestore +60 GiB against database +10 GiB × (2 volumes + 6 × 0.5 backups) = 50 GiB:
// the filestore binds, at 50 / 110 = 45.5% of its look-ahead size.
TEST(SizeStorage, WeeklyBackupsByHand) {
  const StorageSizing s = SizeStorage(Documents(), Postgres(), HeadroomPolicy{}, StorageSettings{});
  EXPECT_DOUBLE_EQ(s.filestore_gib, 50.0);
  EXPECT_DOUBLE_EQ(s.filestore_lookahead_gib, 110.0);
  EXPECT_DOUBLE_EQ(s.database_volume_gib, 50.0);
  EXPECT_DOUBLE_EQ(s.wal_volume_gib, 10.0);
  EXPECT_DOUBLE_EQ(s.block_storage_gib, 120.0);
  EXPECT_EQ(s.base_backups_kept, 6);
  EXPECT_DOUBLE_EQ(s.base_backups_gib, 60.0);
  EXPECT_DOUBLE_EQ(s.wal_archive_gib, 37.0);
  EXPECT_DOUBLE_EQ(s.backup_footprint_gib, 97.0);
  EXPECT_DOUBLE_EQ(s.object_storage_gib, 147.0);
  EXPECT_DOUBLE_EQ(s.object_storage_lookahead_gib, 237.0);
  EXPECT_EQ(s.verdict.bottleneck, "filestore");
  EXPECT_EQ(s.verdict.binding_window, kSustained);
  EXPECT_NEAR(s.verdict.utilisation, 50.0 / 110.0, 1e-12);
  EXPECT_FALSE(s.verdict.saturated);
  EXPECT_NE(s.verdict.reason.find("grows 60.0 GiB"), std::string::npos) << s.verdict.reason;
}

// Daily base backups kept 7 days: ceil(7 × 7 / 7) + 1 = 8 backups × 10 GiB = 80 GiB, and
// (7 + 1) days of WAL × 2 × 0.5 = 8 GiB. Database growth now counts 10 × (2 + 8 × 0.5) = 60 GiB
// against a filestore growing 60 GiB: a tie goes to the database volume (20 / 50 = 40% full).
TEST(SizeStorage, DailyBackupsByHand) {
  StorageSettings settings;
  settings.base_backups_per_week = 7;
  settings.retention_days = 7;
  const StorageSizing s = SizeStorage(Documents(), Postgres(), HeadroomPolicy{}, settings);
  EXPECT_EQ(s.base_backups_kept, 8);
  EXPECT_DOUBLE_EQ(s.base_backups_gib, 80.0);
  EXPECT_DOUBLE_EQ(s.wal_archive_gib, 8.0);
  EXPECT_EQ(s.verdict.bottleneck, "database volume");
  EXPECT_DOUBLE_EQ(s.verdict.utilisation, 0.4);
}

// Cross-region replication doubles the filestore; no retention still keeps the newest backup
// and the WAL since it (one week).
TEST(SizeStorage, ReplicationAndZeroRetention) {
  StorageSettings settings;
  settings.filestore_replication = 2;
  settings.retention_days = 0;
  const StorageSizing s = SizeStorage(Documents(), Postgres(), HeadroomPolicy{}, settings);
  EXPECT_DOUBLE_EQ(s.filestore_gib, 100.0);
  EXPECT_EQ(s.base_backups_kept, 1);
  EXPECT_DOUBLE_EQ(s.wal_archive_gib, 7.0);
}

// A database larger than the volume PostgreSQL planned is saturated: 60 GiB on 50 GiB.
TEST(SizeStorage, DatabaseOutgrowingItsVolumeSaturates) {
  const StorageSizing s =
      SizeStorage(Documents(), Postgres(60, 50), HeadroomPolicy{}, StorageSettings{});
  EXPECT_TRUE(s.verdict.saturated);
  EXPECT_EQ(s.verdict.bottleneck, "database volume");
  EXPECT_DOUBLE_EQ(s.verdict.utilisation, 1.2);
}

// A look-ahead below the month-end (a shrinking estimate) never plans less than today.
TEST(SizeStorage, LookaheadNeverBelowToday) {
  const StorageSizing s =
      SizeStorage(Documents(51200, 10240), Postgres(), HeadroomPolicy{}, StorageSettings{});
  EXPECT_DOUBLE_EQ(s.filestore_lookahead_gib, s.filestore_gib);
}

TEST(SizeStorage, SaturatedInputsStayFinite) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  MonthLoad load = Documents(inf, nan);
  load.database_gib_lookahead = inf;
  PostgresSizing postgres = Postgres(inf, nan);
  postgres.wal_gib_per_day = inf;
  StorageSettings settings;
  settings.retention_days = std::numeric_limits<int>::max();
  settings.base_backups_per_week = -3;
  const StorageSizing s = SizeStorage(load, postgres, HeadroomPolicy{}, settings);
  EXPECT_TRUE(Finite(s));
  EXPECT_TRUE(s.verdict.saturated);
  EXPECT_GT(s.base_backups_kept, 0);
  EXPECT_EQ(s.verdict.reason.find("inf"), std::string::npos) << s.verdict.reason;
  EXPECT_EQ(s.verdict.reason.find("nan"), std::string::npos) << s.verdict.reason;
}

// More documents, a larger database, more WAL or longer retention never give less storage.
TEST(SizeStorage, MoreDataNeverLessStorage) {
  StorageSizing last;
  for (double k = 0; k <= 50; k += 0.5) {
    MonthLoad load = Documents(51200 * k, 112640 * k);
    load.database_gib_lookahead = 30 * k;
    PostgresSizing postgres = Postgres(20 * k, 50 * k + 1);
    postgres.wal_gib_per_day = 2 * k;
    StorageSettings settings;
    settings.retention_days = static_cast<int>(k);
    const StorageSizing s = SizeStorage(load, postgres, HeadroomPolicy{}, settings);
    EXPECT_TRUE(Finite(s));
    EXPECT_GE(s.filestore_gib, last.filestore_gib) << k;
    EXPECT_GE(s.base_backups_kept, last.base_backups_kept) << k;
    EXPECT_GE(s.backup_footprint_gib, last.backup_footprint_gib) << k;
    EXPECT_GE(s.object_storage_gib, last.object_storage_gib) << k;
    EXPECT_GE(s.object_storage_lookahead_gib, s.object_storage_gib) << k;
    EXPECT_GE(s.block_storage_gib, last.block_storage_gib) << k;
    last = s;
  }
}

// docs/assumptions.md ("Sizing: storage") must show the values the code uses.
TEST(SizeStorage, AssumptionsPageShowsEveryDefault) {
  const std::string doc = AssumptionsPage();
  ASSERT_FALSE(doc.empty());
  const StorageSettings d;
  const std::pair<const char*, double> rows[] = {
      {"base_backups_per_week", d.base_backups_per_week},
      {"retention_days", d.retention_days},
      {"backup_compression", d.backup_compression},
      {"filestore_replication", d.filestore_replication}};
  for (const auto& [key, value] : rows) {
    EXPECT_NE(doc.find(fmt::format("| `storage.{}` | {} |", key, value)), std::string::npos) << key;
  }
}

}  // namespace
}  // namespace headroom
