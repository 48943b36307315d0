#pragma once
// The arithmetic of backup and recovery for one month of the plan under one recovery design:
// how fast backups and restores run, how much WAL a point-in-time recovery replays, and how far
// the archive trails the primary. Pure, total functions: negative or non-finite inputs read as
// 0 and every result is finite. docs/dr.md derives each formula and works an example.

#include <string>
#include <vector>

#include "dr/dr_settings.h"

namespace headroom {

// What the arithmetic reads of one month of the plan.
struct RecoveryMonth {
  int month = 0;
  std::string label;                 // "2027-01"
  double database_gib = 0;           // tables and indexes at the end of the month
  double wal_gib_per_day = 0;        // WAL written per day
  double filestore_gib = 0;          // attachments in object storage
  int postgres_vcpu = 0;             // per instance
  int postgres_instances = 0;        // primary + standbys
  bool synchronous_standby = false;  // the plan already replicates synchronously
  double volume_mib_s = 0;           // throughput of each data volume (provisioned or included)
  int odoo_pods = 0;                 // HTTP pods to roll back
  double instance_monthly = 0;       // what one PostgreSQL instance costs in the cluster per month
  double backup_footprint_gib = 0;   // compressed base backups and WAL kept (the plan's)
};

enum class SecondaryRegion {
  kNone,  // every copy lives in the primary region
  kCold,  // backups and attachments replicated to a second region; the platform is rebuilt there
  kWarm,  // a replica cluster runs in the second region, streaming from the primary
};

// How the estate backs up and recovers. The plan's own design comes from its settings; the
// remedies (dr/remedies.h) try stronger ones.
struct RecoveryDesign {
  int base_backups_per_week = 1;
  double archive_timeout_s = 300;
  bool volume_snapshots = false;  // daily volume snapshots restore the base in minutes
  bool synchronous_standby = false;
  int extra_instances = 0;  // standbys added to the plan's instances
  double volume_mib_s = 0;  // provisioned data-volume throughput; 0 = the plan's
  SecondaryRegion secondary = SecondaryRegion::kNone;

  friend bool operator==(const RecoveryDesign&, const RecoveryDesign&) = default;
};

// One named part of a recovery time, in minutes.
struct RecoveryTerm {
  std::string name;
  double minutes = 0;
};

// min(processes × per-process rate, network, volume): a quarter of the vCPUs back up (at least
// one process), every vCPU restores.
double BackupMibS(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s);
double RestoreMibS(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s);

// The data volume's throughput under the design (its own when set, else the month's).
double VolumeMibS(const RecoveryMonth& m, const RecoveryDesign& d);

// Duration of one full base backup of the month's database, in minutes.
double BaseBackupMinutes(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s);

// Restoring the base: the database copied back at RestoreMibS, or a volume created from the
// newest snapshot when the design takes them.
double BaseRestoreMinutes(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s);

// WAL written since the newest base (worst case: the failure comes just before the next one):
// 7 / base_backups_per_week days of it, or one day with daily snapshots. GiB, uncompressed.
double WalSinceBaseGib(const RecoveryMonth& m, const RecoveryDesign& d);

// Replaying `wal_gib` of WAL on one core at wal_replay_mib_s, in minutes.
double ReplayMinutes(double wal_gib, const DrSettings& s);
// Replaying the WAL since the newest base: ReplayMinutes(WalSinceBaseGib(m, d), s).
double WalReplayMinutes(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s);

// How far the WAL archive can trail the primary, in seconds: a segment is archived when it
// fills or when archive_timeout forces it out, whichever comes first, then uploaded by one
// process. This is the RPO of recovering from the archive.
double ArchiveLagSeconds(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s);

// Rolling the HTTP pods back: detection, then ⌈pods / surge⌉ waves of pod start-up with
// surge = max(1, ⌈pods × maxSurge⌉).
double RollbackMinutes(const RecoveryMonth& m, const DrSettings& s);

double Sum(const std::vector<RecoveryTerm>& terms);

}  // namespace headroom
