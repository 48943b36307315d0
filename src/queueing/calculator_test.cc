#include "queueing/calculator.h"

#include <gtest/gtest.h>

#include <cmath>

#include "queueing/mgc.h"

namespace headroom::queueing {
namespace {

TEST(CalculatorTest, PdqExampleWithServers) {
  QueueQuery q;
  q.arrival_rate_per_s = 0.35 / 60.0;
  q.service_time_s = 600.0;
  q.servers = 4;
  const Result<QueueReport> r = Analyse(q);
  ASSERT_TRUE(r.ok());
  const QueueReport& report = r.value();
  EXPECT_EQ(report.model, "M/M/c");
  EXPECT_EQ(report.servers, 4);
  EXPECT_NEAR(report.utilisation, 0.875, 1e-15);
  EXPECT_NEAR(report.probability_of_waiting, 0.737861, 5e-7);
  EXPECT_NEAR(*report.mean_response_s / 60.0, 24.7572, 1e-4);
  EXPECT_NEAR(*report.mean_wait_s / 60.0, 14.7572, 1e-4);
  // p95 wait = S ln(C / 0.05) / (c − a) = 600 ln(14.757…) / 0.5 s.
  EXPECT_NEAR(*report.p95_wait_s, 600.0 * std::log(report.probability_of_waiting / 0.05) / 0.5,
              1e-9);
  EXPECT_LT(*report.p95_response_s, *report.p99_response_s);
  EXPECT_NEAR(report.service_p95_s, -600.0 * std::log(0.05), 1e-9);
}

TEST(CalculatorTest, TargetFindsTheFewestServers) {
  QueueQuery q;
  q.arrival_rate_per_s = 40.0;
  q.service_time_s = 0.12;
  q.service_cv = 1.5;
  q.target_p95_response_s = 0.5;
  const Result<QueueReport> r = Analyse(q);
  ASSERT_TRUE(r.ok());
  const QueueReport& report = r.value();
  EXPECT_EQ(report.model, "M/G/c (Allen-Cunneen)");
  EXPECT_TRUE(report.target_reachable);
  EXPECT_LE(*report.p95_response_s, 0.5);
  MgcQueue fewer;
  fewer.arrival_rate_per_s = 40.0;
  fewer.service_time_s = 0.12;
  fewer.service_cv = 1.5;
  fewer.servers = report.servers - 1;
  EXPECT_GT(MgcResponsePercentile(fewer, 0.95).value_or(1e9), 0.5);
}

TEST(CalculatorTest, UnreachableTargetIsAnOutcome) {
  QueueQuery q;
  q.arrival_rate_per_s = 10.0;
  q.service_time_s = 0.1;
  q.target_p95_response_s = 0.2;  // the exponential service alone has p95 0.2996 s
  const Result<QueueReport> r = Analyse(q);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value().target_reachable);
  EXPECT_DOUBLE_EQ(r.value().offered_load_erlangs, 1.0);
  EXPECT_NEAR(r.value().service_p95_s, -0.1 * std::log(0.05), 1e-12);
  EXPECT_FALSE(r.value().p95_response_s.has_value());
}

TEST(CalculatorTest, SaturatedIsAnOutcome) {
  QueueQuery q;
  q.arrival_rate_per_s = 30.0;
  q.service_time_s = 0.1;
  q.servers = 2;
  const Result<QueueReport> r = Analyse(q);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value().saturated);
  EXPECT_DOUBLE_EQ(r.value().utilisation, 1.5);
  EXPECT_FALSE(r.value().mean_wait_s.has_value());
  EXPECT_FALSE(r.value().p99_response_s.has_value());
}

TEST(CalculatorTest, InvalidQueriesListEveryError) {
  QueueQuery q;
  q.arrival_rate_per_s = -1.0;
  q.service_time_s = 0.0;
  q.service_cv = std::nan("");
  const Result<QueueReport> r = Analyse(q);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 4u);
  EXPECT_EQ(r.errors()[0].where.field, "arrival_rate_per_s");
  EXPECT_EQ(r.errors()[1].where.field, "service_time_s");
  EXPECT_EQ(r.errors()[2].where.field, "service_cv");
  EXPECT_EQ(r.errors()[3].where.field, "servers");
  q = {};
  q.service_time_s = 1.0;
  q.servers = 0;
  ASSERT_FALSE(Analyse(q).ok());
  EXPECT_EQ(Analyse(q).error().message, "must be at least 1");
}

}  // namespace
}  // namespace headroom::queueing
