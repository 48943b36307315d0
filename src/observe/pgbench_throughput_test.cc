#include "observe/pgbench_throughput.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

// pgbench 15's report (the lines after the run).
TEST(PgbenchThroughput, ParsesTheReport) {
  const std::string out =
      "transaction type: <builtin: select only>\n"
      "number of clients: 4\n"
      "latency average = 0.171 ms\n"
      "initial connection time = 5.118 ms\n"
      "tps = 23342.914537 (without initial connection time)\n";
  ASSERT_TRUE(ParsePgbenchTps(out));
  EXPECT_DOUBLE_EQ(*ParsePgbenchTps(out), 23342.914537);
  // PostgreSQL 13 and older printed two lines; the second excludes connecting.
  const std::string old =
      "tps = 980.1 (including connections establishing)\n"
      "tps = 1002.5 (excluding connections establishing)\n";
  EXPECT_DOUBLE_EQ(*ParsePgbenchTps(old), 1002.5);
  EXPECT_FALSE(ParsePgbenchTps("pgbench: error: connection to server failed"));
}

TEST(PgbenchThroughput, BadOptionsAreUsageErrors) {
  PgbenchOptions o;
  o.clients = {};
  EXPECT_EQ(MeasurePgbenchThroughput(o, {}).error().code, ErrorCode::kUsage);
  o.clients = {1, 0};
  EXPECT_EQ(MeasurePgbenchThroughput(o, {}).error().code, ErrorCode::kUsage);
}

// A program that is not there: an error, not a crash.
TEST(PgbenchThroughput, MissingProgram) {
  PgbenchOptions o;
  o.pgbench = "/nonexistent/pgbench";
  o.seconds = 1;
  o.clients = {1};
  EXPECT_FALSE(MeasurePgbenchThroughput(o, {}).ok());
}

}  // namespace
}  // namespace headroom
