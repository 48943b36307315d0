#include "estate/yaml_document.h"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <exception>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "estate/nesting_scan.h"
#include "estate/source_map.h"
#include "estate/validate.h"

namespace headroom {
namespace {

const std::string kTooDeep = fmt::format("nesting deeper than {} levels", kMaxNestingDepth);

// Thrown by the tree builder to stop the parser at an input it refuses.
struct Refusal {
  YAML::Mark mark;
  std::string message;
};

// Turns the parser's events into a DocNode tree, refusing what an estate never needs and what
// could make a small text expensive: aliases (a few lines can expand exponentially), anchors,
// explicit tags, and nesting deeper than kMaxNestingDepth. The tree is built on an explicit
// stack, so its depth costs no recursion here.
class TreeBuilder : public YAML::EventHandler {
 public:
  [[nodiscard]] bool has_root() const { return has_root_; }
  DocNode TakeRoot() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    CheckAnchor(mark, anchor);
    Add(NodeAt(DocNode::Kind::kNull, mark));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    throw Refusal{mark, "aliases (*name) are not supported; write the value out in full"};
  }
  void OnAnchor(const YAML::Mark& mark, const std::string& /*name*/) override {
    throw Refusal{mark, "anchors (&name) are not supported; write each value out in full"};
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    CheckAnchor(mark, anchor);
    CheckTag(mark, tag);
    DocNode node = NodeAt(DocNode::Kind::kScalar, mark);
    node.text = value;
    node.quoted = tag == "!";  // yaml-cpp marks quoted and block scalars with the tag "!"
    Add(std::move(node));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    Open(DocNode::Kind::kSequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    Open(DocNode::Kind::kMapping, mark, tag, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    DocNode node;
    DocNode key;
    bool has_key = false;
  };

  static DocNode NodeAt(DocNode::Kind kind, const YAML::Mark& mark) {
    DocNode node;
    node.kind = kind;
    node.line = mark.line + 1;  // yaml-cpp counts from 0
    node.column = mark.column + 1;
    return node;
  }
  static void CheckAnchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      throw Refusal{mark, "anchors (&name) are not supported; write each value out in full"};
    }
  }
  static void CheckTag(const YAML::Mark& mark, const std::string& tag) {
    if (tag != "?" && tag != "!") {
      throw Refusal{mark, fmt::format("YAML tags ('{}') are not supported", tag)};
    }
  }
  void Open(DocNode::Kind kind, const YAML::Mark& mark, const std::string& tag,
            YAML::anchor_t anchor) {
    CheckAnchor(mark, anchor);
    CheckTag(mark, tag);
    if (stack_.size() >= static_cast<size_t>(kMaxNestingDepth)) throw Refusal{mark, kTooDeep};
    stack_.push_back(Frame{NodeAt(kind, mark), {}, false});
  }
  void Close() {
    DocNode node = std::move(stack_.back().node);
    stack_.pop_back();
    Add(std::move(node));
  }
  void Add(DocNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      has_root_ = true;
      return;
    }
    Frame& top = stack_.back();
    if (top.node.kind == DocNode::Kind::kSequence) {
      top.node.items.push_back(std::move(node));
    } else if (top.has_key) {
      top.node.entries.push_back(DocEntry{std::move(top.key), std::move(node)});
      top.has_key = false;
    } else {
      top.key = std::move(node);
      top.has_key = true;
    }
  }

  std::vector<Frame> stack_;
  DocNode root_;
  bool has_root_ = false;
};

// Stops at the start of a second document: its presence is all that matters.
class SecondDocumentDetector : public TreeBuilder {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { throw Refusal{mark, ""}; }
};

Error ErrorAt(std::string_view file, const YAML::Mark& mark, std::string message) {
  Location where{std::string(file), 0, 0, ""};
  if (!mark.is_null()) {
    where.line = mark.line + 1;
    where.column = mark.column + 1;
  }
  return InvalidError(std::move(message), std::move(where));
}

// Runs `parse`, turning the tree builder's refusals and the parser's exceptions into errors
// located in `file`.
template <typename T, typename Parse>
Result<T> CatchParseErrors(std::string_view file, Parse parse) {
  try {
    return parse();
  } catch (const Refusal& r) {
    return ErrorAt(file, r.mark, r.message);
  } catch (const YAML::Exception& e) {
    return ErrorAt(file, e.mark, "invalid YAML: " + e.msg);
  } catch (const std::exception& e) {
    return InvalidError(std::string("invalid YAML: ") + e.what(),
                        Location{std::string(file), 0, 0, ""});
  }
}

