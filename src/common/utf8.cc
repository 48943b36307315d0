#include "common/utf8.h"

namespace headroom {

CodePoint DecodeUtf8(std::string_view text, size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return {lead, 1};
  // The lead byte gives the length, the bits it contributes, and the smallest code point that
  // needs that length (anything smaller is an overlong form). RFC 3629, section 3.
  struct Form {
    unsigned char mask;
    unsigned char pattern;
    size_t length;
    char32_t smallest;
  };
  static constexpr Form kForms[] = {
      {0xE0, 0xC0, 2, 0x80}, {0xF0, 0xE0, 3, 0x800}, {0xF8, 0xF0, 4, 0x10000}};
  for (const Form& form : kForms) {
    if ((lead & form.mask) != form.pattern) continue;
    if (text.size() - i < form.length) return {};
    char32_t value = lead & static_cast<unsigned char>(~form.mask);
    for (size_t k = 1; k < form.length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return {};
      value = (value << 6) | (next & 0x3Fu);
    }
    const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
    if (value < form.smallest || value > 0x10FFFF || surrogate) return {};
    return {value, form.length};
  }
  return {};
}

std::optional<size_t> FindInvalidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = DecodeUtf8(text, i).length;
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

}  // namespace headroom
