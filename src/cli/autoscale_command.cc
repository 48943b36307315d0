// `headroom autoscale`: the Kubernetes HPA controller, offline.
//
//   headroom autoscale --trace load.csv --hpa hpa.yaml [--capacity-per-pod 50] [--startup-s 30]
//       replays a recorded load through the HPA and prints the replica timeline, the time
//       under-provisioned and the SLO minutes lost (docs/autoscaling.md);
//   headroom autoscale --decide snapshot.json [--hpa hpa.yaml]
//       makes one controller decision from a snapshot of the pods and says why.
//
// All model logic is in sim/hpa/; this file parses options and the small JSON snapshot, and
// prints.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "cli/number_arg.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "common/suggest.h"
#include "estate/hpa_reader.h"
#include "sim/hpa/controller.h"
#include "sim/hpa/explain.h"
#include "sim/hpa/load_trace.h"
#include "sim/hpa/replay.h"

namespace headroom::cli {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr size_t kMaxSnapshotBytes = 4 << 20;
constexpr double kLongAgoS = 3600;  // "long ago" beyond the CPU initialisation period

struct AutoscaleOptions {
  std::string trace;
  std::string hpa;
  std::string decide;
  std::string format = "text";
  std::string capacity_per_pod;
  std::string cpu_request_m = "1000";
  std::string startup_s = "30";
  std::string slo_utilisation = "1";
  std::string initial_replicas;
  std::string sync_period_s = "15";
};

int Report(const Errors& errors, std::ostream& err) {
  for (const Error& e : errors) {
    if (e.where.file.empty()) err << "headroom autoscale: ";
    err << e.Format() << "\n";
  }
  if (errors.size() > 1) err << errors.size() << " errors\n";
  return static_cast<int>(ExitCodeFor(errors.front().code));
}

int Usage(Io& io, const std::string& message) { return Report({UsageError(message)}, io.err); }

// --------------------------------------------------------------------------------- printing

// A number that is always finite in output.
double Finite(double x) { return std::isfinite(x) ? x : 0.0; }

std::string SyncReason(const hpa::Decision& d) {
  if (!d.failure.empty()) return d.failure;
  if (!d.rescale) return "";
  std::string reason = d.rescale_reason;
  if (d.scaling_limited_reason != "DesiredWithinRange" && !d.scaling_limited_reason.empty()) {
    reason += " (" + d.scaling_limited_reason + ")";
  }
  return reason;
}

std::string HpaLine(const hpa::HpaSpec& spec) {
  std::string metrics;
  for (const hpa::MetricSpec& m : spec.metrics) {
    if (!metrics.empty()) metrics += ", ";
    metrics += hpa::DescribeMetric(m);
    metrics += m.target.type == hpa::MetricTargetType::kUtilization
                   ? fmt::format(" target {} %", m.target.average_utilization_percent)
                   : fmt::format(" target {}m", m.target.value_m);
  }
  return fmt::format("HPA {} ({}/{}): {} to {} replicas; {}; behavior {}",
                     spec.name.empty() ? "-" : spec.name, spec.target.kind, spec.target.name,
                     spec.min_replicas.value_or(1), spec.max_replicas, metrics,
                     spec.behavior ? "given" : "not given (older rules)");
}

void PrintReplayText(const hpa::ReplayReport& r, const hpa::HpaSpec& spec,
                     const std::string& trace_file, std::ostream& out) {
  const std::string_view unit = hpa::LoadUnitName(r.unit);
  out << HpaLine(spec) << "\n";
  out << fmt::format("trace {}: {} over {:.0f} s; {:.6g} {} per pod at its CPU request\n\n",
                     trace_file, unit, r.duration_s, r.capacity_per_pod, unit);
  out << fmt::format("{:>10} {:>12} {:>6} {:>6} {:>8} {:>8}  {}\n", "time_s", "load", "pods",
                     "ready", "util %", "desired", "reason");
  int32_t last_ready = -1;
  for (const hpa::ReplaySync& s : r.syncs) {
    if (!s.decision.rescale && s.ready_replicas == last_ready && s.decision.failure.empty()) {
      continue;
    }
    last_ready = s.ready_replicas;
    const std::string util = s.saturated ? "-" : fmt::format("{:.1f}", s.utilisation * 100);
    out << fmt::format("{:>10.0f} {:>12.6g} {:>6} {:>6} {:>8} {:>8}  {}\n", s.time_s, s.load,
                       s.replicas, s.ready_replicas, util, s.decision.desired_replicas,
                       SyncReason(s.decision));
  }
  const double share = r.duration_s > 0 ? r.under_provisioned_s / r.duration_s * 100 : 0;
  out << "\nsummary\n";
  out << fmt::format("  syncs                      {}\n", r.syncs.size());
  out << fmt::format("  scale-ups / scale-downs    {} / {}\n", r.scale_ups, r.scale_downs);
  out << fmt::format("  replicas                   {} to {}\n", r.min_replicas_seen,
                     r.peak_replicas);
  out << fmt::format("  pod-hours                  {:.2f}\n", r.pod_seconds / 3600);
  out << fmt::format(
      "  under-provisioned          {:.0f} s ({:.2f} %): load above Ready "
      "capacity at the {:.0f} % target\n",
      r.under_provisioned_s, share, r.target_utilisation * 100);
  out << fmt::format(
      "  beyond the tolerance       {:.0f} s: load above Ready capacity at {:.0f} %\n",
      r.beyond_tolerance_s, r.target_utilisation * (1 + r.scale_up_tolerance) * 100);
  out << fmt::format("  utilisation > {:.0f} %        {:.0f} s\n", r.slo_utilisation * 100,
                     r.over_slo_s);
  out << fmt::format("  SLO minutes lost           {}\n", r.slo_minutes_lost);
  out << fmt::format("  peak utilisation           {:.1f} %\n", r.peak_utilisation * 100);
}

void PrintReplayJson(const hpa::ReplayReport& r, const hpa::HpaSpec& spec, std::ostream& out) {
  ordered_json j;
  j["schema"] = "headroom.autoscale.replay/v1";
  j["hpa"] = {{"name", spec.name},
              {"min_replicas", spec.min_replicas.value_or(1)},
              {"max_replicas", spec.max_replicas},
              {"behavior_given", spec.behavior.has_value()}};
  j["load_unit"] = hpa::LoadUnitName(r.unit);
  j["capacity_per_pod"] = r.capacity_per_pod;
  j["target_utilisation"] = r.target_utilisation;
  j["slo_utilisation"] = r.slo_utilisation;
  j["duration_s"] = r.duration_s;
  ordered_json summary;
  summary["scale_ups"] = r.scale_ups;
  summary["scale_downs"] = r.scale_downs;
  summary["min_replicas_seen"] = r.min_replicas_seen;
  summary["peak_replicas"] = r.peak_replicas;
  summary["pod_hours"] = r.pod_seconds / 3600;
  summary["under_provisioned_s"] = r.under_provisioned_s;
  summary["beyond_tolerance_s"] = r.beyond_tolerance_s;
  summary["over_slo_s"] = r.over_slo_s;
  summary["slo_minutes_lost"] = r.slo_minutes_lost;
  summary["peak_utilisation"] = Finite(r.peak_utilisation);
  j["summary"] = summary;
  ordered_json syncs = ordered_json::array();
  for (const hpa::ReplaySync& s : r.syncs) {
    ordered_json row;
    row["time_s"] = s.time_s;
    row["load"] = s.load;
    row["replicas"] = s.replicas;
    row["ready_replicas"] = s.ready_replicas;
    row["utilisation"] = s.saturated ? ordered_json(nullptr) : ordered_json(Finite(s.utilisation));
    row["desired_replicas"] = s.decision.desired_replicas;
    row["rescale"] = s.decision.rescale;
    row["reason"] = SyncReason(s.decision);
    syncs.push_back(std::move(row));
  }
  j["syncs"] = std::move(syncs);
  out << j.dump(2) << "\n";
}

// --------------------------------------------------------------------------------- replay

Result<hpa::HpaSpec> LoadHpa(const std::string& path) {
  Result<std::string> text = ReadFile(path, kMaxManifestBytes);
  if (!text.ok()) return text.errors();
  return ReadHpaManifest(text.value(), path);
}

// The replay options from the command line; the first problem as an error.
Result<hpa::ReplayOptions> ReplayOptionsFrom(const AutoscaleOptions& o) {
  hpa::ReplayOptions r;
  auto number = [](const std::string& text, const char* option) -> Result<double> {
    if (auto v = ParseNumber(text)) return *v;
    return UsageError(fmt::format("{}: '{}' is not a number", option, text));
  };
  Result<double> request = number(o.cpu_request_m, "--cpu-request-m");
  Result<double> startup = number(o.startup_s, "--startup-s");
  Result<double> slo = number(o.slo_utilisation, "--slo-utilisation");
  Result<double> period = number(o.sync_period_s, "--sync-period-s");
  for (const Result<double>* v : {&request, &startup, &slo, &period}) {
    if (!v->ok()) return v->errors();
  }
  if (request.value() < 1 || request.value() > 1e9 ||
      std::floor(request.value()) != request.value()) {
    return UsageError("--cpu-request-m: must be a whole number of millicores, at least 1");
  }
  r.cpu_request_m = static_cast<int64_t>(request.value());
  r.startup_s = startup.value();
  r.slo_utilisation = slo.value();
  r.controller.sync_period_s = period.value();
  if (!o.capacity_per_pod.empty()) {
    Result<double> capacity = number(o.capacity_per_pod, "--capacity-per-pod");
    if (!capacity.ok()) return capacity.errors();
    r.capacity_per_pod = capacity.value();
  }
  if (!o.initial_replicas.empty()) {
    const std::optional<double> n = ParseNumber(o.initial_replicas);
    if (!n || *n < 0 || *n > 1e6 || std::floor(*n) != *n) {
      return UsageError("--initial-replicas: '" + o.initial_replicas + "' is not a whole number");
    }
    r.initial_replicas = static_cast<int32_t>(*n);
  }
  return r;
}

int RunReplay(const AutoscaleOptions& o, Io& io) {
  if (o.hpa.empty()) return Usage(io, "--trace needs --hpa HPA.yaml");
  Result<hpa::ReplayOptions> options = ReplayOptionsFrom(o);
  if (!options.ok()) return Report(options.errors(), io.err);
  Result<std::string> text = ReadFile(o.trace, hpa::kMaxTraceBytes);
  if (!text.ok()) return Report(text.errors(), io.err);
  Result<hpa::LoadTrace> trace = hpa::ParseLoadTrace(text.value(), o.trace);
  if (!trace.ok()) return Report(trace.errors(), io.err);
  Result<hpa::HpaSpec> spec = LoadHpa(o.hpa);
  if (!spec.ok()) return Report(spec.errors(), io.err);
  Result<hpa::ReplayReport> report = hpa::Replay(trace.value(), spec.value(), options.value());
  if (!report.ok()) return Report(report.errors(), io.err);
  if (o.format == "json") {
    PrintReplayJson(report.value(), spec.value(), io.out);
  } else {
    PrintReplayText(report.value(), spec.value(), o.trace, io.out);
  }
  return 0;
}

// --------------------------------------------------------------------------------- snapshot

// Reads the --decide snapshot, collecting every problem as "file: error: field: message".
class SnapshotReader {
 public:
  explicit SnapshotReader(std::string file) : file_(std::move(file)) {}

