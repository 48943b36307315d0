#pragma once
// The regularised incomplete gamma functions and the pieces built on them: the gamma density,
// its hazard rate (which is Erlang B), and the scaled complementary error function.
//
// P(s, x) = γ(s, x) / Γ(s) and Q(s, x) = Γ(s, x) / Γ(s) = 1 − P(s, x) are evaluated in one of
// three regimes, chosen from (s, x):
//   - Temme's uniform asymptotic expansion (Temme 1979; DLMF 8.12.3–8.12.10) when s > 20 and
//     |x − s| < 0.3 s: the transition region, where the series and the continued fraction would
//     need O(√s) terms. Coefficients: temme_coefficients.h, generated exactly by
//     temme_coefficients.py. Cost O(1) for any s.
//   - the power series of P (DLMF 8.7.1) when x < s + 1 outside that band (under 105 terms).
//   - the continued fraction of Q (DLMF 8.9.2, evaluated by the modified Lentz algorithm,
//     Thompson & Barnett 1986) when x ≥ s + 1 outside that band (under 90 terms).
// Prefactors x^s e^−x / Γ(s + 1) use Loader's saddle-point form (Loader 2000), which keeps
// about 15 significant digits for s up to 10^15 where exp(s ln x − x − lnΓ(s + 1)) would lose
// them to cancellation. The smaller of P and Q is computed directly, the larger as 1 minus it.
// Measured accuracy (incomplete_gamma_test.cc, against long-double references, s from 0.5 to
// 10^7): relative error below 4e-15 (1 + |ln Q|) — a few ulps for values of order 1, growing with
// the exponent's magnitude for values like 1e-150 — and below 1e-12 on the hazard.

namespace headroom::queueing {

// Regularised lower incomplete gamma P(s, x) in [0, 1]. REQUIRES: s > 0, x >= 0, both finite.
double RegularisedGammaP(double s, double x);

// Regularised upper incomplete gamma Q(s, x) = 1 − P(s, x) in [0, 1]. Same REQUIRES.
double RegularisedGammaQ(double s, double x);

// Density of the Gamma(s, 1) distribution, x^(s−1) e^−x / Γ(s). At x = 0 with s < 1, where the
// density is unbounded, returns the largest finite double. REQUIRES: s > 0, x >= 0.
double GammaDensity(double s, double x);

// Hazard rate of the Gamma(s, 1) distribution: density / Q(s, x), in [0, ∞). For an integer
// s = c + 1 this is Erlang B with c servers and x erlangs (Jagerman 1974). Computed without
// forming the density or Q separately where either would underflow. REQUIRES: s >= 1, x >= 0.
double GammaHazard(double s, double x);

// e^(z²) erfc(z), the scaled complementary error function, for z >= 0. Finite for all z >= 0
// (about 1 / (z √π) for large z). REQUIRES: z >= 0.
double ScaledErfc(double z);

}  // namespace headroom::queueing
