// `headroom validate [FILE]`: reads an estate and reports every error at once. Writes nothing.
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/estate_options.h"

namespace headroom::cli {

Action SetupValidateCommand(CLI::App& sub) {
  auto source = AddEstateOptions(sub);
  return [source](Io& io) {
    Result<Estate> estate = LoadEstate(*source);
    if (!estate.ok()) return ReportErrors(estate.errors(), io.err);
    const Estate& e = estate.value();
    io.out << DescribeSource(*source) << ": ok (" << e.tenants.size() << " tenants, "
           << e.request_classes.size() << " request classes, " << e.events.size() << " events, "
           << e.horizon_months << " months from " << e.start.ToString() << ")\n";
    return 0;
  };
}

}  // namespace headroom::cli
