#pragma once
// A parsed YAML document as a plain tree, free of any YAML library: the YAML reader builds it
// from the parser's events, and the estate builder reads the estate out of it. Keeping the tree
// ours lets the reader see what a YAML library hides (the position of every key, duplicate keys,
// whether a scalar was quoted) and keeps yaml-cpp inside one file.

#include <string>
#include <vector>

namespace headroom {

struct DocEntry;

struct DocNode {
  enum class Kind { kNull, kScalar, kSequence, kMapping };

  Kind kind = Kind::kNull;
  std::string text;     // kScalar: the value as written, without quotes
  bool quoted = false;  // kScalar: quoted or block scalar; such a scalar is always a string
  int line = 0;         // 1-based position of the node's first character
  int column = 0;
  std::vector<DocNode> items;     // kSequence, in order
  std::vector<DocEntry> entries;  // kMapping, in order, duplicates kept
};

struct DocEntry {
  DocNode key;
  DocNode value;
};

}  // namespace headroom
