#include "observe/backup_calibration.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "common/subprocess.h"

namespace headroom {
namespace {

namespace fs = std::filesystem;

constexpr const char* kScratchDatabase = "headroom_calibration";
constexpr const char* kSlot = "headroom_calibration";
constexpr double kMib = 1024.0 * 1024.0;
// The restored server listens only on a Unix socket in the work folder; the port only names it.
constexpr int kRestorePort = 5433;
constexpr int kSourcePort = 5432;
constexpr double kRecoveryTimeoutSeconds = 600;

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

double DirectoryMib(const fs::path& dir) {
  std::uintmax_t bytes = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec)) bytes += it->file_size(ec);
  }
  return static_cast<double>(bytes) / kMib;
}

// fsync every file under `dir`, as PostgreSQL does to a data directory it did not shut down
// cleanly: a restore is done when its files are durable, not when they are in the page cache.
Status SyncTree(const fs::path& dir) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file(ec)) continue;
    const int fd = open(it->path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0) {
      if (fd >= 0) close(fd);
      return IoError("cannot sync " + it->path().string());
    }
    close(fd);
  }
  if (ec) return IoError(fmt::format("cannot read {}: {}", dir.string(), ec.message()));
  return Status::Ok();
}

// Writes earlier steps left in the page cache would otherwise be flushed during the next timed
// step and slow it down: each step is timed with only its own writes to make durable.
void DrainWriteback() { sync(); }

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs a step and turns a failure into an error naming the command and its output.
Result<ProcessResult> Step(const std::vector<std::string>& argv) {
  Result<ProcessResult> r = RunProcess(argv);
  if (!r.ok()) return r.errors();
  if (r.value().exit_code != 0) {
    return IoError(fmt::format("{} exited with {}:\n{}", DescribeCommand(argv), r.value().exit_code,
                               OutputTail(r.value().output)));
  }
  return r;
}

std::string UtcDate() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

class Calibrator {
 public:
  Calibrator(BackupCalibrationOptions options, std::function<void(const std::string&)> say)
      : options_(std::move(options)), say_(std::move(say)) {}
  Calibrator(const Calibrator&) = delete;
  Calibrator& operator=(const Calibrator&) = delete;
  ~Calibrator() { CleanUp(); }

  Result<BackupMeasurement> Run();

 private:
  void Say(const std::string& line) const {
    if (say_) say_(line);
  }
  std::string Tool(const std::string& name) const {
    const fs::path in_bin = fs::path(bin_dir_) / name;
    return !bin_dir_.empty() && fs::exists(in_bin) ? in_bin.string() : name;
  }
  Result<std::string> Sql(const std::string& dsn, const std::string& sql) const {
    Result<ProcessResult> r =
        Step({Tool("psql"), "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", dsn, "-c", sql});
    if (!r.ok()) return r.errors();
    return Trim(r.value().output);
  }
  std::string ScratchDsn() const { return dsn_ + " dbname=" + kScratchDatabase; }

  Status PrepareWorkDir();
  Status StartSource();
  Status FindBinDir();
  Status MakeScratchDatabase();
  Status BaseBackupWithStreamedWal(BackupMeasurement& out);
  Status WaitForReceiver(const std::string& lsn);
  Status Restore(const std::string& target_lsn, BackupMeasurement& out);
  Status WaitForRecoveryEnd() const;
  Status ReadRedo(BackupMeasurement& out) const;
  void CleanUp();

  BackupCalibrationOptions options_;
  std::function<void(const std::string&)> say_;
  fs::path work_;
  bool made_work_ = false;
  std::string dsn_;
  std::string bin_dir_;
  int major_ = 0;
  bool source_started_ = false;
  bool restored_started_ = false;
  bool scratch_made_ = false;
  bool slot_made_ = false;
  std::optional<BackgroundProcess> receiver_;
};

Status Calibrator::PrepareWorkDir() {
  std::error_code ec;
  if (!options_.work_dir.empty()) {
    work_ = fs::absolute(options_.work_dir);
    fs::create_directories(work_, ec);
    if (ec) return IoError(fmt::format("cannot create {}: {}", work_.string(), ec.message()));
    if (!fs::is_empty(work_, ec)) {
      return UsageError(fmt::format("the work folder {} is not empty", work_.string()));
    }
  } else {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr && *tmp != 0 ? tmp : "/tmp") + "/headroom-calibrate-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) return IoError("cannot create a work folder");
    work_ = pattern;
  }
  made_work_ = true;
  fs::permissions(work_, fs::perms::owner_all, ec);
  return Status::Ok();
}

