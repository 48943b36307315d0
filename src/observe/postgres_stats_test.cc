#include "observe/postgres_stats.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

// Nothing listens on a Unix socket in a folder that does not exist: a clear error whose code
// maps to exit 69 (EX_UNAVAILABLE), with libpq's reason, and no wait.
TEST(PostgresStats, ServerDownIsUnavailable) {
  PostgresObserveOptions o;
  o.dsn = "host=/nonexistent/headroom-test port=5999 dbname=postgres connect_timeout=2";
  o.interval_s = 1;
  bool slept = false;
  Result<PostgresObservation> r = ObservePostgres(o, [&slept](double) { slept = true; });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(static_cast<int>(ExitCodeFor(r.error().code)), 69);
  EXPECT_NE(r.error().message.find("cannot connect to PostgreSQL"), std::string::npos)
      << r.error().message;
  EXPECT_FALSE(slept);
}

TEST(PostgresStats, IntervalMustBePositive) {
  PostgresObserveOptions o;
  o.interval_s = 0;
  Result<PostgresObservation> r = ObservePostgres(o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUsage);
}

}  // namespace
}  // namespace headroom
