// Fuzz harness for the HPA manifest reader: any bytes must give an HPA or errors, never a crash,
// a hang or unbounded memory. An HPA that reads has the API server's defaults applied, so its
// replica bounds and metrics must satisfy what the reader promises.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "estate/hpa_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  headroom::Result<headroom::hpa::HpaSpec> result = headroom::ReadHpaManifest(text, "fuzz.yaml");
  if (!result.ok()) {
    const std::string formatted = headroom::FormatAll(result.errors());
    if (formatted.empty()) __builtin_trap();  // errors always say something
    return 0;
  }
  const headroom::hpa::HpaSpec& spec = result.value();
  // minReplicas defaults to 1; both bounds are checked (1 <= min <= max) by the reader.
  if (!spec.min_replicas || *spec.min_replicas < 1 || *spec.min_replicas > spec.max_replicas) {
    __builtin_trap();
  }
  if (spec.metrics.empty()) __builtin_trap();  // defaulted to CPU at 80 %
  for (const headroom::hpa::MetricSpec& metric : spec.metrics) {
    if (headroom::hpa::DescribeMetric(metric).empty()) __builtin_trap();
  }
  return 0;
}
