// `headroom dr [FILE] [--month M] [--format text|json] [--calibration FILE] [--catalog FILE]
// [-o PATH]`: plans the estate, then shows for every business workflow which failure scenario
// meets its RTO and RPO over the horizon, and the cheapest change that fixes each one that
// does not.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/estate_options.h"
#include "cli/progress.h"
#include "engine/apply_calibration.h"
#include "engine/pipeline.h"
#include "engine/simulate.h"
#include "report/dr_output.h"

namespace headroom::cli {
namespace {

struct DrArgs {
  std::shared_ptr<EstateSource> source;
  std::string month;
  std::string format = "text";
  std::string catalog;
  std::string calibration;
  std::optional<int> samples;
  std::optional<unsigned long long> seed;
  std::string output;
};

int RunDr(const DrArgs& args, Io& io) {
  Result<Estate> loaded = LoadEstate(*args.source);
  if (!loaded.ok()) return ReportErrors(loaded.errors(), io.err);
  Estate estate = std::move(loaded).value();
  if (args.samples) estate.planning.samples = *args.samples;
  if (args.seed) estate.planning.seed = *args.seed;
  Result<Catalog> catalog = LoadCatalog(args.catalog);
  if (!catalog.ok()) return ReportErrors(catalog.errors(), io.err);
  Result<std::optional<Calibration>> calibration =
      LoadCalibrationFor(*args.source, estate, args.calibration);
  if (!calibration.ok()) return ReportErrors(calibration.errors(), io.err);
  Result<AppliedCalibration> applied = ApplyCalibration(estate, calibration.value());
  if (!applied.ok()) return ReportErrors(applied.errors(), io.err);

  Progress progress(io.err, isatty(STDERR_FILENO) != 0, "planning");
  Result<PlanRun> run =
      RunPipeline(estate, catalog.value(), progress.Callback(), BackupOf(calibration.value()));
  if (!run.ok()) return ReportErrors(run.errors(), io.err);
  const Result<int> month =
      args.month.empty() ? Result<int>(-1) : PlanMonthIndex(args.month, run.value().plan);
  if (!month.ok()) {
    io.err << "headroom dr: --month '" << args.month << "' is not a month of the plan (1.."
           << run.value().plan.month_plans.size() << " or YYYY-MM from "
           << run.value().plan.month_plans.front().label << ")\n";
    return static_cast<int>(ExitCode::kUsage);
  }
  const std::string text =
      args.format == "json"
          ? RecoveryJson(run.value().recovery, run.value().plan, DescribeSource(*args.source))
          : DrTable(run.value().recovery, run.value().plan.currency, month.value());
  return WriteOutput(text, args.output, io.out, io.err);
}

}  // namespace

Action SetupDrCommand(CLI::App& sub) {
  auto args = std::make_shared<DrArgs>();
  args->source = AddEstateOptions(sub);
  sub.add_option("--month", args->month,
                 "Also show this month's recovery arithmetic term by term (1..N or YYYY-MM)");
  sub.add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  sub.add_option("--catalog", args->catalog,
                 "Price catalog YAML (docs/catalog.md; default: the built-in dated example)");
  sub.add_option("--calibration", args->calibration,
                 "Calibration file from `headroom calibrate backup` (default: the estate's)");
  sub.add_option("--samples", args->samples, "Monte Carlo samples (default: the estate's)")
      ->check(CLI::Range(1, 4096));
  sub.add_option("--seed", args->seed, "Random seed (default: the estate's)");
  sub.add_option("-o,--output", args->output, "Write to this file instead of standard output");
  return [args](Io& io) { return RunDr(*args, io); };
}

}  // namespace headroom::cli
