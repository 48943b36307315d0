#pragma once
// For the emit tests: the built-in example estate planned once (few samples, fixed seed), and
// its artifacts parsed back into YAML nodes.

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "emit/artifacts.h"
#include "engine/load.h"
#include "engine/pipeline.h"

namespace headroom::emit {

struct PlannedExample {
  Estate estate;
  Plan plan;
  Artifacts artifacts;  // of the first month
};

inline const PlannedExample& ExamplePlan() {
  static const PlannedExample* planned = [] {
    Estate estate = LoadEstate(EstateSource{}).value();
    estate.planning.samples = 8;
    PlanRun run = RunPipeline(estate, BuiltinCatalog(), {}).value();
    Artifacts artifacts = RenderArtifacts(estate, run.plan, 0, PlanSettings{}, EmitSettings{});
    return new PlannedExample{estate, run.plan, artifacts};
  }();
  return *planned;
}

struct ParsedObject {
  std::string path;
  YAML::Node node;
};

// Every Kubernetes object of the artifacts, parsed.
inline std::vector<ParsedObject> ParsedObjects() {
  std::vector<ParsedObject> objects;
  for (const Artifact& a : ExamplePlan().artifacts.files) {
    if (a.path.size() < 5 || a.path.substr(a.path.size() - 5) != ".yaml") continue;
    if (a.path.find("kustomization.yaml") != std::string::npos) continue;
    if (a.path.rfind("monitoring/", 0) == 0) continue;  // the plain rules file
    objects.push_back({a.path, YAML::Load(a.content)});
  }
  return objects;
}

inline const Artifact* FindArtifact(const std::string& path) {
  for (const Artifact& a : ExamplePlan().artifacts.files) {
    if (a.path == path) return &a;
  }
  return nullptr;
}

}  // namespace headroom::emit
