#include "estate/nesting_scan.h"

#include <vector>

namespace headroom {
namespace {

// The scanner's state carried from line to line.
struct ScanState {
  std::vector<size_t> indents;    // indentation of the block levels open
  int flow_depth = 0;             // open [ and {
  int flow_base = 0;              // block depth of the line where the outermost bracket opened
  char quote = 0;                 // '"' or '\'' inside a quoted scalar, else 0
  long block_scalar_parent = -1;  // indent of the line that opened a | or > scalar; -1: none
};

// Whether position i can start a token: a quoted scalar or a flow collection begins only there
// ("f[1" in block context is a plain scalar). Inside brackets, indicators also end a token.
bool StartsToken(std::string_view line, size_t i, size_t content_start, bool in_flow) {
  if (i == content_start) return true;
  const char prev = line[i - 1];
  if (prev == ' ' || prev == '\t') return true;
  return in_flow && (prev == '[' || prev == '{' || prev == ',' || prev == ':');
}

// True when the line's last token (before any comment) opens a block scalar: "|", ">", "|-",
// ">+2" and the like, standing alone after a space or at the start.
bool OpensBlockScalar(std::string_view content) {
  while (!content.empty() && (content.back() == ' ' || content.back() == '\t')) {
    content.remove_suffix(1);
  }
  size_t i = content.size();
  int indicators = 0;
  while (i > 0 && indicators < 2 &&
         (content[i - 1] == '+' || content[i - 1] == '-' ||
          (content[i - 1] >= '1' && content[i - 1] <= '9'))) {
    --i;
    ++indicators;
  }
  if (i == 0 || (content[i - 1] != '|' && content[i - 1] != '>')) return false;
  --i;
  return i == 0 || content[i - 1] == ' ';
}

// Block levels of a line outside flow context: its indentation level plus the compact "- " and
// "? " entries it opens. Sets *depth; returns the column (0-based) where it is first exceeded.
std::optional<size_t> BlockDepth(std::string_view line, size_t indent, int max_depth, ScanState& s,
                                 int* depth) {
  while (!s.indents.empty() && s.indents.back() > indent) s.indents.pop_back();
  if (s.indents.empty() || s.indents.back() < indent) s.indents.push_back(indent);
  *depth = static_cast<int>(s.indents.size());
  if (*depth > max_depth) return indent;
  size_t i = indent;
  while (i < line.size() && (line[i] == '-' || line[i] == '?') &&
         (i + 1 == line.size() || line[i + 1] == ' ')) {
    if (++*depth > max_depth) return i;
    i += 1;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  return std::nullopt;
}

// Scans one line's characters for quotes, comments and brackets. Returns the 0-based column of
// the bracket that first exceeds `max_depth`; *content_end is where a comment begins.
std::optional<size_t> ScanCharacters(std::string_view line, size_t start, int block_depth,
                                     int max_depth, ScanState& s, size_t* content_end) {
  *content_end = line.size();
  for (size_t i = start; i < line.size(); ++i) {
    const char c = line[i];
    if (s.quote == '"') {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        s.quote = 0;
      }
      continue;
    }
    if (s.quote == '\'') {
      if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;
      } else if (c == '\'') {
        s.quote = 0;
      }
      continue;
    }
    if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      *content_end = i;
      break;
    }
    const bool in_flow = s.flow_depth > 0;
    if ((c == '"' || c == '\'') && StartsToken(line, i, start, in_flow)) {
      s.quote = c;
    } else if ((c == '[' || c == '{') && StartsToken(line, i, start, in_flow)) {
      if (s.flow_depth == 0) s.flow_base = block_depth;
      if (s.flow_base + ++s.flow_depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && s.flow_depth > 0) {
      --s.flow_depth;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<TextPosition> FindExcessiveNesting(std::string_view text, int max_depth) {
  ScanState s;
  int line_number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number;
    pos = end + 1;

    size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    const bool blank = indent == line.size();
    if (s.quote == 0 && s.block_scalar_parent >= 0) {
      if (blank || static_cast<long>(indent) > s.block_scalar_parent) continue;
      s.block_scalar_parent = -1;
    }
    if (blank && s.quote == 0) continue;

    const bool block_line = s.quote == 0 && s.flow_depth == 0 && line[indent] != '#';
    int block_depth = s.flow_base;
    if (block_line) {
      if (auto column = BlockDepth(line, indent, max_depth, s, &block_depth)) {
        return TextPosition{line_number, static_cast<int>(*column) + 1};
      }
    }
    size_t content_end = 0;
    const size_t start = s.quote != 0 ? 0 : indent;
    if (auto column = ScanCharacters(line, start, block_depth, max_depth, s, &content_end)) {
      return TextPosition{line_number, static_cast<int>(*column) + 1};
    }
    if (s.quote == 0 && s.flow_depth == 0 &&
        OpensBlockScalar(line.substr(indent, content_end - indent))) {
      s.block_scalar_parent = static_cast<long>(indent);
    }
  }
  return std::nullopt;
}

}  // namespace headroom
