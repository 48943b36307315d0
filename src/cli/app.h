#pragma once
// The command line: parses arguments and hands each subcommand to its own file.

namespace headroom::cli {

// Runs the `headroom` command line; returns the process exit code (sysexits).
int Run(int argc, char** argv);

}  // namespace headroom::cli
