// Fuzz harness for the calibration reader: any bytes must give a calibration or errors, never a
// crash, a hang or unbounded memory. A calibration that reads must survive a round trip through
// CalibrationYaml unchanged, so the fuzzer checks the writer's quoting and number format too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "estate/calibration_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  headroom::Result<headroom::BackupCalibration> result =
      headroom::ReadCalibration(text, "fuzz.yaml");
  if (!result.ok()) {
    if (headroom::FormatAll(result.errors()).empty()) __builtin_trap();  // errors say something
    return 0;
  }
  const headroom::BackupCalibration& c = result.value();
  headroom::Result<headroom::BackupCalibration> again =
      headroom::ReadCalibration(headroom::CalibrationYaml(c), "written.yaml");
  if (!again.ok()) __builtin_trap();
  const headroom::BackupCalibration& d = again.value();
  if (d.source != c.source || d.backup_mib_s_per_process != c.backup_mib_s_per_process ||
      d.restore_mib_s_per_process != c.restore_mib_s_per_process ||
      d.wal_replay_mib_s != c.wal_replay_mib_s || d.restore_start_s != c.restore_start_s) {
    __builtin_trap();
  }
  return 0;
}
