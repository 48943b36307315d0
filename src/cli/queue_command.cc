// `headroom queue`: the queue calculator. Parses the options, calls queueing::Analyse and prints
// the report as text or as one flat JSON object (keys carry their units).
//
//   headroom queue --arrival-rate 40 --service-time-ms 120 --servers 6
//   headroom queue --arrival-rate 2400/min --service-time-ms 120 --cv 1.5 --target-p95-ms 300
//
// --arrival-rate is per second; a suffix /s, /min or /h gives another unit.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "cli/command.h"
#include "cli/number_arg.h"
#include "common/error.h"
#include "queueing/calculator.h"

namespace headroom::cli {
namespace {

constexpr double kMsPerS = 1000.0;

struct QueueOptions {
  std::string arrival_rate;
  std::string service_time_ms;
  std::string cv = "1";
  std::string servers;
  std::string target_p95_ms;
  std::string format = "text";
};

// "12", "12/s", "0.35/min", "900/h" → per second.
std::optional<double> ParseRatePerS(std::string_view text) {
  double divisor = 1.0;
  const size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    const std::string_view unit = text.substr(slash + 1);
    if (unit == "min") {
      divisor = 60.0;
    } else if (unit == "h") {
      divisor = 3600.0;
    } else if (unit != "s") {
      return std::nullopt;
    }
    text = text.substr(0, slash);
  }
  const std::optional<double> value = ParseNumber(text);
  if (!value.has_value()) return std::nullopt;
  return *value / divisor;
}

std::optional<int64_t> ParseCount(std::string_view text) {
  int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

// The option a library field comes from, for error messages.
std::string OptionFor(const std::string& field) {
  if (field == "arrival_rate_per_s") return "--arrival-rate";
  if (field == "service_time_s") return "--service-time-ms";
  if (field == "service_cv") return "--cv";
  if (field == "servers") return "--servers";
  if (field == "target_p95_response_s") return "--target-p95-ms";
  return field;
}

int UsageFailure(Io& io, const std::string& message) {
  io.err << "headroom queue: error: " << message << "\n";
  return static_cast<int>(ExitCode::kUsage);
}

// Turns the option strings into a query, or returns the first problem as a message.
std::optional<std::string> BuildQuery(const QueueOptions& o, queueing::QueueQuery& query) {
  if (o.arrival_rate.empty()) return "--arrival-rate is required (per second, or 12/min, 900/h)";
  if (o.service_time_ms.empty()) return "--service-time-ms is required";
  if (o.servers.empty() == o.target_p95_ms.empty()) {
    return "give either --servers N or --target-p95-ms X (exactly one of them)";
  }
  if (o.format != "text" && o.format != "json") {
    return "--format must be text or json, not '" + o.format + "'";
  }
  const std::optional<double> rate = ParseRatePerS(o.arrival_rate);
  if (!rate)
    return "--arrival-rate: '" + o.arrival_rate + "' is not a rate (12, 12/s, 0.35/min, 900/h)";
  const std::optional<double> service_ms = ParseNumber(o.service_time_ms);
  if (!service_ms) return "--service-time-ms: '" + o.service_time_ms + "' is not a number";
  const std::optional<double> cv = ParseNumber(o.cv);
  if (!cv) return "--cv: '" + o.cv + "' is not a number";
  query.arrival_rate_per_s = *rate;
  query.service_time_s = *service_ms / kMsPerS;
  query.service_cv = *cv;
  if (!o.servers.empty()) {
    query.servers = ParseCount(o.servers);
    if (!query.servers) return "--servers: '" + o.servers + "' is not a whole number";
  } else {
    const std::optional<double> target_ms = ParseNumber(o.target_p95_ms);
    if (!target_ms) return "--target-p95-ms: '" + o.target_p95_ms + "' is not a number";
    query.target_p95_response_s = *target_ms / kMsPerS;
  }
  return std::nullopt;
}

std::string Ms(const std::optional<double>& seconds) {
  return seconds ? fmt::format("{:.3f}", *seconds * kMsPerS) : std::string("-");
}

void PrintText(const queueing::QueueReport& r, std::ostream& out) {
  if (!r.target_reachable) {
    out << fmt::format("{} queue: no number of servers meets p95 response <= {} ms\n", r.model,
                       Ms(r.target_p95_response_s));
    out << fmt::format("  the service time alone has p95 {} ms\n", Ms(r.service_p95_s));
    return;
  }
  if (r.target_p95_response_s) {
    out << fmt::format("{} queue: {} servers needed for p95 response <= {} ms\n", r.model,
                       r.servers, Ms(r.target_p95_response_s));
  } else {
    out << fmt::format("{} queue with {} servers\n", r.model, r.servers);
  }
  out << fmt::format("  arrival rate          {:.6g} /s\n", r.arrival_rate_per_s);
  out << fmt::format("  service time          {} ms (cv {:.6g})\n", Ms(r.service_time_s),
                     r.service_cv);
  out << fmt::format("  offered load          {:.6g} erlangs\n", r.offered_load_erlangs);
  out << fmt::format("  utilisation           {:.2f} %\n", r.utilisation * 100.0);
  if (r.saturated) {
    out << fmt::format(
        "  saturated: {:.6g} erlangs of load on {} servers; waits grow without bound\n",
        r.offered_load_erlangs, r.servers);
    return;
  }
  out << fmt::format("  probability of wait   {:.6f}\n", r.probability_of_waiting);
  out << fmt::format("  {:<20}{:>14}{:>14}{:>14}\n", "", "mean", "p95", "p99");
  out << fmt::format("  {:<20}{:>14}{:>14}{:>14}\n", "wait (ms)", Ms(r.mean_wait_s),
                     Ms(r.p95_wait_s), Ms(r.p99_wait_s));
  out << fmt::format("  {:<20}{:>14}{:>14}{:>14}\n", "response (ms)", Ms(r.mean_response_s),
                     Ms(r.p95_response_s), Ms(r.p99_response_s));
}

nlohmann::ordered_json MsOrNull(const std::optional<double>& seconds) {
  if (!seconds) return nullptr;
  return *seconds * kMsPerS;
}

void PrintJson(const queueing::QueueReport& r, std::ostream& out) {
  const bool reached = r.target_reachable;
  nlohmann::ordered_json j;
  j["schema"] = "headroom.queue/v1";
  j["model"] = r.model;
  j["arrival_rate_per_s"] = r.arrival_rate_per_s;
  j["service_time_ms"] = r.service_time_s * kMsPerS;
  j["service_cv"] = r.service_cv;
  j["service_p95_ms"] = r.service_p95_s * kMsPerS;
  j["target_p95_response_ms"] = MsOrNull(r.target_p95_response_s);
  j["target_reachable"] = reached;
  j["servers"] = reached ? nlohmann::ordered_json(r.servers) : nullptr;
  j["offered_load_erlangs"] = r.offered_load_erlangs;
  j["utilisation"] = reached ? nlohmann::ordered_json(r.utilisation) : nullptr;
  j["saturated"] = r.saturated;
  j["probability_of_waiting"] =
      reached ? nlohmann::ordered_json(r.probability_of_waiting) : nullptr;
  j["mean_wait_ms"] = MsOrNull(r.mean_wait_s);
  j["p95_wait_ms"] = MsOrNull(r.p95_wait_s);
  j["p99_wait_ms"] = MsOrNull(r.p99_wait_s);
  j["mean_response_ms"] = MsOrNull(r.mean_response_s);
  j["p95_response_ms"] = MsOrNull(r.p95_response_s);
  j["p99_response_ms"] = MsOrNull(r.p99_response_s);
  out << j.dump(2) << "\n";
}

int RunQueue(const QueueOptions& options, Io& io) {
  queueing::QueueQuery query;
  if (const std::optional<std::string> problem = BuildQuery(options, query)) {
    return UsageFailure(io, *problem);
  }
  const Result<queueing::QueueReport> report = queueing::Analyse(query);
  if (!report.ok()) {
    for (const Error& e : report.errors()) {
      (void)UsageFailure(io, OptionFor(e.where.field) + ": " + e.message);
    }
    return static_cast<int>(ExitCode::kUsage);
  }
  if (options.format == "json") {
    PrintJson(report.value(), io.out);
  } else {
    PrintText(report.value(), io.out);
  }
  return static_cast<int>(ExitCode::kOk);
}

}  // namespace

Action SetupQueueCommand(CLI::App& sub) {
  auto options = std::make_shared<QueueOptions>();
  sub.add_option("--arrival-rate", options->arrival_rate,
                 "Arrival rate per second; or with a unit: 12/s, 0.35/min, 900/h")
      ->type_name("RATE");
  sub.add_option("--service-time-ms", options->service_time_ms, "Mean service time, ms")
      ->type_name("MS");
  sub.add_option("--cv", options->cv,
                 "Coefficient of variation of the service time (1: M/M/c; else M/G/c by "
                 "Allen-Cunneen)")
      ->type_name("CV")
      ->default_str("1");
  sub.add_option("--servers", options->servers, "Number of servers")->type_name("N");
  sub.add_option("--target-p95-ms", options->target_p95_ms,
                 "Find the fewest servers whose p95 response time is at most this, ms")
      ->type_name("MS");
  sub.add_option("--format", options->format, "Output format: text or json")
      ->type_name("text|json")
      ->default_str("text");
  return [options](Io& io) { return RunQueue(*options, io); };
}

}  // namespace headroom::cli
