#include "observe/calibration_inputs.h"

#include <gtest/gtest.h>

#include "observe/csv_table.h"

namespace headroom {
namespace {

TEST(CalibrationInputs, UtilisationAndRatesJoinByTimestamp) {
  const CsvInput u{"# node CPU\ntimestamp,busy_cores\n100,1.5\n160, 2.5\r\n\n", "u.csv"};
  const std::vector<CsvInput> x = {
      {"timestamp,class,rate_per_s\n100,interactive,10\n160,interactive,20\n", "a.csv"},
      {"timestamp,class,rate_per_s\n160,report,0.5\n100,report,0\n", "b.csv"}};
  Result<DemandSamples> s = ReadDemandSamples(u, x, 2.0);
  ASSERT_TRUE(s.ok()) << FormatAll(s.errors());
  EXPECT_EQ(s.value().classes, (std::vector<std::string>{"interactive", "report"}));
  EXPECT_EQ(s.value().busy_cores, (std::vector<double>{3.0, 5.0}));
  EXPECT_EQ(s.value().throughput_per_s, (std::vector<std::vector<double>>{{10, 0}, {20, 0.5}}));
}

TEST(CalibrationInputs, GapsDuplicatesAndBadNumbersAreLocated) {
  const CsvInput u{"timestamp,busy_cores\n100,1\n100,2\n160,x\n220,3\n", "u.csv"};
  const std::vector<CsvInput> x = {
      {"timestamp,class,rate_per_s\n"
       "100,api,1\n"
       "100,api,2\n"
       "999,api,1\n"
       "220,api,-1\n",
       "x.csv"}};
  Result<DemandSamples> s = ReadDemandSamples(u, x);
  ASSERT_FALSE(s.ok());
  const std::string all = FormatAll(s.errors());
  EXPECT_NE(all.find("u.csv:3:1: error: timestamp: duplicate timestamp; first given at line 2"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("u.csv:4:5: error: busy_cores: expected a number, got \"x\""),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("x.csv:3:1: error: timestamp: duplicate rate of api at this timestamp"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("x.csv:4:1: error: timestamp: no utilisation interval at this timestamp"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("x.csv:5:9: error: rate_per_s: a rate must be 0 or more"), std::string::npos)
      << all;
}

TEST(CalibrationInputs, AGapIsNamed) {
  const CsvInput u{"timestamp,busy_cores\n100,1\n160,2\n", "u.csv"};
  Result<DemandSamples> s =
      ReadDemandSamples(u, {{"timestamp,class,rate_per_s\n100,api,1\n", "x.csv"}});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().Format(),
            "u.csv:3:1: error: timestamp: no rate of class api at this timestamp (a gap; write 0 "
            "when there were no requests)");
}

// Files that do not match at all: fifty errors and a count of the rest, not thousands.
TEST(CalibrationInputs, ErrorsAreCapped) {
  std::string rates = "timestamp,class,rate_per_s\n";
  for (int i = 0; i < 200; ++i) rates += std::to_string(1000 + i) + ",api,1\n";
  Result<DemandSamples> s =
      ReadDemandSamples({"timestamp,busy_cores\n1,1\n", "u.csv"}, {{rates, "x.csv"}});
  ASSERT_FALSE(s.ok());
  ASSERT_EQ(s.errors().size(), 51u);
  EXPECT_EQ(s.errors().back().message, "... and 150 more errors");
}

TEST(CalibrationInputs, UslPoints) {
  Result<std::vector<UslPoint>> p =
      ReadUslPoints({"concurrency,throughput\n1,100\n2,190.5\n", "p.csv"});
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p.value().size(), 2u);
  EXPECT_EQ(p.value()[1].concurrency, 2);
  EXPECT_EQ(p.value()[1].throughput, 190.5);
  Result<std::vector<UslPoint>> bad =
      ReadUslPoints({"concurrency,throughput\n0,100\n2,nan\n", "p.csv"});
  ASSERT_FALSE(bad.ok());
  std::string all = FormatAll(bad.errors());
  EXPECT_NE(all.find("p.csv:2:1: error: concurrency: concurrency must be 1 or more"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("p.csv:3:3: error: throughput: expected a number, got \"nan\""),
            std::string::npos)
      << all;
  bad = ReadUslPoints({"concurrency,throughput\n3,4,5\n\"4\",1\n", "p.csv"});
  ASSERT_FALSE(bad.ok());
  all = FormatAll(bad.errors());
  EXPECT_NE(all.find("p.csv:2:1: error: expected 2 cells"), std::string::npos) << all;
  EXPECT_NE(all.find("p.csv:3:1: error: quoted cells are not supported"), std::string::npos) << all;
}

TEST(CsvTable, HeaderMustMatch) {
  Result<CsvTable> t = ReadCsvTable("n,x\n1,2\n", "p.csv", {"concurrency", "throughput"});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().Format(),
            "p.csv:1:1: error: expected the header \"concurrency,throughput\", got \"n,x\"");
  EXPECT_FALSE(ReadCsvTable("", "p.csv", {"a"}).ok());
}

}  // namespace
}  // namespace headroom
