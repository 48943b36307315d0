#pragma once
// Building blocks of Kubernetes objects: quantities, metadata, the restricted security
// context, resources, and the spread of replicas over nodes and zones.

#include <string>

#include "emit/yaml_writer.h"
#include "estate/model.h"

namespace headroom::emit {

// Quantities, rounded up so that a plan figure is never cut: "250m", "512Mi", "10Gi".
std::string CpuQuantity(double millicores);
std::string MemoryQuantity(double mib);
std::string StorageQuantity(double gib);

// A DNS-1123 label from a free-text name: lower case, runs of other characters as one '-'.
std::string DnsLabel(const std::string& name);

// The labels selecting one component's pods.
Json SelectorLabels(const std::string& component);
// metadata {name, labels}, the labels being the selector labels plus the project's own.
Json Metadata(const std::string& name, const std::string& component);
// apiVersion, kind and metadata of an object.
Json Object(const std::string& api_version, const std::string& kind, const std::string& name,
            const std::string& component);

// Pod Security "restricted": non-root numeric user and group, seccomp RuntimeDefault.
Json PodSecurityContext(int uid);
// No privilege escalation, every capability dropped, read-only root file system.
Json ContainerSecurityContext(int uid);

struct ContainerResources {
  double cpu_request_m = 0;
  double cpu_limit_m = 0;
  double memory_request_mib = 0;
  double memory_limit_mib = 0;
  double ephemeral_storage_gib = 0;  // request and limit; 0: not set
};
Json Resources(const ContainerResources& r);

// Replicas on distinct nodes where possible (anti-affinity), and evenly over zones; the zone
// spread is a hard rule when the policy plans to survive the loss of a zone.
Json PodAntiAffinity(const std::string& component);
Json TopologySpread(const std::string& component, const HeadroomPolicy& policy);

}  // namespace headroom::emit
