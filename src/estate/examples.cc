#include "estate/examples.h"

namespace headroom {

const ExampleEstate* FindExample(std::string_view name) {
  for (const ExampleEstate& example : BuiltInExamples()) {
    if (example.name == name) return &example;
  }
  return nullptr;
}

}  // namespace headroom
