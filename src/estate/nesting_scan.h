#pragma once
// A cheap guard run on raw YAML text before any parser sees it: it estimates how deeply the text
// nests, so a pathological input ("[[[[..." or thousands of ever deeper indents) is refused
// before a recursive parser walks it. The estimate counts flow brackets outside quoted scalars
// and comments, the block indentation levels open on a line, and compact "- " entries; it skips
// the bodies of block scalars (| and >). It may underestimate (the reader checks the exact depth
// of the parsed tree as well) and overestimates by at most one level (a "- " entry whose item
// is a flow collection or a scalar), far below the cap for any real estate (about 7 levels).

#include <optional>
#include <string_view>

namespace headroom {

struct TextPosition {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes

  friend bool operator==(const TextPosition&, const TextPosition&) = default;
};

// The position at which the estimated nesting first exceeds `max_depth`; nullopt when it never
// does. Runs in time linear in the text.
std::optional<TextPosition> FindExcessiveNesting(std::string_view text, int max_depth);

}  // namespace headroom
