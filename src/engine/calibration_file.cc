#include "engine/calibration_file.h"

#include <filesystem>

#include "common/atomic_file.h"
#include "estate/calibration_reader.h"

namespace headroom {

Result<std::string> MergedCalibrationYaml(const std::string& path, const Calibration& update) {
  Calibration merged;
  std::error_code ec;
  if (!path.empty() && path != "-" && std::filesystem::exists(path, ec)) {
    Result<std::string> text = ReadFile(path, kMaxCalibrationBytes);
    if (!text.ok()) return text.errors();
    Result<Calibration> existing = ReadCalibration(text.value(), path);
    if (!existing.ok()) return existing.errors();
    merged = std::move(existing).value();
  }
  if (update.backup) merged.backup = update.backup;
  if (update.service_demands) merged.service_demands = update.service_demands;
  if (update.usl) merged.usl = update.usl;
  return CalibrationYaml(merged);
}

}  // namespace headroom