  [[nodiscard]] const Errors& errors() const { return errors_; }

  void Fail(const std::string& path, std::string message) {
    errors_.push_back(InvalidError(std::move(message), Location{file_, 0, 0, path}));
  }

  // False (and reported) when `j` is not an object; reports keys outside `known`.
  bool Object(const json& j, const std::string& path, std::initializer_list<const char*> known) {
    if (!j.is_object()) {
      Fail(path, "expected an object");
      return false;
    }
    std::vector<std::string> names(known.begin(), known.end());
    for (const auto& [key, value] : j.items()) {
      if (std::find(names.begin(), names.end(), key) != names.end()) continue;
      std::string message = "unknown key '" + key + "'";
      if (auto match = ClosestMatch(key, names)) message += "; did you mean '" + *match + "'?";
      Fail(Join(path, key), message);
    }
    return true;
  }

  // The number under `key` within [low, high]; nullopt when absent (reported when required)
  // or invalid (reported).
  std::optional<double> Number(const json& j, const std::string& path, const char* key, double low,
                               double high, bool required) {
    auto it = j.find(key);
    if (it == j.end()) {
      if (required) Fail(Join(path, key), "required key is missing");
      return std::nullopt;
    }
    if (!it->is_number()) {
      Fail(Join(path, key), "expected a number, got " + std::string(it->type_name()));
      return std::nullopt;
    }
    const double v = it->get<double>();
    if (!(v >= low && v <= high)) {
      Fail(Join(path, key), fmt::format("{} is out of range ({} to {})", v, low, high));
      return std::nullopt;
    }
    return v;
  }

