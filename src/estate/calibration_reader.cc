#include "estate/calibration_reader.h"

#include <fmt/format.h>

#include <cmath>
#include <exception>

#include "estate/catalog_writer.h"
#include "estate/doc_reader.h"
#include "estate/yaml_document.h"

namespace headroom {
namespace {

constexpr DocumentKind kCalibrationDocument{
    "a calibration file", "schema, source, backup, service_demands and usl", kMaxCalibrationBytes,
    /*require_utf8=*/true};

// Reads `key` (required when `required`) into *out and checks it against `lowest`: strictly
// above it when `strict`, else at least it.
void BoundedField(MapReader& m, std::string_view key, double* out, bool required, double lowest,
                  bool strict, std::string_view what) {
  const DocNode* node = required ? m.Require(key) : m.Find(key);
  if (node == nullptr) return;
  const std::string path = m.PathOf(key);
  if (!ReadNumber(*node, path, m.ctx(), out)) return;
  const bool in_range = std::isfinite(*out) && (strict ? *out > lowest : *out >= lowest);
  if (!in_range)
    m.ctx().Fail(*node, path, fmt::format("must be {}, got {}", what, Describe(*node)));
}

void PositiveField(MapReader& m, std::string_view key, double* out) {
  BoundedField(m, key, out, true, 0, true, "a positive throughput in MiB/s");
}

BackupCalibration BuildBackup(const DocNode& node, ReadContext& ctx) {
  MapReader b(node, "backup", ctx);
  BackupCalibration c;
  PositiveField(b, "backup_mib_s_per_process", &c.backup_mib_s_per_process);
  PositiveField(b, "restore_mib_s_per_process", &c.restore_mib_s_per_process);
  PositiveField(b, "wal_replay_mib_s", &c.wal_replay_mib_s);
  BoundedField(b, "restore_start_s", &c.restore_start_s, false, 0, false, "0 or more seconds");
  b.Finish();
  return c;
}

ServiceDemand BuildDemand(std::string_view name, const DocNode& node, const std::string& path,
                          ReadContext& ctx) {
  MapReader d(node, path, ctx);
  ServiceDemand demand;
  demand.request_class = std::string(name);
  BoundedField(d, "app_cpu_ms", &demand.app_cpu_ms, true, 0, true,
               "a positive CPU time per request in ms");
  if (d.Find("db_cpu_ms") != nullptr) {
    double db = 0;
    BoundedField(d, "db_cpu_ms", &db, false, 0, false, "0 or more ms of CPU per request");
    demand.db_cpu_ms = db;
  }
  d.Finish();
  return demand;
}

ServiceDemandCalibration BuildDemands(const DocNode& node, ReadContext& ctx) {
  MapReader s(node, "service_demands", ctx);
  ServiceDemandCalibration c;
  StringField(s, "source", &c.source);
  BoundedField(s, "background_cores", &c.background_cores, false, 0, false, "0 or more cores");
  if (const DocNode* classes = s.Require("classes")) {
    MapReader m(*classes, "service_demands.classes", ctx);
    if (m.ok()) {
      m.ForEachEntry([&](std::string_view name, const DocNode& value, const std::string& path) {
        c.classes.push_back(BuildDemand(name, value, path, ctx));
      });
      if (c.classes.empty()) ctx.Fail(*classes, "service_demands.classes", "names no class");
    }
    m.Finish();
  }
  s.Finish();
  return c;
}

UslCalibration BuildUsl(const DocNode& node, ReadContext& ctx) {
  MapReader u(node, "usl", ctx);
  UslCalibration c;
  StringField(u, "source", &c.source);
  BoundedField(u, "lambda_per_s", &c.lambda_per_s, true, 0, true,
               "a positive throughput of one client per second");
  BoundedField(u, "sigma", &c.sigma, true, 0, false, "0 or more (contention)");
  BoundedField(u, "kappa", &c.kappa, true, 0, false, "0 or more (coherency)");
  u.Finish();
  return c;
}

Calibration Build(const DocNode& root, ReadContext& ctx) {
  MapReader m(root, "", ctx);
  Calibration c;
  if (const DocNode* node = m.Require("schema")) {
    std::string schema;
    if (ReadString(*node, "schema", ctx, &schema) && schema != kCalibrationSchema) {
      ctx.Fail(*node, "schema",
               fmt::format("expected \"{}\", got \"{}\"", kCalibrationSchema, schema));
    }
  }
  const DocNode* backup = m.Find("backup");
  // The top-level source is the backup section's (the file's first and only section once).
  std::string source;
  if (const DocNode* node = backup != nullptr ? m.Require("source") : m.Find("source")) {
    ReadString(*node, "source", ctx, &source);
  }
  if (backup != nullptr) {
    c.backup = BuildBackup(*backup, ctx);
    c.backup->source = source;
  }
  if (const DocNode* node = m.Find("service_demands")) c.service_demands = BuildDemands(*node, ctx);
  if (const DocNode* node = m.Find("usl")) c.usl = BuildUsl(*node, ctx);
  if (!c.backup && !c.service_demands && !c.usl) {
    ctx.Fail(root, "", "a calibration file needs at least one of backup, service_demands and usl");
  }
  m.Finish();
  return c;
}

std::string BackupYaml(const BackupCalibration& c) {
  // {:.17g} round-trips a double exactly, so reading the file back gives the same figures.
  return fmt::format(
      "backup:\n"
      "  backup_mib_s_per_process: {:.17g}\n"
      "  restore_mib_s_per_process: {:.17g}\n"
      "  wal_replay_mib_s: {:.17g}\n"
      "  restore_start_s: {:.17g}\n",
      c.backup_mib_s_per_process, c.restore_mib_s_per_process, c.wal_replay_mib_s,
      c.restore_start_s);
}

std::string DemandsYaml(const ServiceDemandCalibration& c) {
  std::string out = fmt::format(
      "service_demands:\n"
      "  source: {}\n"
      "  background_cores: {:.17g}\n"
      "  classes:\n",
      QuoteYamlString(c.source), c.background_cores);
  for (const ServiceDemand& d : c.classes) {
    out += fmt::format("    {}:\n      app_cpu_ms: {:.17g}\n", QuoteYamlString(d.request_class),
                       d.app_cpu_ms);
    if (d.db_cpu_ms) out += fmt::format("      db_cpu_ms: {:.17g}\n", *d.db_cpu_ms);
  }
  return out;
}

std::string UslYaml(const UslCalibration& c) {
  return fmt::format(
      "usl:\n"
      "  source: {}\n"
      "  lambda_per_s: {:.17g}\n"
      "  sigma: {:.17g}\n"
      "  kappa: {:.17g}\n",
      QuoteYamlString(c.source), c.lambda_per_s, c.sigma, c.kappa);
}

}  // namespace

Result<Calibration> ReadCalibration(std::string_view text, std::string_view file_name) {
  try {
    Result<DocNode> root = ParseRootMapping(text, file_name, kCalibrationDocument);
    if (!root.ok()) return root.errors();
    ReadContext ctx{std::string(file_name)};
    Calibration c = Build(root.value(), ctx);
    if (!ctx.errors.empty()) return TakeSortedErrors(ctx);
    return c;
  } catch (const std::exception& e) {
    return InvalidError(std::string("cannot read the calibration file: ") + e.what(),
                        Location{std::string(file_name), 0, 0, ""});
  }
}

std::string CalibrationYaml(const Calibration& c) {
  std::string out = fmt::format(
      "# Measured by `headroom calibrate`; docs/calibration.md and docs/dr.md explain each "
      "figure.\n"
      "schema: {}\n",
      QuoteYamlString(kCalibrationSchema));
  if (c.backup) {
    out += fmt::format("source: {}\n", QuoteYamlString(c.backup->source));
    out += BackupYaml(*c.backup);
  }
  if (c.service_demands) out += DemandsYaml(*c.service_demands);
  if (c.usl) out += UslYaml(*c.usl);
  return out;
}

}  // namespace headroom
