#pragma once
// What the report's "peak day simulated" section draws: the result of a discrete-event
// simulation of the plan's peak day, reduced to plain numbers. The report never runs a
// simulation itself; whoever has one (the simulate stage) fills this and passes it to
// HtmlReport. Without one the section says that no simulation was given, and shows only the
// plan's analytic latency predictions, labelled as such.

#include <string>
#include <vector>

#include "sim/stack/simulation_run.h"

namespace headroom {

// Simulated response-time percentiles of one request class over the simulated window.
struct SimulatedLatency {
  std::string request_class;
  double p50_ms = 0;
  double p95_ms = 0;
  double p99_ms = 0;
  double target_ms = 0;     // the class's p95 target (0: none)
  long long completed = 0;  // requests that finished inside the window
};

// One series sampled over the simulated window, e.g. the HTTP queue length or the HPA's
// replicas. `time_s` is seconds from the window's start, increasing; `value` has the same size.
struct SimulatedSeries {
  std::string name;  // "http queue", "odoo replicas", ...
  std::string unit;  // "requests", "pods", ...
  std::vector<double> time_s;
  std::vector<double> value;
};

struct SimulationView {
  std::string window;  // what was simulated, e.g. "2027-01-29 peak day (UTC)"
  int month = 0;       // the plan month it belongs to (offset from the start)
  unsigned long long seed = 0;
  std::vector<SimulatedLatency> latency;
  std::vector<SimulatedSeries> queues;    // queue lengths over time
  std::vector<SimulatedSeries> replicas;  // replicas over time (the HPA's decisions)
};

// A simulated window as the report draws it: per class p50, p95 and p99; the requests waiting
// for a worker and for a PgBouncer connection, and the pods asked for and ready, per timeline
// step.
SimulationView ViewOf(const sim::SimulationRun& run);

}  // namespace headroom