  std::optional<int32_t> Count(const json& j, const std::string& path, const char* key, int32_t low,
                               bool required) {
    const std::optional<double> v = Number(j, path, key, low, 1e6, required);
    if (!v) return std::nullopt;
    if (std::floor(*v) != *v) {
      Fail(Join(path, key), fmt::format("expected a whole number, got {}", *v));
      return std::nullopt;
    }
    return static_cast<int32_t>(*v);
  }

  std::optional<bool> Bool(const json& j, const std::string& path, const char* key) {
    auto it = j.find(key);
    if (it == j.end()) return std::nullopt;
    if (!it->is_boolean()) {
      Fail(Join(path, key), "expected true or false, got " + std::string(it->type_name()));
      return std::nullopt;
    }
    return it->get<bool>();
  }

  static std::string Join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

 private:
  std::string file_;
  Errors errors_;
};

struct Snapshot {
  hpa::HpaSpec spec;
  hpa::ControllerConfig config;
  hpa::Observation observation;
  std::optional<std::vector<hpa::TimestampedRecommendation>> recommendations;
};

const std::vector<std::pair<std::string_view, hpa::PodPhase>> kPhases = {
    {"Pending", hpa::PodPhase::kPending},
    {"Running", hpa::PodPhase::kRunning},
    {"Succeeded", hpa::PodPhase::kSucceeded},
    {"Failed", hpa::PodPhase::kFailed},
    {"Unknown", hpa::PodPhase::kUnknown}};

void ReadPhase(const json& pod, const std::string& path, SnapshotReader& r, hpa::PodState* out) {
  auto it = pod.find("phase");
  if (it == pod.end()) return;
  for (const auto& [name, phase] : kPhases) {
    if (it->is_string() && it->get<std::string>() == name) {
      out->phase = phase;
      return;
    }
  }
  r.Fail(path + ".phase", "expected one of Pending, Running, Succeeded, Failed, Unknown");
}

// The pod's times relative to the decision (now = 0): see docs/autoscaling.md.
void ReadPodTimes(const json& pod, const std::string& path, SnapshotReader& r, double init_s,
                  hpa::PodState* out, double* metric_age_s, double* window_s) {
  const std::optional<bool> inside = r.Bool(pod, path, "inside_cpu_initialization_period");
  std::optional<double> started = r.Number(pod, path, "started_s_ago", 0, 1e9, false);
  if (inside && started && *inside != (*started < init_s)) {
    r.Fail(path + ".started_s_ago",
           fmt::format("{} s ago is {} the {} s CPU initialisation period, but "
                       "inside_cpu_initialization_period is {}",
                       *started, *started < init_s ? "inside" : "outside", init_s, *inside));
  }
  if (!started) started = inside.value_or(false) ? 0.0 : init_s + kLongAgoS;
  const double changed =
      r.Number(pod, path, "ready_changed_s_ago", 0, 1e9, false).value_or(*started);
  out->start_time_s = -*started;
  out->ready_transition_s = -changed;
  *metric_age_s = r.Number(pod, path, "metric_age_s", 0, 1e9, false).value_or(0);
  *window_s = r.Number(pod, path, "metric_window_s", 0, 3600, false).value_or(15);
}

void ReadPod(const json& pod, const std::string& path, SnapshotReader& r, double init_s,
             size_t index, Snapshot* s) {
  if (!r.Object(pod, path,
                {"name", "phase", "deleting", "ready", "cpu_request_m", "cpu_usage_m",
                 "inside_cpu_initialization_period", "started_s_ago", "ready_changed_s_ago",
                 "metric_age_s", "metric_window_s"})) {
    return;
  }
  hpa::PodState state;
  state.name = fmt::format("pod-{}", index);
  if (auto it = pod.find("name"); it != pod.end()) {
    if (it->is_string()) {
      state.name = it->get<std::string>();
    } else {
      r.Fail(path + ".name", "expected a string");
    }
  }
  for (const hpa::PodState& other : s->observation.pods) {
    if (other.name == state.name) r.Fail(path + ".name", "duplicate pod name '" + state.name + "'");
  }
  ReadPhase(pod, path, r, &state);
  state.being_deleted = r.Bool(pod, path, "deleting").value_or(false);
  state.ready = true;
  if (auto it = pod.find("ready"); it != pod.end()) {
    state.ready = it->is_null() ? std::nullopt : r.Bool(pod, path, "ready");
  }
  if (auto request = r.Number(pod, path, "cpu_request_m", 1, 1e9, true)) {
    state.requests_m["cpu"] = static_cast<int64_t>(std::ceil(*request));
  }
  double metric_age_s = 0;
  double window_s = 15;
  ReadPodTimes(pod, path, r, init_s, &state, &metric_age_s, &window_s);
  auto usage = pod.find("cpu_usage_m");
  if (usage == pod.end()) {
    r.Fail(path + ".cpu_usage_m", "required key is missing (null for a missing sample)");
  } else if (!usage->is_null()) {
    if (auto v = r.Number(pod, path, "cpu_usage_m", 0, 1e12, true)) {
      s->observation.resource_metrics["cpu"][state.name] =
          hpa::PodMetric{static_cast<int64_t>(std::ceil(*v)), -metric_age_s, window_s};
    }
  }
  s->observation.pods.push_back(std::move(state));
}

void ReadRecommendations(const json& j, SnapshotReader& r, Snapshot* s) {
  auto it = j.find("recent_recommendations");
  if (it == j.end()) return;
  if (!it->is_array()) return r.Fail("recent_recommendations", "expected a list");
  std::vector<hpa::TimestampedRecommendation> recs;
  for (size_t i = 0; i < it->size(); ++i) {
    const std::string path = fmt::format("recent_recommendations[{}]", i);
    const json& rec = (*it)[i];
    if (!r.Object(rec, path, {"age_s", "replicas"})) continue;
    const auto age = r.Number(rec, path, "age_s", 0, 1e9, true);
    const auto replicas = r.Count(rec, path, "replicas", 0, true);
    if (age && replicas) recs.push_back({*replicas, -*age});
  }
  s->recommendations = std::move(recs);
}

// target_utilization / min_replicas / max_replicas, unless the HPA comes from --hpa.
void ReadHpaFields(const json& j, SnapshotReader& r, bool from_manifest, Snapshot* s) {
  if (from_manifest) {
    for (const char* key : {"target_utilization", "min_replicas", "max_replicas"}) {
      if (j.contains(key)) r.Fail(key, "given by --hpa; leave it out of the snapshot");
    }
    return;
  }
  hpa::MetricSpec cpu;
  cpu.target.average_utilization_percent =
      r.Count(j, "", "target_utilization", 1, true).value_or(1);
  s->spec.metrics = {cpu};
  s->spec.min_replicas = r.Count(j, "", "min_replicas", 1, false).value_or(1);
  s->spec.max_replicas = r.Count(j, "", "max_replicas", 1, true).value_or(1);
  if (s->spec.max_replicas < *s->spec.min_replicas) {
    r.Fail("max_replicas",
           fmt::format("must be at least min_replicas ({})", *s->spec.min_replicas));
  }
  hpa::ApplyDefaults(&s->spec);
}

Result<Snapshot> ParseSnapshot(const std::string& text, const std::string& file,
                               std::optional<hpa::HpaSpec> manifest) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    return InvalidError(std::string("invalid JSON: ") + e.what(), Location{file, 0, 0, ""});
  }
  SnapshotReader r(file);
  Snapshot s;
  if (!r.Object(j, "",
                {"current_replicas", "target_utilization", "min_replicas", "max_replicas",
                 "tolerance", "cpu_initialization_period_s", "initial_readiness_delay_s",
                 "downscale_stabilization_s", "recent_recommendations", "pods"})) {
    return r.errors();
  }
  const bool from_manifest = manifest.has_value();
  if (manifest) s.spec = std::move(*manifest);
  ReadHpaFields(j, r, from_manifest, &s);
  s.config.tolerance = r.Number(j, "", "tolerance", 0, 100, false).value_or(s.config.tolerance);
  s.config.cpu_initialization_period_s =
      r.Number(j, "", "cpu_initialization_period_s", 0, 1e6, false).value_or(300);
  s.config.delay_of_initial_readiness_s =
      r.Number(j, "", "initial_readiness_delay_s", 0, 1e6, false).value_or(30);
  s.config.downscale_stabilization_window_s =
      r.Number(j, "", "downscale_stabilization_s", 0, 3600, false).value_or(300);
  s.observation.spec_replicas = r.Count(j, "", "current_replicas", 0, true).value_or(0);
  ReadRecommendations(j, r, &s);
  auto pods = j.find("pods");
  if (pods == j.end()) {
    r.Fail("pods", "required key is missing");
  } else if (!pods->is_array()) {
    r.Fail("pods", "expected a list");
  } else {
    for (size_t i = 0; i < pods->size(); ++i) {
      ReadPod((*pods)[i], fmt::format("pods[{}]", i), r, s.config.cpu_initialization_period_s, i,
              &s);
    }
  }
  if (!r.errors().empty()) return r.errors();
  return s;
}

