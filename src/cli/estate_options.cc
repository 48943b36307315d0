#include "cli/estate_options.h"

#include <CLI/CLI.hpp>
#include <ostream>

#include "common/atomic_file.h"

namespace headroom::cli {

std::shared_ptr<EstateSource> AddEstateOptions(CLI::App& sub) {
  auto source = std::make_shared<EstateSource>();
  sub.add_option("file", source->path, "Estate YAML file (default: the built-in example)");
  sub.add_option("--example", source->example,
                 "Use this built-in example estate instead of a file ('headroom examples')");
  return source;
}

int ReportErrors(const Errors& errors, std::ostream& err) {
  err << FormatAll(errors);
  if (errors.size() > 1) err << errors.size() << " errors\n";
  return static_cast<int>(ExitCodeFor(errors.front().code));
}

int WriteOutput(const std::string& text, const std::string& path, std::ostream& out,
                std::ostream& err) {
  if (path.empty() || path == "-") {
    out << text;
    return 0;
  }
  Status written = WriteFileAtomic(path, text);
  return written.ok() ? 0 : ReportErrors(written.errors(), err);
}

}  // namespace headroom::cli
