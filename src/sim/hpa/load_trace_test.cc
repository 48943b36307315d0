#include "sim/hpa/load_trace.h"

#include <gtest/gtest.h>

namespace headroom::hpa {
namespace {

TEST(LoadTraceTest, ParsesBothUnits) {
  const Result<LoadTrace> r =
      ParseLoadTrace("# recorded\ntime_s,requests_per_s\r\n0,120\r\n\n60, 135.5\n", "t.csv");
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  EXPECT_EQ(r.value().unit, LoadUnit::kRequestsPerS);
  ASSERT_EQ(r.value().points.size(), 2u);
  EXPECT_DOUBLE_EQ(r.value().points[1].load, 135.5);
  EXPECT_DOUBLE_EQ(r.value().end_s(), 120);
  EXPECT_DOUBLE_EQ(r.value().LoadAt(59.9), 120);
  EXPECT_DOUBLE_EQ(r.value().LoadAt(60), 135.5);
  const Result<LoadTrace> cpu = ParseLoadTrace("time_s, cpu_cores\n0,1\n15,2.5\n30,2\n", "c.csv");
  ASSERT_TRUE(cpu.ok());
  EXPECT_EQ(cpu.value().unit, LoadUnit::kCpuCores);
}

TEST(LoadTraceTest, ReportsEveryError) {
  const Result<LoadTrace> r =
      ParseLoadTrace("time_s,requests_per_s\n0,1\n0,2\nx,3\n10,-1\n20,1,2\n30,1e999\n", "t.csv");
  ASSERT_FALSE(r.ok());
  const std::string all = FormatAll(r.errors());
  EXPECT_EQ(all,
            "t.csv:3: error: time_s 0 does not increase (the previous row has 0)\n"
            "t.csv:4: error: time_s 'x' is not a number\n"
            "t.csv:5: error: load -1 is negative\n"
            "t.csv:6: error: expected two fields: time_s,load\n"
            "t.csv:7: error: load '1e999' is not a number\n");
}

TEST(LoadTraceTest, RefusesBadHeadersAndShortTraces) {
  EXPECT_EQ(FormatAll(ParseLoadTrace("", "e.csv").errors()),
            "e.csv: error: the trace is empty; expected the header time_s,requests_per_s or "
            "time_s,cpu_cores\n");
  EXPECT_EQ(FormatAll(ParseLoadTrace("time,rps\n0,1\n", "h.csv").errors()),
            "h.csv:1: error: the header 'time,rps' is not time_s,requests_per_s or "
            "time_s,cpu_cores\n");
  EXPECT_EQ(FormatAll(ParseLoadTrace("time_s,cpu_cores\n0,1\n", "s.csv").errors()),
            "s.csv: error: the trace needs at least two rows\n");
}

}  // namespace
}  // namespace headroom::hpa
