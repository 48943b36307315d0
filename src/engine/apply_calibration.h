#pragma once
// Puts a calibration's measured per-class service demands in place of the estate's, at one
// place before any stage runs: demand, sizing, the simulation and the reports then all see the
// measured figures.

#include <optional>

#include "common/result.h"
#include "estate/calibration.h"
#include "estate/model.h"

namespace headroom {

// Replaces app_cpu_ms (and db_cpu_ms when measured) of every class the calibration's
// service_demands section names; returns what was replaced, and the USL fit to report. No
// calibration, or one without service_demands: the estate is unchanged. Errors (kInvalid, exit
// 65): a class the estate does not define, located in the calibration file, with the closest
// name the estate has.
Result<AppliedCalibration> ApplyCalibration(Estate& estate,
                                            const std::optional<Calibration>& calibration);

// The backup section, for the recovery assessment (engine/pipeline.h).
std::optional<BackupCalibration> BackupOf(const std::optional<Calibration>& calibration);

}  // namespace headroom
