#pragma once
// For tests: docs/assumptions.md as text, to check that every default a sizer uses is listed.

#include <fstream>
#include <sstream>
#include <string>

namespace headroom::docs_for_test {

inline std::string AssumptionsPage() {
  std::ifstream in(std::string(HEADROOM_SOURCE_DIR) + "/docs/assumptions.md");
  std::stringstream page;
  page << in.rdbuf();
  return page.str();
}

}  // namespace headroom::docs_for_test
