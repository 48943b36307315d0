// Fuzz harness for the Prometheus query_range JSON reader: any bytes give series or located
// errors, never a crash, a hang or an exception; series that read are sorted and finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "observe/prometheus_json_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  headroom::Result<headroom::SeriesSet> result =
      headroom::ReadPrometheusJson(text, "fuzz.json", "f");
  if (!result.ok()) {
    if (headroom::FormatAll(result.errors()).empty()) __builtin_trap();
    return 0;
  }
  for (const headroom::Series& s : result.value().series) {
    if (s.times_s.size() != s.values.size()) __builtin_trap();
    for (size_t i = 0; i < s.values.size(); ++i) {
      if (!std::isfinite(s.values[i])) __builtin_trap();
      if (i > 0 && !(s.times_s[i] > s.times_s[i - 1])) __builtin_trap();
    }
  }
  return 0;
}