// Parses the one document of `text` into a tree. yaml-cpp's Load does the same with its own
// node builder; ours keeps key positions, duplicates and quoting. Only the first document is
// parsed in full (LoadAll is avoided: it can loop forever on some inputs in yaml-cpp 0.7).
Result<DocNode> ParseDocument(std::string_view text, std::string_view file,
                              const DocumentKind& kind) {
  return CatchParseErrors<DocNode>(file, [&]() -> Result<DocNode> {
    std::istringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    TreeBuilder builder;
    if (!parser.HandleNextDocument(builder) || !builder.has_root()) {
      return InvalidError("the document is empty", Location{std::string(file), 0, 0, ""});
    }
    try {
      SecondDocumentDetector second;
      parser.HandleNextDocument(second);
    } catch (const Refusal& r) {
      return ErrorAt(
          file, r.mark,
          fmt::format("a second YAML document starts here; {} is one document", kind.noun));
    }
    return builder.TakeRoot();
  });
}

// "not UTF-8" at the line and column (in bytes, 1-based) of text[offset].
Error NotUtf8Error(std::string_view text, size_t offset, std::string_view file) {
  const std::string_view before = text.substr(0, offset);
  const size_t line_start = before.rfind('\n') + 1;  // npos + 1 == 0 on the first line
  const auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n') + 1);
  const auto column = static_cast<int>(offset - line_start + 1);
  return InvalidError(fmt::format("the file is not UTF-8 text (byte 0x{:02X}); save it as UTF-8",
                                  static_cast<unsigned>(static_cast<unsigned char>(text[offset]))),
                      Location{std::string(file), line, column, ""});
}

// The refusals that need no parsing: the size, the encoding and the nesting depth of `text`.
std::optional<Error> RefuseText(std::string_view text, std::string_view file,
                                const DocumentKind& kind) {
  if (text.size() > kind.max_bytes) {
    return InvalidError(fmt::format("the file is {} bytes, over the limit of {} bytes", text.size(),
                                    kind.max_bytes),
                        Location{std::string(file), 0, 0, ""});
  }
  if (kind.require_utf8) {
    if (std::optional<size_t> bad = FindInvalidUtf8(text)) return NotUtf8Error(text, *bad, file);
  }
  if (auto at = FindExcessiveNesting(text, kMaxNestingDepth)) {
    return InvalidError(kTooDeep, Location{std::string(file), at->line, at->column, ""});
  }
  return std::nullopt;
}

}  // namespace

Result<DocNode> ParseRootMapping(std::string_view text, std::string_view file,
                                 const DocumentKind& kind) {
  if (std::optional<Error> refused = RefuseText(text, file, kind)) return *std::move(refused);
  const Location file_only{std::string(file), 0, 0, ""};
  Result<DocNode> root = ParseDocument(text, file, kind);
  if (!root.ok()) return root;
  const DocNode& node = root.value();
  if (node.kind == DocNode::Kind::kNull) return InvalidError("the document is empty", file_only);
  if (node.kind != DocNode::Kind::kMapping) {
    return InvalidError(fmt::format("the document must be a mapping with {}; got {}",
                                    kind.root_sections, Describe(node)),
                        Location{std::string(file), node.line, node.column, ""});
  }
  return root;
}

Result<std::vector<DocNode>> ParseDocuments(std::string_view text, std::string_view file,
                                            const DocumentKind& kind) {
  if (std::optional<Error> refused = RefuseText(text, file, kind)) return *std::move(refused);
  return CatchParseErrors<std::vector<DocNode>>(file, [&]() -> Result<std::vector<DocNode>> {
    std::istringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    std::vector<DocNode> documents;
    for (int i = 0; i < kind.max_documents; ++i) {
      TreeBuilder builder;
      if (!parser.HandleNextDocument(builder)) return documents;
      if (!builder.has_root()) continue;
      DocNode root = builder.TakeRoot();
      if (root.kind != DocNode::Kind::kNull) documents.push_back(std::move(root));
    }
    TreeBuilder extra;
    if (parser.HandleNextDocument(extra)) {
      return InvalidError(fmt::format("more than {} YAML documents", kind.max_documents),
                          Location{std::string(file), 0, 0, ""});
    }
    return documents;
  });
}

void AddCheckErrors(Errors found, ReadContext& ctx) {
  const std::unordered_set<std::string_view> failed(ctx.failed_paths.begin(),
                                                    ctx.failed_paths.end());
  auto repeated = [&](std::string_view path) {
    for (;; path = ParentPath(path)) {
      if (failed.count(path) > 0) return true;
      if (path.empty()) return false;
    }
  };
  for (Error& error : found) {
    if (repeated(error.where.field)) continue;
    if (ctx.errors.size() >= kMaxErrors) {
      ctx.truncated = true;
      break;
    }
    ctx.errors.push_back(std::move(error));
  }
}

Errors TakeSortedErrors(ReadContext& ctx) {
  Errors errors = std::move(ctx.errors);
  std::stable_sort(errors.begin(), errors.end(), [](const Error& a, const Error& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  if (ctx.truncated) errors.push_back(TooManyErrors(ctx.sources.file()));
  return errors;
}

}  // namespace headroom
