#include "observe/pgbench_throughput.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "common/subprocess.h"

namespace headroom {
namespace {

Result<ProcessResult> Run(const std::vector<std::string>& argv) {
  Result<ProcessResult> r = RunProcess(argv);
  if (!r.ok()) return r.errors();
  if (r.value().exit_code != 0) {
    return UnavailableError(fmt::format("{} exited with {}:\n{}", DescribeCommand(argv),
                                        r.value().exit_code, OutputTail(r.value().output)));
  }
  return r;
}

}  // namespace

std::optional<double> ParsePgbenchTps(const std::string& output) {
  for (const char* marker : {"(without initial connection time)", "(excluding connections"}) {
    const size_t at = output.find(marker);
    if (at == std::string::npos) continue;
    const size_t line = output.rfind("tps = ", at);
    if (line == std::string::npos) continue;
    double tps = 0;
    if (std::sscanf(output.c_str() + line, "tps = %lf", &tps) == 1) return tps;
  }
  return std::nullopt;
}

Result<std::vector<UslPoint>> MeasurePgbenchThroughput(
    const PgbenchOptions& o, const std::function<void(const std::string&)>& say) {
  if (o.clients.empty()) return UsageError("give at least one client count");
  for (int c : o.clients) {
    if (c < 1) return UsageError(fmt::format("a client count must be 1 or more, got {}", c));
  }
  if (o.seconds < 1) return UsageError("pgbench must run at least 1 second per client count");
  if (o.rounds < 1) return UsageError("give at least one round of measurements");
  if (o.init_scale > 0) {
    if (say) say(fmt::format("pgbench -i -s {}", o.init_scale));
    Result<ProcessResult> init =
        Run({o.pgbench, "-i", "-q", "-s", std::to_string(o.init_scale), o.dsn});
    if (!init.ok()) return init.errors();
  }
  auto command = [&o](int clients, int seconds) {
    std::vector<std::string> argv = {o.pgbench, "-n"};
    if (o.select_only) argv.emplace_back("-S");
    for (const std::string& a :
         {std::string("-c"), std::to_string(clients), std::string("-j"), std::to_string(clients),
          std::string("-T"), std::to_string(seconds), o.dsn}) {
      argv.push_back(a);
    }
    return argv;
  };
  if (o.warmup_seconds > 0) {
    const int most = *std::max_element(o.clients.begin(), o.clients.end());
    if (say) say(fmt::format("warm-up: {} clients for {} s, not measured", most, o.warmup_seconds));
    Result<ProcessResult> warm = Run(command(most, o.warmup_seconds));
    if (!warm.ok()) return warm.errors();
  }
  // Odd rounds go up the client counts, even rounds down: a load on the machine that drifts
  // during the measurement then weighs on every count alike instead of on the last ones.
  std::vector<UslPoint> points;
  for (int round = 0; round < o.rounds; ++round) {
    std::vector<int> order = o.clients;
    if (round % 2 == 1) std::reverse(order.begin(), order.end());
    for (int c : order) {
      const std::vector<std::string> argv = command(c, o.seconds);
      Result<ProcessResult> run = Run(argv);
      if (!run.ok()) return run.errors();
      const std::optional<double> tps = ParsePgbenchTps(run.value().output);
      if (!tps || *tps <= 0) {
        return UnavailableError(fmt::format("no throughput in the output of {}:\n{}",
                                            DescribeCommand(argv), OutputTail(run.value().output)));
      }
      if (say) say(fmt::format("{} clients: {:.1f} transactions/s", c, *tps));
      points.push_back(UslPoint{static_cast<double>(c), *tps});
    }
  }
  return points;
}

}  // namespace headroom
