#include "report/text_wrap.h"

namespace headroom {

std::string Wrap(const std::string& prefix, const std::string& text) {
  std::string out = prefix;
  size_t line_length = prefix.size();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (line_length + word.size() + 1 >= kTerminalColumns && line_length > prefix.size()) {
      out += '\n';
      out.append(prefix.size(), ' ');
      line_length = prefix.size();
    } else if (line_length > prefix.size()) {
      out += ' ';
      ++line_length;
    }
    out += word;
    line_length += word.size();
    start = end + 1;
  }
  return out + "\n";
}

}  // namespace headroom
