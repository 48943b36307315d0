#include "estate/nesting_scan.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace headroom {
namespace {

std::optional<TextPosition> Scan(std::string_view text, int max_depth = 4) {
  return FindExcessiveNesting(text, max_depth);
}

TEST(NestingScanTest, TheExampleEstateIsShallow) {
  std::ifstream in(std::string(HEADROOM_SOURCE_DIR) + "/examples/healthcare-growth.yaml");
  std::stringstream text;
  text << in.rdbuf();
  ASSERT_FALSE(text.str().empty());
  // The example nests 6 levels (root, tenants, a tenant, sites, growth, a growth entry in flow
  // style); the scan counts the "- " before that flow entry once more: 7.
  EXPECT_FALSE(FindExcessiveNesting(text.str(), 7).has_value());
  EXPECT_TRUE(FindExcessiveNesting(text.str(), 6).has_value());
}

TEST(NestingScanTest, CountsFlowBracketsOnTopOfTheBlockLevel) {
  // Root mapping = 1, then [ = 2, { = 3, [ = 4, [ = 5 at column 10.
  EXPECT_EQ(Scan("a: [{b: [[1]]}]\n"), (TextPosition{1, 10}));
  EXPECT_FALSE(Scan("a: [{b: [1]}]\n").has_value());
}

TEST(NestingScanTest, IgnoresBracketsInQuotesCommentsAndPlainScalars) {
  EXPECT_FALSE(Scan("a: \"[[[[[[\"\nb: '{{{{{{ it''s'\nc: x # [[[[[[[\nd: f[[[[[[\n").has_value());
}

TEST(NestingScanTest, SkipsBlockScalarBodies) {
  const std::string yaml = "a: |\n  [[[[[[\n      deeper\n          still\nb: >-\n  {{{{{{\nc: 1\n";
  EXPECT_FALSE(Scan(yaml).has_value());
}

TEST(NestingScanTest, CountsIndentationLevelsAndCompactEntries) {
  EXPECT_EQ(Scan("a:\n b:\n  c:\n   d:\n    e: 1\n"), (TextPosition{5, 5}));
  // Levels: the root mapping 1, then one per "- ": the fourth dash (column 7) is level 5.
  EXPECT_EQ(Scan("a:\n- - - - x\n"), (TextPosition{2, 7}));
}

TEST(NestingScanTest, BracketsSpanningLinesKeepTheirDepth) {
  EXPECT_EQ(Scan("a: [\n  [\n    [\n      [\n      ]]]]\n"), (TextPosition{4, 7}));
}

}  // namespace
}  // namespace headroom
