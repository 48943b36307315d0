#pragma once
// Errors travel as values. An Error names what went wrong (code), says it in a sentence
// (message) and points at the input it is about (where: "estate.yaml:12:5 tenants[3].users").

#include <cstddef>
#include <string>
#include <vector>

namespace headroom {

// Exit codes follow BSD sysexits(3), so scripts can tell bad input from a bug.
enum class ExitCode : int {
  kOk = 0,
  kUsage = 64,        // EX_USAGE: the command line is wrong
  kDataError = 65,    // EX_DATAERR: the input is malformed or invalid
  kNoInput = 66,      // EX_NOINPUT: an input file is missing or unreadable
  kUnavailable = 69,  // EX_UNAVAILABLE: a service (a server we query) is down or refused
  kSoftware = 70,     // EX_SOFTWARE: an internal error
  kCantCreate = 73,   // EX_CANTCREAT: an output cannot be written
};

enum class ErrorCode {
  kInvalid,      // bad data in an input
  kNotFound,     // a missing file or name
  kIo,           // reading or writing failed
  kUsage,        // bad arguments
  kInternal,     // a broken invariant
  kUnavailable,  // a server we depend on is down or answered with an error
};

// Where an error points: a file position (1-based; 0 when unknown) and a field path.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  std::string field;  // e.g. "tenants[2].sites.initial"
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  Location where;

  // "file:line:col: error: field: message", dropping the parts that are unknown.
  [[nodiscard]] std::string Format() const;
};

// Maps an error's code to the process exit code the CLI returns for it.
ExitCode ExitCodeFor(ErrorCode code);

// Several errors reported at once (validation collects them all before failing).
using Errors = std::vector<Error>;

// The most errors a reader of a data file (CSV, Prometheus JSON) lists: a wrong file gives a
// screenful, not a million lines.
inline constexpr size_t kMaxDataFileErrors = 50;

// Joins formatted errors, one per line.
std::string FormatAll(const Errors& errors);

}  // namespace headroom
