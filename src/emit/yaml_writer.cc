#include "emit/yaml_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace headroom::emit {
namespace {

bool IsScalar(const Json& v) { return !(v.is_object() || v.is_array()) || v.empty(); }

// Words some YAML 1.1 or 1.2 reader takes for a boolean or null.
bool IsTypedWord(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kWords = {
      "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "", "<<"};
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

// A key is plain when it starts with a letter and holds only letters, digits and `_.-/`: such
// a key cannot be read as a number, a date, a boolean (unless a typed word) or an indicator.
bool IsPlainKey(const std::string& key) {
  if (key.empty() || !std::isalpha(static_cast<unsigned char>(key[0]))) return false;
  for (char c : key) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-' &&
        c != '/') {
      return false;
    }
  }
  return !IsTypedWord(key);
}

std::string Key(const std::string& key) { return IsPlainKey(key) ? key : QuoteYaml(key); }

std::string Number(const Json& v) {
  if (v.is_number_integer()) return v.dump();
  return fmt::format("{}", v.get<double>());
}

// A literal block keeps a multi-line text readable; only texts ending in exactly one newline,
// without carriage returns or a leading space, are written so (the block then reads back
// byte for byte).
bool FitsLiteralBlock(const std::string& s) {
  if (s.size() < 2 || s.back() != '\n' || s[s.size() - 2] == '\n') return false;
  if (s.front() == ' ' || s.front() == '\n') return false;
  return s.find('\r') == std::string::npos;
}

void LiteralBlock(const std::string& s, int indent, std::string& out) {
  out += "|\n";
  const std::string pad(static_cast<size_t>(indent), ' ');
  size_t start = 0;
  while (start < s.size()) {
    const size_t end = s.find('\n', start);
    const std::string_view line(s.data() + start, end - start);
    if (!line.empty()) out += pad;
    out += line;
    out += '\n';
    start = end + 1;
  }
}

// A scalar or an empty collection after `key: ` or `- `; `indent` is that of a literal
// block's lines.
void Scalar(const Json& v, int indent, std::string& out) {
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    if (FitsLiteralBlock(s)) return LiteralBlock(s, indent, out);
    out += QuoteYaml(s);
  } else if (v.is_object()) {
    out += "{}";
  } else if (v.is_array()) {
    out += "[]";
  } else if (v.is_boolean()) {
    out += v.get<bool>() ? "true" : "false";
  } else if (v.is_null()) {
    out += "null";
  } else {
    out += Number(v);
  }
  out += '\n';
}

void Node(const Json& v, int indent, std::string& out);

void Mapping(const Json& v, int indent, std::string& out) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  for (const auto& [key, value] : v.items()) {
    out += pad + Key(key) + ":";
    if (IsScalar(value)) {
      out += ' ';
      Scalar(value, indent + 2, out);
    } else {
      out += '\n';
      // Sequences under a key are indented too, which every reader accepts.
      Node(value, indent + 2, out);
    }
  }
}

// Each item is written at indent + 2 and its first line's leading spaces become "- ".
void Sequence(const Json& v, int indent, std::string& out) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  for (const Json& item : v) {
    if (IsScalar(item)) {
      out += pad + "- ";
      Scalar(item, indent + 2, out);
      continue;
    }
    std::string nested;
    Node(item, indent + 2, nested);
    nested.replace(static_cast<size_t>(indent), 2, "- ");
    out += nested;
  }
}

void Node(const Json& v, int indent, std::string& out) {
  if (v.is_object() && !v.empty()) return Mapping(v, indent, out);
  if (v.is_array() && !v.empty()) return Sequence(v, indent, out);
  out += std::string(static_cast<size_t>(indent), ' ');
  Scalar(v, indent + 2, out);
}

}  // namespace

std::string QuoteYaml(const std::string& text) {
  return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ToYaml(const Json& document) {
  std::string out;
  Node(document, 0, out);
  return out;
}

}  // namespace headroom::emit
