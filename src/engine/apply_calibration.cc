#include "engine/apply_calibration.h"

#include <fmt/format.h>

#include "common/suggest.h"

namespace headroom {

Result<AppliedCalibration> ApplyCalibration(Estate& estate,
                                            const std::optional<Calibration>& calibration) {
  AppliedCalibration applied;
  if (!calibration) return applied;
  applied.file = calibration->file;
  applied.usl = calibration->usl;
  if (!calibration->service_demands) return applied;
  const ServiceDemandCalibration& measured = *calibration->service_demands;
  applied.service_demands_source = measured.source.empty() ? calibration->file : measured.source;
  std::vector<std::string> names;
  for (const RequestClass& c : estate.request_classes) names.push_back(c.name);
  Errors errors;
  for (const ServiceDemand& d : measured.classes) {
    const int index = estate.ClassIndex(d.request_class);
    if (index < 0) {
      std::string message =
          fmt::format("the estate has no request class '{}' to calibrate", d.request_class);
      if (auto match = ClosestMatch(d.request_class, names))
        message += fmt::format("; did you mean '{}'?", *match);
      errors.push_back(InvalidError(
          message, Location{calibration->file, 0, 0,
                            fmt::format("service_demands.classes.{}", d.request_class)}));
      continue;
    }
    RequestClass& c = estate.request_classes[static_cast<size_t>(index)];
    applied.classes.push_back(CalibratedClass{c.name, d.app_cpu_ms, c.app_cpu_ms,
                                              d.db_cpu_ms.value_or(c.db_cpu_ms), c.db_cpu_ms,
                                              d.db_cpu_ms.has_value()});
    c.app_cpu_ms = d.app_cpu_ms;
    if (d.db_cpu_ms) c.db_cpu_ms = *d.db_cpu_ms;
  }
  if (!errors.empty()) return errors;
  return applied;
}

std::optional<BackupCalibration> BackupOf(const std::optional<Calibration>& calibration) {
  if (!calibration) return std::nullopt;
  return calibration->backup;
}

}  // namespace headroom
