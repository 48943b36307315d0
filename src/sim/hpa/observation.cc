#include "sim/hpa/observation.h"

namespace headroom::hpa {

std::string_view PodPhaseName(PodPhase phase) {
  switch (phase) {
    case PodPhase::kPending:
      return "Pending";
    case PodPhase::kRunning:
      return "Running";
    case PodPhase::kSucceeded:
      return "Succeeded";
    case PodPhase::kFailed:
      return "Failed";
    case PodPhase::kUnknown:
      return "Unknown";
  }
  return "Unknown";
}

std::string ObjectMetricKey(std::string_view described_object, std::string_view metric) {
  std::string key(described_object);
  key += '/';
  key += metric;
  return key;
}

}  // namespace headroom::hpa