Status Calibrator::StartSource() {
  if (options_.pgdata.empty()) {
    dsn_ = options_.dsn;
    return Status::Ok();
  }
  const std::string pgdata = fs::absolute(options_.pgdata).string();
  Say("starting the cluster in " + pgdata + " on a private socket");
  // pg_ctl hands -o to the server's command line: the work folder's name has no spaces.
  Result<ProcessResult> r = Step(
      {Tool("pg_ctl"), "-D", pgdata, "-l", (work_ / "source.log").string(), "-w", "-t", "120", "-o",
       fmt::format("-c listen_addresses='' -c unix_socket_directories='{}' -c port={}",
                   work_.string(), kSourcePort),
       "start"});
  if (!r.ok()) return r.errors();
  source_started_ = true;
  dsn_ = fmt::format("host={} port={} dbname=postgres", work_.string(), kSourcePort);
  return Status::Ok();
}

Status Calibrator::FindBinDir() {
  Result<std::string> version = Sql(dsn_, "SHOW server_version_num");
  if (!version.ok()) return version.errors();
  major_ = std::atoi(version.value().c_str()) / 10000;
  if (!options_.bin_dir.empty()) {
    bin_dir_ = options_.bin_dir;
  } else {
    const fs::path debian = fmt::format("/usr/lib/postgresql/{}/bin", major_);
    if (fs::exists(debian / "pg_ctl")) bin_dir_ = debian.string();
  }
  return Status::Ok();
}

Status Calibrator::MakeScratchDatabase() {
  Say(fmt::format("creating the scratch database {} (pgbench scale {})", kScratchDatabase,
                  options_.scale));
  Result<std::string> r = Sql(dsn_, fmt::format("DROP DATABASE IF EXISTS {}", kScratchDatabase));
  if (r.ok()) r = Sql(dsn_, fmt::format("CREATE DATABASE {}", kScratchDatabase));
  if (!r.ok()) return r.errors();
  scratch_made_ = true;
  Result<ProcessResult> init =
      Step({Tool("pgbench"), "-i", "-q", "-s", std::to_string(options_.scale), ScratchDsn()});
  if (!init.ok()) return init.errors();
  return Status::Ok();
}

