#pragma once
// The steps every YAML input of Headroom (an estate, a price catalog, a Kubernetes manifest) goes
// through before and after its fields are read: parsing its documents into DocNode trees with the
// limits that keep a small text cheap, and collecting the reader's and the semantic checks'
// errors into one sorted list. The only code that uses a YAML library (yaml-cpp).

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/result.h"
#include "estate/doc_reader.h"
#include "estate/doc_tree.h"

namespace headroom {

// Collections nested deeper than this are refused (an estate needs about 6 levels, a catalog 3).
inline constexpr int kMaxNestingDepth = 64;

// What a kind of document is called in the parser's messages, and how large it may be.
struct DocumentKind {
  std::string_view noun;  // with its article: "an estate", "a catalog"
  // What the root mapping holds, for "the document must be a mapping with ...".
  std::string_view root_sections;
  size_t max_bytes = 0;  // larger inputs are refused before parsing
  // Refuse text that is not valid UTF-8 before parsing. yaml-cpp passes such bytes through
  // into strings, which then cannot be written back out as YAML or JSON text.
  bool require_utf8 = false;
  // ParseDocuments reads at most this many documents (ParseRootMapping always exactly one).
  int max_documents = 1;
};

// Parses the one YAML document of `text` into a tree whose root is a mapping. Errors are located
// in `file` ("file:line:col: error: message") with ErrorCode::kInvalid. Refused outright: more
// than kind.max_bytes, text that is not UTF-8 when kind.require_utf8, nesting deeper than
// kMaxNestingDepth, YAML syntax errors, anchors and aliases (&a, *a), explicit tags (!!str), more
// than one document, an empty document, a root that is not a mapping. Never throws except
// std::bad_alloc.
Result<DocNode> ParseRootMapping(std::string_view text, std::string_view file,
                                 const DocumentKind& kind);

// Parses every YAML document of `text` (a Kubernetes bundle, `kubectl get -o yaml`) into its
// tree, in order; empty documents are dropped, and the roots may be of any kind. Errors as
// ParseRootMapping, and refused outright likewise: more than kind.max_bytes, text that is not
// UTF-8 when kind.require_utf8, nesting deeper than kMaxNestingDepth, YAML syntax errors (in any
// document), anchors and aliases, explicit tags, more than kind.max_documents documents (empty
// ones count). An empty text gives no trees. Never throws except std::bad_alloc.
Result<std::vector<DocNode>> ParseDocuments(std::string_view text, std::string_view file,
                                            const DocumentKind& kind);

// Adds the semantic checks' errors `found` (located, with field paths) to ctx.errors, leaving
// out those about a field the reader already reported or could not read (its path or an
// ancestor path is in ctx.failed_paths): they would repeat the same mistake in other words.
// Past kMaxErrors in all, sets ctx.truncated and drops the rest.
void AddCheckErrors(Errors found, ReadContext& ctx);

// ctx.errors sorted by position (stable: errors at one position keep their order), followed by
// TooManyErrors() when ctx.truncated. REQUIRES: !ctx.errors.empty().
Errors TakeSortedErrors(ReadContext& ctx);

}  // namespace headroom
