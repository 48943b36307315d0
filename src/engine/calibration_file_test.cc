#include "engine/calibration_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "estate/calibration_reader.h"

namespace headroom {
namespace {

namespace fs = std::filesystem;

fs::path Scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "headroom-calibration-file-test";
  fs::create_directories(dir);
  return dir / name;
}

TEST(CalibrationFile, MergesIntoAnExistingFileKeepingOtherSections) {
  Calibration first;
  first.backup = BackupCalibration{200, 300, 50, 0.5, "lab"};
  const fs::path path = Scratch("merge.yaml");
  std::ofstream(path) << CalibrationYaml(first);

  Calibration update;
  update.usl = UslCalibration{1000, 0.01, 0.001, "pgbench"};
  Result<std::string> text = MergedCalibrationYaml(path.string(), update);
  ASSERT_TRUE(text.ok()) << FormatAll(text.errors());
  Result<Calibration> back = ReadCalibration(text.value(), "merged.yaml");
  ASSERT_TRUE(back.ok()) << FormatAll(back.errors());
  ASSERT_TRUE(back.value().backup);
  EXPECT_EQ(back.value().backup->wal_replay_mib_s, 50);
  EXPECT_EQ(back.value().backup->source, "lab");
  ASSERT_TRUE(back.value().usl);
  EXPECT_EQ(back.value().usl->kappa, 0.001);
  EXPECT_FALSE(back.value().service_demands);
  fs::remove(path);
}

TEST(CalibrationFile, ANewFileHoldsOnlyTheUpdate) {
  Calibration update;
  update.usl = UslCalibration{1000, 0.01, 0.001, "pgbench"};
  const fs::path path = Scratch("absent.yaml");
  fs::remove(path);
  Result<std::string> text = MergedCalibrationYaml(path.string(), update);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text.value(), CalibrationYaml(update));
}

TEST(CalibrationFile, AnInvalidExistingFileIsNotOverwritten) {
  const fs::path path = Scratch("invalid.yaml");
  std::ofstream(path) << "schema: something-else\n";
  Calibration update;
  update.usl = UslCalibration{1000, 0.01, 0.001, "pgbench"};
  Result<std::string> text = MergedCalibrationYaml(path.string(), update);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kInvalid);
  fs::remove(path);
}

}  // namespace
}  // namespace headroom
