#pragma once
// VPA-style requests from usage samples, as a cross-check printed beside the model's requests.
// The Kubernetes Vertical Pod Autoscaler's recommender (kubernetes/autoscaler,
// vertical-pod-autoscaler/pkg/recommender: logic/recommender.go and main.go flags) sets the
// target CPU request at the 90th percentile of CPU usage samples, the target memory request at
// the 90th percentile of memory peaks (one peak per aggregation interval, 24 h by default), both
// raised by the safety margin `--recommendation-margin-fraction` = 0.15, and never below
// `--pod-recommendation-min-cpu-millicores` = 25 and `--pod-recommendation-min-memory-mb` = 250
// (spread over the pod's containers). VPA's histograms decay samples with a 24 h half-life; this
// cross-check weighs every sample equally, as KRR's simple strategy does.

#include <vector>

#include "common/result.h"

namespace headroom {

struct VpaSettings {
  double cpu_percentile = 0.90;            // --target-cpu-percentile
  double memory_percentile = 0.90;         // --target-memory-percentile (of peaks)
  double safety_margin = 0.15;             // --recommendation-margin-fraction
  double min_cpu_millicores = 25;          // --pod-recommendation-min-cpu-millicores
  double min_memory_mib = 250 / 1.048576;  // --pod-recommendation-min-memory-mb (10^6 B) in MiB
};

struct VpaRecommendation {
  double cpu_millicores = 0;
  double memory_mib = 0;
};

// The percentile of `values` with linear interpolation between order statistics (Hyndman and
// Fan 1996, definition 7, numpy's default). REQUIRES: values not empty, 0 <= q <= 1.
double Percentile(std::vector<double> values, double q);

// `cpu_cores`: CPU usage samples in cores; `memory_peaks_mib`: peak working-set memory of each
// aggregation interval. Errors (kInvalid): no samples, a negative or non-finite sample.
Result<VpaRecommendation> RecommendLikeVpa(const std::vector<double>& cpu_cores,
                                           const std::vector<double>& memory_peaks_mib,
                                           const VpaSettings& settings = {});

}  // namespace headroom
