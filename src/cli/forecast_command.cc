// `headroom forecast [FILES...] [--prometheus URL [--query NAME=PROMQL]...] [--capacity
// NAME=VALUE]... [--horizon-days N] [--format text|json] [-o FILE]`: forecasts each measured
// resource and prints when its upper band crosses capacity (docs/observe.md).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <ostream>

#include "cli/commands.h"
#include "cli/estate_options.h"
#include "engine/forecast.h"
#include "observe/sample_text.h"
#include "report/forecast_output.h"

namespace headroom::cli {
namespace {

struct ForecastArgs {
  std::vector<std::string> files;
  std::string prometheus;
  std::vector<std::string> queries;
  std::vector<std::string> capacities;
  double horizon_days = 90;
  double range_days = 28;
  double step_s = 3600;
  std::string end;
  double timeout_s = 30;
  double level = 0.95;
  std::string format = "text";
  std::string output;
  // Expert: one model with fixed parameters (for comparisons with other implementations).
  std::string model;
  int period_steps = 0;
  std::optional<double> alpha, beta, gamma, phi;
};

// Splits "NAME=VALUE" at the first '='.
Result<std::pair<std::string, std::string>> SplitPair(const std::string& text,
                                                      const std::string& option) {
  const size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
    return UsageError(fmt::format("{} '{}' must be NAME=VALUE", option, text));
  }
  return std::make_pair(text.substr(0, eq), text.substr(eq + 1));
}

Status FillCapacities(const ForecastArgs& args, ForecastRequest& request) {
  for (const std::string& text : args.capacities) {
    auto pair = SplitPair(text, "--capacity");
    if (!pair.ok()) return pair.errors();
    const SampleValue value = ParseSampleValue(pair.value().second);
    if (value.kind != SampleKind::kNumber || value.value <= 0) {
      return UsageError(fmt::format("--capacity {}: '{}' is not a positive number",
                                    pair.value().first, pair.value().second));
    }
    request.capacities[pair.value().first] = value.value;
  }
  for (const std::string& text : args.queries) {
    auto pair = SplitPair(text, "--query");
    if (!pair.ok()) return pair.errors();
    request.queries.push_back({pair.value().first, pair.value().second, std::nullopt, ""});
  }
  return Status::Ok();
}

Status FillFixedModel(const ForecastArgs& args, ForecastRequest& request) {
  if (args.model.empty()) return Status::Ok();
  static const std::map<std::string, ModelKind> kKinds = {
      {"linear", ModelKind::kLinear},
      {"damped_holt", ModelKind::kDampedHolt},
      {"holt_winters", ModelKind::kHoltWinters},
      {"damped_holt_winters", ModelKind::kDampedHoltWinters}};
  const auto it = kKinds.find(args.model);
  if (it == kKinds.end()) return UsageError(fmt::format("--model '{}' is unknown", args.model));
  const bool seasonal =
      it->second == ModelKind::kHoltWinters || it->second == ModelKind::kDampedHoltWinters;
  if (seasonal && args.period_steps < 2) {
    return UsageError("--model holt_winters needs --period-steps (at least 2)");
  }
  FixedModel fixed{{it->second, seasonal ? args.period_steps : 0, args.model},
                   args.alpha,
                   args.beta,
                   args.gamma,
                   args.phi};
  request.options.fixed = fixed;
  return Status::Ok();
}

Result<ForecastRequest> MakeRequest(const ForecastArgs& args) {
  ForecastRequest request;
  request.files = args.files;
  request.prometheus_url = args.prometheus;
  if (request.files.empty() && request.prometheus_url.empty()) {
    return UsageError("give series files, or --prometheus URL");
  }
  if (!args.queries.empty() && args.prometheus.empty()) {
    return UsageError("--query needs --prometheus URL");
  }
  Status filled = FillCapacities(args, request);
  if (filled.ok()) filled = FillFixedModel(args, request);
  if (!filled.ok()) return filled.errors();
  double end_s = std::floor(
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count());
  if (!args.end.empty()) {
    auto parsed = ParseTimestamp(args.end);
    if (!parsed) return UsageError(fmt::format("--end '{}' is not a timestamp", args.end));
    end_s = *parsed;
  }
  request.window = {end_s - args.range_days * 86400, end_s, args.step_s};
  request.timeout_s = args.timeout_s;
  request.options.horizon_s = args.horizon_days * 86400;
  request.options.level = args.level;
  return request;
}

int RunForecastCommand(const ForecastArgs& args, Io& io) {
  Result<ForecastRequest> request = MakeRequest(args);
  if (!request.ok()) return ReportErrors(request.errors(), io.err);
  Result<ForecastReport> report = RunForecast(request.value());
  if (!report.ok()) return ReportErrors(report.errors(), io.err);
  for (const std::string& note : report.value().notes) io.err << note << "\n";
  for (const ResourceForecast& f : report.value().resources) {
    for (const std::string& note : f.notes) io.err << f.name << ": " << note << "\n";
  }
  const std::string text =
      args.format == "json" ? ForecastJson(report.value()) : ForecastText(report.value());
  return WriteOutput(text, args.output, io.out, io.err);
}

}  // namespace

