#include "observe/backup_calibration.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

// Lines as PostgreSQL 15 writes them at the end of archive recovery.
constexpr const char* kLog =
    "2026-12-04 16:05:18.990 UTC [14904] LOG:  redo starts at 0/6000028\n"
    "2026-12-04 16:05:19.273 UTC [14904] LOG:  redo done at 1/8CCFAC0 system usage: CPU: user: "
    "0.06 s, system: 0.09 s, elapsed: 0.28 s\n"
    "2026-12-04 16:05:19.518 UTC [14895] LOG:  database system is ready to accept connections\n";

TEST(BackupCalibration, ReadsRedoBoundsAndElapsedFromTheServerLog) {
  EXPECT_EQ(ParseLsnAfter(kLog, "redo starts at "), 0x6000028ULL);
  EXPECT_EQ(ParseLsnAfter(kLog, "redo done at "), (1ULL << 32) | 0x8CCFAC0ULL);
  EXPECT_DOUBLE_EQ(ParseRedoElapsedSeconds(kLog).value(), 0.28);
  EXPECT_FALSE(ParseLsnAfter("redo starts at nowhere", "redo starts at ").has_value());
  EXPECT_FALSE(ParseRedoElapsedSeconds("LOG:  redo starts at 0/1\n").has_value());
}

TEST(BackupCalibration, RefusesAmbiguousOrMissingSources) {
  BackupCalibrationOptions none;
  Result<BackupMeasurement> r = MeasureBackup(none, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUsage);
  BackupCalibrationOptions both;
  both.dsn = "host=/nowhere";
  both.pgdata = "/nowhere";
  EXPECT_EQ(MeasureBackup(both, {}).error().code, ErrorCode::kUsage);
}

}  // namespace
}  // namespace headroom
