#pragma once
// Calibration files: figures measured on the user's own systems that replace the model's
// defaults (docs/calibration.md, docs/dr.md "Calibration"). `headroom calibrate backup`,
// `headroom calibrate demands` and `headroom calibrate usl` each write one section; every
// section is optional, and a file holds at least one:
//
//   schema: headroom.calibration/v1
//   source: "pg_basebackup, pg_ctl and pgbench on PostgreSQL 15.10, host=db1, 2026-12-04"
//   backup:                          # the top-level source is the backup's
//     backup_mib_s_per_process: 212.5
//     restore_mib_s_per_process: 480.1
//     wal_replay_mib_s: 96.3
//     restore_start_s: 0.8           # optional, seconds (server start beyond redo)
//   service_demands:
//     source: "node CPU and per-class request rates, 2026-11"
//     background_cores: 0.12         # optional, cores busy whatever the load
//     classes:                       # named as the estate's request_classes
//       interactive: {app_cpu_ms: 91.5, db_cpu_ms: 14.2}   # db_cpu_ms optional
//       report: {app_cpu_ms: 1450}
//   usl:
//     source: "pgbench -S at 1, 2, 4 and 8 clients"
//     lambda_per_s: 5210.4           # throughput of one client
//     sigma: 0.031
//     kappa: 0.0042
//
// An estate names its calibration file with the top-level key `calibration` (a path relative to
// the estate file); `headroom plan` and `headroom dr` also take `--calibration FILE`.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.h"
#include "estate/calibration.h"

namespace headroom {

inline constexpr std::string_view kCalibrationSchema = "headroom.calibration/v1";
inline constexpr size_t kMaxCalibrationBytes = size_t{64} * 1024;

// Parses calibration YAML. Every error at once, located "file:line:col: error: field: message"
// (kInvalid, exit 65): YAML errors, a wrong or missing schema, unknown keys, no section at all, a
// missing field, figures out of range (throughputs and demands not positive, USL coefficients
// negative). Never throws.
Result<Calibration> ReadCalibration(std::string_view text, std::string_view file_name);

// The file the calibrate commands write, with every section `calibration` holds;
// ReadCalibration reads it back unchanged. REQUIRES: at least one section.
std::string CalibrationYaml(const Calibration& calibration);

}  // namespace headroom
