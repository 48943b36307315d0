#pragma once
// Seeded, named random streams. Each uncertain input draws from its own stream, seeded from the
// run's seed and the input's name, so adding an input or a tenant never shifts the draws of
// another, and the same seed gives the same numbers on every machine (no std:: distributions,
// whose algorithms differ between standard libraries).

#include <cstdint>
#include <string_view>

namespace headroom {

// 64-bit FNV-1a of a name: stable across platforms and runs.
uint64_t HashName(std::string_view name);

// xoshiro256** (Blackman & Vigna, 2018), seeded through SplitMix64.
class RandomStream {
 public:
  RandomStream(uint64_t seed, std::string_view name);
  explicit RandomStream(uint64_t seed);

  uint64_t NextU64();
  // Uniform in the open interval (0, 1): never 0, so log() and inverse CDFs are safe.
  double NextUniform();
  // Standard normal by inversion (one uniform per draw, so streams stay aligned).
  double NextStandardNormal();
  // Exponential with the given rate (per unit time). REQUIRES: rate > 0.
  double NextExponential(double rate);

 private:
  uint64_t s_[4];
};

// Inverse of the standard normal CDF, Wichura's AS241 (relative error about 1e-16).
// REQUIRES: 0 < p < 1.
double InverseNormalCdf(double p);
// Standard normal CDF.
double NormalCdf(double x);

}  // namespace headroom