// --------------------------------------------------------------------------------- decide

// The first metric with a utilisation (the CPU one), for the headline.
const hpa::MetricResult* UtilizationMetric(const hpa::Decision& d) {
  for (const hpa::MetricResult& m : d.metrics) {
    if (m.calculation.ok() && m.calculation.utilization_percent) return &m;
  }
  return nullptr;
}

int32_t TargetPercent(const hpa::HpaSpec& spec) {
  for (const hpa::MetricSpec& m : spec.metrics) {
    if (m.target.type == hpa::MetricTargetType::kUtilization) {
      return m.target.average_utilization_percent;
    }
  }
  return 0;
}

void PrintDecisionText(const hpa::Decision& d, const std::vector<std::string>& why,
                       const hpa::HpaSpec& spec, std::ostream& out) {
  out << fmt::format("desired replicas: {} (current {})\n", d.desired_replicas, d.current_replicas);
  if (const hpa::MetricResult* m = UtilizationMetric(d)) {
    out << fmt::format("utilisation used: {} % of requests against a {} % target (ratio {:.3f})\n",
                       *m->calculation.utilization_percent, TargetPercent(spec),
                       Finite(m->calculation.usage_ratio));
  } else {
    out << "utilisation used: none\n";
  }
  out << "why:\n";
  for (const std::string& line : why) out << "  - " << line << "\n";
}

