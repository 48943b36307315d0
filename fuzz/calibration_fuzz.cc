// Fuzz harness for the calibration reader: any bytes must give a calibration or errors, never a
// crash, a hang or unbounded memory. A calibration that reads must survive a round trip through
// CalibrationYaml unchanged, so the fuzzer checks the writer's quoting and number format too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "estate/calibration_reader.h"

namespace {

bool Same(const headroom::Calibration& a, const headroom::Calibration& b) {
  if (a.backup.has_value() != b.backup.has_value()) return false;
  if (a.backup && (a.backup->source != b.backup->source ||
                   a.backup->backup_mib_s_per_process != b.backup->backup_mib_s_per_process ||
                   a.backup->restore_mib_s_per_process != b.backup->restore_mib_s_per_process ||
                   a.backup->wal_replay_mib_s != b.backup->wal_replay_mib_s ||
                   a.backup->restore_start_s != b.backup->restore_start_s)) {
    return false;
  }
  if (a.service_demands.has_value() != b.service_demands.has_value()) return false;
  if (a.service_demands) {
    const auto& x = *a.service_demands;
    const auto& y = *b.service_demands;
    if (x.source != y.source || x.background_cores != y.background_cores ||
        x.classes.size() != y.classes.size()) {
      return false;
    }
    for (size_t i = 0; i < x.classes.size(); ++i) {
      if (x.classes[i].request_class != y.classes[i].request_class ||
          x.classes[i].app_cpu_ms != y.classes[i].app_cpu_ms ||
          x.classes[i].db_cpu_ms != y.classes[i].db_cpu_ms) {
        return false;
      }
    }
  }
  if (a.usl.has_value() != b.usl.has_value()) return false;
  return !a.usl || (a.usl->source == b.usl->source && a.usl->lambda_per_s == b.usl->lambda_per_s &&
                    a.usl->sigma == b.usl->sigma && a.usl->kappa == b.usl->kappa);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  headroom::Result<headroom::Calibration> result = headroom::ReadCalibration(text, "fuzz.yaml");
  if (!result.ok()) {
    if (headroom::FormatAll(result.errors()).empty()) __builtin_trap();  // errors say something
    return 0;
  }
  headroom::Result<headroom::Calibration> again =
      headroom::ReadCalibration(headroom::CalibrationYaml(result.value()), "written.yaml");
  if (!again.ok()) __builtin_trap();
  if (!Same(result.value(), again.value())) __builtin_trap();
  return 0;
}
