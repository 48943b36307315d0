// Fuzz harness for the catalog reader: any bytes must give a catalog or errors, never a crash,
// a hang or unbounded memory. A catalog that reads must also survive a round trip through the
// writer unchanged (CatalogYaml's contract), so the fuzzer checks the writer's quoting too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "estate/catalog_reader.h"
#include "estate/catalog_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  headroom::Result<headroom::Catalog> result = headroom::ReadCatalog(text, "fuzz.yaml");
  if (!result.ok()) {
    const std::string formatted = headroom::FormatAll(result.errors());
    if (formatted.empty()) __builtin_trap();  // errors always say something
    return 0;
  }
  const std::string written = headroom::CatalogYaml(result.value());
  headroom::Result<headroom::Catalog> again = headroom::ReadCatalog(written, "written.yaml");
  if (!again.ok() || !(again.value() == result.value())) __builtin_trap();
  return 0;
}
