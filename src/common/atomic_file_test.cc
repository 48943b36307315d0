#include "common/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace headroom {
namespace {
namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("headroom_atomic_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(AtomicFileTest, WritesAndCreatesFolders) {
  const std::string path = (dir_ / "a" / "b.txt").string();
  ASSERT_TRUE(WriteFileAtomic(path, "hello").ok());
  Result<std::string> back = ReadFile(path, 100);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value(), "hello");
  // No temporary file is left beside it.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "a"), fs::directory_iterator()), 1);
}

TEST_F(AtomicFileTest, UnchangedContentLeavesTheFileAlone) {
  const std::string path = (dir_ / "same.txt").string();
  ASSERT_TRUE(WriteFileAtomic(path, "x").ok());
  struct stat before {};
  ASSERT_EQ(stat(path.c_str(), &before), 0);
  ASSERT_TRUE(WriteFileAtomic(path, "x").ok());
  struct stat after {};
  ASSERT_EQ(stat(path.c_str(), &after), 0);
  EXPECT_EQ(before.st_ino, after.st_ino);  // not replaced by a rename
}

TEST_F(AtomicFileTest, ReadRefusesOversizedAndMissingFiles) {
  const std::string path = (dir_ / "big.txt").string();
  ASSERT_TRUE(WriteFileAtomic(path, std::string(1000, 'x')).ok());
  Result<std::string> big = ReadFile(path, 999);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().Format(), path + ": error: file is larger than the limit of 999 bytes");
  Result<std::string> missing = ReadFile((dir_ / "nope").string(), 10);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(AtomicFileTest, UnwritableTargetIsAnIoError) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "file") << "x";
  // A folder cannot be created where a file stands.
  Status s = WriteFileAtomic((dir_ / "file" / "child.txt").string(), "y");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace headroom
