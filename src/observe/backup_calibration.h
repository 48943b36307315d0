#pragma once
// Measures, on a real PostgreSQL server, the three throughputs the recovery arithmetic depends
// on most (dr/dr_settings.h): a base backup (pg_basebackup, one process), a restore (the backup
// copied into a fresh data directory, one process) and WAL replay (a restored server replaying
// the WAL a pgbench write load produced, single-threaded as PostgreSQL's redo is).
//
// Procedure (docs/dr.md, "Calibration"): a scratch database `headroom_calibration` is made with
// `pgbench -i`; a physical replication slot is created and pg_receivewal streams the WAL from
// it into the work folder; pg_basebackup copies the cluster (-X none: the streamed WAL is the
// archive); pgbench writes for a few seconds; once the receiver holds every byte, the base is
// copied to a new data directory and started with recovery.signal, restore_command reading the
// streamed WAL and recovery_target_lsn at the end of the load. The server log's "redo starts
// at" and "redo done at ... elapsed" give the WAL replayed and the time it took. The scratch
// database and the slot are dropped afterwards, and the work folder removed.
//
// The server must allow the user replication connections (pg_hba "replication" and the
// REPLICATION attribute) and CREATEDB. Must not run as root: postgres refuses to.

#include <functional>
#include <optional>
#include <string>

#include "common/result.h"
#include "dr/dr_settings.h"

namespace headroom {

struct BackupCalibrationOptions {
  // A running server, as a key=value connection string ("host=... port=... user=...").
  std::string dsn;
  // Or a stopped cluster's data directory: it is started for the measurement on a private
  // Unix socket in the work folder (no TCP) and stopped afterwards.
  std::string pgdata;
  // PostgreSQL's server programs (pg_ctl); empty: /usr/lib/postgresql/<major>/bin for the
  // server's major version, else PATH.
  std::string bin_dir;
  // Scratch folder; empty: a new folder under $TMPDIR (or /tmp).
  std::string work_dir;
  bool keep_work_dir = false;
  // Leave durability out: no fsync after the base backup and the restore copy, and the restored
  // server runs with fsync = off. The figures then measure data movement and replay alone,
  // free of the disk's flush times, which vary a lot on shared machines; for comparisons and
  // tests, not for planning a real recovery.
  bool no_fsync = false;
  int scale = 10;        // pgbench scale of the scratch database (about 15 MiB each)
  int load_seconds = 5;  // pgbench write load after the base backup
  int clients = 2;       // pgbench clients
};

struct BackupMeasurement {
  BackupCalibration calibration;
  std::string server_version;
  double base_mib = 0;         // size of the base backup
  double base_seconds = 0;     // pg_basebackup's wall time
  double restore_seconds = 0;  // copying the base into a fresh data directory
  double wal_mib = 0;          // WAL replayed (redo start to redo done)
  double replay_seconds = 0;   // redo's own elapsed time from the server log
  double start_seconds = 0;    // pg_ctl start until the restored server accepted connections
};

// Runs the procedure above; `say` (may be empty) receives one line per step. Errors: kUsage
// (neither or both of dsn and pgdata, running as root), kNotFound (a program), kIo (a step
// failed: its command and the end of its output are in the message).
Result<BackupMeasurement> MeasureBackup(const BackupCalibrationOptions& options,
                                        const std::function<void(const std::string&)>& say);

// "redo starts at 0/2000028" → 0x2000028; nullopt when `line` has no LSN after `marker`.
// Exposed for tests, with ParseRedoElapsedSeconds.
std::optional<unsigned long long> ParseLsnAfter(const std::string& text, const std::string& marker);
// The "elapsed: 1.23 s" of the "redo done at" line; nullopt when absent.
std::optional<double> ParseRedoElapsedSeconds(const std::string& log);

}  // namespace headroom
