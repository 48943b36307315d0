#include "dr/remedies.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/units.h"

namespace headroom {
namespace {

// Daily snapshots kept: a week of them; the WAL archive covers the rest of the window.
constexpr int kSnapshotsKept = 7;

double Positive(double x) { return std::isfinite(x) && x > 0 ? x : 0.0; }

// Compressed base backups and WAL kept at `per_week` base backups a week.
double FootprintGib(const RecoveryMonth& m, int per_week, const StorageSettings& storage) {
  StorageSettings s = storage;
  s.base_backups_per_week = per_week;
  const RetainedBackups b = BackupsFor(m.database_gib, m.wal_gib_per_day, s);
  return b.base_gib + b.wal_gib;
}

// Segments archive_timeout forces out per day beyond those the WAL fills anyway.
double ForcedSegmentsPerDay(const RecoveryMonth& m, double timeout_s, const DrSettings& s) {
  const double filled = Positive(m.wal_gib_per_day) * kMibPerGib / std::max(s.wal_segment_mib, 1.0);
  return std::max(0.0, kSecondsPerDay / std::max(timeout_s, 1.0) - filled);
}

// A forced segment is a whole 16 MiB file, compressed like the rest of the archive, and kept
// for the retention window.
double ArchiveTimeoutCost(const RecoveryMonth& m, const RecoveryDesign& c, const RecoveryDesign& d,
                          const RemedyPrices& p) {
  const double extra_per_day = ForcedSegmentsPerDay(m, d.archive_timeout_s, p.dr) -
                               ForcedSegmentsPerDay(m, c.archive_timeout_s, p.dr);
  const double span_days = p.storage.retention_days + 7.0 / std::max(1, d.base_backups_per_week);
  const double gib = Positive(extra_per_day) * p.dr.wal_segment_mib / kMibPerGib *
                     p.storage.backup_compression * span_days;
  return gib * p.catalog->object_storage_per_gib_month;
}

// A week of daily snapshots: the first holds the volume, the others the blocks changed since,
// taken as the day's WAL (every change is logged once; an upper bound when pages change often).
double SnapshotCost(const RecoveryMonth& m, const RemedyPrices& p) {
  const double gib =
      Positive(m.database_gib) +
      (kSnapshotsKept - 1) * std::min(Positive(m.wal_gib_per_day), Positive(m.database_gib));
  return gib * p.catalog->snapshot_per_gib_month;
}

// The second copy of backups and attachments, and the month's new data sent across; the
// catalog's internet egress price stands in for inter-region transfer (an upper bound on the
// large clouds).
double ReplicationCost(const RecoveryMonth& m, const RecoveryDesign& d, const RemedyPrices& p) {
  const double stored = FootprintGib(m, d.base_backups_per_week, p.storage) + m.filestore_gib;
  const double base_sent = Positive(m.database_gib) * p.storage.backup_compression *
                           std::max(1, d.base_backups_per_week) * kDaysPerMonth / 7.0;
  const double wal_sent =
      Positive(m.wal_gib_per_day) * p.storage.backup_compression * kDaysPerMonth;
  return stored * p.catalog->object_storage_per_gib_month +
         (base_sent + wal_sent) * p.catalog->egress_per_gib;
}

double SecondaryCost(const RecoveryMonth& m, const RecoveryDesign& d, const RemedyPrices& p) {
  if (d.secondary == SecondaryRegion::kNone) return 0;
  double cost = ReplicationCost(m, d, p);
  if (d.secondary == SecondaryRegion::kWarm) {
    // One replica instance, and the WAL streamed to it uncompressed.
    cost += Positive(m.instance_monthly) +
            Positive(m.wal_gib_per_day) * kDaysPerMonth * p.catalog->egress_per_gib;
  }
  return cost;
}

double ThroughputCost(const RecoveryMonth& m, const RecoveryDesign& c, const RecoveryDesign& d,
                      const RemedyPrices& p) {
  const double extra_mib_s = VolumeMibS(m, d) - VolumeMibS(m, c);
  const int volumes = std::max(1, m.postgres_instances) + d.extra_instances;
  return Positive(extra_mib_s) * volumes * p.catalog->block_storage.per_throughput_mib_s_month;
}

}  // namespace

double ExtraMonthlyCost(const RecoveryMonth& m, const RecoveryDesign& c, const RecoveryDesign& d,
                        const RemedyPrices& p) {
  double cost = 0;
  cost += (FootprintGib(m, d.base_backups_per_week, p.storage) -
           FootprintGib(m, c.base_backups_per_week, p.storage)) *
          p.catalog->object_storage_per_gib_month;
  cost += ArchiveTimeoutCost(m, c, d, p);
  if (d.volume_snapshots && !c.volume_snapshots) cost += SnapshotCost(m, p);
  cost += (d.extra_instances - c.extra_instances) * Positive(m.instance_monthly);
  cost += ThroughputCost(m, c, d, p);
  cost += SecondaryCost(m, d, p) - SecondaryCost(m, c, p);
  return Positive(cost);
}

std::vector<std::string> DescribeChanges(const RecoveryDesign& c, const RecoveryDesign& d) {
  std::vector<std::string> out;
  if (d.base_backups_per_week != c.base_backups_per_week) {
    out.push_back(d.base_backups_per_week >= 7
                      ? std::string("daily base backups")
                      : fmt::format("{} base backups a week", d.base_backups_per_week));
  }
  if (d.archive_timeout_s != c.archive_timeout_s) {
    out.push_back(fmt::format("archive_timeout {:.0f} s", d.archive_timeout_s));
  }
  if (d.volume_snapshots && !c.volume_snapshots) out.emplace_back("daily volume snapshots");
  if (d.synchronous_standby && !c.synchronous_standby) {
    out.emplace_back("synchronous standby (dataDurability: required)");
  }
  if (d.extra_instances > c.extra_instances) {
    out.push_back(
        fmt::format("{} more PostgreSQL instance(s)", d.extra_instances - c.extra_instances));
  }
  if (d.volume_mib_s > 0 && d.volume_mib_s != c.volume_mib_s) {
    out.push_back(fmt::format("data volumes provisioned at {:.0f} MiB/s", d.volume_mib_s));
  }
  if (d.secondary != c.secondary) {
    out.emplace_back(d.secondary == SecondaryRegion::kWarm
                         ? "warm second region (replica cluster)"
                         : "cold second region (replicated backups and attachments)");
  }
  return out;
}

std::vector<RecoveryDesign> CandidateDesigns(const RecoveryDesign& current, const DrSettings& s,
                                             int postgres_instances) {
  std::vector<int> per_week = {current.base_backups_per_week};
  if (current.base_backups_per_week < 7) per_week.push_back(7);
  std::vector<double> timeouts = {current.archive_timeout_s};
  if (current.archive_timeout_s > s.min_archive_timeout_s)
    timeouts.push_back(s.min_archive_timeout_s);
  std::vector<bool> snapshots = {current.volume_snapshots};
  if (!current.volume_snapshots) snapshots.push_back(true);
  std::vector<bool> sync = {current.synchronous_standby};
  if (!current.synchronous_standby) sync.push_back(true);
  std::vector<double> throughput = {current.volume_mib_s};
  if (current.volume_mib_s < s.max_volume_mib_s) throughput.push_back(s.max_volume_mib_s);
  std::vector<SecondaryRegion> regions = {current.secondary};
  for (SecondaryRegion r : {SecondaryRegion::kCold, SecondaryRegion::kWarm}) {
    if (static_cast<int>(r) > static_cast<int>(current.secondary)) regions.push_back(r);
  }
  std::vector<RecoveryDesign> out;
  for (int w : per_week) {
    for (double t : timeouts) {
      for (bool snap : snapshots) {
        for (bool sy : sync) {
          for (double mib_s : throughput) {
            for (SecondaryRegion r : regions) {
              RecoveryDesign d = current;
              d.base_backups_per_week = w;
              d.archive_timeout_s = t;
              d.volume_snapshots = snap;
              d.synchronous_standby = sy;
              // Synchronous replication with one standby stops writes when that standby is
              // lost (dataDurability: required); a third instance keeps them going.
              if (sy && !current.synchronous_standby) {
                d.extra_instances = std::max(current.extra_instances, 3 - postgres_instances);
              }
              d.volume_mib_s = mib_s;
              d.secondary = r;
              out.push_back(d);
            }
          }
        }
      }
    }
  }
  return out;
}

}  // namespace headroom
