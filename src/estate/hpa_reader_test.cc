#include "estate/hpa_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace headroom {
namespace {

using hpa::MetricSourceType;
using hpa::MetricTargetType;

constexpr const char* kFull = R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: odoo-web
  namespace: tenant-a
  labels: {app: odoo}
  annotations: {owner: platform}
  uid: 5d3e6f1a-0000-0000-0000-000000000000
  resourceVersion: "12345"
  creationTimestamp: "2025-01-01T00:00:00Z"
  managedFields: [{manager: kubectl}]
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: odoo-web}
  minReplicas: 2
  maxReplicas: 12
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: 70}
    - type: Pods
      pods:
        metric: {name: http_requests_per_second}
        target: {type: AverageValue, averageValue: 500m}
    - type: Object
      object:
        describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: main}
        metric: {name: requests_per_second, selector: {matchLabels: {verb: GET}}}
        target: {type: Value, value: "2k"}
    - type: External
      external:
        metric: {name: queue_messages_ready}
        target: {type: AverageValue, averageValue: 30}
  behavior:
    scaleUp:
      stabilizationWindowSeconds: 60
      selectPolicy: Min
      policies:
        - {type: Pods, value: 2, periodSeconds: 60}
        - {type: Percent, value: 50, periodSeconds: 60}
      tolerance: "0.05"
    scaleDown:
      policies: [{type: Pods, value: 1, periodSeconds: 120}]
status:
  currentReplicas: 3
  desiredReplicas: 3
)";

TEST(HpaReaderTest, ReadsAFullManifest) {
  const Result<hpa::HpaSpec> r = ReadHpaManifest(kFull, "hpa.yaml");
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  const hpa::HpaSpec& s = r.value();
  EXPECT_EQ(s.name, "odoo-web");
  EXPECT_EQ(s.namespace_name, "tenant-a");
  EXPECT_EQ(s.target.kind, "Deployment");
  EXPECT_EQ(s.min_replicas, 2);
  EXPECT_EQ(s.max_replicas, 12);
  ASSERT_EQ(s.metrics.size(), 4u);
  EXPECT_EQ(s.metrics[0].type, MetricSourceType::kResource);
  EXPECT_EQ(s.metrics[0].target.average_utilization_percent, 70);
  EXPECT_EQ(s.metrics[1].type, MetricSourceType::kPods);
  EXPECT_EQ(s.metrics[1].name, "http_requests_per_second");
  EXPECT_EQ(s.metrics[1].target.value_m, 500);
  EXPECT_EQ(s.metrics[2].described_object, "Ingress/main");
  EXPECT_EQ(s.metrics[2].target.type, MetricTargetType::kValue);
  EXPECT_EQ(s.metrics[2].target.value_m, 2000000);
  EXPECT_EQ(s.metrics[3].target.value_m, 30000);
  ASSERT_TRUE(s.behavior.has_value());
  const hpa::ScalingRules& up = *s.behavior->scale_up;
  EXPECT_EQ(up.stabilization_window_s, 60);
  EXPECT_EQ(up.select_policy, hpa::SelectPolicy::kMin);
  ASSERT_EQ(up.policies->size(), 2u);
  EXPECT_EQ((*up.policies)[1].type, hpa::ScalingPolicyType::kPercent);
  EXPECT_DOUBLE_EQ(*up.tolerance, 0.05);
  // scaleDown: the given policies replace the default list; the window stays for the
  // controller's --horizontal-pod-autoscaler-downscale-stabilization; selectPolicy defaults.
  const hpa::ScalingRules& down = *s.behavior->scale_down;
  EXPECT_FALSE(down.stabilization_window_s.has_value());
  EXPECT_EQ(down.select_policy, hpa::SelectPolicy::kMax);
  ASSERT_EQ(down.policies->size(), 1u);
  EXPECT_EQ((*down.policies)[0].period_s, 120);
}

TEST(HpaReaderTest, AppliesApiDefaults) {
  const Result<hpa::HpaSpec> r = ReadHpaManifest(R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {kind: Deployment, name: web}
  maxReplicas: 5
  behavior: {}
)",
                                                 "hpa.yaml");
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  const hpa::HpaSpec& s = r.value();
  EXPECT_EQ(s.min_replicas, 1);
  ASSERT_EQ(s.metrics.size(), 1u);  // CPU at 80 %
  EXPECT_EQ(s.metrics[0].name, "cpu");
  EXPECT_EQ(s.metrics[0].target.average_utilization_percent, 80);
  const hpa::ScalingRules& up = *s.behavior->scale_up;
  EXPECT_EQ(up.stabilization_window_s, 0);
  ASSERT_EQ(up.policies->size(), 2u);  // Pods 4 / 15 s and Percent 100 / 15 s, Max
  EXPECT_EQ((*up.policies)[0].value, 4);
  EXPECT_EQ((*up.policies)[1].value, 100);
  EXPECT_EQ((*s.behavior->scale_down->policies)[0].value, 100);
}

