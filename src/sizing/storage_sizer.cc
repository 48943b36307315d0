#include "sizing/storage_sizer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "sizing/sizer_math.h"

namespace headroom {
namespace {

using sizer_math::Clean;
using sizer_math::Need;

constexpr int kMaxRetentionDays = 100000;

}  // namespace

// pgBackRest time-based retention (user guide, "Full Backup Retention"): every full backup
// younger than the retention window is kept, plus the newest one older than it, which recovery
// to the window's start replays from. At one backup every 7 / b days that is
// ceil(retention × b / 7) + 1 backups. Archived WAL is kept for every backup not expired
// ("Archive Retention"), so the archive spans the oldest kept backup's age: up to
// retention + 7 / b days of WAL.
RetainedBackups BackupsFor(double database_gib, double wal_gib_per_day, const StorageSettings& s) {
  const int per_week = std::max(1, s.base_backups_per_week);
  const int retention_days = std::clamp(s.retention_days, 0, kMaxRetentionDays);
  const double compression = Clean(s.backup_compression);
  RetainedBackups b;
  b.kept = static_cast<int>(std::ceil(retention_days * per_week / 7.0)) + 1;
  b.base_gib = b.kept * Clean(database_gib) * compression;
  const double span_days = retention_days + 7.0 / per_week;
  b.wal_gib = span_days * Clean(wal_gib_per_day) * compression;
  return b;
}

namespace {

int Clusters(const PostgresSizing& postgres) { return std::max(1, postgres.clusters); }

// The busiest cluster's database size `storage_lookahead_months` later.
double ClusterLookaheadGib(const MonthLoad& load, const PostgresSizing& postgres) {
  return Clean(load.database_gib_lookahead) * std::clamp(Clean(postgres.cluster_share), 0.0, 1.0);
}

double FilestoreGib(double documents_mib, const StorageSettings& s) {
  return Clean(documents_mib) / 1024.0 * Clean(s.filestore_replication);
}

void FillVerdict(const MonthLoad& load, const PostgresSizing& postgres,
                 const HeadroomPolicy& policy, const StorageSettings& settings,
                 StorageSizing& out) {
  const double database_gib = Clean(postgres.database_gib);
  const double database_growth_gib =
      std::max(0.0, ClusterLookaheadGib(load, postgres) - database_gib);
  // Database growth lands on every instance's data volume and in every kept base backup, of
  // every cluster.
  const double copies = (std::max(1, postgres.instances) +
                         out.base_backups_kept * Clean(settings.backup_compression)) *
                        Clusters(postgres);
  const double database_side_growth_gib = database_growth_gib * copies;
  const double filestore_growth_gib = out.filestore_lookahead_gib - out.filestore_gib;
  const double volume_fill = Need(database_gib, Clean(postgres.storage_gib));
  LayerVerdict& v = out.verdict;
  v.binding_window = kSustained;  // storage follows the month's volumes, not its hours
  v.saturated = volume_fill > 1.0;
  const bool filestore_binds = !v.saturated && filestore_growth_gib > database_side_growth_gib;
  v.bottleneck = filestore_binds ? "filestore" : "database volume";
  v.utilisation =
      filestore_binds ? Need(out.filestore_gib, out.filestore_lookahead_gib) : volume_fill;
  v.reason = fmt::format(
      "over {} months the filestore grows {:.1f} GiB (to {:.1f} GiB) and the database with its "
      "volumes and backups {:.1f} GiB; data volume {:.1f} of {:.1f} GiB per instance ({:.0f}%); "
      "backups {} base x {:.1f} GiB + WAL archive {:.1f} GiB = {:.1f} GiB",
      std::max(0, policy.storage_lookahead_months), filestore_growth_gib,
      out.filestore_lookahead_gib, database_side_growth_gib, database_gib,
      Clean(postgres.storage_gib), 100 * volume_fill, out.base_backups_kept,
      out.base_backups_kept > 0 ? out.base_backups_gib / out.base_backups_kept : 0.0,
      out.wal_archive_gib, out.backup_footprint_gib);
}

}  // namespace

StorageSizing SizeStorage(const MonthLoad& load, const PostgresSizing& postgres,
                          const HeadroomPolicy& policy, const StorageSettings& settings) {
  StorageSizing out;
  out.filestore_gib = FilestoreGib(load.documents_total_mib, settings);
  out.filestore_lookahead_gib =
      std::max(out.filestore_gib, FilestoreGib(load.documents_total_mib_lookahead, settings));
  out.database_volume_gib = Clean(postgres.storage_gib);
  out.wal_volume_gib = Clean(postgres.wal_storage_gib);
  out.block_storage_gib = (out.database_volume_gib + out.wal_volume_gib) *
                          std::max(1, postgres.instances) * Clusters(postgres);
  // Each cluster backs itself up; every cluster is counted as large as the busiest one.
  const double wal_gib_per_day = Clean(postgres.wal_gib_per_day);
  const RetainedBackups now = BackupsFor(Clean(postgres.database_gib), wal_gib_per_day, settings);
  out.base_backups_kept = now.kept;
  out.base_backups_gib = now.base_gib * Clusters(postgres);
  out.wal_archive_gib = now.wal_gib * Clusters(postgres);
  out.backup_footprint_gib = out.base_backups_gib + out.wal_archive_gib;
  out.object_storage_gib = out.filestore_gib + out.backup_footprint_gib;
  const double database_lookahead_gib =
      std::max(Clean(postgres.database_gib), ClusterLookaheadGib(load, postgres));
  const RetainedBackups later = BackupsFor(database_lookahead_gib, wal_gib_per_day, settings);
  out.object_storage_lookahead_gib =
      out.filestore_lookahead_gib + (later.base_gib + later.wal_gib) * Clusters(postgres);
  FillVerdict(load, postgres, policy, settings, out);
  return out;
}

}  // namespace headroom
