#pragma once
// The options every estate-reading subcommand shares: a positional FILE and --example NAME.

#include <memory>
#include <ostream>
#include <string>

#include "engine/load.h"

namespace CLI {
class App;
}

namespace headroom::cli {

// Declares `[FILE]` and `--example NAME` on `sub`; the returned source is filled by parsing.
std::shared_ptr<EstateSource> AddEstateOptions(CLI::App& sub);

// Prints every error (one per line) to `err` and returns the matching sysexits code.
int ReportErrors(const Errors& errors, std::ostream& err);

// Writes a command's output: to `out` when `path` is empty or "-", else atomically to the file
// `path`. Returns the exit code (0, or the write error's).
int WriteOutput(const std::string& text, const std::string& path, std::ostream& out,
                std::ostream& err);

}  // namespace headroom::cli
