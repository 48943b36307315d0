#include "estate/calibration_reader.h"

#include <fmt/format.h>

#include <cmath>
#include <exception>

#include "estate/catalog_writer.h"
#include "estate/doc_reader.h"
#include "estate/yaml_document.h"

namespace headroom {
namespace {

constexpr DocumentKind kCalibrationDocument{"a calibration file", "schema, source and backup",
                                            kMaxCalibrationBytes,
                                            /*require_utf8=*/true};

void PositiveField(MapReader& m, std::string_view key, double* out) {
  const DocNode* node = m.Require(key);
  if (node == nullptr) return;
  const std::string path = m.PathOf(key);
  if (!ReadNumber(*node, path, m.ctx(), out)) return;
  if (!std::isfinite(*out) || *out <= 0) {
    m.ctx().Fail(*node, path,
                 fmt::format("must be a positive throughput in MiB/s, got {}", Describe(*node)));
  }
}

BackupCalibration Build(const DocNode& root, ReadContext& ctx) {
  MapReader m(root, "", ctx);
  BackupCalibration c;
  if (const DocNode* node = m.Require("schema")) {
    std::string schema;
    if (ReadString(*node, "schema", ctx, &schema) && schema != kCalibrationSchema) {
      ctx.Fail(*node, "schema",
               fmt::format("expected \"{}\", got \"{}\"", kCalibrationSchema, schema));
    }
  }
  if (const DocNode* node = m.Require("source")) ReadString(*node, "source", ctx, &c.source);
  if (const DocNode* node = m.Require("backup")) {
    MapReader b(*node, "backup", ctx);
    PositiveField(b, "backup_mib_s_per_process", &c.backup_mib_s_per_process);
    PositiveField(b, "restore_mib_s_per_process", &c.restore_mib_s_per_process);
    PositiveField(b, "wal_replay_mib_s", &c.wal_replay_mib_s);
    NumberField(b, "restore_start_s", &c.restore_start_s);
    if (c.restore_start_s < 0 || !std::isfinite(c.restore_start_s)) {
      ctx.Fail(*b.Find("restore_start_s"), "backup.restore_start_s", "must be 0 or more seconds");
    }
    b.Finish();
  }
  m.Finish();
  return c;
}

}  // namespace

Result<BackupCalibration> ReadCalibration(std::string_view text, std::string_view file_name) {
  try {
    Result<DocNode> root = ParseRootMapping(text, file_name, kCalibrationDocument);
    if (!root.ok()) return root.errors();
    ReadContext ctx{std::string(file_name)};
    BackupCalibration c = Build(root.value(), ctx);
    if (!ctx.errors.empty()) return TakeSortedErrors(ctx);
    return c;
  } catch (const std::exception& e) {
    return InvalidError(std::string("cannot read the calibration file: ") + e.what(),
                        Location{std::string(file_name), 0, 0, ""});
  }
}

std::string CalibrationYaml(const BackupCalibration& c) {
  // {:.17g} round-trips a double exactly, so reading the file back gives the same figures.
  return fmt::format(
      "# Measured by `headroom calibrate backup`; docs/dr.md explains each figure.\n"
      "schema: {}\n"
      "source: {}\n"
      "backup:\n"
      "  backup_mib_s_per_process: {:.17g}\n"
      "  restore_mib_s_per_process: {:.17g}\n"
      "  wal_replay_mib_s: {:.17g}\n"
      "  restore_start_s: {:.17g}\n",
      QuoteYamlString(kCalibrationSchema), QuoteYamlString(c.source), c.backup_mib_s_per_process,
      c.restore_mib_s_per_process, c.wal_replay_mib_s, c.restore_start_s);
}

}  // namespace headroom
