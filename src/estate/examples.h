#pragma once
// The built-in example estates, from the scenarios of the source document. They ship inside the
// binary (generated from examples/*.yaml at build time) so `headroom plan` works with no file.

#include <string>
#include <string_view>
#include <vector>

namespace headroom {

struct ExampleEstate {
  std::string name;     // e.g. "healthcare-growth"; also the file stem in examples/
  std::string summary;  // the first comment line of the file
  std::string yaml;     // the whole file
};

// In name order.
const std::vector<ExampleEstate>& BuiltInExamples();

// The example `headroom plan` uses when given no estate file.
inline constexpr std::string_view kDefaultExample = "healthcare-growth";

// nullptr when there is no example of that name.
const ExampleEstate* FindExample(std::string_view name);

}  // namespace headroom
