#include "common/suggest.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndTranspositions) {
  EXPECT_EQ(EditDistance("", ""), 0);
  EXPECT_EQ(EditDistance("plan", "plan"), 0);
  EXPECT_EQ(EditDistance("plan", "plna"), 1);   // transposition
  EXPECT_EQ(EditDistance("plan", "plans"), 1);  // insertion
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("", "abc"), 3);
}

TEST(ClosestMatch, SuggestsOnlyLikelyTypos) {
  const std::vector<std::string> keys = {"initial", "users_per_site", "growth"};
  EXPECT_EQ(ClosestMatch("inital", keys), "initial");
  EXPECT_EQ(ClosestMatch("user_per_site", keys), "users_per_site");
  EXPECT_EQ(ClosestMatch("colour", keys), std::nullopt);
  EXPECT_EQ(ClosestMatch("x", keys), std::nullopt);
}

}  // namespace
}  // namespace headroom
