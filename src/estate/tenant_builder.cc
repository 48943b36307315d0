// Reads one tenant of estate.yaml: its sites and growth, users, class mix, portal, integrations,
// documents, calendar, profile, objectives. Part of the estate builder (estate_builder.h).
#include <fmt/format.h>

#include <algorithm>

#include "estate/defaults.h"
#include "estate/enum_words.h"
#include "estate/estate_builder.h"

namespace headroom {
namespace {

// An optional sub-mapping: the written one, or an empty one so every field takes its default.
const DocNode& SectionOrEmpty(MapReader& m, std::string_view key) {
  const DocNode* node = m.Find(key);
  return node != nullptr ? *node : EmptyMapping();
}

void RequiredNumber(MapReader& m, std::string_view key, double* out) {
  if (const DocNode* n = m.Require(key)) ReadNumber(*n, m.PathOf(key), m.ctx(), out);
}

void RequiredInt(MapReader& m, std::string_view key, int* out) {
  if (const DocNode* n = m.Require(key)) ReadInt(*n, m.PathOf(key), m.ctx(), out);
}

void RequiredString(MapReader& m, std::string_view key, std::string* out) {
  if (const DocNode* n = m.Require(key)) ReadString(*n, m.PathOf(key), m.ctx(), out);
}

void RequiredInterval(MapReader& m, std::string_view key, Interval* out) {
  if (const DocNode* n = m.Require(key)) ReadInterval(*n, m.PathOf(key), m.ctx(), out);
}

void BuildGovernance(MapReader& tenant, Governance& g) {
  MapReader m(SectionOrEmpty(tenant, "governance"), tenant.PathOf("governance"), tenant.ctx());
  EnumField(m, "audit_boundary", AuditBoundaryWords(), &g.audit_boundary,
            "governance.audit_boundary");
  StringField(m, "data_residency", &g.data_residency);
  StringListField(m, "compliance", &g.compliance);
  EnumField(m, "custom_integration", IntensityWords(), &g.custom_integration,
            "governance.custom_integration");
  m.Finish();
}

// Keys a growth entry takes by kind; the others are rejected by name.
void BuildGrowthFields(MapReader& m, bool kind_known, GrowthStep& g) {
  const bool step = !kind_known || g.kind == GrowthKind::kStep;
  const bool ramp = !kind_known || g.kind == GrowthKind::kRamp;
  const bool acquisition = !kind_known || g.kind == GrowthKind::kAcquisition;
  const std::string message =
      fmt::format("does not apply to growth of kind '{}'", WordOf(GrowthKindWords(), g.kind));
  if (acquisition && kind_known) {
    RequiredString(m, "name", &g.name);
  } else {
    StringField(m, "name", &g.name);
  }
  if (step || acquisition) {
    RequiredInt(m, "month", &g.month);
  } else {
    m.Reject("month", message);
  }
  if (ramp) {
    RequiredInt(m, "from_month", &g.from_month);
    RequiredInt(m, "to_month", &g.to_month);
  } else {
    m.Reject("from_month", message);
    m.Reject("to_month", message);
  }
  RequiredInt(m, "add_sites", &g.add_sites);
  if (acquisition) {
    if (const DocNode* n = m.Find("users_per_site")) {
      Interval users;
      if (ReadInterval(*n, m.PathOf("users_per_site"), m.ctx(), &users)) g.users_per_site = users;
    }
    IntervalField(m, "central_users", &g.central_users, "growth.central_users");
  } else {
    m.Reject("users_per_site", message);
    m.Reject("central_users", message);
  }
}

GrowthStep BuildGrowth(const DocNode& node, const std::string& path, ReadContext& ctx) {
  MapReader m(node, path, ctx);
  GrowthStep g;
  bool kind_known = true;
  if (const DocNode* kind = m.Find("kind")) {
    kind_known = ReadEnum(*kind, m.PathOf("kind"), ctx, GrowthKindWords(), &g.kind);
  } else {
    g.kind = EnumFromWord(GrowthKindWords(), ApplyDefaultText(ctx, "growth.kind"));
  }
  BuildGrowthFields(m, kind_known, g);
  m.Finish();
  return g;
}

void BuildSites(MapReader& tenant, Sites& sites) {
  MapReader m(SectionOrEmpty(tenant, "sites"), tenant.PathOf("sites"), tenant.ctx());
  IntField(m, "initial", &sites.initial, "sites.initial");
  IntervalField(m, "users_per_site", &sites.users_per_site, "sites.users_per_site");
  if (const DocNode* growth = m.Find("growth")) {
    ForEachItem(*growth, m.PathOf("growth"), m.ctx(),
                [&](const DocNode& item, const std::string& path) {
                  sites.growth.push_back(BuildGrowth(item, path, m.ctx()));
                });
  }
  m.Finish();
}

// The default mix names built-in classes; an estate that defines its own classes without them
// must give its tenants a class_mix.
void BuildClassMix(MapReader& tenant, const std::vector<RequestClass>& classes,
                   std::vector<ClassShare>& mix) {
  if (tenant.Find("class_mix") == nullptr) {
    mix = DefaultClassMix();
    std::string shares;
    bool defined = true;
    for (const ClassShare& share : mix) {
      tenant.ctx().defaults_used.insert("tenant.class_mix." + share.request_class);
      shares +=
          fmt::format("{}{} {}%", shares.empty() ? "" : ", ", share.request_class, share.percent);
      defined = defined && std::any_of(classes.begin(), classes.end(), [&](const RequestClass& c) {
                  return c.name == share.request_class;
                });
    }
    if (!defined && tenant.ok()) {
      tenant.ctx().Fail(tenant.node(), tenant.PathOf("class_mix"),
                        fmt::format("required: the default class mix ({}) names classes that "
                                    "request_classes does not define",
                                    shares));
    }
    return;
  }
  ReadClassNumbers(tenant, "class_mix", [&](const std::string& name, double percent) {
    mix.push_back(ClassShare{name, percent});
  });
}

std::optional<PortalUsers> BuildPortal(MapReader& tenant) {
  const DocNode* node = tenant.Find("portal");
  if (node == nullptr) return std::nullopt;
  MapReader m(*node, tenant.PathOf("portal"), tenant.ctx());
  PortalUsers p;
  RequiredInterval(m, "users", &p.users);
  IntField(m, "launch_month", &p.launch_month, "portal.launch_month");
  IntervalField(m, "concurrency_ratio", &p.concurrency_ratio, "portal.concurrency_ratio");
  IntervalField(m, "requests_per_user_hour", &p.requests_per_user_hour,
                "portal.requests_per_user_hour");
  StringField(m, "request_class", &p.request_class, "portal.request_class");
  m.Finish();
  return p;
}

void OptionalInt(MapReader& m, std::string_view key, std::optional<int>* out) {
  if (const DocNode* n = m.Find(key)) {
    int value = 0;
    if (ReadInt(*n, m.PathOf(key), m.ctx(), &value)) *out = value;
  }
}

Integration BuildIntegration(const DocNode& node, const std::string& path, ReadContext& ctx) {
  MapReader m(node, path, ctx);
  Integration i;
  RequiredString(m, "name", &i.name);
  RequiredInterval(m, "calls_per_day", &i.calls_per_day);
  BoolField(m, "per_site", &i.per_site, "integration.per_site");
  StringField(m, "request_class", &i.request_class, "integration.request_class");
  OptionalInt(m, "window_start_hour", &i.window_start_hour);
  OptionalInt(m, "window_end_hour", &i.window_end_hour);
  NumberField(m, "payload_kib", &i.payload_kib, "integration.payload_kib");
  IntField(m, "start_month", &i.start_month, "integration.start_month");
  m.Finish();
  return i;
}

void BuildDocuments(MapReader& tenant, Documents& d) {
  MapReader m(SectionOrEmpty(tenant, "documents"), tenant.PathOf("documents"), tenant.ctx());
  IntervalField(m, "mib_per_site_month", &d.mib_per_site_month, "documents.mib_per_site_month");
  IntervalField(m, "central_mib_month", &d.central_mib_month, "documents.central_mib_month");
  m.Finish();
}

NightlyJob BuildNightlyJob(const DocNode& node, const std::string& path, ReadContext& ctx) {
  MapReader m(node, path, ctx);
  NightlyJob job;
  RequiredString(m, "name", &job.name);
  ReadBatchFields(m, "nightly_job.", &job.work);
  m.Finish();
  return job;
}

void BuildProfile(MapReader& tenant, DailyProfile& profile) {
  const DocNode* node = tenant.Find("profile");
  if (node == nullptr) {
    profile = DefaultDailyProfile();
    for (const Default& d : DefaultsTable()) {
      if (d.key.rfind("profile.", 0) == 0) tenant.ctx().defaults_used.emplace(d.key);
    }
    return;
  }
  MapReader m(*node, tenant.PathOf("profile"), tenant.ctx());
  if (const DocNode* weights = m.Require("weekday_hour_weights")) {
    ForEachItem(*weights, m.PathOf("weekday_hour_weights"), m.ctx(),
                [&](const DocNode& item, const std::string& path) {
                  double weight = 0;
                  ReadNumber(item, path, m.ctx(), &weight);
                  profile.weekday_hour_weights.push_back(weight);
                });
  }
  NumberField(m, "weekend_factor", &profile.weekend_factor, "profile.weekend_factor");
  m.Finish();
}

RecoveryObjective BuildRecovery(const DocNode& node, const std::string& path, ReadContext& ctx) {
  MapReader m(node, path, ctx);
  RecoveryObjective r;
  RequiredString(m, "workflow", &r.workflow);
  RequiredNumber(m, "rto_minutes", &r.rto_minutes);
  RequiredNumber(m, "rpo_minutes", &r.rpo_minutes);
  if (const DocNode* n = m.Require("request_classes")) {
    ReadStringList(*n, m.PathOf("request_classes"), ctx, &r.request_classes);
  }
  m.Finish();
  return r;
}

// Reads a list of entries with `build` into `out`.
template <typename T, typename Build>
void BuildList(MapReader& m, std::string_view key, std::vector<T>& out, Build build) {
  const DocNode* node = m.Find(key);
  if (node == nullptr) return;
  ForEachItem(*node, m.PathOf(key), m.ctx(), [&](const DocNode& item, const std::string& path) {
    out.push_back(build(item, path, m.ctx()));
  });
}

}  // namespace

Tenant BuildTenant(const DocNode& node, const std::string& path,
                   const std::vector<RequestClass>& classes, ReadContext& ctx) {
  MapReader m(node, path, ctx);
  Tenant t;
  RequiredString(m, "name", &t.name);
  EnumField(m, "kind", TenantKindWords(), &t.kind, "tenant.kind");
  StringField(m, "time_zone", &t.time_zone, "tenant.time_zone");
  EnumField(m, "hosting", HostingChoiceWords(), &t.hosting, "tenant.hosting");
  OptionalInt(m, "consolidate_month", &t.consolidate_month);
  BuildGovernance(m, t.governance);
  BuildSites(m, t.sites);
  IntervalField(m, "central_users", &t.central_users, "tenant.central_users");
  IntervalField(m, "initial_database_gib", &t.initial_database_gib, "tenant.initial_database_gib");
  IntervalField(m, "concurrency_ratio", &t.concurrency_ratio, "tenant.concurrency_ratio");
  IntervalField(m, "requests_per_user_hour", &t.requests_per_user_hour,
                "tenant.requests_per_user_hour");
  BuildClassMix(m, classes, t.class_mix);
  StringListField(m, "modules", &t.modules);
  t.portal = BuildPortal(m);
  BuildList(m, "integrations", t.integrations, BuildIntegration);
  BuildDocuments(m, t.documents);
  StringListField(m, "events", &t.events);
  BuildList(m, "nightly_jobs", t.nightly_jobs, BuildNightlyJob);
  StringListField(m, "holidays", &t.holidays);
  BuildProfile(m, t.profile);
  ReadClassNumbers(m, "slos", [&](const std::string& name, double p95_ms) {
    t.slos.push_back(Slo{name, p95_ms});
  });
  BuildList(m, "recovery", t.recovery, BuildRecovery);
  m.Finish();
  return t;
}

}  // namespace headroom
