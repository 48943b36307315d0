#pragma once
// Writing outputs safely: content goes to a temporary file beside the target, is flushed, then
// renamed over it, so a failed run never leaves a half-written file. Reading is bounded.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.h"

namespace headroom {

// Writes `content` to `path` atomically; creates missing parent folders. Leaves the target
// untouched when its content is already identical (so re-running changes no file times).
Status WriteFileAtomic(const std::string& path, std::string_view content);

// Reads a whole file; refuses files larger than `max_bytes`.
Result<std::string> ReadFile(const std::string& path, size_t max_bytes);

}  // namespace headroom
