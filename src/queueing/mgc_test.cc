#include "queueing/mgc.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "queueing/erlang.h"
#include "queueing/mmc.h"

namespace headroom::queueing {
namespace {

MgcQueue Queue(double rate, double service_s, int64_t servers, double cv) {
  MgcQueue q;
  q.arrival_rate_per_s = rate;
  q.service_time_s = service_s;
  q.servers = servers;
  q.service_cv = cv;
  return q;
}

TEST(MgcTest, ReducesToMmcAtUnitCv) {
  for (int64_t c : {1, 4, 50, 2000}) {
    for (double rho : {0.3, 0.8, 0.99}) {
      const double rate = rho * static_cast<double>(c) / 0.25;
      const MgcQueue g = Queue(rate, 0.25, c, 1.0);
      const MmcQueue m{rate, 0.25, c};
      EXPECT_NEAR(*AnalyseMgc(g).mean_wait_s, *AnalyseMmc(m).mean_wait_s,
                  1e-14 * *AnalyseMmc(m).mean_wait_s);
      for (double p : {0.5, 0.95, 0.99}) {
        const double mmc = *MmcResponsePercentile(m, p);
        EXPECT_NEAR(*MgcResponsePercentile(g, p), mmc, 1e-11 * mmc) << c << " " << rho << " " << p;
        EXPECT_NEAR(*MgcWaitPercentile(g, p), *MmcWaitPercentile(m, p), 1e-11 * mmc);
      }
      for (double t : {0.01, 0.3, 1.0, 3.0}) {
        const double mmc = MmcResponseTail(m, t);
        EXPECT_NEAR(MgcResponseTail(g, t), mmc, 1e-12 * mmc + 1e-300)
            << c << " " << rho << " " << t;
      }
    }
  }
}

TEST(MgcTest, PollaczekKhinchineForOneServer) {
  // M/G/1: Wq = ρ S (1 + cs²) / (2 (1 − ρ)) exactly. M/D/1 at ρ = 0.5, S = 1: Wq = 0.5.
  EXPECT_DOUBLE_EQ(*AnalyseMgc(Queue(0.5, 1.0, 1, 0.0)).mean_wait_s, 0.5);
  EXPECT_DOUBLE_EQ(*AnalyseMgc(Queue(0.8, 0.5, 1, 2.0)).mean_wait_s, 0.4 * 0.5 * 5.0 / (2 * 0.6));
}

TEST(MgcTest, AllenCunneenMeanWait) {
  // Wq = C(c, a) S / (c − a) · (ca² + cs²) / 2; c = 4, a = 3.5, S = 2, cs = 0.5, ca = 1.
  MgcQueue q = Queue(1.75, 2.0, 4, 0.5);
  const double expected = ErlangC(4, 3.5) * 2.0 / 0.5 * (1.0 + 0.25) / 2.0;
  const QueueMetrics m = AnalyseMgc(q);
  EXPECT_NEAR(*m.mean_wait_s, expected, 1e-15 * expected);
  EXPECT_DOUBLE_EQ(m.probability_of_waiting, ErlangC(4, 3.5));
  q.arrival_cv = 2.0;  // GI/G/c: (4 + 0.25) / 2
  EXPECT_NEAR(*AnalyseMgc(q).mean_wait_s, expected * 4.25 / 1.25, 1e-14 * expected);
  // The waiting tail is exponential with the Allen–Cunneen mean: ∫ P(W > t) dt = Wq.
  const double gamma = m.probability_of_waiting / *m.mean_wait_s;
  q.arrival_cv = 1.0;
  EXPECT_NEAR(MgcWaitTail(q, 3.0), ErlangC(4, 3.5) * std::exp(-gamma * 3.0), 1e-15);
}

TEST(MgcTest, ServiceTimePercentiles) {
  const MgcQueue base = Queue(0.0, 2.0, 1, 1.0);
  // Exponential: −S ln(0.05).
  EXPECT_NEAR(ServiceTimePercentile(base, 0.95), -2.0 * std::log(0.05), 1e-12);
  // Constant service.
  MgcQueue constant = base;
  constant.service_cv = 0.0;
  EXPECT_EQ(ServiceTimePercentile(constant, 0.95), 2.0);
  // cv 0.5: Gamma(4, S/4); its p95 is χ²₈(0.95) / 8 · S = 15.50731 / 8 · S (published χ² tables,
  // 5 decimals).
  MgcQueue gamma4 = base;
  gamma4.service_cv = 0.5;
  EXPECT_NEAR(ServiceTimePercentile(gamma4, 0.95) / 2.0, 15.50731 / 8.0, 1e-6);
}

// ∫₀ᵗ f_S(s) e^(−γ (t − s)) ds for Gamma(k, θ) service by Simpson's rule in long double. For an
// integer k the integrand s^(k−1) e^(…) is smooth in s; for an integer 1/k it is integrated in
// w = s^k (s^(k−1) ds = dw / k, s = w^(1/k) smooth), so Simpson converges at its full order.
long double ConvolutionBySimpson(double k, double theta, double gamma, double t) {
  const int n = 20000;  // even
  const bool in_s = k >= 1.0;
  const long double lk = k;
  const long double top = in_s ? t : std::pow(static_cast<long double>(t), lk);
  const long double h = top / n;
  const long double norm = std::tgamma(lk) * std::pow(static_cast<long double>(theta), lk);
  long double sum = 0.0L;
  for (int i = 0; i <= n; ++i) {
    const long double x = h * i;
    const long double s = in_s ? x : std::pow(x, 1.0L / lk);
    const long double jacobian = in_s ? std::pow(s, lk - 1.0L) : 1.0L / lk;
    const long double f = jacobian * std::exp(-s / theta - gamma * (t - s)) / norm;
    sum += f * ((i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2));
  }
  return sum * h / 3.0L;
}

TEST(MgcTest, ResponseTailMatchesNumericalConvolution) {
  // Cases chosen to cross every regime of the closed form: g = γθ below and above 1, small and
  // large u = t/θ, shape k = 1/cs² below and above 1.
  struct Case {
    double cv;
    double rate;
    int64_t servers;
  };
  const double root_half = std::sqrt(0.5);  // shape 2
  const double root_two = std::sqrt(2.0);   // shape 1/2
  const std::vector<Case> cases = {{0.5, 3.5, 4},       {0.5, 90.0, 100},     {2.0, 3.5, 4},
                                   {2.0, 45.0, 50},     {root_half, 9.0, 10}, {root_two, 0.6, 1},
                                   {root_half, 0.9, 1}, {root_two, 80.0, 100}};
  for (const Case& c : cases) {
    const MgcQueue q = Queue(c.rate, 1.0, c.servers, c.cv);
    const QueueMetrics m = AnalyseMgc(q);
    const double k = 1.0 / (c.cv * c.cv);
    const double theta = c.cv * c.cv;
    const double gamma = m.probability_of_waiting / *m.mean_wait_s;
    for (double t : {0.05, 0.5, 1.0, 2.0, 5.0, 12.0}) {
      const long double conv = ConvolutionBySimpson(k, theta, gamma, t);
      // P(R > t) − Q(k, t/θ) = P(wait) · J(t).
      MgcQueue alone = q;
      alone.arrival_rate_per_s = 0.0;
      const double q_service = MgcResponseTail(alone, t);
      const double expected = q_service + m.probability_of_waiting * static_cast<double>(conv);
      EXPECT_NEAR(MgcResponseTail(q, t), expected, 1e-10 * expected)
          << "cv " << c.cv << " c " << c.servers << " t " << t;
    }
  }
}

TEST(MgcTest, ConstantServiceShiftsTheWait) {
  const MgcQueue q = Queue(3.0, 1.0, 4, 0.0);
  const double wait95 = *MgcWaitPercentile(q, 0.95);
  EXPECT_DOUBLE_EQ(*MgcResponsePercentile(q, 0.95), 1.0 + wait95);
  EXPECT_EQ(MgcResponseTail(q, 0.999), 1.0);
  EXPECT_NEAR(MgcResponseTail(q, 1.5), MgcWaitTail(q, 0.5), 1e-15);
}

TEST(MgcTest, PercentilesSolveTheirTails) {
  for (double cv : {0.1, 0.5, 1.5, 3.0}) {
    const MgcQueue q = Queue(8.0, 1.0, 10, cv);
    for (double p : {0.5, 0.95, 0.99}) {
      const double t = *MgcResponsePercentile(q, p);
      EXPECT_NEAR(MgcResponseTail(q, t), 1.0 - p, 1e-12) << cv << " " << p;
    }
  }
}

TEST(MgcTest, SaturatedIsAnOutcome) {
  const MgcQueue q = Queue(10.0, 1.0, 10, 2.0);
  const QueueMetrics m = AnalyseMgc(q);
  EXPECT_TRUE(m.saturated);
  EXPECT_DOUBLE_EQ(m.utilisation, 1.0);
  EXPECT_FALSE(m.mean_wait_s.has_value());
  EXPECT_EQ(MgcResponseTail(q, 5.0), 1.0);
  EXPECT_FALSE(MgcResponsePercentile(q, 0.95).has_value());
}

}  // namespace
}  // namespace headroom::queueing
