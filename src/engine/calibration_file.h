#pragma once
// Writing a calibration file without losing what it already holds: each `headroom calibrate`
// measures one section, and a file that exists keeps its other sections.

#include <string>

#include "common/result.h"
#include "estate/calibration.h"

namespace headroom {

// The text to write to `path`: `update`'s sections over those of the calibration file already
// at `path` (when one exists; an empty path or "-" means standard output and merges nothing).
// Errors: the existing file cannot be read or is not a valid calibration file (it is not
// overwritten: kInvalid, exit 65).
Result<std::string> MergedCalibrationYaml(const std::string& path, const Calibration& update);

}  // namespace headroom