ordered_json CalculationJson(const hpa::MetricResult& m) {
  const hpa::ReplicaCalculation& c = m.calculation;
  ordered_json j;
  j["metric"] = m.metric;
  j["failure"] = c.ok() ? ordered_json(nullptr) : ordered_json(c.failure);
  if (!c.ok()) return j;
  j["replicas"] = c.replicas;
  j["outcome"] = hpa::ReplicaOutcomeName(c.outcome);
  j["utilization_percent"] =
      c.utilization_percent ? ordered_json(*c.utilization_percent) : ordered_json(nullptr);
  j["average_value_m"] = c.average_value_m;
  j["usage_ratio"] = Finite(c.usage_ratio);
  j["adjusted_usage_ratio"] = c.adjusted_usage_ratio ? ordered_json(Finite(*c.adjusted_usage_ratio))
                                                     : ordered_json(nullptr);
  j["pods_counted"] = c.pods_counted;
  j["ready_pods"] = c.groups.ready_count;
  j["unready_pods"] = c.groups.unready;
  j["missing_pods"] = c.groups.missing;
  j["ignored_pods"] = c.groups.ignored;
  return j;
}

void PrintDecisionJson(const hpa::Decision& d, const std::vector<std::string>& why,
                       std::ostream& out) {
  auto optional = [](const std::optional<int32_t>& v) {
    return v ? ordered_json(*v) : ordered_json(nullptr);
  };
  auto text = [](const std::string& s) {
    return s.empty() ? ordered_json(nullptr) : ordered_json(s);
  };
  ordered_json j;
  j["schema"] = "headroom.autoscale.decision/v1";
  j["current_replicas"] = d.current_replicas;
  j["desired_replicas"] = d.desired_replicas;
  j["rescale"] = d.rescale;
  const hpa::MetricResult* m = UtilizationMetric(d);
  j["utilization_percent"] =
      m ? ordered_json(*m->calculation.utilization_percent) : ordered_json(nullptr);
  j["metric_replicas"] = optional(d.metric_replicas);
  j["stabilized_replicas"] = optional(d.stabilized_replicas);
  j["metric"] = text(d.metric);
  j["failure"] = text(d.failure);
  j["able_to_scale_reason"] = text(d.able_to_scale_reason);
  j["scaling_limited_reason"] = text(d.scaling_limited_reason);
  j["rescale_reason"] = text(d.rescale_reason);
  ordered_json metrics = ordered_json::array();
  for (const hpa::MetricResult& r : d.metrics) metrics.push_back(CalculationJson(r));
  j["metrics"] = std::move(metrics);
  j["explanation"] = why;
  out << j.dump(2) << "\n";
}

