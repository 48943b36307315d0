#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/command.h"

namespace headroom::cli {

Action SetupAutoscaleCommand(CLI::App& sub);

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int code = 0;
  std::string out;
  std::string err;
};

class AutoscaleCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("headroom-autoscale-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << content;
    return path.string();
  }

  static Outcome Run(const std::string& arguments) {
    const Action action = ParseSubcommand(SetupAutoscaleCommand, "autoscale", arguments);
    std::ostringstream out;
    std::ostringstream err;
    Io io{out, err};
    Outcome run;
    run.code = action(io);
    run.out = out.str();
    run.err = err.str();
    return run;
  }

  fs::path dir_;
};

constexpr const char* kHpa = R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 4
  maxReplicas: 20
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
)";

// TestScaleUp of horizontal_test.go as a snapshot: 3 pods at 50 % of a 30 % target → 5.
TEST_F(AutoscaleCommandTest, DecideExplainsTheCount) {
  const std::string snapshot = Write("s.json", R"({
    "current_replicas": 3, "target_utilization": 30, "min_replicas": 2, "max_replicas": 6,
    "pods": [
      {"name": "a", "cpu_request_m": 1000, "cpu_usage_m": 300},
      {"name": "b", "cpu_request_m": 1000, "cpu_usage_m": 500},
      {"name": "c", "cpu_request_m": 1000, "cpu_usage_m": 700}]})");
  const Outcome run = Run("--decide " + snapshot);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("desired replicas: 5 (current 3)\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("utilisation used: 50 % of requests against a 30 % target (ratio "
                         "1.667)\n"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("  - ceil(1.667 × 3 pods) = 5\n"), std::string::npos) << run.out;
}

// Unready, initialising, missing, failed and deleting pods, as JSON.
TEST_F(AutoscaleCommandTest, DecideGroupsPods) {
  const std::string snapshot = Write("s.json", R"({
    "current_replicas": 5, "target_utilization": 50, "max_replicas": 10,
    "pods": [
      {"name": "ok-1", "cpu_request_m": 1000, "cpu_usage_m": 900},
      {"name": "ok-2", "cpu_request_m": 1000, "cpu_usage_m": 900},
      {"name": "booting", "cpu_request_m": 1000, "cpu_usage_m": 950,
       "inside_cpu_initialization_period": true},
      {"name": "not-ready", "ready": false, "cpu_request_m": 1000, "cpu_usage_m": 10},
      {"name": "no-sample", "cpu_request_m": 1000, "cpu_usage_m": null},
      {"name": "failed", "phase": "Failed", "cpu_request_m": 1000, "cpu_usage_m": 0},
      {"name": "going", "deleting": true, "cpu_request_m": 1000, "cpu_usage_m": 0}]})");
  const Outcome run = Run("--decide " + snapshot + " --format json");
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["schema"], "headroom.autoscale.decision/v1");
  const nlohmann::json& m = j["metrics"][0];
  EXPECT_EQ(m["ready_pods"], 2);
  EXPECT_EQ(m["unready_pods"], (nlohmann::json{"booting", "not-ready"}));
  EXPECT_EQ(m["missing_pods"], (nlohmann::json{"no-sample"}));
  EXPECT_EQ(m["ignored_pods"], (nlohmann::json{"failed", "going"}));
  // 90 % of request on the 2 counted pods → ratio 1.8; on scale-up the missing pod and the two
  // unready ones count as 0 %: 1800 m / 5000 m = 36 % → ratio 0.72 reverses the direction.
  EXPECT_EQ(j["utilization_percent"], 90);
  EXPECT_EQ(m["outcome"], "filling in missing and unready pods reverses the direction");
  EXPECT_DOUBLE_EQ(m["adjusted_usage_ratio"].get<double>(), 0.72);
  EXPECT_EQ(j["desired_replicas"], 5);
  EXPECT_FALSE(j["rescale"].get<bool>());
}

