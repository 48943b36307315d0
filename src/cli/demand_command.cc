// `headroom demand [FILE] [--samples N] [--seed S] [--format csv|json] [--table windows|hourly]
// [-o PATH]`: synthesizes the estate's demand and prints (or writes) the monthly load windows
// and the hourly series.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/estate_options.h"
#include "cli/progress.h"
#include "demand/demand.h"
#include "report/demand_output.h"

namespace headroom::cli {
namespace {

struct DemandArgs {
  std::shared_ptr<EstateSource> source;
  std::optional<int> samples;
  std::optional<unsigned long long> seed;
  std::string format = "csv";
  std::string table = "windows";
  std::string output;
};

std::string Render(const Demand& demand, const DemandArgs& args) {
  if (args.format == "json") return DemandJson(demand);
  return args.table == "hourly" ? DemandHourlyCsv(demand) : DemandWindowsCsv(demand);
}

int RunDemand(const DemandArgs& args, Io& io) {
  Result<Estate> estate = LoadEstate(*args.source);
  if (!estate.ok()) return ReportErrors(estate.errors(), io.err);
  DemandOptions options = DemandOptions::FromPlanning(estate.value().planning);
  if (args.samples) options.samples = *args.samples;
  if (args.seed) options.seed = *args.seed;
  options.keep_hourly_mid = args.format == "json" || args.table == "hourly";
  Progress progress(io.err, isatty(STDERR_FILENO) != 0, "demand");
  const ProgressFn callback = progress.Callback();
  Result<Demand> demand = SynthesizeDemand(estate.value(), options, &callback);
  if (!demand.ok()) return ReportErrors(demand.errors(), io.err);
  const std::string text = Render(demand.value(), args);
  return WriteOutput(text, args.output, io.out, io.err);
}

}  // namespace

Action SetupDemandCommand(CLI::App& sub) {
  auto args = std::make_shared<DemandArgs>();
  args->source = AddEstateOptions(sub);
  sub.add_option("--samples", args->samples, "Monte Carlo samples (default: the estate's)")
      ->check(CLI::Range(1, 4096));
  sub.add_option("--seed", args->seed, "Random seed (default: the estate's)");
  sub.add_option("--format", args->format, "Output format")->check(CLI::IsMember({"csv", "json"}));
  sub.add_option("--table", args->table, "CSV table: the monthly windows or the hourly series")
      ->check(CLI::IsMember({"windows", "hourly"}));
  sub.add_option("-o,--output", args->output, "Write to this file instead of standard output");
  return [args](Io& io) { return RunDemand(*args, io); };
}

}  // namespace headroom::cli
