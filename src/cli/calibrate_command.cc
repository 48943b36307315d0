// `headroom calibrate backup (--dsn DSN | --pgdata DIR) [-o FILE] [--scale N] [--load-seconds S]
// [--clients C] [--bin-dir DIR] [--work-dir DIR] [--keep]`: measures base backup, restore and
// WAL replay throughputs on a real PostgreSQL server and writes a calibration file that
// `headroom plan` and `headroom dr` use (an estate names it with estate.calibration).
// `headroom calibrate demands` and `headroom calibrate usl` (calibrate_fit_commands.cc) write its
// service_demands and usl sections. Each merges into the file -o names when it exists.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/estate_options.h"
#include "engine/calibration_file.h"
#include "observe/backup_calibration.h"

namespace headroom::cli {

// calibrate_fit_commands.cc: `calibrate demands` and `calibrate usl`, added to `sub`.
Action SetupCalibrateDemands(CLI::App& sub);
Action SetupCalibrateUsl(CLI::App& sub);

namespace {

struct CalibrateArgs {
  BackupCalibrationOptions backup;
  std::string output;
};

int RunBackupCalibration(const CalibrateArgs& args, Io& io) {
  Result<BackupMeasurement> measured =
      MeasureBackup(args.backup, [&io](const std::string& line) { io.err << line << "\n"; });
  if (!measured.ok()) return ReportErrors(measured.errors(), io.err);
  const BackupMeasurement& m = measured.value();
  io.err << fmt::format(
      "base backup {:.1f} MiB in {:.2f} s: {:.1f} MiB/s per process\n"
      "restore {:.1f} MiB in {:.2f} s: {:.1f} MiB/s per process\n"
      "WAL replay {:.1f} MiB in {:.2f} s: {:.1f} MiB/s\n"
      "server start and end of recovery beyond redo: {:.2f} s\n",
      m.base_mib, m.base_seconds, m.calibration.backup_mib_s_per_process, m.base_mib,
      m.restore_seconds, m.calibration.restore_mib_s_per_process, m.wal_mib, m.replay_seconds,
      m.calibration.wal_replay_mib_s, m.calibration.restore_start_s);
  Calibration update;
  update.backup = m.calibration;
  Result<std::string> text = MergedCalibrationYaml(args.output, update);
  if (!text.ok()) return ReportErrors(text.errors(), io.err);
  const int code = WriteOutput(text.value(), args.output, io.out, io.err);
  if (code == 0 && !args.output.empty() && args.output != "-") {
    io.err << "wrote " << args.output << "\n";
  }
  return code;
}

}  // namespace

Action SetupCalibrateCommand(CLI::App& sub) {
  auto args = std::make_shared<CalibrateArgs>();
  sub.require_subcommand(1, 1);
  CLI::App* backup = sub.add_subcommand(
      "backup", "Measure base backup, restore and WAL replay throughputs on a real PostgreSQL");
  auto* dsn = backup->add_option("--dsn", args->backup.dsn,
                                 "A running server, as a key=value connection string; its user "
                                 "needs REPLICATION and CREATEDB");
  auto* pgdata = backup->add_option(
      "--pgdata", args->backup.pgdata,
      "Or a stopped cluster's data directory, started on a private socket for the measurement");
  dsn->excludes(pgdata);
  backup->add_option("-o,--output", args->output,
                     "Write the calibration file here (default: standard output)");
  backup->add_option("--scale", args->backup.scale, "pgbench scale of the scratch database")
      ->check(CLI::Range(1, 10000));
  backup
      ->add_option("--load-seconds", args->backup.load_seconds,
                   "Seconds of pgbench write load whose WAL is replayed")
      ->check(CLI::Range(1, 3600));
  backup->add_option("--clients", args->backup.clients, "pgbench clients")
      ->check(CLI::Range(1, 256));
  backup->add_option("--bin-dir", args->backup.bin_dir,
                     "PostgreSQL's programs (default: /usr/lib/postgresql/<major>/bin, else PATH)");
  backup->add_option("--work-dir", args->backup.work_dir,
                     "Scratch folder (default: a new one under $TMPDIR, removed afterwards)");
  backup->add_flag("--keep", args->backup.keep_work_dir, "Keep the scratch folder and its logs");
  backup->add_flag("--no-fsync", args->backup.no_fsync,
                   "Leave durability out (no fsync): data movement and replay alone, for "
                   "comparisons and tests");
  const Action demands = SetupCalibrateDemands(sub);
  const Action usl = SetupCalibrateUsl(sub);
  CLI::App* fit_demands = sub.get_subcommand("demands");
  return [args, backup, fit_demands, demands, usl](Io& io) {
    if (backup->parsed()) return RunBackupCalibration(*args, io);
    return fit_demands->parsed() ? demands(io) : usl(io);
  };
}

}  // namespace headroom::cli
