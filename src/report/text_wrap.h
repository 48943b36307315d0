#pragma once
// Terminal text that fits the 100 columns the summaries promise.

#include <cstddef>
#include <string>

namespace headroom {

inline constexpr size_t kTerminalColumns = 100;

// Breaks `text` at spaces into lines of fewer than kTerminalColumns characters, each starting
// with `prefix` (the first) or as many spaces (the rest); ends with a newline. A word longer
// than a line stays whole.
std::string Wrap(const std::string& prefix, const std::string& text);

}  // namespace headroom
