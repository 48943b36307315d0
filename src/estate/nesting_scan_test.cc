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
  const auto at = Scan("a: [{b: [[1]]}]\n");
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->line, 1);
  EXPECT_EQ(at->column, 10);
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
  const auto deep = Scan("a:\n b:\n  c:\n   d:\n    e: 1\n");
  ASSERT_TRUE(deep.has_value());
  EXPECT_EQ(deep->line, 5);
  EXPECT_EQ(deep->column, 5);
  const auto dashes = Scan("a:\n- - - - x\n");
  ASSERT_TRUE(dashes.has_value());
  EXPECT_EQ(dashes->line, 2);
  EXPECT_EQ(dashes->column, 7);  // levels: root 1, then one per "- "
}

TEST(NestingScanTest, BracketsSpanningLinesKeepTheirDepth) {
  const auto at = Scan("a: [\n  [\n    [\n      [\n      ]]]]\n");
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->line, 4);
  EXPECT_EQ(at->column, 7);
}

}  // namespace
}  // namespace headroom