Status Calibrator::WaitForReceiver(const std::string& lsn) {
  const auto start = std::chrono::steady_clock::now();
  const std::string sql = fmt::format(
      "SELECT restart_lsn >= '{}'::pg_lsn FROM pg_replication_slots WHERE slot_name = '{}'", lsn,
      kSlot);
  while (SecondsSince(start) < 120) {
    Result<std::string> done = Sql(dsn_, sql);
    if (!done.ok()) return done.errors();
    if (done.value() == "t") return Status::Ok();
    if (!receiver_->Running()) {
      return IoError("pg_receivewal stopped early:\n" +
                     OutputTail(ReadText(work_ / "receivewal.log")));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return IoError("pg_receivewal did not reach " + lsn + " within 120 s");
}

Status Calibrator::BaseBackupWithStreamedWal(BackupMeasurement& out) {
  Result<std::string> r =
      Sql(dsn_, fmt::format("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                            "WHERE slot_name = '{}'",
                            kSlot));
  if (r.ok())
    r = Sql(dsn_, fmt::format("SELECT pg_create_physical_replication_slot('{}', true)", kSlot));
  if (!r.ok()) return r.errors();
  slot_made_ = true;
  fs::create_directories(work_ / "wal");
  Result<BackgroundProcess> receiver =
      BackgroundProcess::Start({Tool("pg_receivewal"), "-D", (work_ / "wal").string(), "-S", kSlot,
                                "-d", dsn_, "-n", "-s", "1"},
                               (work_ / "receivewal.log").string());
  if (!receiver.ok()) return receiver.errors();
  receiver_.emplace(std::move(receiver).value());

  Say("base backup with pg_basebackup");
  DrainWriteback();
  std::vector<std::string> backup = {Tool("pg_basebackup"),
                                     "-d",
                                     dsn_,
                                     "-D",
                                     (work_ / "base").string(),
                                     "-Fp",
                                     "-X",
                                     "none",
                                     "-c",
                                     "fast"};
  if (options_.no_fsync) backup.emplace_back("--no-sync");
  Result<ProcessResult> base = Step(backup);
  if (!base.ok()) return base.errors();
  out.base_seconds = base.value().seconds;
  out.base_mib = DirectoryMib(work_ / "base");

  Say(fmt::format("pgbench write load for {} s", options_.load_seconds));
  const std::string clients = std::to_string(options_.clients);
  Result<ProcessResult> load = Step({Tool("pgbench"), "-n", "-c", clients, "-j", clients, "-T",
                                     std::to_string(options_.load_seconds), ScratchDsn()});
  if (!load.ok()) return load.errors();
  return Status::Ok();
}

Status Calibrator::Restore(const std::string& target_lsn, BackupMeasurement& out) {
  const fs::path data = work_ / "restore";
  Say("restoring the base backup into a fresh data directory");
  DrainWriteback();
  const auto copy_start = std::chrono::steady_clock::now();
  // cp, as a restore by hand would: one process, the kernel's copy_file_range where it can.
  Result<ProcessResult> copied = Step({"cp", "-a", (work_ / "base").string(), data.string()});
  if (!copied.ok()) return copied.errors();
  std::error_code ec;
  if (!options_.no_fsync) {
    if (Status synced = SyncTree(data); !synced.ok()) return synced;
  }
  out.restore_seconds = SecondsSince(copy_start);
  fs::permissions(data, fs::perms::owner_all, ec);
  // Distributions that keep the configuration outside the data directory (Debian's
  // /etc/postgresql) leave these out of a base backup.
  for (const char* name : {"postgresql.conf", "pg_ident.conf"}) {
    if (!fs::exists(data / name)) std::ofstream(data / name).flush();
  }
  if (!fs::exists(data / "pg_hba.conf"))
    std::ofstream(data / "pg_hba.conf") << "local all all trust\n";
  std::ofstream(data / "recovery.signal").flush();
  std::ofstream conf(data / "postgresql.auto.conf", std::ios::app);
  conf << fmt::format(
      "\n# headroom calibrate backup\n"
      "restore_command = 'cp \"{0}/%f\" \"%p\"'\n"
      "recovery_target_lsn = '{1}'\n"
      "recovery_target_action = 'promote'\n"
      "hot_standby = off\n"
      "archive_mode = off\n"
      "listen_addresses = ''\n"
      "unix_socket_directories = '{2}'\n"
      "port = {3}\n"
      "logging_collector = off\n"
      "shared_preload_libraries = ''\n"
      "fsync = {4}\n",
      (work_ / "wal").string(), target_lsn, work_.string(), kRestorePort,
      options_.no_fsync ? "off" : "on");
  conf.close();

  Say("replaying the WAL in the restored server");
  const auto start = std::chrono::steady_clock::now();
  Result<ProcessResult> started = Step(
      {Tool("pg_ctl"), "-D", data.string(), "-l", (work_ / "restore.log").string(), "-W", "start"});
  if (!started.ok()) return started.errors();
  restored_started_ = true;
  if (Status s = WaitForRecoveryEnd(); !s.ok()) return s;
  out.start_seconds = SecondsSince(start);
  return ReadRedo(out);
}

// pg_ctl's own wait cannot tell recovery from readiness here, so the server log is read: redo
// ends with "redo done at", or the server gives up with FATAL or PANIC.
Status Calibrator::WaitForRecoveryEnd() const {
  const fs::path log_path = work_ / "restore.log";
  const auto start = std::chrono::steady_clock::now();
  while (SecondsSince(start) < kRecoveryTimeoutSeconds) {
    const std::string log = ReadText(log_path);
    if (log.find("database system is ready to accept connections") != std::string::npos) {
      return Status::Ok();
    }
    if (log.find("FATAL:") != std::string::npos || log.find("PANIC:") != std::string::npos) {
      return IoError("the restored server failed:\n" + OutputTail(log));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return IoError(fmt::format("recovery did not end within {:.0f} s:\n{}", kRecoveryTimeoutSeconds,
                             OutputTail(ReadText(log_path))));
}

Status Calibrator::ReadRedo(BackupMeasurement& out) const {
  const std::string log = ReadText(work_ / "restore.log");
  const std::optional<unsigned long long> from = ParseLsnAfter(log, "redo starts at ");
  const std::optional<unsigned long long> to = ParseLsnAfter(log, "redo done at ");
  const std::optional<double> elapsed = ParseRedoElapsedSeconds(log);
  if (!from || !to || *to < *from) {
    return IoError("the restored server's log shows no completed redo:\n" + OutputTail(log));
  }
  out.wal_mib = static_cast<double>(*to - *from) / kMib;
  // The log's elapsed time is redo alone; without it, pg_ctl's wait (which adds start-up).
  out.replay_seconds = elapsed && *elapsed > 0 ? *elapsed : out.start_seconds;
  return Status::Ok();
}

void Calibrator::CleanUp() {
  if (receiver_) receiver_->Stop();
  if (restored_started_) {
    (void)RunProcess(
        {Tool("pg_ctl"), "-D", (work_ / "restore").string(), "-m", "immediate", "-w", "stop"});
  }
  if (slot_made_) {
    (void)Sql(dsn_, fmt::format("SELECT pg_drop_replication_slot('{}')", kSlot));
  }
  if (scratch_made_) (void)Sql(dsn_, fmt::format("DROP DATABASE IF EXISTS {}", kScratchDatabase));
  if (source_started_) {
    (void)RunProcess(
        {Tool("pg_ctl"), "-D", fs::absolute(options_.pgdata).string(), "-m", "fast", "-w", "stop"});
  }
  if (made_work_ && !options_.keep_work_dir) {
    std::error_code ec;
    fs::remove_all(work_, ec);
  }
}

Result<BackupMeasurement> Calibrator::Run() {
  if (options_.dsn.empty() == options_.pgdata.empty()) {
    return UsageError("give either --dsn (a running server) or --pgdata (a stopped cluster)");
  }
  if (geteuid() == 0) {
    return UsageError(
        "run as the PostgreSQL operating-system user, not root: postgres refuses to start as "
        "root");
  }
  if (options_.scale < 1 || options_.load_seconds < 1 || options_.clients < 1) {
    return UsageError("--scale, --load-seconds and --clients must be at least 1");
  }
  BackupMeasurement out;
  for (const auto& step : std::vector<std::function<Status()>>{
           [&] { return PrepareWorkDir(); }, [&] { return StartSource(); },
           [&] { return FindBinDir(); }, [&] { return MakeScratchDatabase(); },
           [&] { return BaseBackupWithStreamedWal(out); }}) {
    if (Status s = step(); !s.ok()) return s.errors();
  }
  Result<std::string> lsn = Sql(dsn_, "SELECT pg_current_wal_lsn()");
  if (lsn.ok()) (void)Sql(dsn_, "SELECT pg_switch_wal()");
  if (!lsn.ok()) return lsn.errors();
  if (Status s = WaitForReceiver(lsn.value()); !s.ok()) return s.errors();
  receiver_->Stop();
  // The segment being written when the receiver stopped is named .partial; recovery reads it
  // under its own name.
  for (const fs::directory_entry& e : fs::directory_iterator(work_ / "wal")) {
    if (e.path().extension() == ".partial")
      fs::rename(e.path(), fs::path(e.path()).replace_extension());
  }
  if (Status s = Restore(lsn.value(), out); !s.ok()) return s.errors();
  Result<std::string> version = Sql(dsn_, "SHOW server_version");
  out.server_version = version.ok() ? version.value() : std::to_string(major_);
  out.calibration.backup_mib_s_per_process = out.base_mib / std::max(out.base_seconds, 1e-3);
  out.calibration.restore_mib_s_per_process = out.base_mib / std::max(out.restore_seconds, 1e-3);
  out.calibration.wal_replay_mib_s = out.wal_mib / std::max(out.replay_seconds, 1e-3);
  out.calibration.restore_start_s = std::max(0.0, out.start_seconds - out.replay_seconds);
  out.calibration.source = fmt::format(
      "pg_basebackup, pg_receivewal, pgbench and pg_ctl on PostgreSQL {}: {:.0f} MiB base, "
      "{:.0f} MiB WAL, {}",
      out.server_version, out.base_mib, out.wal_mib, UtcDate());
  return out;
}

}  // namespace

std::optional<unsigned long long> ParseLsnAfter(const std::string& text,
                                                const std::string& marker) {
  const size_t at = text.find(marker);
  if (at == std::string::npos) return std::nullopt;
  unsigned int high = 0;
  unsigned int low = 0;
  if (std::sscanf(text.c_str() + at + marker.size(), "%X/%X", &high, &low) != 2) {
    return std::nullopt;
  }
  return (static_cast<unsigned long long>(high) << 32) | low;
}

std::optional<double> ParseRedoElapsedSeconds(const std::string& log) {
  const size_t done = log.find("redo done at ");
  if (done == std::string::npos) return std::nullopt;
  const size_t line_end = log.find('\n', done);
  const std::string line =
      log.substr(done, line_end == std::string::npos ? line_end : line_end - done);
  const size_t at = line.find("elapsed: ");
  if (at == std::string::npos) return std::nullopt;
  double seconds = 0;
  if (std::sscanf(line.c_str() + at + 9, "%lf", &seconds) != 1) return std::nullopt;
  return seconds;
}

Result<BackupMeasurement> MeasureBackup(const BackupCalibrationOptions& options,
                                        const std::function<void(const std::string&)>& say) {
  Calibrator calibrator(options, say);
  return calibrator.Run();
}

}  // namespace headroom
