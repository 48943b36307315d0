// `headroom examples [NAME] [-o PATH] [--force]`: lists the built-in example estates, or writes
// one out as YAML to start from (to stdout, or to PATH without overwriting unless --force).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <ostream>

#include "cli/commands.h"
#include "common/atomic_file.h"
#include "common/suggest.h"
#include "estate/examples.h"

namespace headroom::cli {
namespace {

struct ExamplesArgs {
  std::string name;
  std::string output;
  bool force = false;
};

int ListExamples(Io& io) {
  for (const ExampleEstate& e : BuiltInExamples()) {
    const bool is_default = e.name == kDefaultExample;
    io.out << fmt::format("{:<20} {}{}\n", e.name, e.summary, is_default ? " (default)" : "");
  }
  return 0;
}

int WriteExample(const ExamplesArgs& args, Io& io) {
  const ExampleEstate* example = FindExample(args.name);
  if (example == nullptr) {
    std::vector<std::string> names;
    for (const ExampleEstate& e : BuiltInExamples()) names.push_back(e.name);
    io.err << "headroom examples: no example named '" << args.name << "'";
    if (auto match = ClosestMatch(args.name, names)) io.err << "; did you mean '" << *match << "'?";
    io.err << "\n";
    return static_cast<int>(ExitCode::kUsage);
  }
  if (args.output.empty() || args.output == "-") {
    io.out << example->yaml;
    return 0;
  }
  if (!args.force && std::filesystem::exists(args.output)) {
    io.err << "headroom examples: " << args.output << " exists; use --force to overwrite it\n";
    return static_cast<int>(ExitCode::kCantCreate);
  }
  Status written = WriteFileAtomic(args.output, example->yaml);
  if (!written.ok()) {
    io.err << written.error().Format() << "\n";
    return static_cast<int>(ExitCode::kCantCreate);
  }
  return 0;
}

}  // namespace

Action SetupExamplesCommand(CLI::App& sub) {
  auto args = std::make_shared<ExamplesArgs>();
  sub.add_option("name", args->name, "Example to write out as YAML");
  sub.add_option("-o,--output", args->output, "Write to this file instead of standard output");
  sub.add_flag("--force", args->force, "Overwrite the output file if it exists");
  return [args](Io& io) { return args->name.empty() ? ListExamples(io) : WriteExample(*args, io); };
}

}  // namespace headroom::cli
