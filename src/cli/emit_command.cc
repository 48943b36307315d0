// `headroom emit [FILE] [--month M] [-o DIR]`: plans the estate (by default the built-in
// example) and writes one month's artifacts (Kustomize tree, configs, rules, dashboard) into DIR.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/estate_options.h"
#include "cli/progress.h"
#include "emit/artifacts.h"
#include "engine/pipeline.h"

namespace headroom::cli {
namespace {

struct EmitArgs {
  std::shared_ptr<EstateSource> source;
  std::string output_dir = "out/artifacts";
  std::string month;
  std::optional<int> samples;
  std::optional<unsigned long long> seed;
  std::string catalog;
};

int RunEmitCommand(const EmitArgs& args, Io& io) {
  Result<Estate> loaded = LoadEstate(*args.source);
  if (!loaded.ok()) return ReportErrors(loaded.errors(), io.err);
  Estate estate = std::move(loaded).value();
  if (args.samples) estate.planning.samples = *args.samples;
  if (args.seed) estate.planning.seed = *args.seed;
  Result<Catalog> catalog = LoadCatalog(args.catalog);
  if (!catalog.ok()) return ReportErrors(catalog.errors(), io.err);

  Progress progress(io.err, isatty(STDERR_FILENO) != 0, "planning");
  Result<PlanRun> run = RunPipeline(estate, catalog.value(), progress.Callback());
  if (!run.ok()) return ReportErrors(run.errors(), io.err);
  const Plan& plan = run.value().plan;
  Result<int> month = emit::FindPlanMonth(plan, args.month);
  if (!month.ok()) return ReportErrors(month.errors(), io.err);

  PlanSettings plan_settings;  // the settings the plan was sized with: its catalog
  plan_settings.catalog = catalog.value();
  const emit::Artifacts artifacts =
      emit::RenderArtifacts(estate, plan, month.value(), plan_settings, emit::EmitSettings{});
  Status written = emit::WriteArtifacts(args.output_dir, artifacts);
  if (!written.ok()) return ReportErrors(written.errors(), io.err);
  io.out << "wrote " << artifacts.files.size() << " files (" << artifacts.kubernetes_objects
         << " Kubernetes objects) for "
         << plan.month_plans[static_cast<size_t>(month.value())].label << " into "
         << args.output_dir << "\n";
  return 0;
}

}  // namespace

Action SetupEmitCommand(CLI::App& sub) {
  auto args = std::make_shared<EmitArgs>();
  args->source = AddEstateOptions(sub);
  sub.add_option("-o,--output", args->output_dir, "Output folder (default: out/artifacts)");
  sub.add_option("--month", args->month,
                 "Month of the plan to emit: YYYY-MM or its number from 1 (default: the first)");
  sub.add_option("--samples", args->samples, "Monte Carlo samples (default: the estate's)")
      ->check(CLI::Range(1, 4096));
  sub.add_option("--seed", args->seed, "Random seed (default: the estate's)");
  sub.add_option("--catalog", args->catalog,
                 "Price catalog YAML (docs/catalog.md; default: the built-in dated example)");
  return [args](Io& io) { return RunEmitCommand(*args, io); };
}

}  // namespace headroom::cli
