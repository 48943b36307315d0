#include "cli/app.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/commands.h"
#include "common/error.h"
#include "common/suggest.h"

namespace headroom::cli {
namespace {

// One row per subcommand; `headroom --help` lists them in this order.
const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"plan", "Plan an estate (default: the built-in example) and write plan.json",
       SetupPlanCommand},
      {"validate", "Check an estate file and report every error at once", SetupValidateCommand},
      {"demand", "Synthesize hourly demand and the monthly load windows", SetupDemandCommand},
      {"examples", "List the built-in example estates or write one out as YAML",
       SetupExamplesCommand},
      {"queue", "Queueing calculator: utilisation, waits and servers for a target",
       SetupQueueCommand},
      {"autoscale", "Replay a load through a Kubernetes HPA, or explain one HPA decision",
       SetupAutoscaleCommand},
      {"dr", "Backups and disaster recovery: RTO and RPO per workflow and scenario, and fixes",
       SetupDrCommand},
      {"calibrate",
       "Measure the model's inputs: backup throughputs, per-class service demands, a USL fit",
       SetupCalibrateCommand},
      {"observe", "Read what a real system does (postgres: sizes, rates, WAL, connections)",
       SetupObserveCommand},
      {"restore-time", "Restore time of a database and its WAL with the recovery model",
       SetupRestoreTimeCommand},
      {"emit", "Write a month of the plan as Kubernetes manifests, configs, rules and a dashboard",
       SetupEmitCommand},
      {"simulate", "Simulate one month's window of the planned stack, autoscaler included",
       SetupSimulateCommand},
      {"forecast", "Forecast measured resources (CSV, Prometheus) and when each saturates",
       SetupForecastCommand},
      {"tenancy",
       "Where each tenant lives: multi-tenant, dedicated or hybrid, costed and simulated",
       SetupTenancyCommand},
  };
  return kCommands;
}

std::vector<std::string> CommandNames() {
  std::vector<std::string> names;
  for (const Command& c : Commands()) names.emplace_back(c.name);
  return names;
}

// A first argument that is neither an option nor a subcommand is most likely a typo: say which
// subcommand was meant instead of CLI11's generic complaint.
bool ReportUnknownCommand(int argc, char** argv, std::ostream& err) {
  if (argc < 2 || argv[1][0] == '-') return false;
  const std::string word = argv[1];
  for (const Command& c : Commands()) {
    if (word == c.name) return false;
  }
  err << "headroom: '" << word << "' is not a command.";
  if (auto match = ClosestMatch(word, CommandNames())) err << " Did you mean '" << *match << "'?";
  err << " See 'headroom --help'.\n";
  return true;
}

}  // namespace

Action ParseSubcommand(Setup setup, const std::string& name, const std::string& arguments) {
  CLI::App app{"test"};
  CLI::App* sub = app.add_subcommand(name, name);
  Action action = setup(*sub);
  app.parse(name + " " + arguments, /*program_name_included=*/false);
  return action;
}

int Run(int argc, char** argv) {
  Io io{std::cout, std::cerr, isatty(STDOUT_FILENO) != 0};
  if (ReportUnknownCommand(argc, argv, io.err)) return static_cast<int>(ExitCode::kUsage);

  CLI::App app{"Headroom: capacity planning for Odoo SaaS estates"};
  app.set_version_flag("--version", HEADROOM_VERSION);
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, Action>> actions;
  for (const Command& c : Commands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    actions.emplace_back(sub, c.setup(*sub));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, io.out, io.err);
    return code == 0 ? 0 : static_cast<int>(ExitCode::kUsage);
  }
  for (auto& [sub, action] : actions) {
    if (sub->parsed()) return action(io);
  }
  return static_cast<int>(ExitCode::kUsage);
}

}  // namespace headroom::cli
