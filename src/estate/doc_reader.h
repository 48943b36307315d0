#pragma once
// Typed reading of a DocNode tree: numbers, integers, flags, strings, intervals and enum words
// out of mappings whose keys are checked (unknown keys get "did you mean", duplicate keys name
// the first one). Every problem becomes an Error with file:line:col and field path, collected in
// a ReadContext so that one pass reports all of them; every value read is recorded in the
// SourceMap so later checks can point at it.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/error.h"
#include "common/interval.h"
#include "common/result.h"
#include "estate/doc_tree.h"
#include "estate/enum_words.h"
#include "estate/source_map.h"

namespace headroom {

struct ReadContext {
  explicit ReadContext(std::string file_name) : sources(std::move(file_name)) {}

  SourceMap sources;
  Errors errors;
  // Field paths at which reading failed: semantic checks skip them and everything under them,
  // so one mistake is reported once.
  std::vector<std::string> failed_paths;
  // Keys of the defaults table used to fill omitted fields.
  std::set<std::string> defaults_used;
  // Set when Fail() found kMaxErrors errors already and dropped one.
  bool truncated = false;

  // Records an error at `at`'s position for `path` (dropped, setting `truncated`, once there are
  // kMaxErrors).
  void Fail(const DocNode& at, const std::string& path, std::string message);
  void Record(const std::string& path, const DocNode& at) { sources.Add(path, at.line, at.column); }
};

// "a.b" + "c" → "a.b.c"; "" + "c" → "c".
std::string JoinPath(std::string_view path, std::string_view key);
// "a.b" + 2 → "a.b[2]".
std::string IndexPath(std::string_view path, size_t index);

// What a node is, for "expected X, got Y": "null", "a list", "a mapping", "the string \"12\""
// (quoted), a plain number or word as written ("2.5", "\"two\"").
std::string Describe(const DocNode& node);

// Plain (unquoted) YAML 1.2 decimal numbers: [-+]?(\.d+|d+(\.d*)?)([eE][-+]?d+)?. Anything else
// (hex, .inf, .nan, quoted) is not a number. nullopt also when the value overflows a double.
std::optional<double> ParseNumber(const DocNode& node);

// Scalar conversions. Each records `node` at `path`; on failure it reports an error naming the
// expected type, leaves *out unchanged and returns false.
bool ReadNumber(const DocNode& node, const std::string& path, ReadContext& ctx, double* out);
bool ReadInt(const DocNode& node, const std::string& path, ReadContext& ctx, int* out);
bool ReadUint64(const DocNode& node, const std::string& path, ReadContext& ctx,
                unsigned long long* out);
bool ReadBool(const DocNode& node, const std::string& path, ReadContext& ctx, bool* out);
bool ReadString(const DocNode& node, const std::string& path, ReadContext& ctx, std::string* out);
// A plain number (an exact interval) or a mapping {low, mid, high, confidence}; confidence
// defaults to the table's "interval.confidence".
bool ReadInterval(const DocNode& node, const std::string& path, ReadContext& ctx, Interval* out);
// A list of strings; when any item is not a string, *out is unchanged and `path` itself counts
// as failed (ReadContext::failed_paths).
bool ReadStringList(const DocNode& node, const std::string& path, ReadContext& ctx,
                    std::vector<std::string>* out);

// Reports "'x' is not one of a, b, c; did you mean 'y'?" on an unknown word.
bool ReadEnumWord(const DocNode& node, const std::string& path, ReadContext& ctx,
                  const std::vector<std::string_view>& words, size_t* index);

template <typename E>
bool ReadEnum(const DocNode& node, const std::string& path, ReadContext& ctx,
              const EnumWords<E>& words, E* out) {
  std::vector<std::string_view> names;
  for (const auto& [word, value] : words) names.push_back(word);
  size_t index = 0;
  if (!ReadEnumWord(node, path, ctx, names, &index)) return false;
  *out = words[index].second;
  return true;
}

// The value of a text default parsed as an enum word. REQUIRES: the word is in `words`.
template <typename E>
E EnumFromWord(const EnumWords<E>& words, std::string_view word) {
  for (const auto& [w, value] : words) {
    if (w == word) return value;
  }
  return words.front().second;
}

// Calls f(item, item_path) for each item of a sequence; reports a node that is not a list.
template <typename F>
void ForEachItem(const DocNode& node, const std::string& path, ReadContext& ctx, F&& f) {
  ctx.Record(path, node);
  if (node.kind != DocNode::Kind::kSequence) {
    ctx.Fail(node, path, "expected a list, got " + Describe(node));
    return;
  }
  for (size_t i = 0; i < node.items.size(); ++i) f(node.items[i], IndexPath(path, i));
}

// Reads one mapping. The constructor reports a node that is not a mapping, keys that are not
// plain names, and duplicate keys (the first occurrence is the one read). Fields are then asked
// for by name; Finish() reports every key that was never asked for.
class MapReader {
 public:
  MapReader(const DocNode& node, std::string path, ReadContext& ctx);
  MapReader(const MapReader&) = delete;
  MapReader& operator=(const MapReader&) = delete;

  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string PathOf(std::string_view key) const { return JoinPath(path_, key); }
  [[nodiscard]] ReadContext& ctx() { return ctx_; }
  [[nodiscard]] const DocNode& node() const { return node_; }

