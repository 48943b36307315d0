#include "dr/recovery_math.h"

#include <algorithm>
#include <cmath>

#include "common/units.h"

namespace headroom {
namespace {

constexpr double kMaxInput = 1e12;

// NaN and negatives read as 0, +inf as a huge finite value.
double Clean(double x) { return std::isnan(x) || x <= 0 ? 0.0 : std::min(x, kMaxInput); }

// Minutes to move `gib` at `mib_s`; nothing to move takes no time, and no throughput at all is
// read as a very slow one so that the result stays finite.
double TransferMinutes(double gib, double mib_s) {
  const double mib = Clean(gib) * kMibPerGib;
  if (mib <= 0) return 0;
  return mib / std::max(Clean(mib_s), 1e-6) / 60.0;
}

double Min3(double a, double b, double c) { return std::min({Clean(a), Clean(b), Clean(c)}); }

}  // namespace

double VolumeMibS(const RecoveryMonth& m, const RecoveryDesign& d) {
  return d.volume_mib_s > 0 ? Clean(d.volume_mib_s) : Clean(m.volume_mib_s);
}

double BackupMibS(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s) {
  const double processes = std::max(1.0, std::floor(m.postgres_vcpu * Clean(s.backup_cpu_share)));
  return Min3(processes * s.backup_mib_s_per_process, s.network_mib_s, VolumeMibS(m, d));
}

double RestoreMibS(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s) {
  const double processes = std::max(1, m.postgres_vcpu);
  return Min3(processes * s.restore_mib_s_per_process, s.network_mib_s, VolumeMibS(m, d));
}

double BaseBackupMinutes(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s) {
  return TransferMinutes(m.database_gib, BackupMibS(m, d, s));
}

double BaseRestoreMinutes(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s) {
  if (d.volume_snapshots) return Clean(s.snapshot_restore_minutes);
  return TransferMinutes(m.database_gib, RestoreMibS(m, d, s));
}

double WalSinceBaseGib(const RecoveryMonth& m, const RecoveryDesign& d) {
  const double days = d.volume_snapshots ? 1.0 : 7.0 / std::max(1, d.base_backups_per_week);
  return Clean(m.wal_gib_per_day) * days;
}

double ReplayMinutes(double wal_gib, const DrSettings& s) {
  return TransferMinutes(wal_gib, s.wal_replay_mib_s);
}

double WalReplayMinutes(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s) {
  return ReplayMinutes(WalSinceBaseGib(m, d), s);
}

double ArchiveLagSeconds(const RecoveryMonth& m, const RecoveryDesign& d, const DrSettings& s) {
  const double segment_mib = Clean(s.wal_segment_mib);
  const double wal_mib_s = Clean(m.wal_gib_per_day) * kMibPerGib / kSecondsPerDay;
  const double timeout_s = Clean(d.archive_timeout_s);
  const double fill_s = wal_mib_s > 0 ? segment_mib / wal_mib_s : timeout_s;
  const double upload_s = segment_mib / std::max(Clean(s.backup_mib_s_per_process), 1e-6);
  return std::min(timeout_s, fill_s) + upload_s;
}

double RollbackMinutes(const RecoveryMonth& m, const DrSettings& s) {
  const int pods = std::max(1, m.odoo_pods);
  const int surge = std::max(1, static_cast<int>(std::ceil(pods * Clean(s.rollout_max_surge))));
  const int waves = (pods + surge - 1) / surge;
  return Clean(s.app_failure_detection_minutes) + waves * Clean(s.pod_ready_s) / 60.0;
}

double Sum(const std::vector<RecoveryTerm>& terms) {
  double total = 0;
  for (const RecoveryTerm& t : terms) total += t.minutes;
  return total;
}

}  // namespace headroom
