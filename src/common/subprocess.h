#pragma once
// Running other programs (PostgreSQL's tools for calibration): argv only, never a shell, so no
// argument is ever re-parsed; the environment is inherited.

#include <sys/types.h>

#include <string>
#include <vector>

#include "common/result.h"

namespace headroom {

struct ProcessResult {
  int exit_code = 0;   // the program's exit status; 128 + N when killed by signal N
  std::string output;  // standard output and standard error together, at most 1 MiB
  double seconds = 0;  // wall time from start to exit
};

// Runs argv[0] (looked up in PATH when it has no slash) to completion. Errors (kIo): the program
// cannot be started. A non-zero exit is a result, not an error. REQUIRES: !argv.empty().
Result<ProcessResult> RunProcess(const std::vector<std::string>& argv);

// The last 1,500 characters of a program's output (with "..." when cut): enough of a failing
// tool's log for an error message to say why.
std::string OutputTail(const std::string& output);

// A program left running in the background, its output appended to `log_path`. Stop() sends
// SIGTERM (then SIGKILL after `grace_seconds`) and waits; the destructor stops it too.
class BackgroundProcess {
 public:
  static Result<BackgroundProcess> Start(const std::vector<std::string>& argv,
                                         const std::string& log_path);
  BackgroundProcess(BackgroundProcess&& other) noexcept;
  BackgroundProcess& operator=(BackgroundProcess&& other) noexcept;
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;
  ~BackgroundProcess();

  // True while the program has not exited.
  bool Running();
  // Returns the exit code (as ProcessResult::exit_code), or -1 when it was not running.
  int Stop(double grace_seconds = 5);

 private:
  explicit BackgroundProcess(pid_t pid) : pid_(pid) {}
  pid_t pid_ = -1;
};

// "'a' 'b c'": a command line for messages.
std::string DescribeCommand(const std::vector<std::string>& argv);

}  // namespace headroom
