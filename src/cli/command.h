#pragma once
// How a subcommand plugs into the command line. Each subcommand lives in its own file
// `src/cli/<name>_command.cc` and provides one Setup function: it declares its options on the
// CLI11 subcommand and returns the action to run once parsing succeeded. Actions write to the
// streams in Io (so tests can run them in-process) and return a sysexits code. No model logic
// lives here: actions call the library and print what it returns.

#include <functional>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace headroom::cli {

struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;  // show progress and colour only on a terminal
};

using Action = std::function<int(Io&)>;
using Setup = Action (*)(CLI::App& sub);

struct Command {
  const char* name;
  const char* summary;  // one line, shown by `headroom --help`
  Setup setup;
};

// Sets up subcommand `name` with `setup` on a fresh command line and parses `arguments` (the
// words after the subcommand's name) into it; returns its action. Throws CLI::ParseError on
// bad arguments. For tests that drive one subcommand in-process.
Action ParseSubcommand(Setup setup, const std::string& name, const std::string& arguments);

}  // namespace headroom::cli
