#pragma once
// Storage and backup: filestore in object storage, volumes, backup footprint.
//
// Attachments live in object storage (camptocamp/odoo-cloud-platform `attachment_s3`); each
// PostgreSQL instance has a data volume and a WAL volume (sized by SizePostgres); backups are
// full base backups plus the archived WAL between them (pgBackRest or the Barman Cloud plugin
// of CloudNativePG), kept for the point-in-time recovery window. docs/sizing-storage.md gives
// the method, a worked example and the sources.

#include <string>

#include "estate/model.h"
#include "sizing/load.h"
#include "sizing/odoo_sizer.h"
#include "sizing/postgres_sizer.h"
#include "sizing/verdict.h"

namespace headroom {

struct StorageSettings {
  // CloudNativePG backup documentation: a weekly base backup is often enough. REQUIRES: >= 1
  // (smaller values read as 1: without base backups there is no point-in-time recovery).
  int base_backups_per_week = 1;
  // Engineering estimate: a month of point-in-time recovery. REQUIRES: >= 0.
  int retention_days = 30;
  // Engineering estimate: compressed size / raw size of base backups and WAL (gzip or lz4 on
  // table pages and WAL records); measure it from the repository (pgbackrest info).
  double backup_compression = 0.5;
  // Copies of attachments kept by the object store beyond its own durability: 1 = one logical
  // copy, 2 = a cross-region replica.
  double filestore_replication = 1.0;
};

struct StorageSizing {
  double filestore_gib = 0;                 // attachments in object storage at the end of the month
  double filestore_lookahead_gib = 0;       // ... policy.storage_lookahead_months later
  double database_volume_gib = 0;           // per PostgreSQL instance
  double wal_volume_gib = 0;                // per PostgreSQL instance
  double block_storage_gib = 0;             // (data + WAL volume) × instances
  int base_backups_kept = 0;                // full base backups in the repository at worst
  double base_backups_gib = 0;              // their compressed size
  double wal_archive_gib = 0;               // compressed WAL kept for those backups
  double backup_footprint_gib = 0;          // base backups + WAL archive for the retention window
  double object_storage_gib = 0;            // filestore + backups
  double object_storage_lookahead_gib = 0;  // the same with the look-ahead data sizes
  LayerVerdict verdict;
};

// Backups kept under time-based retention (pgBackRest "Full Backup Retention"): every base
// backup younger than the retention window plus the newest older one, ceil(retention × b / 7) + 1
// at b backups a week, and the archived WAL they need, retention + 7 / b days of it. Sizes are
// compressed. Pure and total: negative or non-finite inputs read as 0.
struct RetainedBackups {
  int kept = 0;
  double base_gib = 0;
  double wal_gib = 0;
};
RetainedBackups BackupsFor(double database_gib, double wal_gib_per_day,
                           const StorageSettings& settings);

// Sizes storage for the month from the load and the PostgreSQL sizing (reads its database_gib,
// storage_gib, wal_storage_gib, wal_gib_per_day and instances). Pure, total: non-finite or
// negative inputs read as 0; a database larger than its planned volume gives
// verdict.saturated = true.
StorageSizing SizeStorage(const MonthLoad& load, const PostgresSizing& postgres,
                          const HeadroomPolicy& policy, const StorageSettings& settings);

}  // namespace headroom
