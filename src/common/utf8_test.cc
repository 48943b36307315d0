#include "common/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace headroom {
namespace {

// Code points and lengths from the examples of RFC 3629, section 7.
TEST(DecodeUtf8Test, DecodesOneToFourByteSequences) {
  EXPECT_EQ(DecodeUtf8("A", 0).value, U'A');
  const std::string text = "A\xe2\x89\xa2\xce\x91.\xed\x95\x9c\xf0\xa3\x8e\xb4";
  EXPECT_EQ(DecodeUtf8(text, 1).value, 0x2262u);  // NOT IDENTICAL TO
  EXPECT_EQ(DecodeUtf8(text, 1).length, 3u);
  EXPECT_EQ(DecodeUtf8(text, 4).value, 0x391u);  // GREEK CAPITAL LETTER ALPHA
  EXPECT_EQ(DecodeUtf8(text, 4).length, 2u);
  EXPECT_EQ(DecodeUtf8(text, 7).value, 0xD55Cu);  // Hangul "han"
  EXPECT_EQ(DecodeUtf8(text, 10).value, 0x233B4u);
  EXPECT_EQ(DecodeUtf8(text, 10).length, 4u);
  EXPECT_EQ(FindInvalidUtf8(text), std::nullopt);
}

TEST(DecodeUtf8Test, RefusesWhatRfc3629Forbids) {
  EXPECT_EQ(DecodeUtf8("\x80", 0).length, 0u);                  // a continuation byte alone
  EXPECT_EQ(DecodeUtf8("\xc0\xaf", 0).length, 0u);              // overlong "/"
  EXPECT_EQ(DecodeUtf8("\xe0\x80\xaf", 0).length, 0u);          // overlong "/" in three bytes
  EXPECT_EQ(DecodeUtf8("\xed\xa0\x80", 0).length, 0u);          // surrogate U+D800
  EXPECT_EQ(DecodeUtf8("\xf4\x90\x80\x80", 0).length, 0u);      // U+110000, past Unicode
  EXPECT_EQ(DecodeUtf8("\xf8\x88\x80\x80\x80", 0).length, 0u);  // five-byte form
  EXPECT_EQ(DecodeUtf8("\xe2\x82", 0).length, 0u);              // truncated
  EXPECT_EQ(DecodeUtf8("\xf4\x8f\xbf\xbf", 0).value, 0x10FFFFu);
}

TEST(FindInvalidUtf8Test, GivesTheOffsetOfTheFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8(""), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("caf\xc3\xa9 ok"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("caf\xe9 latin-1"), 3u);
  EXPECT_EQ(FindInvalidUtf8("ab\xe2\x82"), 2u);
}

}  // namespace
}  // namespace headroom
