#include "common/atomic_file.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace headroom {
namespace fs = std::filesystem;

namespace {

bool SameContent(const std::string& path, std::string_view content) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) != content.size()) return false;
  std::ifstream in(path, std::ios::binary);
  std::string existing((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return existing == content;
}

}  // namespace

Status WriteFileAtomic(const std::string& path, std::string_view content) {
  if (SameContent(path, content)) return Status::Ok();
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) {
    return IoError(
        fmt::format("cannot create folder {}: {}", target.parent_path().string(), ec.message()));
  }
  const std::string temp = fmt::format("{}.tmp.{}", path, getpid());
  FILE* f = std::fopen(temp.c_str(), "wb");
  if (f == nullptr) return IoError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const bool flushed = std::fflush(f) == 0 && fsync(fileno(f)) == 0;
  const bool closed = std::fclose(f) == 0;
  if (!written || !flushed || !closed) {
    std::remove(temp.c_str());
    return IoError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  }
  fs::rename(temp, target, ec);
  if (ec) {
    std::remove(temp.c_str());
    return IoError(fmt::format("cannot write {}: {}", path, ec.message()));
  }
  return Status::Ok();
}

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return NotFoundError(fmt::format("{}: no such file", path));
  if (fs::is_directory(path, ec)) return NotFoundError(fmt::format("{}: is a folder", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(fmt::format("{}: cannot be read", path));
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      return InvalidError(fmt::format("file is larger than the limit of {} bytes", max_bytes),
                          Location{path, 0, 0, ""});
    }
  }
  return text;
}

}  // namespace headroom
