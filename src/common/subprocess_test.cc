#include "common/subprocess.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

namespace headroom {
namespace {

TEST(Subprocess, CapturesOutputAndExitCodeWithoutAShell) {
  Result<ProcessResult> r = RunProcess({"sh", "-c", "echo out; echo err >&2; exit 3"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().exit_code, 3);
  EXPECT_NE(r.value().output.find("out\n"), std::string::npos);
  EXPECT_NE(r.value().output.find("err\n"), std::string::npos);
  // Arguments reach the program as they are: no word splitting or globbing.
  Result<ProcessResult> echo = RunProcess({"printf", "%s|", "a b", "*"});
  ASSERT_TRUE(echo.ok());
  EXPECT_EQ(echo.value().output, "a b|*|");
}

TEST(Subprocess, MissingProgramIsAnErrorNotACrash) {
  Result<ProcessResult> r = RunProcess({"/nonexistent/headroom-tool"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kIo);
}

TEST(Subprocess, BackgroundProcessStopsOnRequest) {
  const std::string log = ::testing::TempDir() + "/subprocess_test.log";
  std::remove(log.c_str());
  Result<BackgroundProcess> p = BackgroundProcess::Start({"sh", "-c", "echo up; sleep 30"}, log);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p.value().Running());
  // The output reaches the log: wait for it (the shell may not have started yet).
  std::string line;
  for (int i = 0; i < 500 && line.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::ifstream in(log);
    std::getline(in, line);
  }
  EXPECT_EQ(line, "up");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(p.value().Stop(), 128 + 15);  // SIGTERM
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_FALSE(p.value().Running());
}

}  // namespace
}  // namespace headroom
