#pragma once
// The artifacts of one month of a plan: the Kustomize tree (base and one overlay per pool),
// plain configuration files, the Prometheus rules and the Grafana dashboard. Rendering is pure
// and deterministic; writing skips files whose content is unchanged, so re-emitting an
// unchanged plan touches nothing. docs/artifacts.md describes every file.

#include <string>
#include <vector>

#include "common/result.h"
#include "emit/emit_settings.h"

namespace headroom {
struct Estate;
struct Plan;
struct PlanSettings;
}  // namespace headroom

namespace headroom::emit {

struct Artifact {
  std::string path;  // relative to the artifacts folder
  std::string content;
};

struct Artifacts {
  std::vector<Artifact> files;  // sorted by path
  int kubernetes_objects = 0;   // files holding one Kubernetes object each
};

// The pool every tenant shares while the plan sizes a single platform.
inline constexpr const char* kSharedPool = "shared";

// REQUIRES: 0 <= month_index < plan.month_plans.size().
Artifacts RenderArtifacts(const Estate& estate, const Plan& plan, int month_index,
                          const PlanSettings& plan_settings, const EmitSettings& settings);

// The month named by `month`: empty for the first, "YYYY-MM", or its number from 1. A usage
// error names the range when there is no such month.
Result<int> FindPlanMonth(const Plan& plan, const std::string& month);

// Writes every file under `dir` atomically; a file whose content is already identical is left
// untouched.
Status WriteArtifacts(const std::string& dir, const Artifacts& artifacts);

}  // namespace headroom::emit