int RunDecide(const AutoscaleOptions& o, Io& io) {
  std::optional<hpa::HpaSpec> manifest;
  if (!o.hpa.empty()) {
    Result<hpa::HpaSpec> spec = LoadHpa(o.hpa);
    if (!spec.ok()) return Report(spec.errors(), io.err);
    manifest = std::move(spec).value();
  }
  Result<std::string> text = ReadFile(o.decide, kMaxSnapshotBytes);
  if (!text.ok()) return Report(text.errors(), io.err);
  Result<Snapshot> snapshot = ParseSnapshot(text.value(), o.decide, std::move(manifest));
  if (!snapshot.ok()) return Report(snapshot.errors(), io.err);
  Snapshot& s = snapshot.value();
  hpa::Controller controller(s.spec, s.config);
  controller.SetRecommendations(
      s.recommendations.value_or(std::vector<hpa::TimestampedRecommendation>{}));
  const hpa::Decision d = controller.Sync(s.observation);
  const std::vector<std::string> why = hpa::ExplainDecision(
      d, controller.tolerances(), s.spec.min_replicas.value_or(1), s.spec.max_replicas);
  if (o.format == "json") {
    PrintDecisionJson(d, why, io.out);
  } else {
    PrintDecisionText(d, why, s.spec, io.out);
  }
  return 0;
}

