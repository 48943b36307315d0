// Saturation is an outcome and nothing is ever NaN or infinite: every queue function over a grid
// of finite, non-negative inputs — no arrivals, ρ = 1, ρ > 1, one server, a billion servers,
// tiny and huge loads, constant to absurdly variable service.

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <vector>

#include "queueing/mgc.h"
#include "queueing/mmc.h"
#include "queueing/ps.h"
#include "queueing/staffing.h"

namespace headroom::queueing {
namespace {

bool Finite(double x) { return std::isfinite(x) && x >= 0.0; }
bool Finite(const std::optional<double>& x) { return !x.has_value() || Finite(*x); }

void ExpectFinite(const QueueMetrics& m) {
  EXPECT_TRUE(Finite(m.offered_load_erlangs));
  EXPECT_TRUE(Finite(m.utilisation));
  EXPECT_TRUE(Finite(m.probability_of_waiting) && m.probability_of_waiting <= 1.0);
  EXPECT_TRUE(Finite(m.mean_wait_s));
  EXPECT_TRUE(Finite(m.mean_response_s));
  EXPECT_TRUE(Finite(m.mean_queue_length));
  EXPECT_TRUE(Finite(m.mean_number_in_system));
  EXPECT_EQ(m.saturated, !m.mean_wait_s.has_value());
  EXPECT_EQ(m.saturated, m.utilisation >= 1.0);
}

const std::vector<double> kRates = {0.0, 1e-300, 1e-6, 0.5, 1.0, 3.99, 4.0, 4.01, 1e6, 1e300};
const std::vector<double> kServiceTimes = {0.0, 1e-300, 1e-3, 1.0, 1e6, 1e300};
const std::vector<int64_t> kServers = {1, 4, 48, 49, 1000, 1000000, 1000000000};

TEST(FiniteOutputsTest, MmcAndMgcOverTheGrid) {
  for (double rate : kRates) {
    for (double service : kServiceTimes) {
      for (int64_t c : kServers) {
        SCOPED_TRACE(::testing::Message() << "λ " << rate << " S " << service << " c " << c);
        const MmcQueue mmc{rate, service, c};
        ExpectFinite(AnalyseMmc(mmc));
        for (double t : {0.0, 1e-3, 1.0, 1e6}) {
          EXPECT_TRUE(Finite(MmcWaitTail(mmc, t)));
          EXPECT_TRUE(Finite(MmcResponseTail(mmc, t)));
        }
        for (double p : {0.5, 0.95, 0.99}) {
          EXPECT_TRUE(Finite(MmcWaitPercentile(mmc, p)));
          EXPECT_TRUE(Finite(MmcResponsePercentile(mmc, p)));
        }
        for (double cv : {0.0, 1e-4, 0.3, 1.0, 2.5, 1e3, 1e200}) {
          MgcQueue mgc;
          mgc.arrival_rate_per_s = rate;
          mgc.service_time_s = service;
          mgc.servers = c;
          mgc.service_cv = cv;
          ExpectFinite(AnalyseMgc(mgc));
          for (double t : {0.0, 1e-3, 1.0, 1e6}) {
            EXPECT_TRUE(Finite(MgcWaitTail(mgc, t)));
            EXPECT_TRUE(Finite(MgcResponseTail(mgc, t)));
          }
          EXPECT_TRUE(Finite(MgcWaitPercentile(mgc, 0.95)));
          EXPECT_TRUE(Finite(MgcResponsePercentile(mgc, 0.95)));
          EXPECT_TRUE(Finite(MgcResponsePercentile(mgc, 0.99)));
        }
      }
    }
  }
}

TEST(FiniteOutputsTest, SaturationBoundaryIsExact) {
  // ρ = 1 exactly is saturated; just below is not.
  EXPECT_TRUE(AnalyseMmc({4.0, 1.0, 4}).saturated);
  EXPECT_FALSE(AnalyseMmc({3.999999, 1.0, 4}).saturated);
  EXPECT_TRUE(AnalysePs({1.0, 1.0}).saturated);
}

TEST(FiniteOutputsTest, PsAndStaffingOverTheGrid) {
  for (double rate : kRates) {
    for (double service : kServiceTimes) {
      const PsMetrics m = AnalysePs({rate, service});
      EXPECT_TRUE(Finite(m.utilisation));
      EXPECT_TRUE(Finite(m.mean_response_s));
      EXPECT_TRUE(Finite(m.mean_number_in_system));
      EXPECT_TRUE(Finite(PsConditionalResponse({rate, service}, 1.0)));
    }
  }
  for (double a : {0.0, 1e-300, 0.5, 100.0, 1e9, 1e15}) {
    const std::optional<int64_t> c = MinServersForWaitProbability(a, 0.05);
    ASSERT_TRUE(c.has_value());
    EXPECT_GT(static_cast<double>(*c), a);
    EXPECT_GE(SquareRootStaffing(a, 0.05), 1);
  }
}

}  // namespace
}  // namespace headroom::queueing
