// `headroom simulate [FILE] --month M [--window peak|recovery|day] [--tenant T] [--seed S]
// [--lose zone|node [--at-min M]] [--format text|json] [-o FILE]`: plans the estate, then simulates
// one month's window of the planned Odoo stack (docs/simulation.md) and prints latency per class
// and tenant, utilisation, timeouts, and the replica and queue timeline.
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/estate_options.h"
#include "engine/simulate.h"
#include "report/simulation_output.h"

namespace headroom::cli {
namespace {

struct SimulateArgs {
  std::shared_ptr<EstateSource> source;
  std::string month;
  std::string window = "peak";
  std::string tenant;
  std::optional<unsigned long long> seed;
  std::string format = "text";
  std::string output;
  std::string catalog;
  std::string lose;
  double lose_at_min = 10;
};

int RunSimulate(const SimulateArgs& args, Io& io) {
  Result<sim::SimWindow> window = sim::ParseSimWindow(args.window);
  if (!window.ok()) return ReportErrors({UsageError(window.error().message)}, io.err);
  Result<Estate> estate = LoadEstate(*args.source);
  if (!estate.ok()) return ReportErrors(estate.errors(), io.err);
  Result<Catalog> catalog = LoadCatalog(args.catalog);
  if (!catalog.ok()) return ReportErrors(catalog.errors(), io.err);
  SimulateRequest request{args.month,   window.value(), args.tenant,
                          std::nullopt, args.lose,      args.lose_at_min};
  if (args.seed) request.seed = *args.seed;
  Result<sim::SimulationRun> run = RunSimulation(estate.value(), catalog.value(), request);
  if (!run.ok()) return ReportErrors(run.errors(), io.err);
  const std::string source = DescribeSource(*args.source);
  const std::string text = args.format == "json" ? SimulationJson(run.value(), source)
                                                 : SimulationText(run.value(), source);
  return WriteOutput(text, args.output, io.out, io.err);
}

}  // namespace

Action SetupSimulateCommand(CLI::App& sub) {
  auto args = std::make_shared<SimulateArgs>();
  args->source = AddEstateOptions(sub);
  sub.add_option("--month", args->month, "Month to simulate: 1..N from the start, or YYYY-MM")
      ->required();
  sub.add_option("--window", args->window, "peak (the worst hour), recovery (a zone lost) or day");
  sub.add_option("--tenant", args->tenant, "Report this tenant's figures only");
  sub.add_option("--seed", args->seed, "Random seed (default: the plan's for month and window)");
  sub.add_option("--lose", args->lose, "Lose a zone or a node during the window: zone|node");
  sub.add_option("--at-min", args->lose_at_min, "Minute of the window the loss happens (10)");
  sub.add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  sub.add_option("-o,--output", args->output, "Write to this file instead of standard output");
  sub.add_option("--catalog", args->catalog, "Price catalog YAML (default: the built-in)");
  return [args](Io& io) { return RunSimulate(*args, io); };
}

}  // namespace headroom::cli
