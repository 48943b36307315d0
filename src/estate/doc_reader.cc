#include "estate/doc_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>

#include "common/suggest.h"
#include "estate/defaults.h"
#include "estate/validate.h"

namespace headroom {
namespace {

using Kind = DocNode::Kind;

// Scalars are quoted in messages; long or unprintable ones are shortened so a message stays one
// readable line whatever the input holds.
std::string Quote(std::string_view text) {
  constexpr size_t kMaxShown = 40;
  std::string out = "\"";
  size_t shown = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool continuation = (c & 0xC0) == 0x80;
    if (shown >= kMaxShown && !continuation) {
      out += "...";
      break;
    }
    out += (c < 0x20 || c == 0x7F) ? '?' : static_cast<char>(c);
    if (!continuation) ++shown;
  }
  return out + "\"";
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Matches [-+]?(\.d+|d+(\.d*)?)([eE][-+]?d+)? exactly.
bool IsDecimalNumber(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t mantissa = digits();
  if (i < s.size() && s[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

bool IsBoolWord(std::string_view s) {
  return s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE";
}

bool IsPlainScalar(const DocNode& node) { return node.kind == Kind::kScalar && !node.quoted; }

std::string FormatList(const std::vector<std::string_view>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ", ";
    out += words[i];
  }
  return out;
}

}  // namespace

void ReadContext::Fail(const DocNode& at, const std::string& path, std::string message) {
  if (errors.size() >= kMaxErrors) {
    truncated = true;
    return;
  }
  errors.push_back(
      InvalidError(std::move(message), Location{sources.file(), at.line, at.column, path}));
  failed_paths.push_back(path);
}

std::string JoinPath(std::string_view path, std::string_view key) {
  std::string out(path);
  if (!out.empty()) out += '.';
  out += key;
  return out;
}

std::string IndexPath(std::string_view path, size_t index) {
  return fmt::format("{}[{}]", path, index);
}

std::string Describe(const DocNode& node) {
  switch (node.kind) {
    case Kind::kNull:
      return "null";
    case Kind::kSequence:
      return "a list";
    case Kind::kMapping:
      return "a mapping";
    case Kind::kScalar:
      break;
  }
  if (node.quoted) return "the string " + Quote(node.text);
  if (IsDecimalNumber(node.text) || IsBoolWord(node.text)) return node.text;
  return Quote(node.text);
}

std::optional<double> ParseNumber(const DocNode& node) {
  if (!IsPlainScalar(node) || !IsDecimalNumber(node.text)) return std::nullopt;
  std::string_view text = node.text;
  if (text.front() == '+') text.remove_prefix(1);  // from_chars takes no '+'
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

bool ReadNumber(const DocNode& node, const std::string& path, ReadContext& ctx, double* out) {
  ctx.Record(path, node);
  if (std::optional<double> value = ParseNumber(node)) {
    *out = *value;
    return true;
  }
  if (IsPlainScalar(node) && IsDecimalNumber(node.text)) {
    ctx.Fail(node, path, fmt::format("number {} is out of range", node.text));
  } else {
    ctx.Fail(node, path, "expected a number, got " + Describe(node));
  }
  return false;
}

bool ReadInt(const DocNode& node, const std::string& path, ReadContext& ctx, int* out) {
  ctx.Record(path, node);
  const std::optional<double> value = ParseNumber(node);
  if (!value || std::floor(*value) != *value || *value < INT_MIN || *value > INT_MAX) {
    ctx.Fail(node, path, "expected an integer, got " + Describe(node));
    return false;
  }
  *out = static_cast<int>(*value);
  return true;
}

bool ReadUint64(const DocNode& node, const std::string& path, ReadContext& ctx,
                unsigned long long* out) {
  ctx.Record(path, node);
  const std::string& text = node.text;
  const bool digits =
      IsPlainScalar(node) && !text.empty() && std::all_of(text.begin(), text.end(), IsDigit);
  unsigned long long value = 0;
  if (digits) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc() && end == text.data() + text.size()) {
      *out = value;
      return true;
    }
    ctx.Fail(node, path, fmt::format("number {} is out of range (at most {})", text, ULLONG_MAX));
    return false;
  }
  ctx.Fail(node, path, "expected a non-negative integer, got " + Describe(node));
  return false;
}

bool ReadBool(const DocNode& node, const std::string& path, ReadContext& ctx, bool* out) {
  ctx.Record(path, node);
  if (IsPlainScalar(node) && IsBoolWord(node.text)) {
    *out = node.text.front() == 't' || node.text.front() == 'T';
    return true;
  }
  ctx.Fail(node, path, "expected true or false, got " + Describe(node));
  return false;
}

bool ReadString(const DocNode& node, const std::string& path, ReadContext& ctx, std::string* out) {
  ctx.Record(path, node);
  if (node.kind != Kind::kScalar) {
    ctx.Fail(node, path, "expected a string, got " + Describe(node));
    return false;
  }
  *out = node.text;
  return true;
}

bool ReadInterval(const DocNode& node, const std::string& path, ReadContext& ctx, Interval* out) {
  if (node.kind == Kind::kScalar) {
    double value = 0;
    if (!ReadNumber(node, path, ctx, &value)) return false;
    *out = Interval::Exact(value);
    return true;
  }
  if (node.kind != Kind::kMapping) {
    ctx.Record(path, node);
    ctx.Fail(node, path,
             "expected a number or a mapping {low, mid, high, confidence}, got " + Describe(node));
    return false;
  }
  MapReader m(node, path, ctx);
  Interval value;
  bool ok = true;
  for (auto [key, field] : {std::pair{"low", &value.low}, std::pair{"mid", &value.mid},
                            std::pair{"high", &value.high}}) {
    const DocNode* n = m.Require(key);
    ok = n != nullptr && ReadNumber(*n, m.PathOf(key), ctx, field) && ok;
  }
  if (const DocNode* n = m.Find("confidence")) {
    ok = ReadNumber(*n, m.PathOf("confidence"), ctx, &value.confidence) && ok;
  } else {
    ApplyDefault(ctx, "interval.confidence", &value.confidence);
  }
  m.Finish();
  if (ok) *out = value;
  return ok;
}

bool ReadStringList(const DocNode& node, const std::string& path, ReadContext& ctx,
                    std::vector<std::string>* out) {
  bool ok = node.kind == Kind::kSequence;
  std::vector<std::string> values;
  ForEachItem(node, path, ctx, [&](const DocNode& item, const std::string& item_path) {
    std::string value;
    if (ReadString(item, item_path, ctx, &value)) {
      values.push_back(std::move(value));
    } else {
      ok = false;
    }
  });
  if (ok) {
    *out = std::move(values);
  } else {
    ctx.failed_paths.push_back(path);  // *out is left as it was: checks on it would mislead
  }
  return ok;
}

bool ReadEnumWord(const DocNode& node, const std::string& path, ReadContext& ctx,
                  const std::vector<std::string_view>& words, size_t* index) {
  ctx.Record(path, node);
  if (node.kind != Kind::kScalar) {
    ctx.Fail(node, path,
             fmt::format("expected one of {}, got {}", FormatList(words), Describe(node)));
    return false;
  }
  auto it = std::find(words.begin(), words.end(), node.text);
  if (it != words.end()) {
    *index = static_cast<size_t>(it - words.begin());
    return true;
  }
  std::string message = fmt::format("{} is not one of {}", Quote(node.text), FormatList(words));
  std::vector<std::string> candidates(words.begin(), words.end());
  if (auto match = ClosestMatch(node.text, candidates)) {
    message += fmt::format("; did you mean '{}'?", *match);
  }
  ctx.Fail(node, path, message);
  return false;
}

MapReader::MapReader(const DocNode& node, std::string path, ReadContext& ctx)
    : node_(node), path_(std::move(path)), ctx_(ctx) {
  ctx_.Record(path_, node_);
  if (node_.kind != Kind::kMapping) {
    ctx_.Fail(node_, path_, "expected a mapping, got " + Describe(node_));
    return;
  }
  ok_ = true;
  for (const DocEntry& entry : node_.entries) {
    if (entry.key.kind != Kind::kScalar) {
      ctx_.Fail(entry.key, path_, "expected a key name, got " + Describe(entry.key));
      continue;
    }
    if (const DocEntry* first = Lookup(entry.key.text)) {
      ctx_.Fail(entry.key, PathOf(entry.key.text),
                fmt::format("duplicate key; first given at line {}", first->key.line));
      continue;
    }
    entries_.push_back(Entry{entry.key.text, &entry});
    index_.emplace(entry.key.text, &entry);
  }
}

const DocEntry* MapReader::Lookup(std::string_view key) const {
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : it->second;
}

const DocNode* MapReader::Find(std::string_view key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  const DocEntry* entry = Lookup(key);
  return entry == nullptr ? nullptr : &entry->value;
}

const DocNode* MapReader::Require(std::string_view key) {
  const DocNode* value = Find(key);
  if (value == nullptr && ok_) ctx_.Fail(node_, PathOf(key), "required key is missing");
  return value;
}

void MapReader::Reject(std::string_view key, const std::string& message) {
  const DocEntry* entry = Lookup(key);
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  if (entry != nullptr) ctx_.Fail(entry->key, PathOf(key), message);
}

void MapReader::Finish() {
  if (all_known_) return;
  for (const Entry& e : entries_) {
    if (std::find(known_.begin(), known_.end(), e.key) != known_.end()) continue;
    std::string message = "unknown key";
    if (auto match = ClosestMatch(e.key, known_)) {
      message += fmt::format("; did you mean '{}'?", *match);
    } else {
      std::vector<std::string_view> keys(known_.begin(), known_.end());
      message += "; expected one of: " + FormatList(keys);
    }
    ctx_.Fail(e.entry->key, PathOf(e.key), message);
  }
}

void ApplyDefault(ReadContext& ctx, std::string_view default_key, double* out) {
  *out = DefaultValue(default_key);
  ctx.defaults_used.emplace(default_key);
}

void ApplyDefault(ReadContext& ctx, std::string_view default_key, int* out) {
  *out = static_cast<int>(DefaultValue(default_key));
  ctx.defaults_used.emplace(default_key);
}

void ApplyDefault(ReadContext& ctx, std::string_view default_key, bool* out) {
  *out = DefaultValue(default_key) != 0;
  ctx.defaults_used.emplace(default_key);
}

void ApplyDefault(ReadContext& ctx, std::string_view default_key, std::string* out) {
  *out = std::string(DefaultText(default_key));
  ctx.defaults_used.emplace(default_key);
}

void ApplyDefault(ReadContext& ctx, std::string_view default_key, Interval* out) {
  *out = Interval::Exact(DefaultValue(default_key));
  ctx.defaults_used.emplace(default_key);
}

std::string_view ApplyDefaultText(ReadContext& ctx, std::string_view default_key) {
  ctx.defaults_used.emplace(default_key);
  return DefaultText(default_key);
}

namespace {

// Converts `key` with `read` when present, else applies the default when one is named.
template <typename T, typename Read>
void ReadField(MapReader& m, std::string_view key, T* out, std::string_view default_key,
               Read read) {
  if (const DocNode* node = m.Find(key)) {
    read(*node, m.PathOf(key), m.ctx(), out);
  } else if (!default_key.empty()) {
    ApplyDefault(m.ctx(), default_key, out);
  }
}

}  // namespace

void NumberField(MapReader& m, std::string_view key, double* out, std::string_view default_key) {
  ReadField(m, key, out, default_key, ReadNumber);
}

void IntField(MapReader& m, std::string_view key, int* out, std::string_view default_key) {
  ReadField(m, key, out, default_key, ReadInt);
}

void BoolField(MapReader& m, std::string_view key, bool* out, std::string_view default_key) {
  ReadField(m, key, out, default_key, ReadBool);
}

void StringField(MapReader& m, std::string_view key, std::string* out,
                 std::string_view default_key) {
  ReadField(m, key, out, default_key, ReadString);
}

void IntervalField(MapReader& m, std::string_view key, Interval* out,
                   std::string_view default_key) {
  ReadField(m, key, out, default_key, ReadInterval);
}

void StringListField(MapReader& m, std::string_view key, std::vector<std::string>* out) {
  if (const DocNode* node = m.Find(key)) ReadStringList(*node, m.PathOf(key), m.ctx(), out);
}

}  // namespace headroom
