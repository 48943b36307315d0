// Fuzz harness for the CSV files `headroom calibrate` reads (observe/calibration_inputs.h): any
// bytes must give values or located errors, never a crash, a hang or unbounded memory. The input
// is split at its first form feed into a utilisation file and a throughput file, and read whole
// as USL points too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "observe/calibration_inputs.h"
#include "observe/service_demands.h"
#include "observe/usl_fit.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const size_t split = text.find('\f');
  const headroom::CsvInput utilisation{text.substr(0, split), "u.csv"};
  const headroom::CsvInput throughput{split == std::string::npos ? "" : text.substr(split + 1),
                                      "x.csv"};
  headroom::Result<headroom::DemandSamples> samples =
      headroom::ReadDemandSamples(utilisation, {throughput});
  if (!samples.ok()) {
    if (headroom::FormatAll(samples.errors()).empty()) __builtin_trap();
  } else {
    const headroom::DemandSamples& s = samples.value();
    if (s.throughput_per_s.size() != s.busy_cores.size()) __builtin_trap();
    for (const auto& row : s.throughput_per_s) {
      if (row.size() != s.classes.size()) __builtin_trap();
    }
    (void)headroom::FitServiceDemands(s, true);  // must not crash on what the reader accepts
  }
  headroom::Result<std::vector<headroom::UslPoint>> points =
      headroom::ReadUslPoints({text, "p.csv"});
  if (!points.ok()) {
    if (headroom::FormatAll(points.errors()).empty()) __builtin_trap();
  } else {
    (void)headroom::FitUsl(points.value());
  }
  return 0;
}
