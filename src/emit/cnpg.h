#pragma once
// PostgreSQL on CloudNativePG: the Cluster, the Barman Cloud plugin's ObjectStore, the
// ScheduledBackup and two Poolers (transaction mode for the tenant databases, session mode for
// Odoo's bus).

#include <string>

#include "emit/context.h"

namespace headroom::emit {

Manifests CnpgManifests(const EmitContext& context);

// The six-field cron (seconds first) of `backups_per_week` base backups at `hour_utc`, on
// days spread over the week (1: Sunday; 7 or more: every day).
std::string BackupSchedule(int backups_per_week, int hour_utc);

}  // namespace headroom::emit
