// `headroom restore-time --database-gib X [--wal-gib Y] [--vcpu N] [--volume-mib-s M]
// [--network-mib-s B] [--calibration FILE] [--format text|json]`: how long restoring a database
// of X GiB and replaying Y GiB of WAL takes with the recovery model's throughputs (defaults or
// a calibration), term by term.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/estate_options.h"
#include "dr/assessment.h"
#include "dr/recovery_math.h"
#include "engine/load.h"

namespace headroom::cli {
namespace {

struct RestoreArgs {
  double database_gib = 0;
  double wal_gib = 0;
  int vcpu = 1;
  std::optional<double> volume_mib_s;
  std::optional<double> network_mib_s;
  std::string calibration;
  std::string format = "text";
};

int RunRestoreTime(const RestoreArgs& args, Io& io) {
  DrSettings settings;
  if (!args.calibration.empty()) {
    Result<Calibration> c = LoadCalibration(args.calibration);
    if (!c.ok()) return ReportErrors(c.errors(), io.err);
    if (c.value().backup) settings = Calibrated(settings, *c.value().backup);
  }
  if (args.network_mib_s) settings.network_mib_s = *args.network_mib_s;
  RecoveryMonth m;
  m.database_gib = args.database_gib;
  m.postgres_vcpu = args.vcpu;
  m.volume_mib_s = args.volume_mib_s.value_or(settings.network_mib_s);
  const RecoveryDesign design;
  const double restore_mib_s = RestoreMibS(m, design, settings);
  const double base_min = BaseRestoreMinutes(m, design, settings);
  const double replay_min = ReplayMinutes(args.wal_gib, settings);
  const double start_s = settings.restore_start_s;
  if (args.format == "json") {
    const nlohmann::ordered_json j{{"database_gib", args.database_gib},
                                   {"wal_gib", args.wal_gib},
                                   {"restore_mib_s", restore_mib_s},
                                   {"wal_replay_mib_s", settings.wal_replay_mib_s},
                                   {"base_restore_seconds", base_min * 60},
                                   {"wal_replay_seconds", replay_min * 60},
                                   {"server_start_seconds", start_s},
                                   {"restore_seconds", (base_min + replay_min) * 60 + start_s}};
    io.out << j.dump(1) << "\n";
    return 0;
  }
  io.out << fmt::format(
      "base restore {:.2f} s ({:.3f} GiB at {:.1f} MiB/s) + WAL replay {:.2f} s ({:.3f} GiB at "
      "{:.1f} MiB/s) + server start {:.2f} s = {:.2f} s\n",
      base_min * 60, args.database_gib, restore_mib_s, replay_min * 60, args.wal_gib,
      settings.wal_replay_mib_s, start_s, (base_min + replay_min) * 60 + start_s);
  return 0;
}

}  // namespace

Action SetupRestoreTimeCommand(CLI::App& sub) {
  auto args = std::make_shared<RestoreArgs>();
  sub.add_option("--database-gib", args->database_gib, "Size of the base backup, GiB")
      ->required()
      ->check(CLI::NonNegativeNumber);
  sub.add_option("--wal-gib", args->wal_gib, "WAL to replay after the base, GiB")
      ->check(CLI::NonNegativeNumber);
  sub.add_option("--vcpu", args->vcpu, "Restore processes (one per vCPU)")
      ->check(CLI::Range(1, 1024));
  sub.add_option("--volume-mib-s", args->volume_mib_s,
                 "Throughput of the volume restored onto (default: no limit below the network)")
      ->check(CLI::PositiveNumber);
  sub.add_option("--network-mib-s", args->network_mib_s, "Network throughput (default 1192)")
      ->check(CLI::PositiveNumber);
  sub.add_option("--calibration", args->calibration,
                 "Calibration file from `headroom calibrate backup`");
  sub.add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  return [args](Io& io) { return RunRestoreTime(*args, io); };
}

}  // namespace headroom::cli
