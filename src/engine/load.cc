#include "engine/load.h"

#include <fmt/format.h>

#include <filesystem>

#include "common/atomic_file.h"
#include "common/suggest.h"
#include "estate/calibration_reader.h"
#include "estate/catalog_reader.h"
#include "estate/examples.h"
#include "estate/yaml_reader.h"

namespace headroom {
namespace {

Result<Estate> LoadExample(const std::string& name) {
  const std::string wanted = name.empty() ? std::string(kDefaultExample) : name;
  const ExampleEstate* example = FindExample(wanted);
  if (example == nullptr) {
    std::vector<std::string> names;
    for (const ExampleEstate& e : BuiltInExamples()) names.push_back(e.name);
    std::string message = fmt::format("no built-in example named '{}'", wanted);
    if (auto match = ClosestMatch(wanted, names))
      message += fmt::format("; did you mean '{}'?", *match);
    return NotFoundError(message + " ('headroom examples' lists them)");
  }
  return ReadEstate(example->yaml, fmt::format("{}.yaml", example->name));
}

}  // namespace

Result<Estate> LoadEstate(const EstateSource& source) {
  if (source.path.empty()) return LoadExample(source.example);
  Result<std::string> text = ReadFile(source.path, kMaxEstateBytes);
  if (!text.ok()) return text.errors();
  return ReadEstate(text.value(), source.path);
}

Result<Catalog> LoadCatalog(const std::string& path) {
  if (path.empty()) return BuiltinCatalog();
  Result<std::string> text = ReadFile(path, kMaxCatalogBytes);
  if (!text.ok()) return text.errors();
  return ReadCatalog(text.value(), path);
}

Result<Calibration> LoadCalibration(const std::string& path) {
  Result<std::string> text = ReadFile(path, kMaxCalibrationBytes);
  if (!text.ok()) return text.errors();
  Result<Calibration> read = ReadCalibration(text.value(), path);
  if (!read.ok()) return read.errors();
  Calibration calibration = std::move(read).value();
  calibration.file = path;
  if (calibration.backup && calibration.backup->source.empty()) calibration.backup->source = path;
  if (calibration.service_demands && calibration.service_demands->source.empty())
    calibration.service_demands->source = path;
  if (calibration.usl && calibration.usl->source.empty()) calibration.usl->source = path;
  return calibration;
}

Result<std::optional<Calibration>> LoadCalibrationFor(const EstateSource& source,
                                                      const Estate& estate,
                                                      const std::string& override_path) {
  std::string path = override_path;
  if (path.empty() && !estate.calibration.empty()) {
    const std::filesystem::path named(estate.calibration);
    // Relative to the estate file; a built-in example's relative name means the working folder.
    path = named.is_absolute() || source.path.empty()
               ? named.string()
               : (std::filesystem::path(source.path).parent_path() / named).string();
  }
  if (path.empty()) return std::optional<Calibration>();
  Result<Calibration> loaded = LoadCalibration(path);
  if (!loaded.ok()) return loaded.errors();
  return std::optional<Calibration>(std::move(loaded).value());
}

std::string DescribeSource(const EstateSource& source) {
  if (!source.path.empty()) return source.path;
  const std::string name = source.example.empty() ? std::string(kDefaultExample) : source.example;
  return fmt::format("built-in example '{}'", name);
}

}  // namespace headroom
