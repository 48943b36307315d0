#pragma once
// The Universal Scalability Law (Gunther 2007, Guerrilla Capacity Planning, ch. 4–6):
//   X(N) = λ N / (1 + σ (N − 1) + κ N (N − 1)),
// throughput at concurrency (or node count) N, with λ the throughput of one, σ contention
// (serialisation) and κ coherency (crosstalk). κ = 0 is Amdahl's law; σ = κ = 0 is linear
// scaling. Throughput peaks at N* = √((1 − σ) / κ). Fitting σ and κ to measurements is done by
// calibration elsewhere; this file only evaluates the law.

#include <optional>

namespace headroom::queueing {

struct UslParameters {
  double lambda_per_s = 0.0;  // throughput at N = 1, REQUIRES >= 0
  double sigma = 0.0;         // contention, REQUIRES >= 0
  double kappa = 0.0;         // coherency, REQUIRES >= 0
};

// X(N), in the unit of lambda_per_s. REQUIRES: n >= 0.
double UslThroughput(const UslParameters& p, double n);

// The concurrency N >= 1 of peak throughput: √((1 − σ) / κ) when σ < 1 and κ > 0 (clamped to at
// least 1); 1 when σ >= 1 (throughput never rises above X(1)); empty when κ = 0 and σ < 1
// (throughput rises forever towards λ / σ, or linearly when σ = 0).
std::optional<double> UslPeakConcurrency(const UslParameters& p);

}  // namespace headroom::queueing
