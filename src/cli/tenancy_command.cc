// `headroom tenancy [FILE] [--format text|json] [--catalog FILE] [-o PATH]`: where each tenant
// should live — multi-tenant, dedicated or hybrid — with each model's monthly cost, the p95 a
// neighbour's worst hour costs the others in a shared pool (and what quotas buy), the blast
// radius and the governance fit, and the recommendation with its reasons (docs/tenancy.md).
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/estate_options.h"
#include "engine/load.h"
#include "report/tenancy_output.h"
#include "tenancy/advice.h"

namespace headroom::cli {
namespace {

struct TenancyArgs {
  std::shared_ptr<EstateSource> source;
  std::string format = "text";
  std::string catalog;
  std::optional<int> samples;
  std::string output;
};

int RunTenancy(const TenancyArgs& args, Io& io) {
  Result<Estate> loaded = LoadEstate(*args.source);
  if (!loaded.ok()) return ReportErrors(loaded.errors(), io.err);
  Result<Catalog> catalog = LoadCatalog(args.catalog);
  if (!catalog.ok()) return ReportErrors(catalog.errors(), io.err);
  TenancySettings settings;
  if (args.samples) settings.samples = *args.samples;
  Result<TenancyAdvice> advice = AdviseTenancy(loaded.value(), catalog.value(), settings);
  if (!advice.ok()) return ReportErrors(advice.errors(), io.err);
  const std::string text = args.format == "json"
                               ? TenancyJson(advice.value(), DescribeSource(*args.source))
                               : TenancyTable(advice.value());
  return WriteOutput(text, args.output, io.out, io.err);
}

}  // namespace

Action SetupTenancyCommand(CLI::App& sub) {
  auto args = std::make_shared<TenancyArgs>();
  args->source = AddEstateOptions(sub);
  sub.add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  sub.add_option("--catalog", args->catalog,
                 "Price catalog YAML (docs/catalog.md; default: the built-in dated example)");
  sub.add_option("--samples", args->samples,
                 "Monte Carlo samples of each environment's plan (default 32, at most the "
                 "estate's)")
      ->check(CLI::Range(1, 4096));
  sub.add_option("-o,--output", args->output, "Write to this file instead of standard output");
  return [args](Io& io) { return RunTenancy(*args, io); };
}

}  // namespace headroom::cli
