#include "common/error.h"

#include <fmt/format.h>

namespace headroom {

std::string Error::Format() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) {
      out += fmt::format(":{}", where.line);
      if (where.column > 0) out += fmt::format(":{}", where.column);
    }
    out += ": ";
  }
  out += "error: ";
  if (!where.field.empty()) out += where.field + ": ";
  out += message;
  return out;
}

ExitCode ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:
      return ExitCode::kDataError;
    case ErrorCode::kNotFound:
      return ExitCode::kNoInput;
    case ErrorCode::kIo:
      return ExitCode::kCantCreate;
    case ErrorCode::kUsage:
      return ExitCode::kUsage;
    case ErrorCode::kInternal:
      return ExitCode::kSoftware;
    case ErrorCode::kUnavailable:
      return ExitCode::kUnavailable;
  }
  return ExitCode::kSoftware;
}

std::string FormatAll(const Errors& errors) {
  std::string out;
  for (const Error& e : errors) {
    out += e.Format();
    out += '\n';
  }
  return out;
}

}  // namespace headroom
