// `headroom plan [FILE] [-o DIR] [--samples N] [--seed S] [--quantile Q]`: plans the estate (by
// default the built-in example) and writes the results into DIR.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <future>
#include <ostream>

#include "cli/commands.h"
#include "cli/estate_options.h"
#include "cli/progress.h"
#include "common/atomic_file.h"
#include "emit/artifacts.h"
#include "engine/apply_calibration.h"
#include "engine/pipeline.h"
#include "engine/simulate.h"
#include "report/demand_output.h"
#include "report/forecast_section.h"
#include "report/html_report.h"
#include "report/plan_json.h"
#include "report/terminal_summary.h"
#include "tenancy/advice.h"

namespace headroom::cli {
namespace {

struct PlanArgs {
  std::shared_ptr<EstateSource> source;
  std::string output_dir = "out";
  std::optional<int> samples;
  std::optional<unsigned long long> seed;
  std::optional<double> quantile;
  std::string catalog;
  std::string calibration;
  std::string forecast;  // headroom.forecast/v1 file
};

// The "forecast" section from `path` (nothing when no path is given).
Result<std::optional<Json>> LoadForecastSection(const std::string& path, const Plan& plan) {
  if (path.empty()) return std::optional<Json>{};
  Result<std::string> text = ReadFile(path, size_t{256} << 20);
  if (!text.ok()) return text.errors();
  Result<Json> section = ForecastSection(text.value(), path, plan);
  if (!section.ok()) return section.errors();
  return std::optional<Json>{std::move(section).value()};
}

int RunPlanCommand(const PlanArgs& args, Io& io) {
  Result<Estate> loaded = LoadEstate(*args.source);
  if (!loaded.ok()) return ReportErrors(loaded.errors(), io.err);
  Estate estate = std::move(loaded).value();
  if (args.samples) estate.planning.samples = *args.samples;
  if (args.seed) estate.planning.seed = *args.seed;
  if (args.quantile) estate.planning.quantile = *args.quantile;

  Result<Catalog> catalog = LoadCatalog(args.catalog);
  if (!catalog.ok()) return ReportErrors(catalog.errors(), io.err);

  Result<std::optional<Calibration>> calibration =
      LoadCalibrationFor(*args.source, estate, args.calibration);
  if (!calibration.ok()) return ReportErrors(calibration.errors(), io.err);
  Result<AppliedCalibration> applied = ApplyCalibration(estate, calibration.value());
  if (!applied.ok()) return ReportErrors(applied.errors(), io.err);

  // Where each tenant lives does not depend on the plan: it is advised on a second thread while
  // the demand is synthesised and the plan sized (left out of an estate too large for it).
  const TenancySettings tenancy_settings;
  std::future<Result<TenancyAdvice>> advising;
  if (static_cast<int>(estate.tenants.size()) <= tenancy_settings.max_tenants) {
    advising = std::async(std::launch::async,
                          [&] { return AdviseTenancy(estate, catalog.value(), tenancy_settings); });
  }
  Progress progress(io.err, isatty(STDERR_FILENO) != 0, "planning");
  Result<PlanRun> run =
      RunPipeline(estate, catalog.value(), progress.Callback(), BackupOf(calibration.value()));
  if (!run.ok()) return ReportErrors(run.errors(), io.err);

  const std::string dir = args.output_dir;
  const std::string source = DescribeSource(*args.source);
  // Render everything first, so a failure leaves no half-written output folder.
  std::optional<TenancyAdvice> tenancy;
  if (advising.valid()) {
    Result<TenancyAdvice> advised = advising.get();
    if (!advised.ok()) return ReportErrors(advised.errors(), io.err);
    tenancy = std::move(advised).value();
  }
  Result<std::optional<Json>> forecast = LoadForecastSection(args.forecast, run.value().plan);
  if (!forecast.ok()) return ReportErrors(forecast.errors(), io.err);
  const Json* forecast_section = forecast.value() ? &*forecast.value() : nullptr;
  const std::string plan_json =
      PlanJson(estate, run.value().plan, source, &run.value().recovery,
               tenancy ? &*tenancy : nullptr, forecast_section, &applied.value());
  const std::string demand_json = DemandJson(run.value().demand);
  Result<std::optional<sim::SimulationRun>> day =
      SimulatePeakDay(estate, catalog.value(), run.value().plan);
  if (!day.ok()) return ReportErrors(day.errors(), io.err);
  std::optional<SimulationView> view;
  if (day.value()) view = ViewOf(*day.value());
  const std::string report_html =
      HtmlReport(ReportInput{&estate, &run.value().demand, &run.value().plan, &catalog.value(),
                             source, view ? &*view : nullptr, OdooSettings{}, &run.value().recovery,
                             tenancy ? &*tenancy : nullptr, forecast_section, &applied.value()});
  // The first month's artifacts (`headroom emit` writes any other month).
  PlanSettings plan_settings;
  plan_settings.catalog = catalog.value();
  const emit::Artifacts artifacts =
      emit::RenderArtifacts(estate, run.value().plan, 0, plan_settings, emit::EmitSettings{});
  for (const auto& [name, text] :
       {std::pair{"plan.json", &plan_json}, std::pair{"demand.json", &demand_json},
        std::pair{"report.html", &report_html}}) {
    Status written = WriteFileAtomic(dir + "/" + name, *text);
    if (!written.ok()) return ReportErrors(written.errors(), io.err);
  }
  Status emitted = emit::WriteArtifacts(dir + "/artifacts", artifacts);
  if (!emitted.ok()) return ReportErrors(emitted.errors(), io.err);
  io.out << TerminalSummary(estate, run.value(), source);
  io.out << "wrote plan.json, demand.json and report.html into " << dir << "\n";
  io.out << "wrote " << dir << "/artifacts (" << artifacts.kubernetes_objects
         << " Kubernetes objects, docs/artifacts.md)\n";
  return 0;
}

}  // namespace

Action SetupPlanCommand(CLI::App& sub) {
  auto args = std::make_shared<PlanArgs>();
  args->source = AddEstateOptions(sub);
  sub.add_option("-o,--output", args->output_dir, "Output folder (default: out)");
  sub.add_option("--samples", args->samples, "Monte Carlo samples (default: the estate's)")
      ->check(CLI::Range(1, 4096));
  sub.add_option("--seed", args->seed, "Random seed (default: the estate's)");
  sub.add_option("--catalog", args->catalog,
                 "Price catalog YAML (docs/catalog.md; default: the built-in dated example)");
  sub.add_option("--calibration", args->calibration,
                 "Calibration file from `headroom calibrate` (default: the estate's)");
  sub.add_option("--forecast", args->forecast,
                 "Saturation dates from `headroom forecast --format json` to show beside the "
                 "plan's months");
  sub.add_option("--quantile", args->quantile, "Plan at this quantile of the samples (0.5..0.999)")
      ->check(CLI::Range(0.5, 0.999));
  return [args](Io& io) { return RunPlanCommand(*args, io); };
}

}  // namespace headroom::cli