int RunAutoscale(const AutoscaleOptions& o, Io& io) {
  if (o.format != "text" && o.format != "json") {
    return Usage(io, "--format must be text or json, not '" + o.format + "'");
  }
  if (o.trace.empty() == o.decide.empty()) {
    return Usage(io, "give either --trace LOAD.csv --hpa HPA.yaml or --decide SNAPSHOT.json");
  }
  return o.trace.empty() ? RunDecide(o, io) : RunReplay(o, io);
}

}  // namespace

Action SetupAutoscaleCommand(CLI::App& sub) {
  auto o = std::make_shared<AutoscaleOptions>();
  sub.add_option("--trace", o->trace,
                 "Replay this load (CSV time_s,requests_per_s or time_s,cpu_cores)")
      ->type_name("LOAD.csv");
  sub.add_option("--hpa", o->hpa, "The HorizontalPodAutoscaler manifest (autoscaling/v2)")
      ->type_name("HPA.yaml");
  sub.add_option("--decide", o->decide, "Make one decision from a pod snapshot and say why")
      ->type_name("SNAPSHOT.json");
  sub.add_option("--capacity-per-pod", o->capacity_per_pod,
                 "Load one Ready pod carries at 100 % of its CPU request, in trace units "
                 "(default for cpu_cores: the request)")
      ->type_name("LOAD");
  sub.add_option("--cpu-request-m", o->cpu_request_m, "CPU request per pod, millicores")
      ->type_name("M")
      ->default_str("1000");
  sub.add_option("--startup-s", o->startup_s, "Seconds from pod creation to Ready")
      ->type_name("S")
      ->default_str("30");
  sub.add_option("--slo-utilisation", o->slo_utilisation,
                 "Utilisation of Ready pods above which a minute is lost (1 = saturated)")
      ->type_name("U")
      ->default_str("1");
  sub.add_option("--initial-replicas", o->initial_replicas,
                 "Ready pods at the start of the trace (default minReplicas)")
      ->type_name("N");
  sub.add_option("--sync-period-s", o->sync_period_s, "Controller sync period, seconds")
      ->type_name("S")
      ->default_str("15");
  sub.add_option("--format", o->format, "Output format: text or json")
      ->type_name("text|json")
      ->default_str("text");
  return [o](Io& io) { return RunAutoscale(*o, io); };
}

}  // namespace headroom::cli
