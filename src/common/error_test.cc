#include "common/error.h"

#include <gtest/gtest.h>

namespace headroom {
namespace {

TEST(Error, FormatsFileLineColumnFieldAndMessage) {
  const Error e{
      ErrorCode::kInvalid, "must be at least 0", {"estate.yaml", 12, 5, "tenants[3].users"}};
  EXPECT_EQ(e.Format(), "estate.yaml:12:5: error: tenants[3].users: must be at least 0");
}

TEST(Error, DropsUnknownParts) {
  EXPECT_EQ((Error{ErrorCode::kInvalid, "m", {"f.yaml", 0, 0, ""}}).Format(), "f.yaml: error: m");
  EXPECT_EQ((Error{ErrorCode::kInvalid, "m", {"f.yaml", 3, 0, "a"}}).Format(),
            "f.yaml:3: error: a: m");
  EXPECT_EQ((Error{ErrorCode::kUsage, "m", {}}).Format(), "error: m");
}

TEST(Error, ExitCodesFollowSysexits) {
  EXPECT_EQ(ExitCodeFor(ErrorCode::kInvalid), ExitCode::kDataError);
  EXPECT_EQ(static_cast<int>(ExitCodeFor(ErrorCode::kInvalid)), 65);
  EXPECT_EQ(static_cast<int>(ExitCodeFor(ErrorCode::kNotFound)), 66);
  EXPECT_EQ(static_cast<int>(ExitCodeFor(ErrorCode::kUsage)), 64);
  EXPECT_EQ(static_cast<int>(ExitCodeFor(ErrorCode::kIo)), 73);
  EXPECT_EQ(static_cast<int>(ExitCodeFor(ErrorCode::kInternal)), 70);
  EXPECT_EQ(static_cast<int>(ExitCodeFor(ErrorCode::kUnavailable)), 69);
}

}  // namespace
}  // namespace headroom
