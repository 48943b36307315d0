#include "observe/sample_text.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

// 2026-01-01T00:00:00Z is 20454 days after the epoch: 20454 * 86400 = 1767225600 s.
TEST(ParseTimestamp, ReadsUnixSecondsAndRfc3339) {
  EXPECT_EQ(ParseTimestamp("1767225600"), 1767225600.0);
  EXPECT_EQ(ParseTimestamp("1767225600.25"), 1767225600.25);
  EXPECT_EQ(ParseTimestamp("2026-01-01T00:00:00Z"), 1767225600.0);
  EXPECT_EQ(ParseTimestamp("2026-01-01 00:00:00Z"), 1767225600.0);
  EXPECT_EQ(ParseTimestamp("2026-01-01T01:00:00.5+01:00"), 1767225600.5);
  EXPECT_EQ(ParseTimestamp("2025-12-31T19:00:00-05:00"), 1767225600.0);
}

TEST(ParseTimestamp, RefusesWhatIsNoTime) {
  for (const char* text :
       {"", "timestamp", "-5", "12a", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
        "2026-01-01T00:00:00", "2026-01-01T00:00:00+1", "1.2.3", "99999999999999"}) {
    EXPECT_FALSE(ParseTimestamp(text)) << text;
  }
}

TEST(ParseSampleValue, NumbersNotFiniteAndInvalid) {
  EXPECT_EQ(ParseSampleValue("0.75").kind, SampleKind::kNumber);
  EXPECT_EQ(ParseSampleValue("-1.5e3").value, -1500.0);
  for (const char* text : {"NaN", "+Inf", "-Inf", "inf", "1e999"}) {
    EXPECT_EQ(ParseSampleValue(text).kind, SampleKind::kNotFinite) << text;
  }
  for (const char* text : {"", "abc", "1,5", "0x10", "infinity", " 1", "1 "}) {
    EXPECT_EQ(ParseSampleValue(text).kind, SampleKind::kInvalid) << text;
  }
}

}  // namespace
}  // namespace headroom