  // The value under `key` (nullptr when absent); marks `key` as known.
  const DocNode* Find(std::string_view key);
  // Like Find, but reports "required key is missing" when absent.
  const DocNode* Require(std::string_view key);
  // Marks `key` as known and reports `message` at it when present: a key that exists but does
  // not apply in this context (a weekday on a month-end event).
  void Reject(std::string_view key, const std::string& message);
  // Calls f(key, value, path) for every entry whose key is a name (a mapping keyed by names the
  // estate defines, such as class_mix); all keys count as known.
  template <typename F>
  void ForEachEntry(F&& f) {
    for (const Entry& e : entries_) {
      const std::string entry_path = PathOf(e.key);
      ctx_.Record(entry_path, e.entry->key);  // name errors point at the name
      f(e.entry->key.text, e.entry->value, entry_path);
    }
    all_known_ = true;
  }
  // Reports each key never asked for: "unknown key; did you mean 'x'?". Call once, last.
  void Finish();

 private:
  struct Entry {
    std::string_view key;  // the text of entry->key
    const DocEntry* entry;
  };
  const DocEntry* Lookup(std::string_view key) const;

  const DocNode& node_;
  std::string path_;
  ReadContext& ctx_;
  bool ok_ = false;
  bool all_known_ = false;
  std::vector<Entry> entries_;  // unique keys, first occurrence, in order
  // entries_ by key: a mapping may hold many keys (all of them unknown), so no linear search.
  std::unordered_map<std::string_view, const DocEntry*> index_;
  std::vector<std::string> known_;  // keys asked for, in order
};

// Field readers for a mapping: when `key` is present its value is converted into *out; when it
// is absent and `default_key` names a defaults-table entry, *out is set from the table and the
// key noted as used; with no default_key an absent field keeps *out as it is.
void NumberField(MapReader& m, std::string_view key, double* out,
                 std::string_view default_key = {});
void IntField(MapReader& m, std::string_view key, int* out, std::string_view default_key = {});
void BoolField(MapReader& m, std::string_view key, bool* out, std::string_view default_key = {});
void StringField(MapReader& m, std::string_view key, std::string* out,
                 std::string_view default_key = {});
void IntervalField(MapReader& m, std::string_view key, Interval* out,
                   std::string_view default_key = {});
void StringListField(MapReader& m, std::string_view key, std::vector<std::string>* out);

template <typename E>
void EnumField(MapReader& m, std::string_view key, const EnumWords<E>& words, E* out,
               std::string_view default_key);

// Sets *out from the table entry `default_key` and notes it as used.
void ApplyDefault(ReadContext& ctx, std::string_view default_key, double* out);
void ApplyDefault(ReadContext& ctx, std::string_view default_key, int* out);
void ApplyDefault(ReadContext& ctx, std::string_view default_key, bool* out);
void ApplyDefault(ReadContext& ctx, std::string_view default_key, std::string* out);
void ApplyDefault(ReadContext& ctx, std::string_view default_key, Interval* out);
std::string_view ApplyDefaultText(ReadContext& ctx, std::string_view default_key);

template <typename E>
void EnumField(MapReader& m, std::string_view key, const EnumWords<E>& words, E* out,
               std::string_view default_key) {
  if (const DocNode* node = m.Find(key)) {
    ReadEnum(*node, m.PathOf(key), m.ctx(), words, out);
  } else if (!default_key.empty()) {
    *out = EnumFromWord(words, ApplyDefaultText(m.ctx(), default_key));
  }
}

}  // namespace headroom