// With --hpa the limits and the target come from the manifest; the recent recommendations
// stand in for the controller's memory (here a 7 within the 300 s window).
TEST_F(AutoscaleCommandTest, DecideWithManifestAndHistory) {
  const std::string hpa = Write("hpa.yaml", kHpa);
  const std::string snapshot = Write("s.json", R"({
    "current_replicas": 8,
    "recent_recommendations": [{"age_s": 120, "replicas": 7}],
    "pods": [
      {"cpu_request_m": 500, "cpu_usage_m": 50}, {"cpu_request_m": 500, "cpu_usage_m": 50},
      {"cpu_request_m": 500, "cpu_usage_m": 50}, {"cpu_request_m": 500, "cpu_usage_m": 50},
      {"cpu_request_m": 500, "cpu_usage_m": 50}, {"cpu_request_m": 500, "cpu_usage_m": 50},
      {"cpu_request_m": 500, "cpu_usage_m": 50}, {"cpu_request_m": 500, "cpu_usage_m": 50}]})");
  const Outcome run = Run("--decide " + snapshot + " --hpa " + hpa);
  ASSERT_EQ(run.code, 0) << run.err;
  // 10 % of a 50 % target → ceil(0.2 × 8) = 2, held at 7 by the window, no lower than min 4.
  EXPECT_NE(run.out.find("desired replicas: 7 (current 8)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("stabilisation window (ScaleDownStabilized): 7"), std::string::npos)
      << run.out;
}

TEST_F(AutoscaleCommandTest, SnapshotErrorsAreAllReported) {
  const std::string bad = Write("bad.json", R"({
    "current_replicas": -1, "target_utilisation": 50, "max_replicas": 3,
    "pods": [{"name": "a", "cpu_request_m": "1", "cpu_usage_m": 3, "ready": "yes"},
             {"name": "a", "cpu_request_m": 1, "inside_cpu_initialization_period": true,
              "started_s_ago": 900}]})");
  const Outcome run = Run("--decide " + bad);
  EXPECT_EQ(run.code, 65);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            bad +
                ": error: target_utilisation: unknown key 'target_utilisation'; did you mean "
                "'target_utilization'?\n" +
                bad + ": error: target_utilization: required key is missing\n" + bad +
                ": error: current_replicas: -1 is out of range (0 to 1000000)\n" + bad +
                ": error: pods[0].ready: expected true or false, got string\n" + bad +
                ": error: pods[0].cpu_request_m: expected a number, got string\n" + bad +
                ": error: pods[1].name: duplicate pod name 'a'\n" + bad +
                ": error: pods[1].started_s_ago: 900 s ago is outside the 300 s CPU "
                "initialisation period, but inside_cpu_initialization_period is true\n" +
                bad +
                ": error: pods[1].cpu_usage_m: required key is missing (null for a missing "
                "sample)\n8 errors\n");
  const Outcome overflow = Run("--decide " + Write("o.json", R"({"current_replicas": 1e999})"));
  EXPECT_EQ(overflow.code, 65);
  EXPECT_NE(overflow.err.find("o.json: error: invalid JSON: "), std::string::npos);
  EXPECT_NE(overflow.err.find("number overflow"), std::string::npos) << overflow.err;
}

// The StepUpTimeline replay of replay_test.cc through the command line.
TEST_F(AutoscaleCommandTest, ReplayPrintsTimelineAndSummary) {
  const std::string trace = Write("load.csv", "time_s,cpu_cores\n0,2\n300,8\n900,8\n");
  const std::string hpa = Write("hpa.yaml", kHpa);
  const Outcome text = Run("--trace " + trace + " --hpa " + hpa);
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("  under-provisioned          45 s (3.00 %): load above Ready capacity "
                          "at the 50 % target\n"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("  SLO minutes lost           1\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("       300            8      4      4    200.0        8  cpu resource "
                          "utilization (percentage of request) above target (ScaleUpLimit)\n"),
            std::string::npos)
      << text.out;
  EXPECT_EQ(text.out.find("nan"), std::string::npos);
  EXPECT_EQ(text.out.find("inf"), std::string::npos);

  const Outcome json = Run("--trace " + trace + " --hpa " + hpa + " --format json");
  ASSERT_EQ(json.code, 0) << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["schema"], "headroom.autoscale.replay/v1");
  EXPECT_EQ(j["syncs"].size(), 100u);
  EXPECT_DOUBLE_EQ(j["summary"]["under_provisioned_s"].get<double>(), 45);
  EXPECT_EQ(j["summary"]["peak_replicas"], 16);
  EXPECT_EQ(j["syncs"][21]["desired_replicas"], 16);
}

TEST_F(AutoscaleCommandTest, UsageErrors) {
  const std::string trace = Write("load.csv", "time_s,requests_per_s\n0,2\n60,8\n");
  const std::string hpa = Write("hpa.yaml", kHpa);
  struct Case {
    std::string arguments;
    int code;
    std::string message;
  };
  const Case cases[] = {
      {"", 64,
       "headroom autoscale: error: give either --trace LOAD.csv --hpa HPA.yaml or "
       "--decide SNAPSHOT.json\n"},
      {"--trace " + trace, 64, "headroom autoscale: error: --trace needs --hpa HPA.yaml\n"},
      {"--trace " + trace + " --hpa " + hpa + " --format xml", 64,
       "headroom autoscale: error: --format must be text or json, not 'xml'\n"},
      {"--trace " + trace + " --hpa " + hpa, 64,
       "headroom autoscale: error: a requests_per_s trace needs the capacity per pod: the "
       "requests per second one pod serves at 100 % of its CPU request\n"},
      {"--trace " + trace + " --hpa " + hpa + " --capacity-per-pod 10 --startup-s x", 64,
       "headroom autoscale: error: --startup-s: 'x' is not a number\n"},
  };
  for (const Case& c : cases) {
    const Outcome run = Run(c.arguments);
    EXPECT_EQ(run.code, c.code) << c.arguments;
    EXPECT_EQ(run.err, c.message) << c.arguments;
  }
  const Outcome missing = Run("--decide " + (dir_ / "none.json").string());
  EXPECT_EQ(missing.code, 66) << missing.err;
}

}  // namespace
}  // namespace headroom::cli
