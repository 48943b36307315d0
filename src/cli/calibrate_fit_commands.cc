// `headroom calibrate demands --utilisation FILE --throughput FILE... [--cores N]
// [--no-background] [-o FILE]`: per-class service demands from measured CPU and request rates
// (observe/service_demands.h), with VPA-style requests beside them as a cross-check.
// `headroom calibrate usl (--points FILE | --dsn DSN [--clients 1,2,4,8] [--seconds S] [--write]
// [--init-scale N]) [--predict N] [-o FILE]`: a Universal Scalability Law fit
// (observe/usl_fit.h) of measured points, or of pgbench runs it makes itself.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/estate_options.h"
#include "common/atomic_file.h"
#include "engine/calibration_file.h"
#include "observe/calibration_inputs.h"
#include "observe/csv_table.h"
#include "observe/pgbench_throughput.h"
#include "observe/service_demands.h"
#include "observe/usl_fit.h"
#include "observe/vpa_recommendation.h"

namespace headroom::cli {
namespace {

Result<CsvInput> ReadInput(const std::string& path) {
  Result<std::string> text = ReadFile(path, kMaxCsvBytes);
  if (!text.ok()) return text.errors();
  return CsvInput{std::move(text).value(), path};
}

int WriteCalibration(const Calibration& update, const std::string& output, Io& io) {
  Result<std::string> text = MergedCalibrationYaml(output, update);
  if (!text.ok()) return ReportErrors(text.errors(), io.err);
  const int code = WriteOutput(text.value(), output, io.out, io.err);
  if (code == 0 && !output.empty() && output != "-") io.err << "wrote " << output << "\n";
  return code;
}

struct FitDemandsArgs {
  std::string utilisation;
  std::vector<std::string> throughput;
  std::optional<double> cores;
  bool no_background = false;
  std::string output;
};

// The fitted model's busy cores in each interval: Σ X_k D_k + U₀.
std::vector<double> ModelBusyCores(const DemandSamples& s, const DemandFit& fit) {
  std::vector<double> out;
  for (const std::vector<double>& x : s.throughput_per_s) {
    double u = fit.background_cores;
    for (size_t k = 0; k < x.size(); ++k) u += x[k] * fit.demand_s[k];
    out.push_back(u);
  }
  return out;
}

int RunDemands(const FitDemandsArgs& args, Io& io) {
  Result<CsvInput> utilisation = ReadInput(args.utilisation);
  if (!utilisation.ok()) return ReportErrors(utilisation.errors(), io.err);
  std::vector<CsvInput> throughput;
  for (const std::string& path : args.throughput) {
    Result<CsvInput> in = ReadInput(path);
    if (!in.ok()) return ReportErrors(in.errors(), io.err);
    throughput.push_back(std::move(in).value());
  }
  Result<DemandSamples> samples =
      ReadDemandSamples(utilisation.value(), throughput, args.cores.value_or(1.0));
  if (!samples.ok()) return ReportErrors(samples.errors(), io.err);
  const DemandSamples& s = samples.value();
  Result<DemandFit> fitted = FitServiceDemands(s, !args.no_background);
  if (!fitted.ok()) return ReportErrors(fitted.errors(), io.err);
  const DemandFit& fit = fitted.value();

  io.err << fmt::format(
      "service demand law U = sum X_k D_k{} over {} intervals: R^2 {:.4f}, RMS error {:.3f} "
      "cores\n",
      args.no_background ? "" : " + U0", fit.intervals, fit.r_squared, fit.rms_error_cores);
  ServiceDemandCalibration c;
  c.background_cores = fit.background_cores;
  c.source = fmt::format("service demand law (NNLS) on {} intervals of {}, R^2 {:.4f}",
                         fit.intervals, args.utilisation, fit.r_squared);
  for (size_t k = 0; k < s.classes.size(); ++k) {
    io.err << fmt::format("  {:<20} {:10.2f} ms CPU per request\n", s.classes[k],
                          1000 * fit.demand_s[k]);
    c.classes.push_back(ServiceDemand{s.classes[k], 1000 * fit.demand_s[k], std::nullopt});
  }
  if (!args.no_background) {
    io.err << fmt::format("  {:<20} {:10.3f} cores whatever the load\n", "background (U0)",
                          fit.background_cores);
  }
  // VPA's recommender looks only at the usage: its CPU request beside the fitted model's busy
  // cores at the same percentile and margin. They agree when the law explains the usage.
  const VpaSettings vpa;
  const double observed =
      1000 * Percentile(s.busy_cores, vpa.cpu_percentile) * (1 + vpa.safety_margin);
  const double model =
      1000 * Percentile(ModelBusyCores(s, fit), vpa.cpu_percentile) * (1 + vpa.safety_margin);
  io.err << fmt::format(
      "cross-check, VPA-style CPU request (p90 + 15%): {:.0f}m from the measured usage, {:.0f}m "
      "from the fitted demands ({:+.1f}%)\n",
      observed, model, observed > 0 ? 100 * (model - observed) / observed : 0.0);
  Calibration update;
  update.service_demands = std::move(c);
  return WriteCalibration(update, args.output, io);
}

struct UslArgs {
  std::string points;
  PgbenchOptions pgbench;
  std::vector<double> predict;
  std::string output;
};

int RunUsl(const UslArgs& args, Io& io) {
  std::vector<UslPoint> points;
  std::string source;
  if (!args.points.empty()) {
    Result<CsvInput> in = ReadInput(args.points);
    if (!in.ok()) return ReportErrors(in.errors(), io.err);
    Result<std::vector<UslPoint>> read = ReadUslPoints(in.value());
    if (!read.ok()) return ReportErrors(read.errors(), io.err);
    points = std::move(read).value();
    source = fmt::format("USL fit of {} points in {}", points.size(), args.points);
  } else {
    Result<std::vector<UslPoint>> measured = MeasurePgbenchThroughput(
        args.pgbench, [&io](const std::string& line) { io.err << line << "\n"; });
    if (!measured.ok()) return ReportErrors(measured.errors(), io.err);
    points = std::move(measured).value();
    std::string clients;
    for (int c : args.pgbench.clients) clients += (clients.empty() ? "" : ",") + std::to_string(c);
    source = fmt::format("USL fit of pgbench{} at {} clients, {} s each, {} round(s)",
                         args.pgbench.select_only ? " -S" : "", clients, args.pgbench.seconds,
                         args.pgbench.rounds);
  }
  Result<UslFit> fitted = FitUsl(points);
  if (!fitted.ok()) return ReportErrors(fitted.errors(), io.err);
  const queueing::UslParameters& p = fitted.value().parameters;
  io.err << fmt::format(
      "USL fit: lambda {:.2f}/s, sigma {:.5f}, kappa {:.6f}; worst point off by {:.1f}%\n",
      p.lambda_per_s, p.sigma, p.kappa, 100 * fitted.value().max_relative_error);
  if (std::optional<double> peak = queueing::UslPeakConcurrency(p)) {
    io.err << fmt::format("throughput peaks at {:.1f} clients: {:.1f}/s\n", *peak,
                          queueing::UslThroughput(p, *peak));
  } else {
    io.err << "throughput keeps rising with clients (kappa = 0)\n";
  }
  for (double n : args.predict) {
    io.err << fmt::format("predicted at {:g} clients: {:.1f}/s\n", n,
                          queueing::UslThroughput(p, n));
  }
  Calibration update;
  update.usl = UslCalibration{p.lambda_per_s, p.sigma, p.kappa, source};
  return WriteCalibration(update, args.output, io);
}

}  // namespace

Action SetupCalibrateDemands(CLI::App& sub) {
  auto args = std::make_shared<FitDemandsArgs>();
  CLI::App* d = sub.add_subcommand(
      "demands", "Per-class CPU per request from measured utilisation and request rates");
  d->add_option("--utilisation", args->utilisation,
                "CSV timestamp,busy_cores: CPU cores busy per interval (unix seconds)")
      ->required();
  d->add_option("--throughput", args->throughput,
                "CSV timestamp,class,rate_per_s: each class's requests per second per interval")
      ->required();
  d->add_option("--cores", args->cores,
                "Utilisation values are fractions of this many cores (default: they are cores)")
      ->check(CLI::PositiveNumber);
  d->add_flag("--no-background", args->no_background,
              "Fit no background term: all CPU is explained by the requests");
  d->add_option("-o,--output", args->output,
                "Write (or merge into) this calibration file (default: standard output)");
  return [args](Io& io) { return RunDemands(*args, io); };
}

Action SetupCalibrateUsl(CLI::App& sub) {
  auto args = std::make_shared<UslArgs>();
  CLI::App* u =
      sub.add_subcommand("usl", "Universal Scalability Law fit of throughput against concurrency");
  auto* points = u->add_option("--points", args->points, "CSV concurrency,throughput");
  auto* dsn = u->add_option("--dsn", args->pgbench.dsn,
                            "Or measure with pgbench on this server (its database must hold "
                            "pgbench's tables, or give --init-scale)");
  points->excludes(dsn);
  u->add_option("--clients", args->pgbench.clients, "pgbench client counts (default: 1,2,4,8)")
      ->delimiter(',')
      ->check(CLI::Range(1, 10000));
  u->add_option("--seconds", args->pgbench.seconds, "pgbench seconds per client count")
      ->check(CLI::Range(1, 3600));
  u->add_option("--rounds", args->pgbench.rounds,
                "Rounds over the client counts, alternately up and down (default: 1)")
      ->check(CLI::Range(1, 100));
  u->add_flag(
      "--write", [args](int64_t) { args->pgbench.select_only = false; },
      "pgbench's TPC-B-like writes instead of -S (select only)");
  u->add_option("--init-scale", args->pgbench.init_scale,
                "Run `pgbench -i -s N` first (replaces pgbench's tables in the DSN's database)")
      ->check(CLI::Range(1, 100000));
  u->add_option("--predict", args->predict, "Print the predicted throughput at these clients")
      ->delimiter(',')
      ->check(CLI::PositiveNumber);
  u->add_option("-o,--output", args->output,
                "Write (or merge into) this calibration file (default: standard output)");
  u->callback([u]() {
    if (u->count("--points") == 0 && u->count("--dsn") == 0) {
      throw CLI::RequiredError("--points or --dsn");
    }
  });
  return [args](Io& io) { return RunUsl(*args, io); };
}

}  // namespace headroom::cli
