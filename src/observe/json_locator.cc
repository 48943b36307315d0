#include "observe/json_locator.h"

#include <fmt/format.h>

#include <algorithm>

namespace headroom {

int JsonDepth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    if (c == ']' || c == '}') --depth;
  }
  return deepest;
}

JsonLocator::JsonLocator(std::string_view text, std::string file)
    : text_(text), file_(std::move(file)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
  Value("");
}

Location JsonLocator::At(const std::string& path) const {
  auto it = offsets_.find(path);
  if (it == offsets_.end()) return {file_, 0, 0, path};
  return AtOffset(it->second, path);
}

Location JsonLocator::AtOffset(size_t offset, const std::string& field) const {
  auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t index = static_cast<size_t>(line - line_starts_.begin());  // 1-based line
  const size_t column = offset - line_starts_[index - 1] + 1;
  return {file_, static_cast<int>(index), static_cast<int>(column), field};
}

void JsonLocator::SkipSpace() {
  while (at_ < text_.size() &&
         (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t')) {
    ++at_;
  }
}

void JsonLocator::SkipString() {
  ++at_;  // opening quote
  while (at_ < text_.size() && text_[at_] != '"') at_ += text_[at_] == '\\' ? 2 : 1;
  ++at_;
}

void JsonLocator::Value(const std::string& path) {
  SkipSpace();
  if (at_ >= text_.size()) return;
  offsets_[path] = at_;
  const char open = text_[at_];
  if (open == '"') return SkipString();
  if (open != '{' && open != '[') {
    while (at_ < text_.size() &&
           std::string_view(",]} \t\r\n").find(text_[at_]) == std::string_view::npos)
      ++at_;
    return;
  }
  const char close = open == '{' ? '}' : ']';
  ++at_;
  for (int index = 0;; ++index) {
    SkipSpace();
    if (at_ >= text_.size() || text_[at_] == close) break;
    if (open == '{') {
      const size_t key_start = at_ + 1;
      SkipString();
      const std::string key(text_.substr(key_start, at_ - key_start - 1));
      SkipSpace();
      ++at_;  // ':'
      Value(path.empty() ? key : fmt::format("{}.{}", path, key));
    } else {
      Value(fmt::format("{}[{}]", path, index));
    }
    SkipSpace();
    if (at_ < text_.size() && text_[at_] == ',') ++at_;
  }
  ++at_;
}

}  // namespace headroom
