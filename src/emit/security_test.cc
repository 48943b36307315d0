// Every emitted workload against the Pod Security "restricted" profile and the checklist of
// kube-linter's and kube-score's checks (FACTS: "Security of generated workloads"), and the
// NetworkPolicies against the paths the stack needs.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "emit/test_plan.h"

namespace headroom::emit {
namespace {

using Labels = std::map<std::string, std::string>;

std::vector<ParsedObject> OfKind(const std::string& kind) {
  std::vector<ParsedObject> out;
  for (ParsedObject& o : ParsedObjects()) {
    if (o.node["kind"].as<std::string>() == kind) out.push_back(o);
  }
  return out;
}

Labels PodLabels(const YAML::Node& workload) {
  return workload["spec"]["template"]["metadata"]["labels"].as<Labels>();
}

bool Selects(const YAML::Node& selector, const Labels& labels) {
  if (!selector || selector.IsNull()) return true;
  if (selector["matchLabels"]) {
    for (const auto& kv : selector["matchLabels"]) {
      auto it = labels.find(kv.first.as<std::string>());
      if (it == labels.end() || it->second != kv.second.as<std::string>()) return false;
    }
  }
  if (selector["matchExpressions"]) {
    for (const YAML::Node& e : selector["matchExpressions"]) {
      auto it = labels.find(e["key"].as<std::string>());
      const std::string op = e["operator"].as<std::string>();
      if (op == "Exists" && it == labels.end()) return false;
      if (op == "In") {
        if (it == labels.end()) return false;
        bool found = false;
        for (const YAML::Node& v : e["values"]) found = found || v.as<std::string>() == it->second;
        if (!found) return false;
      }
    }
  }
  return true;
}

const std::set<std::string> kRestrictedVolumes = {"configMap", "csi",       "downwardAPI",
                                                  "emptyDir",  "ephemeral", "persistentVolumeClaim",
                                                  "projected", "secret"};

void CheckContainer(const YAML::Node& c, const std::string& where) {
  const YAML::Node sc = c["securityContext"];
  ASSERT_TRUE(sc) << where;
  EXPECT_FALSE(sc["allowPrivilegeEscalation"].as<bool>(true)) << where;
  EXPECT_FALSE(sc["privileged"].as<bool>(false)) << where;
  EXPECT_TRUE(sc["readOnlyRootFilesystem"].as<bool>(false)) << where;
  EXPECT_TRUE(sc["runAsNonRoot"].as<bool>(false)) << where;
  EXPECT_GT(sc["runAsUser"].as<int>(0), 0) << where;
  ASSERT_TRUE(sc["capabilities"]["drop"]) << where;
  EXPECT_EQ(sc["capabilities"]["drop"][0].as<std::string>(), "ALL") << where;
  EXPECT_FALSE(sc["capabilities"]["add"]) << where;
  EXPECT_EQ(sc["seccompProfile"]["type"].as<std::string>(), "RuntimeDefault") << where;
  for (const char* kind : {"requests", "limits"}) {
    for (const char* resource : {"cpu", "memory", "ephemeral-storage"}) {
      EXPECT_TRUE(c["resources"][kind][resource]) << where << " " << kind << "." << resource;
    }
  }
  EXPECT_TRUE(c["readinessProbe"]) << where;
  EXPECT_TRUE(c["livenessProbe"]) << where;
  EXPECT_NE(YAML::Dump(c["readinessProbe"]), YAML::Dump(c["livenessProbe"])) << where;
  const std::string image = c["image"].as<std::string>();
  const size_t colon = image.rfind(':');
  ASSERT_NE(colon, std::string::npos) << where << " image has no tag";
  EXPECT_NE(image.substr(colon + 1), "latest") << where;
  EXPECT_FALSE(c["ports"] && c["ports"][0]["hostPort"]) << where;
  for (const YAML::Node& env : c["env"]) {
    const std::string name = env["name"].as<std::string>();
    if (name == "PASSWORD") {
      EXPECT_TRUE(env["valueFrom"]["secretKeyRef"]) << where;
    }
  }
}

TEST(SecurityTest, EveryWorkloadMeetsTheRestrictedProfileAndChecklist) {
  const std::vector<ParsedObject> deployments = OfKind("Deployment");
  ASSERT_GE(deployments.size(), 3u);
  for (const ParsedObject& d : deployments) {
    const YAML::Node pod = d.node["spec"]["template"]["spec"];
    const std::string where = d.path;
    EXPECT_FALSE(pod["hostNetwork"].as<bool>(false)) << where;
    EXPECT_FALSE(pod["hostPID"].as<bool>(false)) << where;
    EXPECT_FALSE(pod["hostIPC"].as<bool>(false)) << where;
    EXPECT_FALSE(pod["automountServiceAccountToken"].as<bool>(true)) << where;
    EXPECT_TRUE(pod["securityContext"]["runAsNonRoot"].as<bool>(false)) << where;
    EXPECT_GT(pod["securityContext"]["runAsUser"].as<int>(0), 0) << where;
    EXPECT_EQ(pod["securityContext"]["seccompProfile"]["type"].as<std::string>(), "RuntimeDefault");
    EXPECT_TRUE(pod["affinity"]["podAntiAffinity"]) << where;
    EXPECT_TRUE(pod["topologySpreadConstraints"]) << where;
    for (const YAML::Node& v : pod["volumes"]) {
      bool allowed = false;
      for (const auto& kv : v)
        allowed = allowed || kRestrictedVolumes.count(kv.first.as<std::string>());
      EXPECT_TRUE(allowed) << where << " volume " << v["name"].as<std::string>();
    }
    for (const YAML::Node& c : pod["containers"]) CheckContainer(c, where);
  }
}

TEST(SecurityTest, EveryDeploymentHasADisruptionBudget) {
  const std::vector<ParsedObject> pdbs = OfKind("PodDisruptionBudget");
  for (const ParsedObject& d : OfKind("Deployment")) {
    int covering = 0;
    for (const ParsedObject& p : pdbs) {
      if (!Selects(p.node["spec"]["selector"], PodLabels(d.node))) continue;
      ++covering;
      EXPECT_EQ(p.node["spec"]["unhealthyPodEvictionPolicy"].as<std::string>(), "AlwaysAllow");
    }
    EXPECT_EQ(covering, 1) << d.path;
  }
}

TEST(SecurityTest, HpaOwnsTheReplicasOfItsTarget) {
  for (const ParsedObject& h : OfKind("HorizontalPodAutoscaler")) {
    const std::string target = h.node["spec"]["scaleTargetRef"]["name"].as<std::string>();
    EXPECT_GE(h.node["spec"]["minReplicas"].as<int>(), 2);
    for (const ParsedObject& d : OfKind("Deployment")) {
      if (d.node["metadata"]["name"].as<std::string>() == target) {
        EXPECT_FALSE(d.node["spec"]["replicas"]) << d.path;
      }
    }
  }
}

// The pods the namespace runs, the operator's included, by their labels.
std::vector<std::pair<std::string, Labels>> AllPods() {
  std::vector<std::pair<std::string, Labels>> pods;
  for (const ParsedObject& d : OfKind("Deployment")) pods.emplace_back(d.path, PodLabels(d.node));
  for (const ParsedObject& p : OfKind("Pooler")) {
    Labels l = PodLabels(p.node);
    l["cnpg.io/poolerName"] = p.node["metadata"]["name"].as<std::string>();
    pods.emplace_back(p.path, l);
  }
  pods.emplace_back("postgres instance",
                    Labels{{"cnpg.io/cluster", "odoo-pg"}, {"cnpg.io/podRole", "instance"}});
  return pods;
}

bool AllowsPort(const YAML::Node& policy, const char* direction, const Labels& pod, int port) {
  if (!Selects(policy["spec"]["podSelector"], pod)) return false;
  for (const YAML::Node& rule : policy["spec"][direction]) {
    for (const YAML::Node& p : rule["ports"]) {
      if (p["port"].as<int>() == port) return true;
    }
  }
  return false;
}

TEST(SecurityTest, NetworkPoliciesDenyByDefaultAndAllowWhatTheStackNeeds) {
  const std::vector<ParsedObject> policies = OfKind("NetworkPolicy");
  bool deny_all = false;
  for (const ParsedObject& p : policies) {
    const YAML::Node spec = p.node["spec"];
    deny_all = deny_all || (spec["podSelector"].size() == 0 && !spec["ingress"] &&
                            !spec["egress"] && spec["policyTypes"].size() == 2);
  }
  EXPECT_TRUE(deny_all);
  // Every Service's pods admit traffic on its target ports.
  const auto pods = AllPods();
  for (const ParsedObject& s : OfKind("Service")) {
    YAML::Node selector;
    selector["matchLabels"] = s.node["spec"]["selector"];
    for (const auto& [where, labels] : pods) {
      if (!Selects(selector, labels)) continue;
      for (const YAML::Node& port : s.node["spec"]["ports"]) {
        bool allowed = false;
        for (const ParsedObject& p : policies) {
          allowed = allowed || AllowsPort(p.node, "ingress", labels, port["port"].as<int>());
        }
        EXPECT_TRUE(allowed) << where << " port " << port["port"].as<int>();
      }
    }
  }
  // Odoo reaches the poolers and Redis; poolers reach PostgreSQL; pods resolve names.
  const EmitSettings s;
  for (const auto& [where, labels] : pods) {
    bool dns = false;
    for (const ParsedObject& p : policies) dns = dns || AllowsPort(p.node, "egress", labels, 53);
    EXPECT_TRUE(dns) << where;
    const auto component = labels.find("app.kubernetes.io/component");
    if (component == labels.end()) continue;
    if (component->second == "redis-replica") {
      bool out = false;
      for (const ParsedObject& p : policies) {
        out = out || AllowsPort(p.node, "egress", labels, s.redis_port);
      }
      EXPECT_TRUE(out) << where << " replica to primary";
    }
    if (component->second == "odoo-http" || component->second == "odoo-cron") {
      for (int port : {s.postgres_port, s.redis_port}) {
        bool out = false;
        for (const ParsedObject& p : policies)
          out = out || AllowsPort(p.node, "egress", labels, port);
        EXPECT_TRUE(out) << where << " egress " << port;
      }
    }
  }
}

TEST(SecurityTest, NamespaceEnforcesTheRestrictedProfile) {
  const std::vector<ParsedObject> namespaces = OfKind("Namespace");
  ASSERT_EQ(namespaces.size(), 1u);
  const YAML::Node labels = namespaces[0].node["metadata"]["labels"];
  EXPECT_EQ(labels["pod-security.kubernetes.io/enforce"].as<std::string>(), "restricted");
  EXPECT_EQ(OfKind("ResourceQuota").size(), 1u);
  EXPECT_EQ(OfKind("LimitRange").size(), 1u);
  for (const ParsedObject& a : OfKind("ServiceAccount")) {
    EXPECT_FALSE(a.node["automountServiceAccountToken"].as<bool>(true));
  }
}

}  // namespace
}  // namespace headroom::emit
