#pragma once
// UTF-8 decoding (RFC 3629), for inputs that must be text and outputs that escape characters.

#include <cstddef>
#include <optional>
#include <string_view>

namespace headroom {

struct CodePoint {
  char32_t value = 0;
  size_t length = 0;  // bytes; 0 when the byte does not start a valid UTF-8 sequence
};

// The code point starting at text[i]: no overlong forms, no surrogates, at most U+10FFFF.
// REQUIRES: i < text.size().
CodePoint DecodeUtf8(std::string_view text, size_t i);

// The offset of the first byte of `text` that is not part of valid UTF-8; nullopt when all of
// it is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

}  // namespace headroom
