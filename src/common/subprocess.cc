#include "common/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

extern char** environ;

namespace headroom {
namespace {

constexpr size_t kMaxOutputBytes = 1 << 20;
constexpr size_t kOutputTailBytes = 1500;

std::vector<char*> Argv(const std::vector<std::string>& argv) {
  std::vector<char*> out;
  for (const std::string& a : argv) out.push_back(const_cast<char*>(a.c_str()));
  out.push_back(nullptr);
  return out;
}

int ExitCodeOf(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

Error SpawnError(const std::vector<std::string>& argv, int error) {
  return IoError("cannot start " + DescribeCommand(argv) + ": " + std::strerror(error));
}

// Spawns argv with stdout and stderr on `fd` and stdin from /dev/null.
Result<pid_t> Spawn(const std::vector<std::string>& argv, int fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fd, STDERR_FILENO);
  pid_t pid = -1;
  std::vector<char*> args = Argv(argv);
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return SpawnError(argv, rc);
  return pid;
}

}  // namespace

std::string DescribeCommand(const std::vector<std::string>& argv) {
  std::string out;
  for (const std::string& a : argv) out += (out.empty() ? "'" : " '") + a + "'";
  return out;
}

Result<ProcessResult> RunProcess(const std::vector<std::string>& argv) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return SpawnError(argv, errno);
  const auto start = std::chrono::steady_clock::now();
  Result<pid_t> pid = Spawn(argv, fds[1]);
  close(fds[1]);
  if (!pid.ok()) {
    close(fds[0]);
    return pid.errors();
  }
  ProcessResult r;
  char buffer[65536];
  for (;;) {
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    const size_t room = kMaxOutputBytes - std::min(kMaxOutputBytes, r.output.size());
    r.output.append(buffer, std::min(room, static_cast<size_t>(n)));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid.value(), &status, 0) < 0 && errno == EINTR) {
  }
  r.exit_code = ExitCodeOf(status);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

Result<BackgroundProcess> BackgroundProcess::Start(const std::vector<std::string>& argv,
                                                   const std::string& log_path) {
  const int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return IoError("cannot open " + log_path + ": " + std::strerror(errno));
  Result<pid_t> pid = Spawn(argv, fd);
  close(fd);
  if (!pid.ok()) return pid.errors();
  return BackgroundProcess(pid.value());
}

BackgroundProcess::BackgroundProcess(BackgroundProcess&& other) noexcept : pid_(other.pid_) {
  other.pid_ = -1;
}

BackgroundProcess& BackgroundProcess::operator=(BackgroundProcess&& other) noexcept {
  if (this != &other) {
    Stop();
    pid_ = other.pid_;
    other.pid_ = -1;
  }
  return *this;
}

BackgroundProcess::~BackgroundProcess() { Stop(); }

bool BackgroundProcess::Running() {
  if (pid_ < 0) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

int BackgroundProcess::Stop(double grace_seconds) {
  if (pid_ < 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(grace_seconds);
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  pid_ = -1;
  return ExitCodeOf(status);
}

std::string OutputTail(const std::string& output) {
  if (output.size() <= kOutputTailBytes) return output;
  return "..." + output.substr(output.size() - kOutputTailBytes);
}

}  // namespace headroom
