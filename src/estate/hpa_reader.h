#pragma once
// Reads a HorizontalPodAutoscaler written as a Kubernetes manifest (apiVersion autoscaling/v2)
// into the HPA model (sim/hpa/spec.h). Like the estate reader it is the only code that sees the
// YAML; it takes text, not a path.
//
//   Result<hpa::HpaSpec> r = ReadHpaManifest(text, "hpa.yaml");
//   if (!r.ok()) { std::cerr << FormatAll(r.errors()); return ExitCode::kDataError; }
//
// The file may hold several documents (a `kubectl get -o yaml` or a bundle of manifests); the
// one of kind HorizontalPodAutoscaler is read and the others are skipped. Fields follow the
// autoscaling/v2 API (spec.scaleTargetRef, minReplicas, maxReplicas, metrics of type Resource,
// Pods, Object and External, behavior with scaleUp/scaleDown rules and their tolerance) and its
// validation (pkg/apis/autoscaling/validation/validation.go). metadata keeps name, namespace,
// labels and annotations and ignores its other fields; `status` is ignored.

#include <cstddef>
#include <string_view>

#include "common/result.h"
#include "sim/hpa/spec.h"

namespace headroom {

// Inputs larger than this are refused before parsing; at most this many documents are read.
inline constexpr size_t kMaxManifestBytes = 4 << 20;
inline constexpr int kMaxManifestDocuments = 64;

// The HPA with the API server's defaults applied (hpa::ApplyDefaults), or EVERY error found,
// each "file:line:col: error: field.path: message", sorted by position (ErrorCode::kInvalid).
// Unknown keys are errors ("did you mean"); so are YAML anchors, aliases and tags, nesting
// deeper than 64 levels, no HorizontalPodAutoscaler document, or more than one. Never throws.
Result<hpa::HpaSpec> ReadHpaManifest(std::string_view text, std::string_view file_name);

}  // namespace headroom