TEST(HpaReaderTest, PicksTheHpaOutOfABundle) {
  const std::string bundle = std::string(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {replicas: 3, anything: [goes, here]}
---
)") + kFull + "---\n";
  const Result<hpa::HpaSpec> r = ReadHpaManifest(bundle, "bundle.yaml");
  ASSERT_TRUE(r.ok()) << FormatAll(r.errors());
  EXPECT_EQ(r.value().name, "odoo-web");
  const Result<hpa::HpaSpec> two = ReadHpaManifest(std::string(kFull) + "---\n" + kFull, "2.yaml");
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.error().Format(),
            "2.yaml: error: 2 HorizontalPodAutoscalers (at lines 1, 48); give a file with one");
  const Result<hpa::HpaSpec> list = ReadHpaManifest(R"(apiVersion: v1
kind: List
items:
  - apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: listed}
    spec:
      scaleTargetRef: {kind: Deployment, name: web}
      maxReplicas: 3
metadata: {resourceVersion: ""}
)",
                                                    "list.yaml");
  ASSERT_TRUE(list.ok()) << FormatAll(list.errors());
  EXPECT_EQ(list.value().name, "listed");
  EXPECT_EQ(ReadHpaManifest("kind: Service\n", "s.yaml").error().Format(),
            "s.yaml: error: no document of kind HorizontalPodAutoscaler");
}

TEST(HpaReaderTest, ReportsEveryErrorWithPositionAndPath) {
  const Result<hpa::HpaSpec> r = ReadHpaManifest(R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {kind: Deployment}
  minReplicas: 4
  maxReplicas: 3
  metrcs: []
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: 0}
    - type: Pods
      pods:
        metric: {name: rps}
        target: {type: Value, value: 10}
    - type: Resource
      pods: {}
      resource: {name: cpu, target: {type: AverageValue, averageValue: 12q}}
    - type: ContainerResource
      containerResource: {}
  behavior:
    scaleUp:
      selectPolicy: Maximum
      stabilizationWindowSeconds: 4000
      policies: []
    scaleDown:
      policies: [{type: Pods, value: 0, periodSeconds: 1801}]
      tolerance: -1
)",
                                                 "bad.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(FormatAll(r.errors()),
            "bad.yaml:5:19: error: spec.scaleTargetRef.name: required key is missing\n"
            "bad.yaml:7:16: error: spec.maxReplicas: must be greater than or equal to minReplicas "
            "(4)\n"
            "bad.yaml:8:3: error: spec.metrcs: unknown key; did you mean 'metrics'?\n"
            "bad.yaml:13:57: error: spec.metrics[0].resource.target.averageUtilization: must be "
            "greater than 0\n"
            "bad.yaml:17:24: error: spec.metrics[1].pods.target.type: a Pods metric target must be "
            "AverageValue, not Value\n"
            "bad.yaml:19:7: error: spec.metrics[2].pods: does not apply to type Resource\n"
            "bad.yaml:20:72: error: spec.metrics[2].resource.target.averageValue: '12q' is not a "
            "Kubernetes quantity (such as 500m, 2, 0.05, 1.5Gi)\n"
            "bad.yaml:21:13: error: spec.metrics[3].type: ContainerResource metrics are not "
            "modelled (they need per-container samples); use a Resource metric\n"
            "bad.yaml:25:21: error: spec.behavior.scaleUp.selectPolicy: \"Maximum\" is not one of "
            "Max, Min, Disabled\n"
            "bad.yaml:26:35: error: spec.behavior.scaleUp.stabilizationWindowSeconds: 4000 is out "
            "of range (from 0 to 3600)\n"
            "bad.yaml:27:17: error: spec.behavior.scaleUp.policies: must specify at least one "
            "Policy\n"
            "bad.yaml:29:38: error: spec.behavior.scaleDown.policies[0].value: 0 is out of range "
            "(at least 1)\n"
            "bad.yaml:29:56: error: spec.behavior.scaleDown.policies[0].periodSeconds: 1801 is out "
            "of range (from 1 to 1800)\n"
            "bad.yaml:30:18: error: spec.behavior.scaleDown.tolerance: must be greater than or "
            "equal to 0\n");
}

TEST(HpaReaderTest, RefusesOtherApiVersionsAndYamlFeatures) {
  EXPECT_NE(ReadHpaManifest("apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nspec:\n"
                            "  scaleTargetRef: {kind: Deployment, name: w}\n  maxReplicas: 3\n",
                            "v1.yaml")
                .error()
                .Format()
                .find("v1.yaml:1:13: error: apiVersion: autoscaling/v1 is not read; write the "
                      "HPA as autoscaling/v2"),
            std::string::npos);
  EXPECT_EQ(
      ReadHpaManifest("kind: HorizontalPodAutoscaler\nspec: &s {}\n", "a.yaml").error().Format(),
      "a.yaml:2:7: error: anchors (&name) are not supported; write each value out in full");
  EXPECT_EQ(ReadHpaManifest("[1, 2\n", "y.yaml").errors().size(), 1u);
  EXPECT_EQ(ReadHpaManifest("- a\n", "l.yaml").error().Format(),
            "l.yaml:1:1: error: a Kubernetes manifest document must be a mapping; got a list");
}

}  // namespace
}  // namespace headroom
