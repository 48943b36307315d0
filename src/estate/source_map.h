#pragma once
// Where each field of an estate was written: a side table from field path
// ("tenants[0].sites.growth[2].month") to file, line and column, filled by the YAML reader, so
// checks made later on the built Estate can still point at the input.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/error.h"

namespace headroom {

class SourceMap {
 public:
  SourceMap() = default;
  explicit SourceMap(std::string file) : file_(std::move(file)) {}

  // Records where `field_path` was written (1-based line and column). The first record of a
  // path wins; a position with line <= 0 (a node that was not written) is ignored.
  void Add(const std::string& field_path, int line, int column);

  // The location of `field_path` with `field` set to `field_path`. A path that was not written
  // (a defaulted field) takes the position of its nearest written ancestor
  // ("a.b[2].c" → "a.b[2]" → "a.b" → "a"); with none, only the file is known.
  [[nodiscard]] Location Find(std::string_view field_path) const;

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] size_t size() const { return positions_.size(); }

 private:
  struct Position {
    int line = 0;
    int column = 0;
  };
  // Hashes std::string and std::string_view alike, so Find() looks paths up without copying.
  struct PathHash {
    using is_transparent = void;
    size_t operator()(std::string_view path) const { return std::hash<std::string_view>{}(path); }
  };
  std::string file_;
  std::unordered_map<std::string, Position, PathHash, std::equal_to<>> positions_;
};

// The parent of a field path: "a.b[2].c" → "a.b[2]" → "a.b" → "a" → "".
std::string_view ParentPath(std::string_view field_path);

}  // namespace headroom
