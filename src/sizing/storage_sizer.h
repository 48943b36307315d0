#pragma once
// Storage and backup: filestore in object storage, volumes, backup footprint.

#include <cstdint>
#include <string>
#include <vector>

#include "estate/model.h"
#include "sizing/load.h"
#include "sizing/verdict.h"
#include "sizing/odoo_sizer.h"
#include "sizing/postgres_sizer.h"

namespace headroom {

struct StorageSettings {
  int base_backups_per_week = 1;      // full base backups (CloudNativePG: weekly is often enough)
  int retention_days = 30;            // point-in-time recovery window
  double backup_compression = 0.5;    // compressed size / raw size
  double filestore_replication = 1.0; // extra copies of attachments (cross-region: 2)
};

struct StorageSizing {
  double filestore_gib = 0;           // attachments in object storage at the end of the month
  double database_volume_gib = 0;     // per PostgreSQL instance
  double wal_volume_gib = 0;
  double backup_footprint_gib = 0;    // base backups + WAL archive for the retention window
  double object_storage_gib = 0;      // filestore + backups
  LayerVerdict verdict;
};

StorageSizing SizeStorage(const MonthLoad& load, const PostgresSizing& postgres,
                          const HeadroomPolicy& policy, const StorageSettings& settings);

}  // namespace headroom
