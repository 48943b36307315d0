#include "estate/source_map.h"

#include <gtest/gtest.h>

#include "common/result.h"

namespace headroom {
namespace {

TEST(SourceMapTest, FindsAWrittenPath) {
  SourceMap map("e.yaml");
  map.Add("tenants[0].sites.initial", 12, 16);
  const Location at = map.Find("tenants[0].sites.initial");
  EXPECT_EQ(at.file, "e.yaml");
  EXPECT_EQ(at.line, 12);
  EXPECT_EQ(at.column, 16);
  EXPECT_EQ(at.field, "tenants[0].sites.initial");
}

TEST(SourceMapTest, AnUnwrittenPathTakesItsNearestWrittenAncestor) {
  SourceMap map("e.yaml");
  map.Add("tenants", 4, 1);
  map.Add("tenants[1]", 20, 5);
  const Location at = map.Find("tenants[1].sites.growth[2].month");
  EXPECT_EQ(at.line, 20);
  EXPECT_EQ(at.column, 5);
  EXPECT_EQ(at.field, "tenants[1].sites.growth[2].month");  // the field asked for
  EXPECT_EQ(map.Find("tenants[3].name").line, 4);
}

TEST(SourceMapTest, NothingWrittenGivesTheFileOnly) {
  const SourceMap map("e.yaml");
  const Location at = map.Find("planning.seed");
  EXPECT_EQ(at.file, "e.yaml");
  EXPECT_EQ(at.line, 0);
  EXPECT_EQ(at.column, 0);
  EXPECT_EQ(InvalidError("must be positive", at).Format(),
            "e.yaml: error: planning.seed: must be positive");
}

TEST(SourceMapTest, TheFirstRecordWinsAndUnwrittenPositionsAreIgnored) {
  SourceMap map("e.yaml");
  map.Add("a.b", 3, 7);
  map.Add("a.b", 9, 9);
  map.Add("a.c", 0, 0);
  map.Add("a", 2, 1);
  EXPECT_EQ(map.Find("a.b").line, 3);
  EXPECT_EQ(map.Find("a.c").line, 2);
  EXPECT_EQ(map.size(), 2u);
}

TEST(SourceMapTest, ParentPaths) {
  EXPECT_EQ(ParentPath("a.b[2].c"), "a.b[2]");
  EXPECT_EQ(ParentPath("a.b[2]"), "a.b");
  EXPECT_EQ(ParentPath("a.b"), "a");
  EXPECT_EQ(ParentPath("a"), "");
  EXPECT_EQ(ParentPath(""), "");
}

}  // namespace
}  // namespace headroom
