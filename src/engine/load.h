#pragma once
// Where the pipeline's input comes from: an estate file, or a built-in example by name.

#include <optional>
#include <string>

#include "common/result.h"
#include "cost/catalog.h"
#include "estate/calibration.h"
#include "estate/model.h"

namespace headroom {

struct EstateSource {
  std::string path;     // an estate YAML file; empty: use `example`
  std::string example;  // a built-in example's name; empty: the default example
};

// Reads and validates the estate. Errors: kNotFound (missing file or unknown example, exit 66)
// or kInvalid with every problem in the file (exit 65).
Result<Estate> LoadEstate(const EstateSource& source);

// Reads a price catalog file (docs/catalog.md); an empty path gives the built-in catalog.
Result<Catalog> LoadCatalog(const std::string& path);

// Reads a calibration file (estate/calibration_reader.h); `file` is set to `path`, and an empty
// section source to it as well.
Result<Calibration> LoadCalibration(const std::string& path);

// The calibration a run uses: `override_path` when given, else the estate's `calibration` file
// (relative to the estate file), else none.
Result<std::optional<Calibration>> LoadCalibrationFor(const EstateSource& source,
                                                      const Estate& estate,
                                                      const std::string& override_path);

// "examples/healthcare-growth.yaml (built-in)" or the path: how reports name the input.
std::string DescribeSource(const EstateSource& source);

}  // namespace headroom
