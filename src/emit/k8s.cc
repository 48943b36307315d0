#include "emit/k8s.h"

#include <cctype>
#include <cmath>
#include <cstdint>

namespace headroom::emit {
namespace {

int64_t CeilNonNegative(double v) {
  if (!std::isfinite(v) || v <= 0) return 0;
  return static_cast<int64_t>(std::ceil(v - 1e-9));
}

}  // namespace

std::string CpuQuantity(double millicores) {
  return std::to_string(CeilNonNegative(millicores)) + "m";
}
std::string MemoryQuantity(double mib) { return std::to_string(CeilNonNegative(mib)) + "Mi"; }
std::string StorageQuantity(double gib) { return std::to_string(CeilNonNegative(gib)) + "Gi"; }

std::string DnsLabel(const std::string& name) {
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 128) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 63) out.resize(63);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "tenant" : out;
}

Json SelectorLabels(const std::string& component) {
  return Json{{"app.kubernetes.io/name", "odoo-platform"},
              {"app.kubernetes.io/component", component}};
}

Json Metadata(const std::string& name, const std::string& component) {
  Json labels = SelectorLabels(component);
  labels["app.kubernetes.io/managed-by"] = "headroom";
  return Json{{"name", name}, {"labels", labels}};
}

Json Object(const std::string& api_version, const std::string& kind, const std::string& name,
            const std::string& component) {
  return Json{{"apiVersion", api_version}, {"kind", kind}, {"metadata", Metadata(name, component)}};
}

Json PodSecurityContext(int uid) {
  return Json{{"runAsNonRoot", true},
              {"runAsUser", uid},
              {"runAsGroup", uid},
              {"fsGroup", uid},
              {"seccompProfile", {{"type", "RuntimeDefault"}}}};
}

Json ContainerSecurityContext(int uid) {
  return Json{{"runAsNonRoot", true},
              {"runAsUser", uid},
              {"runAsGroup", uid},
              {"allowPrivilegeEscalation", false},
              {"privileged", false},
              {"readOnlyRootFilesystem", true},
              {"capabilities", {{"drop", Json::array({"ALL"})}}},
              {"seccompProfile", {{"type", "RuntimeDefault"}}}};
}

Json Resources(const ContainerResources& r) {
  Json requests{{"cpu", CpuQuantity(r.cpu_request_m)},
                {"memory", MemoryQuantity(r.memory_request_mib)}};
  Json limits{{"cpu", CpuQuantity(r.cpu_limit_m)}, {"memory", MemoryQuantity(r.memory_limit_mib)}};
  if (r.ephemeral_storage_gib > 0) {
    requests["ephemeral-storage"] = StorageQuantity(r.ephemeral_storage_gib);
    limits["ephemeral-storage"] = StorageQuantity(r.ephemeral_storage_gib);
  }
  return Json{{"requests", requests}, {"limits", limits}};
}

Json PodAntiAffinity(const std::string& component) {
  Json term{{"labelSelector", {{"matchLabels", SelectorLabels(component)}}},
            {"topologyKey", "kubernetes.io/hostname"}};
  // Preferred, so that a scale-up beyond the node count still schedules; the weight is the
  // largest Kubernetes accepts.
  return Json{{"podAntiAffinity",
               {{"preferredDuringSchedulingIgnoredDuringExecution",
                 Json::array({Json{{"weight", 100}, {"podAffinityTerm", term}}})}}}};
}

Json TopologySpread(const std::string& component, const HeadroomPolicy& policy) {
  const bool hard = policy.survive_zone_loss && policy.zones >= 2;
  return Json::array({Json{{"maxSkew", 1},
                           {"topologyKey", "topology.kubernetes.io/zone"},
                           {"whenUnsatisfiable", hard ? "DoNotSchedule" : "ScheduleAnyway"},
                           {"labelSelector", {{"matchLabels", SelectorLabels(component)}}}}});
}

}  // namespace headroom::emit
