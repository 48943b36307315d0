#pragma once
// Calibration files: figures measured on the user's own systems that replace the model's
// defaults. `headroom calibrate backup` writes one (docs/dr.md, "Calibration"):
//
//   schema: headroom.calibration/v1
//   source: "pg_basebackup, pg_ctl and pgbench on PostgreSQL 15.10, host=db1, 2026-12-04"
//   backup:
//     backup_mib_s_per_process: 212.5
//     restore_mib_s_per_process: 480.1
//     wal_replay_mib_s: 96.3
//     restore_start_s: 0.8          # optional, seconds (server start beyond redo)
//
// An estate names its calibration file with the top-level key `calibration` (a path relative to
// the estate file); `headroom plan` and `headroom dr` also take `--calibration FILE`.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.h"
#include "dr/dr_settings.h"

namespace headroom {

inline constexpr std::string_view kCalibrationSchema = "headroom.calibration/v1";
inline constexpr size_t kMaxCalibrationBytes = size_t{64} * 1024;

// Parses calibration YAML. Every error at once, located "file:line:col: error: field: message"
// (kInvalid, exit 65): YAML errors, a wrong or missing schema, unknown keys, a missing field,
// throughputs that are not positive numbers. Never throws.
Result<BackupCalibration> ReadCalibration(std::string_view text, std::string_view file_name);

// The file `headroom calibrate backup` writes; ReadCalibration reads it back unchanged.
std::string CalibrationYaml(const BackupCalibration& calibration);

}  // namespace headroom
