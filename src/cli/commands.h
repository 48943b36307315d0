#pragma once
// The Setup function of every subcommand, each defined in src/cli/<name>_command.cc.

#include "cli/command.h"

namespace headroom::cli {

Action SetupPlanCommand(CLI::App& sub);
Action SetupValidateCommand(CLI::App& sub);
Action SetupDemandCommand(CLI::App& sub);
Action SetupExamplesCommand(CLI::App& sub);
Action SetupQueueCommand(CLI::App& sub);
Action SetupAutoscaleCommand(CLI::App& sub);
Action SetupDrCommand(CLI::App& sub);
Action SetupCalibrateCommand(CLI::App& sub);
Action SetupObserveCommand(CLI::App& sub);
Action SetupRestoreTimeCommand(CLI::App& sub);
Action SetupEmitCommand(CLI::App& sub);
Action SetupSimulateCommand(CLI::App& sub);
Action SetupForecastCommand(CLI::App& sub);
Action SetupTenancyCommand(CLI::App& sub);

}  // namespace headroom::cli