Action SetupForecastCommand(CLI::App& sub) {
  auto args = std::make_shared<ForecastArgs>();
  sub.add_option("files", args->files,
                 "Series files: CSV (timestamp,value[,labels]) or Prometheus query_range JSON");
  sub.add_option("--prometheus", args->prometheus,
                 "Query a live Prometheus at this URL (default resources: node-exporter, "
                 "kube-state-metrics, postgres-exporter, redis_exporter)");
  sub.add_option("--query", args->queries,
                 "NAME=PROMQL: a resource to forecast in place of the defaults (repeatable)")
      ->allow_extra_args(false);
  sub.add_option("--capacity", args->capacities,
                 "NAME=VALUE: the value a resource saturates at (repeatable)")
      ->allow_extra_args(false);
  sub.add_option("--horizon-days", args->horizon_days, "Days to forecast (default 90)")
      ->check(CLI::Range(1.0, 3650.0));
  sub.add_option("--range-days", args->range_days,
                 "Days of history to query from Prometheus (default 28)")
      ->check(CLI::Range(1.0, 3650.0));
  sub.add_option("--step", args->step_s,
                 "Seconds between the samples queried from Prometheus (default 3600)")
      ->check(CLI::Range(1.0, 86400.0));
  sub.add_option("--end", args->end, "End of the queried range (default: now)")->group("");
  sub.add_option("--timeout", args->timeout_s,
                 "Seconds to wait for each Prometheus answer (default 30)")
      ->check(CLI::Range(0.1, 3600.0));
  sub.add_option("--level", args->level, "Probability of the prediction band (default 0.95)")
      ->check(CLI::Range(0.5, 0.999));
  sub.add_option("--format", args->format, "Output format (default text)")
      ->check(CLI::IsMember({"text", "json"}));
  sub.add_option("-o,--output", args->output, "Write here (default: standard output)");
  // Expert options, hidden from --help: fix the model and its parameters.
  sub.add_option("--model", args->model)->group("");
  sub.add_option("--period-steps", args->period_steps)->group("");
  sub.add_option("--alpha", args->alpha)->group("")->check(CLI::Range(0.0, 1.0));
  sub.add_option("--beta", args->beta)->group("")->check(CLI::Range(0.0, 1.0));
  sub.add_option("--gamma", args->gamma)->group("")->check(CLI::Range(0.0, 1.0));
  sub.add_option("--phi", args->phi)->group("")->check(CLI::Range(0.0, 1.0));
  return [args](Io& io) { return RunForecastCommand(*args, io); };
}

}  // namespace headroom::cli
