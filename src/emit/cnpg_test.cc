#include "emit/cnpg.h"

#include <gtest/gtest.h>

namespace headroom::emit {
namespace {

// CloudNativePG reads six fields, seconds first.
TEST(BackupScheduleTest, SpreadsBackupsOverTheWeek) {
  EXPECT_EQ(BackupSchedule(1, 2), "0 0 2 * * 0");
  EXPECT_EQ(BackupSchedule(2, 3), "0 0 3 * * 0,3");
  EXPECT_EQ(BackupSchedule(3, 2), "0 0 2 * * 0,2,4");
  EXPECT_EQ(BackupSchedule(7, 1), "0 0 1 * * *");
  EXPECT_EQ(BackupSchedule(0, 2), "0 0 2 * * 0");  // at least one a week
}

}  // namespace
}  // namespace headroom::emit
