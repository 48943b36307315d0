#include "estate/calibration_reader.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

TEST(CalibrationReader, WrittenFileReadsBackExactly) {
  Calibration all;
  BackupCalibration& c = all.backup.emplace();
  c.backup_mib_s_per_process = 212.53125;
  c.restore_mib_s_per_process = 1.0 / 3.0;
  c.wal_replay_mib_s = 96.3;
  c.source = "pgbench on: yes, 00:30";  // YAML 1.1 look-alikes stay one string
  ServiceDemandCalibration& d = all.service_demands.emplace();
  d.source = "node CPU: yes";
  d.background_cores = 0.125;
  d.classes = {{"interactive", 91.5, 14.25}, {"no", 1.0 / 7.0, std::nullopt}};
  all.usl = UslCalibration{5210.4, 0.031, 1.0 / 3.0, "pgbench -S"};
  Result<Calibration> back = ReadCalibration(CalibrationYaml(all), "cal.yaml");
  ASSERT_TRUE(back.ok()) << FormatAll(back.errors());
  ASSERT_TRUE(back.value().backup);
  EXPECT_EQ(back.value().backup->backup_mib_s_per_process, c.backup_mib_s_per_process);
  EXPECT_EQ(back.value().backup->restore_mib_s_per_process, c.restore_mib_s_per_process);
  EXPECT_EQ(back.value().backup->wal_replay_mib_s, c.wal_replay_mib_s);
  EXPECT_EQ(back.value().backup->source, c.source);
  ASSERT_TRUE(back.value().service_demands);
  const ServiceDemandCalibration& e = *back.value().service_demands;
  EXPECT_EQ(e.source, d.source);
  EXPECT_EQ(e.background_cores, 0.125);
  ASSERT_EQ(e.classes.size(), 2u);
  EXPECT_EQ(e.classes[0].request_class, "interactive");
  EXPECT_EQ(e.classes[0].app_cpu_ms, 91.5);
  EXPECT_EQ(e.classes[0].db_cpu_ms, 14.25);
  EXPECT_EQ(e.classes[1].request_class, "no");  // a YAML 1.1 boolean look-alike as a name
  EXPECT_EQ(e.classes[1].app_cpu_ms, 1.0 / 7.0);
  EXPECT_FALSE(e.classes[1].db_cpu_ms);
  ASSERT_TRUE(back.value().usl);
  EXPECT_EQ(back.value().usl->lambda_per_s, 5210.4);
  EXPECT_EQ(back.value().usl->sigma, 0.031);
  EXPECT_EQ(back.value().usl->kappa, 1.0 / 3.0);
  EXPECT_EQ(back.value().usl->source, "pgbench -S");
}

TEST(CalibrationReader, OneSectionAloneIsAFile) {
  Result<Calibration> r = ReadCalibration(
      "schema: headroom.calibration/v1\n"
      "usl: {lambda_per_s: 100, sigma: 0, kappa: 0}\n",
      "cal.yaml");
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  EXPECT_FALSE(r.value().backup);
  EXPECT_FALSE(r.value().service_demands);
  ASSERT_TRUE(r.value().usl);
  EXPECT_EQ(r.value().usl->lambda_per_s, 100);
}

TEST(CalibrationReader, NoSectionIsAnError) {
  Result<Calibration> r = ReadCalibration("schema: headroom.calibration/v1\n", "cal.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(FormatAll(r.errors()).find("at least one of backup, service_demands and usl"),
            std::string::npos)
      << FormatAll(r.errors());
}

TEST(CalibrationReader, EveryErrorAtOnceWithItsPlace) {
  const std::string text =
      "schema: headroom.calibration/v2\n"
      "source: lab\n"
      "backup:\n"
      "  backup_mib_s_per_process: -3\n"
      "  restore_mib_s_per_proces: 10\n"
      "extra: 1\n"
      "service_demands:\n"
      "  classes:\n"
      "    interactive: {app_cpu_ms: 0}\n"
      "    report: {app_cpu_ms: 3, db_cpu_ms: x}\n"
      "usl: {lambda_per_s: 10, sigma: -0.1}\n";
  Result<Calibration> r = ReadCalibration(text, "cal.yaml");
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
  EXPECT_NE(all.find("cal.yaml:9:31: error: service_demands.classes.interactive.app_cpu_ms: must "
                     "be a positive CPU time"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("cal.yaml:10:40: error: service_demands.classes.report.db_cpu_ms"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("cal.yaml:11:32: error: usl.sigma: must be 0 or more"), std::string::npos)
      << all;
  EXPECT_NE(all.find("usl.kappa: required key is missing"), std::string::npos) << all;
}

TEST(CalibrationReader, NotAMapping) {
  Result<Calibration> r = ReadCalibration("- 1\n- 2\n", "cal.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
}

}  // namespace
}  // namespace headroom
