#include "sim/hpa/quantity.h"

#include <gtest/gtest.h>

#include <string>

namespace headroom::hpa {
namespace {

// Values from the Quantity grammar of k8s.io/apimachinery pkg/api/resource/quantity.go;
// MilliValue() rounds up.
TEST(QuantityTest, MilliValues) {
  struct Case {
    const char* text;
    int64_t milli;
  };
  const Case cases[] = {
      {"500m", 500},
      {"2", 2000},
      {"0.05", 50},
      {".5", 500},
      {"5.", 5000},
      {"+3k", 3000000},
      {"-1", -1000},
      {"1e3", 1000000},
      {"1E-3", 1},
      {"1.0005", 1001},  // rounded up
      {"1n", 1},
      {"100u", 1},
      {"1Ki", 1024000},
      {"1.5Gi", 1610612736000},
      {"0", 0},
      {"000250m", 250},
      {"9223372036854775m", 9223372036854775},
  };
  for (const Case& c : cases) {
    const Result<int64_t> r = ParseQuantityMilli(c.text);
    ASSERT_TRUE(r.ok()) << c.text << ": " << r.error().message;
    EXPECT_EQ(r.value(), c.milli) << c.text;
  }
}

TEST(QuantityTest, Errors) {
  for (const char* text : {"", "abc", "1Zi", "1.2.3", "m", "1 k", "1e", "1e99999", "0x10"}) {
    const Result<int64_t> r = ParseQuantityMilli(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().message, std::string("'") + text +
                                     "' is not a Kubernetes quantity (such as 500m, 2, 0.05, "
                                     "1.5Gi)");
  }
  EXPECT_EQ(ParseQuantityMilli("9223372036854776").error().message,
            "quantity '9223372036854776' is out of range");
  EXPECT_EQ(ParseQuantityMilli("8Ei").error().message, "quantity '8Ei' is out of range");
}

TEST(QuantityTest, ApproximateDouble) {
  EXPECT_DOUBLE_EQ(ParseQuantityDouble("50m").value(), 0.05);
  EXPECT_DOUBLE_EQ(ParseQuantityDouble("0.05").value(), 0.05);
  EXPECT_DOUBLE_EQ(ParseQuantityDouble("2Ki").value(), 2048);
  EXPECT_FALSE(ParseQuantityDouble("x").ok());
}

}  // namespace
}  // namespace headroom::hpa
