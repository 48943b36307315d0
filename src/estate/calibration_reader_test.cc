#include "estate/calibration_reader.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

TEST(CalibrationReader, WrittenFileReadsBackExactly) {
  BackupCalibration c;
  c.backup_mib_s_per_process = 212.53125;
  c.restore_mib_s_per_process = 1.0 / 3.0;
  c.wal_replay_mib_s = 96.3;
  c.source = "pgbench on: yes, 00:30";  // YAML 1.1 look-alikes stay one string
  Result<BackupCalibration> back = ReadCalibration(CalibrationYaml(c), "cal.yaml");
  ASSERT_TRUE(back.ok()) << FormatAll(back.errors());
  EXPECT_EQ(back.value().backup_mib_s_per_process, c.backup_mib_s_per_process);
  EXPECT_EQ(back.value().restore_mib_s_per_process, c.restore_mib_s_per_process);
  EXPECT_EQ(back.value().wal_replay_mib_s, c.wal_replay_mib_s);
  EXPECT_EQ(back.value().source, c.source);
}

TEST(CalibrationReader, EveryErrorAtOnceWithItsPlace) {
  const std::string text =
      "schema: headroom.calibration/v2\n"
      "source: lab\n"
      "backup:\n"
      "  backup_mib_s_per_process: -3\n"
      "  restore_mib_s_per_proces: 10\n"
      "extra: 1\n";
  Result<BackupCalibration> r = ReadCalibration(text, "cal.yaml");
  ASSERT_FALSE(r.ok());
  const std::string all = FormatAll(r.errors());
  EXPECT_NE(all.find("cal.yaml:1:9: error: schema: expected \"headroom.calibration/v1\""),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("cal.yaml:4:29: error: backup.backup_mib_s_per_process: must be a positive"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("backup.restore_mib_s_per_proces"), std::string::npos) << all;
  EXPECT_NE(all.find("did you mean 'restore_mib_s_per_process'"), std::string::npos) << all;
  EXPECT_NE(all.find("backup.wal_replay_mib_s"), std::string::npos) << all;
  EXPECT_NE(all.find("cal.yaml:6:1: error: extra"), std::string::npos) << all;
}

TEST(CalibrationReader, NotAMapping) {
  Result<BackupCalibration> r = ReadCalibration("- 1\n- 2\n", "cal.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
}

}  // namespace
}  // namespace headroom
