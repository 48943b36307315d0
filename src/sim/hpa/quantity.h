#pragma once
// Kubernetes resource quantities ("500m", "2", "1.5Gi", "1e3"), as k8s.io/apimachinery
// `pkg/api/resource/quantity.go` writes them:
//   quantity ::= [+-] number suffix;  number ::= digits | digits "." digits? | "." digits
//   suffix   ::= "" | n | u | m | k | M | G | T | P | E | Ki | Mi | Gi | Ti | Pi | Ei
//              | (e | E) [+-] digits

#include <cstdint>
#include <string_view>

#include "common/result.h"

namespace headroom::hpa {

// The quantity in milli-units, rounded up as Quantity.MilliValue() does ("1.0005" → 1001,
// "1n" → 1). Errors: text that is not a quantity; a value beyond ±9.2e15 (int64 milli-units).
Result<int64_t> ParseQuantityMilli(std::string_view text);

// The quantity as a double (Quantity.AsApproximateFloat64()): "50m" → 0.05.
Result<double> ParseQuantityDouble(std::string_view text);

}  // namespace headroom::hpa
