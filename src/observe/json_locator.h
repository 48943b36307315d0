#pragma once
// Finds where a value sits in JSON text, for error messages: nlohmann-json 3.11 keeps no source
// positions, so this walks the (already validated) text once and records the byte offset of
// every value under its path ("data.result[0].values[3][1]").

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/error.h"

namespace headroom {

class JsonLocator {
 public:
  // REQUIRES: `text` is well-formed JSON nested at most MaxJsonDepth() deep.
  JsonLocator(std::string_view text, std::string file);

  // The location of the value at `path` (line and column 1-based; the file alone if unknown).
  [[nodiscard]] Location At(const std::string& path) const;
  // The location of byte `offset` (0-based).
  [[nodiscard]] Location AtOffset(size_t offset, const std::string& field) const;

 private:
  void Value(const std::string& path);
  void SkipString();
  void SkipSpace();

  std::string_view text_;
  std::string file_;
  size_t at_ = 0;
  std::unordered_map<std::string, size_t> offsets_;
  std::vector<size_t> line_starts_;
};

// The deepest nesting of arrays and objects in `text` (strings skipped); the readers refuse
// documents deeper than kMaxJsonDepth so the locator's recursion stays bounded.
int JsonDepth(std::string_view text);
inline constexpr int kMaxJsonDepth = 32;

}  // namespace headroom
