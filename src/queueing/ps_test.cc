#include "queueing/ps.h"

#include <gtest/gtest.h>

namespace headroom::queueing {
namespace {

TEST(PsTest, MeanResponseIsServiceOverOneMinusRho) {
  // λ = 3/s, S = 0.25 s: ρ = 0.75, R = 0.25 / 0.25 = 1 s, L = 0.75 / 0.25 = 3 (= λ R, Little).
  const PsMetrics m = AnalysePs({3.0, 0.25});
  EXPECT_DOUBLE_EQ(m.utilisation, 0.75);
  EXPECT_FALSE(m.saturated);
  EXPECT_DOUBLE_EQ(*m.mean_response_s, 1.0);
  EXPECT_DOUBLE_EQ(*m.mean_number_in_system, 3.0);
}

TEST(PsTest, ConditionalResponseIsProportionalToJobSize) {
  // Insensitivity: a job of size x stays x / (1 − ρ), whatever the service distribution; the
  // mean over sizes is then S / (1 − ρ).
  const PsQueue q{2.0, 0.25};  // ρ = 0.5
  EXPECT_DOUBLE_EQ(*PsConditionalResponse(q, 0.1), 0.2);
  EXPECT_DOUBLE_EQ(*PsConditionalResponse(q, 3.0), 6.0);
  EXPECT_DOUBLE_EQ(*PsConditionalResponse(q, 0.25), *AnalysePs(q).mean_response_s);
}

TEST(PsTest, SaturatedIsAnOutcome) {
  for (double rate : {4.0, 10.0}) {
    const PsQueue q{rate, 0.25};
    const PsMetrics m = AnalysePs(q);
    EXPECT_TRUE(m.saturated);
    EXPECT_DOUBLE_EQ(m.utilisation, rate * 0.25);
    EXPECT_FALSE(m.mean_response_s.has_value());
    EXPECT_FALSE(PsConditionalResponse(q, 1.0).has_value());
  }
  EXPECT_DOUBLE_EQ(*AnalysePs({0.0, 0.25}).mean_response_s, 0.25);
}

}  // namespace
}  // namespace headroom::queueing
