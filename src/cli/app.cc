#include "cli/app.h"

#include <CLI/CLI.hpp>

namespace headroom::cli {

int Run(int argc, char** argv) {
  CLI::App app{"Headroom: capacity planning for Odoo SaaS estates"};
  app.set_version_flag("--version", HEADROOM_VERSION);
  CLI11_PARSE(app, argc, argv);
  return 0;
}

}  // namespace headroom::cli
