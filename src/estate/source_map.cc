#include "estate/source_map.h"

namespace headroom {

void SourceMap::Add(const std::string& field_path, int line, int column) {
  if (line <= 0) return;  // an unwritten node (an omitted section read as empty)
  positions_.try_emplace(field_path, Position{line, column});
}

Location SourceMap::Find(std::string_view field_path) const {
  Location where{file_, 0, 0, std::string(field_path)};
  for (std::string_view path = field_path; !path.empty(); path = ParentPath(path)) {
    auto it = positions_.find(path);
    if (it != positions_.end()) {
      where.line = it->second.line;
      where.column = it->second.column;
      break;
    }
  }
  return where;
}

std::string_view ParentPath(std::string_view field_path) {
  const size_t cut = field_path.find_last_of(".[");
  return cut == std::string_view::npos ? std::string_view() : field_path.substr(0, cut);
}

}  // namespace headroom
