// Fuzz harness for the estate reader: any bytes must give an estate or errors, never a crash,
// a hang or unbounded memory. The errors are formatted too, so their text is exercised.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "estate/yaml_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  headroom::Result<headroom::Estate> result = headroom::ReadEstate(text, "fuzz.yaml");
  if (!result.ok()) {
    const std::string formatted = headroom::FormatAll(result.errors());
    if (formatted.empty()) __builtin_trap();  // errors always say something
  }
  return 0;
}
