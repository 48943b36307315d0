#include "estate/hpa_reader.h"

#include <fmt/format.h>

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "estate/doc_reader.h"
#include "estate/doc_tree.h"
#include "estate/yaml_document.h"
#include "sim/hpa/quantity.h"

namespace headroom {
namespace {

using hpa::MetricSourceType;
using hpa::MetricTargetType;
using Kind = DocNode::Kind;

constexpr std::string_view kHpaKind = "HorizontalPodAutoscaler";

// Only ParseDocuments is used: a manifest file is a bundle of documents of any kind.
constexpr DocumentKind kManifestDocument{"a manifest", "apiVersion, kind, metadata and spec",
                                         kMaxManifestBytes,
                                         /*require_utf8=*/false, kMaxManifestDocuments};

// The `kind` of a document, when it is a mapping with a plain `kind: Word`.
std::string_view KindOf(const DocNode& doc) {
  if (doc.kind != Kind::kMapping) return {};
  for (const DocEntry& e : doc.entries) {
    if (e.key.kind == Kind::kScalar && e.key.text == "kind" && e.value.kind == Kind::kScalar) {
      return e.value.text;
    }
  }
  return {};
}

// ---- Typed reading --------------------------------------------------------------------------

template <typename E>
bool ReadWord(const DocNode& node, const std::string& path, ReadContext& ctx,
              const std::vector<std::pair<std::string_view, E>>& words, E* out) {
  std::vector<std::string_view> names;
  for (const auto& [word, value] : words) names.push_back(word);
  size_t index = 0;
  if (!ReadEnumWord(node, path, ctx, names, &index)) return false;
  *out = words[index].second;
  return true;
}

const std::vector<std::pair<std::string_view, MetricSourceType>> kSourceTypes = {
    {"Resource", MetricSourceType::kResource},
    {"Pods", MetricSourceType::kPods},
    {"Object", MetricSourceType::kObject},
    {"External", MetricSourceType::kExternal},
    {"ContainerResource", MetricSourceType::kResource}};  // refused after reading, with a reason

const std::vector<std::pair<std::string_view, MetricTargetType>> kTargetTypes = {
    {"Utilization", MetricTargetType::kUtilization},
    {"AverageValue", MetricTargetType::kAverageValue},
    {"Value", MetricTargetType::kValue}};

const std::vector<std::pair<std::string_view, hpa::SelectPolicy>> kSelectPolicies = {
    {"Max", hpa::SelectPolicy::kMax},
    {"Min", hpa::SelectPolicy::kMin},
    {"Disabled", hpa::SelectPolicy::kDisabled}};

const std::vector<std::pair<std::string_view, hpa::ScalingPolicyType>> kPolicyTypes = {
    {"Pods", hpa::ScalingPolicyType::kPods}, {"Percent", hpa::ScalingPolicyType::kPercent}};

// An int field with bounds; `required` reports an absent key.
void BoundedInt(MapReader& m, std::string_view key, int32_t low, int32_t high, bool required,
                std::optional<int32_t>* out) {
  const DocNode* node = required ? m.Require(key) : m.Find(key);
  if (node == nullptr) return;
  int value = 0;
  if (!ReadInt(*node, m.PathOf(key), m.ctx(), &value)) return;
  if (value < low || value > high) {
    std::string range = high == INT32_MAX ? fmt::format("at least {}", low)
                                          : fmt::format("from {} to {}", low, high);
    m.ctx().Fail(*node, m.PathOf(key), fmt::format("{} is out of range ({})", value, range));
    return;
  }
  *out = value;
}

// A Kubernetes quantity (plain or quoted scalar) in milli-units; must be positive.
bool ReadPositiveQuantity(const DocNode& node, const std::string& path, ReadContext& ctx,
                          int64_t* out) {
  std::string text;
  if (!ReadString(node, path, ctx, &text)) return false;
  Result<int64_t> value = hpa::ParseQuantityMilli(text);
  if (!value.ok()) {
    ctx.Fail(node, path, value.error().message);
    return false;
  }
  if (value.value() <= 0) {
    ctx.Fail(node, path, fmt::format("must be positive, got {}", text));
    return false;
  }
  *out = value.value();
  return true;
}

void ReadStringMap(const DocNode& node, const std::string& path, ReadContext& ctx) {
  MapReader m(node, path, ctx);
  if (!m.ok()) return;
  m.ForEachEntry([&](std::string_view /*key*/, const DocNode& value, const std::string& p) {
    std::string ignored;
    ReadString(value, p, ctx, &ignored);
  });
}

// metadata: name, namespace, labels and annotations are read; every other field (uid,
// resourceVersion, managedFields, ...) is accepted and ignored.
void ReadMetadata(const DocNode& node, const std::string& path, ReadContext& ctx,
                  hpa::HpaSpec* spec) {
  MapReader m(node, path, ctx);
  if (!m.ok()) return;
  m.ForEachEntry([&](std::string_view key, const DocNode& value, const std::string& p) {
    if (key == "name") {
      ReadString(value, p, ctx, &spec->name);
    } else if (key == "namespace") {
      ReadString(value, p, ctx, &spec->namespace_name);
    } else if (key == "labels" || key == "annotations") {
      ReadStringMap(value, p, ctx);
    }
  });
}

void ReadScaleTargetRef(const DocNode& node, const std::string& path, ReadContext& ctx,
                        hpa::ScaleTargetRef* ref) {
  MapReader m(node, path, ctx);
  if (!m.ok()) return;
  if (const DocNode* n = m.Find("apiVersion"))
    ReadString(*n, m.PathOf("apiVersion"), ctx, &ref->api_version);
  if (const DocNode* n = m.Require("kind")) ReadString(*n, m.PathOf("kind"), ctx, &ref->kind);
  if (const DocNode* n = m.Require("name")) ReadString(*n, m.PathOf("name"), ctx, &ref->name);
  m.Finish();
}

// A label selector is accepted and not evaluated: the model has no labels.
void ReadSelector(MapReader& m) {
  const DocNode* node = m.Find("selector");
  if (node == nullptr) return;
  MapReader s(*node, m.PathOf("selector"), m.ctx());
  if (!s.ok()) return;
  if (const DocNode* labels = s.Find("matchLabels")) {
    ReadStringMap(*labels, s.PathOf("matchLabels"), m.ctx());
  }
  if (const DocNode* expressions = s.Find("matchExpressions")) {
    ForEachItem(*expressions, s.PathOf("matchExpressions"), m.ctx(),
                [](const DocNode&, const std::string&) {});
  }
  s.Finish();
}

// `metric: {name, selector}` of Pods, Object and External sources.
void ReadMetricIdentifier(const DocNode& node, const std::string& path, ReadContext& ctx,
                          std::string* name) {
  MapReader m(node, path, ctx);
  if (!m.ok()) return;
  if (const DocNode* n = m.Require("name")) ReadString(*n, m.PathOf("name"), ctx, name);
  ReadSelector(m);
  m.Finish();
}

// target: {type, averageUtilization | averageValue | value}, checked against the types the
// source allows (validateMetricTarget and the per-source checks of validation.go).
void ReadTarget(const DocNode& node, const std::string& path, ReadContext& ctx,
                MetricSourceType source, hpa::MetricTarget* target) {
  MapReader m(node, path, ctx);
  if (!m.ok()) return;
  const DocNode* type_node = m.Require("type");
  bool typed = type_node != nullptr &&
               ReadWord(*type_node, m.PathOf("type"), ctx, kTargetTypes, &target->type);
  const DocNode* utilization = m.Find("averageUtilization");
  const DocNode* average = m.Find("averageValue");
  const DocNode* value = m.Find("value");
  m.Finish();
  if (!typed) return;
  const std::string_view type_name = hpa::MetricTargetTypeName(target->type);
  const bool resource = source == MetricSourceType::kResource;
  const bool pods = source == MetricSourceType::kPods;
  if ((resource && target->type == MetricTargetType::kValue) ||
      (pods && target->type != MetricTargetType::kAverageValue) ||
      (!resource && target->type == MetricTargetType::kUtilization)) {
    const char* allowed = resource ? "Utilization or AverageValue"
                                   : (pods ? "AverageValue" : "Value or AverageValue");
    ctx.Fail(*type_node, m.PathOf("type"),
             fmt::format("a {} metric target must be {}, not {}", hpa::MetricSourceTypeName(source),
                         allowed, type_name));
    return;
  }
  const std::pair<const DocNode*, MetricTargetType> fields[] = {
      {utilization, MetricTargetType::kUtilization},
      {average, MetricTargetType::kAverageValue},
      {value, MetricTargetType::kValue}};
  const char* const names[] = {"averageUtilization", "averageValue", "value"};
  for (size_t i = 0; i < 3; ++i) {
    const auto [field, field_type] = fields[i];
    if (field_type == target->type) {
      if (field == nullptr)
        ctx.Fail(node, m.PathOf(names[i]), fmt::format("required for type {}", type_name));
    } else if (field != nullptr) {
      ctx.Fail(*field, m.PathOf(names[i]),
               fmt::format("does not apply to type {}; give {}", type_name,
                           names[static_cast<size_t>(target->type)]));
    }
  }
  if (target->type == MetricTargetType::kUtilization && utilization != nullptr) {
    int percent = 0;
    if (ReadInt(*utilization, m.PathOf("averageUtilization"), ctx, &percent)) {
      if (percent < 1) {
        ctx.Fail(*utilization, m.PathOf("averageUtilization"), "must be greater than 0");
      }
      target->average_utilization_percent = percent;
    }
  }
  const DocNode* quantity = target->type == MetricTargetType::kAverageValue ? average : value;
  const char* quantity_key =
      target->type == MetricTargetType::kAverageValue ? "averageValue" : "value";
  if (target->type != MetricTargetType::kUtilization && quantity != nullptr) {
    ReadPositiveQuantity(*quantity, m.PathOf(quantity_key), ctx, &target->value_m);
  }
}

// The member of a metric entry that holds its source, by type.
std::string_view SourceKey(std::string_view type) {
  if (type == "Resource") return "resource";
  if (type == "Pods") return "pods";
  if (type == "Object") return "object";
  if (type == "External") return "external";
  return "containerResource";
}

void ReadSource(const DocNode& node, const std::string& path, ReadContext& ctx,
                hpa::MetricSpec* metric) {
  MapReader m(node, path, ctx);
  if (!m.ok()) return;
  switch (metric->type) {
    case MetricSourceType::kResource:
      if (const DocNode* n = m.Require("name")) {
        ReadString(*n, m.PathOf("name"), ctx, &metric->name);
        if (metric->name != "cpu" && metric->name != "memory") {
          ctx.Fail(*n, m.PathOf("name"),
                   fmt::format("resource '{}' is not modelled; use cpu or memory", metric->name));
        }
      }
      break;
    case MetricSourceType::kObject:
      if (const DocNode* n = m.Require("describedObject")) {
        hpa::ScaleTargetRef object;
        ReadScaleTargetRef(*n, m.PathOf("describedObject"), ctx, &object);
        metric->described_object = object.kind + "/" + object.name;
      }
      [[fallthrough]];
    case MetricSourceType::kPods:
    case MetricSourceType::kExternal:
      if (const DocNode* n = m.Require("metric")) {
        ReadMetricIdentifier(*n, m.PathOf("metric"), ctx, &metric->name);
      }
      break;
  }
  if (const DocNode* n = m.Require("target")) {
    ReadTarget(*n, m.PathOf("target"), ctx, metric->type, &metric->target);
  }
  m.Finish();
}

void ReadMetric(const DocNode& node, const std::string& path, ReadContext& ctx,
                std::vector<hpa::MetricSpec>* metrics) {
  MapReader m(node, path, ctx);
  if (!m.ok()) return;
  hpa::MetricSpec metric;
  const DocNode* type_node = m.Require("type");
  const bool typed = type_node != nullptr &&
                     ReadWord(*type_node, m.PathOf("type"), ctx, kSourceTypes, &metric.type);
  if (typed && type_node->text == "ContainerResource") {
    ctx.Fail(*type_node, m.PathOf("type"),
             "ContainerResource metrics are not modelled (they need per-container samples); "
             "use a Resource metric");
    m.Find("containerResource");
    m.Finish();
    return;
  }
  // A metric entry carries exactly the member its type names ("must populate the given metric
  // source only").
  for (std::string_view key : {"resource", "pods", "object", "external", "containerResource"}) {
    if (!typed || key == SourceKey(type_node->text)) continue;
    m.Reject(key, fmt::format("does not apply to type {}", type_node->text));
  }
  if (typed) {
    const std::string_view key = SourceKey(type_node->text);
    if (const DocNode* source = m.Require(key)) ReadSource(*source, m.PathOf(key), ctx, &metric);
  }
  m.Finish();
  metrics->push_back(std::move(metric));
}

void ReadPolicy(const DocNode& node, const std::string& path, ReadContext& ctx,
                std::vector<hpa::ScalingPolicy>* policies) {
  MapReader m(node, path, ctx);
  if (!m.ok()) return;
  hpa::ScalingPolicy policy;
  if (const DocNode* n = m.Require("type")) {
    ReadWord(*n, m.PathOf("type"), ctx, kPolicyTypes, &policy.type);
  }
  std::optional<int32_t> value;
  BoundedInt(m, "value", 1, INT32_MAX, true, &value);
  std::optional<int32_t> period;
  BoundedInt(m, "periodSeconds", 1, hpa::kMaxPeriodSeconds, true, &period);
  m.Finish();
  policy.value = value.value_or(0);
  policy.period_s = period.value_or(0);
  policies->push_back(policy);
}

void ReadRules(const DocNode& node, const std::string& path, ReadContext& ctx,
               std::optional<hpa::ScalingRules>* out) {
  MapReader m(node, path, ctx);
  if (!m.ok()) return;
  hpa::ScalingRules rules;
  BoundedInt(m, "stabilizationWindowSeconds", 0, hpa::kMaxStabilizationWindowSeconds, false,
             &rules.stabilization_window_s);
  if (const DocNode* n = m.Find("selectPolicy")) {
    hpa::SelectPolicy select = hpa::SelectPolicy::kMax;
    if (ReadWord(*n, m.PathOf("selectPolicy"), ctx, kSelectPolicies, &select)) {
      rules.select_policy = select;
    }
  }
  if (const DocNode* n = m.Find("policies")) {
    std::vector<hpa::ScalingPolicy> policies;
    ForEachItem(*n, m.PathOf("policies"), ctx, [&](const DocNode& item, const std::string& p) {
      ReadPolicy(item, p, ctx, &policies);
    });
    if (n->kind == Kind::kSequence && n->items.empty()) {
      ctx.Fail(*n, m.PathOf("policies"), "must specify at least one Policy");
    }
    rules.policies = std::move(policies);
  }
  if (const DocNode* n = m.Find("tolerance")) {
    std::string text;
    if (ReadString(*n, m.PathOf("tolerance"), ctx, &text)) {
      Result<double> tolerance = hpa::ParseQuantityDouble(text);
      if (!tolerance.ok()) {
        ctx.Fail(*n, m.PathOf("tolerance"), tolerance.error().message);
      } else if (tolerance.value() < 0) {
        ctx.Fail(*n, m.PathOf("tolerance"), "must be greater than or equal to 0");
      } else {
        rules.tolerance = tolerance.value();
      }
    }
  }
  m.Finish();
  *out = rules;
}

void ReadBehavior(const DocNode& node, const std::string& path, ReadContext& ctx,
                  std::optional<hpa::Behavior>* out) {
  MapReader m(node, path, ctx);
  if (!m.ok()) return;
  hpa::Behavior behavior;
  if (const DocNode* n = m.Find("scaleUp"))
    ReadRules(*n, m.PathOf("scaleUp"), ctx, &behavior.scale_up);
  if (const DocNode* n = m.Find("scaleDown")) {
    ReadRules(*n, m.PathOf("scaleDown"), ctx, &behavior.scale_down);
  }
  m.Finish();
  *out = behavior;
}

void ReadSpec(const DocNode& node, const std::string& path, ReadContext& ctx, hpa::HpaSpec* spec) {
  MapReader m(node, path, ctx);
  if (!m.ok()) return;
  if (const DocNode* n = m.Require("scaleTargetRef")) {
    ReadScaleTargetRef(*n, m.PathOf("scaleTargetRef"), ctx, &spec->target);
  }
  BoundedInt(m, "minReplicas", 1, INT32_MAX, false, &spec->min_replicas);
  std::optional<int32_t> max_replicas;
  BoundedInt(m, "maxReplicas", 1, INT32_MAX, true, &max_replicas);
  if (max_replicas) spec->max_replicas = *max_replicas;
  if (max_replicas && spec->min_replicas && *max_replicas < *spec->min_replicas) {
    ctx.Fail(*m.Find("maxReplicas"), m.PathOf("maxReplicas"),
             fmt::format("must be greater than or equal to minReplicas ({})", *spec->min_replicas));
  }
  if (const DocNode* n = m.Find("metrics")) {
    ForEachItem(*n, m.PathOf("metrics"), ctx, [&](const DocNode& item, const std::string& p) {
      ReadMetric(item, p, ctx, &spec->metrics);
    });
  }
  if (const DocNode* n = m.Find("behavior"))
    ReadBehavior(*n, m.PathOf("behavior"), ctx, &spec->behavior);
  m.Finish();
}

void ReadApiVersion(MapReader& m) {
  const DocNode* node = m.Require("apiVersion");
  std::string version;
  if (node == nullptr || !ReadString(*node, "apiVersion", m.ctx(), &version)) return;
  if (version == "autoscaling/v2" || version == "autoscaling/v2beta2") return;
  if (version == "autoscaling/v1") {
    m.ctx().Fail(*node, "apiVersion",
                 "autoscaling/v1 is not read; write the HPA as autoscaling/v2 "
                 "(targetCPUUtilizationPercentage: N becomes metrics: [{type: Resource, resource: "
                 "{name: cpu, target: {type: Utilization, averageUtilization: N}}}])");
    return;
  }
  m.ctx().Fail(*node, "apiVersion", fmt::format("'{}' is not autoscaling/v2", version));
}

hpa::HpaSpec ReadHpa(const DocNode& doc, ReadContext& ctx) {
  hpa::HpaSpec spec;
  MapReader m(doc, "", ctx);
  ReadApiVersion(m);
  m.Find("kind");  // known to be HorizontalPodAutoscaler
  if (const DocNode* n = m.Find("metadata")) ReadMetadata(*n, "metadata", ctx, &spec);
  if (const DocNode* n = m.Require("spec")) ReadSpec(*n, "spec", ctx, &spec);
  m.Find("status");  // what the controller last wrote: not an input
  m.Finish();
  return spec;
}

}  // namespace

Result<hpa::HpaSpec> ReadHpaManifest(std::string_view text, std::string_view file_name) {
  try {
    Result<std::vector<DocNode>> docs = ParseDocuments(text, file_name, kManifestDocument);
    if (!docs.ok()) return docs.errors();
    // The HPA objects: documents of kind HorizontalPodAutoscaler, and the items of a `kind:
    // List` document (what `kubectl get hpa -o yaml` prints without a name).
    std::vector<const DocNode*> hpas;
    for (const DocNode& doc : docs.value()) {
      if (doc.kind != Kind::kMapping) {
        return InvalidError(
            "a Kubernetes manifest document must be a mapping; got " + Describe(doc),
            Location{std::string(file_name), doc.line, doc.column, ""});
      }
      if (KindOf(doc) == kHpaKind) hpas.push_back(&doc);
      if (KindOf(doc) != "List") continue;
      for (const DocEntry& e : doc.entries) {
        if (e.key.text != "items" || e.value.kind != Kind::kSequence) continue;
        for (const DocNode& item : e.value.items) {
          if (KindOf(item) == kHpaKind) hpas.push_back(&item);
        }
      }
    }
    const Location file_only{std::string(file_name), 0, 0, ""};
    if (hpas.empty()) {
      return InvalidError("no document of kind HorizontalPodAutoscaler", file_only);
    }
    if (hpas.size() > 1) {
      std::vector<int> lines;
      for (const DocNode* h : hpas) lines.push_back(h->line);
      return InvalidError(fmt::format("{} HorizontalPodAutoscalers (at lines {}); give a file "
                                      "with one",
                                      hpas.size(), fmt::join(lines, ", ")),
                          file_only);
    }
    ReadContext ctx{std::string(file_name)};
    hpa::HpaSpec spec = ReadHpa(*hpas.front(), ctx);
    if (!ctx.errors.empty()) return TakeSortedErrors(ctx);
    hpa::ApplyDefaults(&spec);
    return spec;
  } catch (const std::exception& e) {
    return InvalidError(std::string("cannot read the manifest: ") + e.what(),
                        Location{std::string(file_name), 0, 0, ""});
  }
}

}  // namespace headroom
