#pragma once
// For tests: an HPA on CPU utilisation with the controller's defaults applied.

#include <cstdint>

#include "sim/hpa/spec.h"

namespace headroom::hpa::hpa_for_test {

inline HpaSpec CpuHpa(int32_t min, int32_t max, int32_t target_percent) {
  HpaSpec spec;
  spec.min_replicas = min;
  spec.max_replicas = max;
  MetricSpec cpu;
  cpu.target.average_utilization_percent = target_percent;
  spec.metrics.push_back(cpu);
  ApplyDefaults(&spec);
  return spec;
}

}  // namespace headroom::hpa::hpa_for_test
