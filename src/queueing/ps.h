#pragma once
// The single-server processor-sharing queue M/G/1-PS (Kleinrock 1967; Kleinrock 1976, Queueing
// Systems Vol. 2): every job in the system is served at rate 1/n. The mean response time is
// S / (1 − ρ), the same as M/M/1-FCFS, and it is insensitive to the service-time distribution
// beyond its mean; a job of size x stays x / (1 − ρ) on average, so PS is fair to small jobs.
// A model for a CPU time-sliced among concurrent requests. Saturation (ρ >= 1) is reported as
// in mmc.h: `saturated` and empty means.

#include <optional>

namespace headroom::queueing {

struct PsQueue {
  double arrival_rate_per_s = 0.0;  // λ, REQUIRES >= 0 and finite
  double service_time_s = 0.0;      // mean service requirement S, REQUIRES >= 0 and finite
};

struct PsMetrics {
  double utilisation = 0.0;                     // ρ = λ S, capped at the largest finite double
  bool saturated = false;                       // ρ >= 1
  std::optional<double> mean_response_s;        // S / (1 − ρ)
  std::optional<double> mean_number_in_system;  // ρ / (1 − ρ)
};

PsMetrics AnalysePs(const PsQueue& queue);

// Mean response time of a job needing job_size_s of service: x / (1 − ρ). Empty when saturated.
// REQUIRES: job_size_s >= 0.
std::optional<double> PsConditionalResponse(const PsQueue& queue, double job_size_s);

}  // namespace headroom::queueing
