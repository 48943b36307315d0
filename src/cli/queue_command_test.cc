#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/command.h"

namespace headroom::cli {

Action SetupQueueCommand(CLI::App& sub);

namespace {

struct QueueOutcome {
  int code = 0;
  std::string out;
  std::string err;
};

// Parses `queue <arguments>` with the command set up on a fresh app, then runs its action.
QueueOutcome RunQueue(const std::string& arguments) {
  const Action action = ParseSubcommand(SetupQueueCommand, "queue", arguments);
  std::ostringstream out;
  std::ostringstream err;
  Io io{out, err};
  QueueOutcome run;
  run.code = action(io);
  run.out = out.str();
  run.err = err.str();
  return run;
}

TEST(QueueCommandTest, PdqExampleAsText) {
  const QueueOutcome run = RunQueue("--arrival-rate 0.35/min --service-time-ms 600000 --servers 4");
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.err, "");
  EXPECT_NE(run.out.find("M/M/c queue with 4 servers"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("utilisation           87.50 %"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("probability of wait   0.737861"), std::string::npos) << run.out;
  // Mean response 24.7572 min = 1485433.3 ms; mean wait 885433.3 ms.
  EXPECT_NE(run.out.find("1485433.3"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("885433.3"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("nan"), std::string::npos);
  EXPECT_EQ(run.out.find("inf"), std::string::npos);
}

TEST(QueueCommandTest, JsonIsFlatWithUnits) {
  const QueueOutcome run =
      RunQueue("--arrival-rate 0.35/min --service-time-ms 600000 --servers 4 --format json");
  ASSERT_EQ(run.code, 0);
  const nlohmann::json j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["schema"], "headroom.queue/v1");
  EXPECT_EQ(j["model"], "M/M/c");
  EXPECT_EQ(j["servers"], 4);
  EXPECT_NEAR(j["arrival_rate_per_s"].get<double>(), 0.35 / 60.0, 1e-18);
  EXPECT_NEAR(j["utilisation"].get<double>(), 0.875, 1e-15);
  EXPECT_NEAR(j["mean_response_ms"].get<double>() / 60000.0, 24.7572, 1e-4);
  EXPECT_NEAR(j["mean_wait_ms"].get<double>() / 60000.0, 14.7572, 1e-4);
  EXPECT_FALSE(j["saturated"].get<bool>());
  for (const auto& [key, value] : j.items()) EXPECT_FALSE(value.is_structured()) << key;
}

TEST(QueueCommandTest, TargetModeFindsServers) {
  const QueueOutcome run = RunQueue(
      "--arrival-rate 2400/min --service-time-ms 120 --cv 1.5 --target-p95-ms 500 "
      "--format json");
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["model"], "M/G/c (Allen-Cunneen)");
  EXPECT_NEAR(j["arrival_rate_per_s"].get<double>(), 40.0, 1e-12);
  EXPECT_TRUE(j["target_reachable"].get<bool>());
  EXPECT_LE(j["p95_response_ms"].get<double>(), 500.0);
  EXPECT_GE(j["servers"].get<int>(), 5);  // a = 4.8 erlangs
  const QueueOutcome text =
      RunQueue("--arrival-rate 40 --service-time-ms 120 --cv 1.5 --target-p95-ms 500");
  EXPECT_NE(text.out.find("servers needed for p95 response <= 500.000 ms"), std::string::npos)
      << text.out;
}

TEST(QueueCommandTest, SaturatedPrintsUtilisationNotNan) {
  const QueueOutcome run = RunQueue("--arrival-rate 30 --service-time-ms 100 --servers 2");
  EXPECT_EQ(run.code, 0);
  EXPECT_NE(run.out.find("utilisation           150.00 %"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("saturated"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("nan"), std::string::npos);
  EXPECT_EQ(run.out.find("inf"), std::string::npos);
  const QueueOutcome json =
      RunQueue("--arrival-rate 30 --service-time-ms 100 --servers 2 --format json");
  const nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_TRUE(j["saturated"].get<bool>());
  EXPECT_TRUE(j["mean_wait_ms"].is_null());
  EXPECT_DOUBLE_EQ(j["utilisation"].get<double>(), 1.5);
}

TEST(QueueCommandTest, UnreachableTarget) {
  const QueueOutcome run = RunQueue("--arrival-rate 10 --service-time-ms 100 --target-p95-ms 200");
  EXPECT_EQ(run.code, 0);
  EXPECT_NE(run.out.find("no number of servers meets p95 response <= 200.000 ms"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("the service time alone has p95 299.573 ms"), std::string::npos)
      << run.out;
}

TEST(QueueCommandTest, InvalidArgumentsReturn64) {
  struct Case {
    const char* arguments;
    const char* message;
  };
  const Case cases[] = {
      {"--service-time-ms 100 --servers 2", "--arrival-rate is required"},
      {"--arrival-rate 3 --servers 2", "--service-time-ms is required"},
      {"--arrival-rate 3 --service-time-ms 100", "give either --servers N or --target-p95-ms X"},
      {"--arrival-rate 3 --service-time-ms 100 --servers 2 --target-p95-ms 9",
       "give either --servers N or --target-p95-ms X"},
      {"--arrival-rate 3/day --service-time-ms 100 --servers 2",
       "--arrival-rate: '3/day' is not a rate"},
      {"--arrival-rate 3 --service-time-ms abc --servers 2",
       "--service-time-ms: 'abc' is not a number"},
      {"--arrival-rate 3 --service-time-ms 100 --servers 2.5",
       "--servers: '2.5' is not a whole number"},
      {"--arrival-rate 3 --service-time-ms 100 --servers 0", "--servers: must be at least 1"},
      {"--arrival-rate -3 --service-time-ms 100 --servers 2",
       "--arrival-rate: must be a finite number >= 0"},
      {"--arrival-rate 3 --service-time-ms 100 --servers 2 --cv -1",
       "--cv: must be a finite number >= 0"},
      {"--arrival-rate 3 --service-time-ms 100 --servers 2 --format xml",
       "--format must be text or json"},
      {"--arrival-rate nan --service-time-ms 100 --servers 2",
       "--arrival-rate: 'nan' is not a rate"},
  };
  for (const Case& c : cases) {
    const QueueOutcome run = RunQueue(c.arguments);
    EXPECT_EQ(run.code, 64) << c.arguments;
    EXPECT_EQ(run.out, "") << c.arguments;
    EXPECT_NE(run.err.find(std::string("headroom queue: error: ") + c.message), std::string::npos)
        << c.arguments << " → " << run.err;
  }
}

}  // namespace
}  // namespace headroom::cli
