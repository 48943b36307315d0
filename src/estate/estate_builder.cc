#include "estate/estate_builder.h"

#include <fmt/format.h>

#include "estate/defaults.h"
#include "estate/enum_words.h"

namespace headroom {
namespace {

void BuildEstateSection(MapReader& root, Estate& estate) {
  const DocNode* node = root.Require("estate");
  if (node == nullptr) return;
  MapReader m(*node, "estate", root.ctx());
  if (const DocNode* name = m.Require("name"))
    ReadString(*name, m.PathOf("name"), m.ctx(), &estate.name);
  if (const DocNode* start = m.Require("start")) {
    const std::string path = m.PathOf("start");
    m.ctx().Record(path, *start);
    std::optional<YearMonth> month;
    if (start->kind == DocNode::Kind::kScalar) month = ParseYearMonth(start->text);
    if (month) {
      estate.start = *month;
    } else {
      m.ctx().Fail(*start, path,
                   "expected a month as YYYY-MM (e.g. 2027-01), got " + Describe(*start));
    }
  }
  IntField(m, "horizon_months", &estate.horizon_months, "estate.horizon_months");
  StringField(m, "currency", &estate.currency, "estate.currency");
  StringField(m, "calibration", &estate.calibration);
  m.Finish();
}

void BuildPlanning(MapReader& root, Planning& planning) {
  const DocNode* node = root.Find("planning");
  MapReader m(node != nullptr ? *node : EmptyMapping(), "planning", root.ctx());
  NumberField(m, "quantile", &planning.quantile, "planning.quantile");
  IntField(m, "samples", &planning.samples, "planning.samples");
  if (const DocNode* seed = m.Find("seed")) {
    ReadUint64(*seed, m.PathOf("seed"), m.ctx(), &planning.seed);
  } else {
    planning.seed = static_cast<unsigned long long>(DefaultValue("planning.seed"));
    m.ctx().defaults_used.emplace("planning.seed");
  }
  NumberField(m, "backlog_return_share", &planning.backlog_return_share,
              "planning.backlog_return_share");
  NumberField(m, "backlog_drain_hours", &planning.backlog_drain_hours,
              "planning.backlog_drain_hours");
  m.Finish();
}

void BuildPolicy(MapReader& root, HeadroomPolicy& policy) {
  const DocNode* node = root.Find("policy");
  MapReader m(node != nullptr ? *node : EmptyMapping(), "policy", root.ctx());
  NumberField(m, "sustained_max_utilisation", &policy.sustained_max_utilisation,
              "policy.sustained_max_utilisation");
  NumberField(m, "peak_max_utilisation", &policy.peak_max_utilisation,
              "policy.peak_max_utilisation");
  NumberField(m, "recovery_latency_factor", &policy.recovery_latency_factor,
              "policy.recovery_latency_factor");
  BoolField(m, "survive_zone_loss", &policy.survive_zone_loss, "policy.survive_zone_loss");
  BoolField(m, "survive_node_loss", &policy.survive_node_loss, "policy.survive_node_loss");
  IntField(m, "zones", &policy.zones, "policy.zones");
  NumberField(m, "maintenance_reserve", &policy.maintenance_reserve, "policy.maintenance_reserve");
  IntField(m, "storage_lookahead_months", &policy.storage_lookahead_months,
           "policy.storage_lookahead_months");
  NumberField(m, "storage_growth_room", &policy.storage_growth_room, "policy.storage_growth_room");
  m.Finish();
}

// A class with a built-in name takes the built-in value of every field it omits; any other
// class must give all its demands (only service_cv and long_lived have generic defaults).
RequestClass BuildClass(const DocNode& node, const std::string& path, ReadContext& ctx) {
  MapReader m(node, path, ctx);
  RequestClass c;
  if (const DocNode* name = m.Require("name")) ReadString(*name, m.PathOf("name"), ctx, &c.name);
  const bool built_in = BuiltInClass(c.name).has_value();
  auto demand = [&](std::string_view key, double* out) {
    if (built_in) {
      NumberField(m, key, out, fmt::format("request_class.{}.{}", c.name, key));
    } else if (const DocNode* value = m.Require(key)) {
      ReadNumber(*value, m.PathOf(key), ctx, out);
    }
  };
  demand("app_cpu_ms", &c.app_cpu_ms);
  demand("db_cpu_ms", &c.db_cpu_ms);
  demand("db_reads", &c.db_reads);
  demand("db_writes", &c.db_writes);
  demand("worker_memory_mib", &c.worker_memory_mib);
  demand("response_kib", &c.response_kib);
  demand("p95_target_ms", &c.p95_target_ms);
  const std::string prefix = built_in ? fmt::format("request_class.{}.", c.name) : "request_class.";
  NumberField(m, "service_cv", &c.service_cv, prefix + "service_cv");
  BoolField(m, "long_lived", &c.long_lived, prefix + "long_lived");
  m.Finish();
  return c;
}

void BuildClasses(MapReader& root, Estate& estate) {
  const DocNode* node = root.Find("request_classes");
  if (node == nullptr) {
    estate.request_classes = DefaultRequestClasses();
    for (const Default& d : DefaultsTable()) {
      const std::string key(d.key);
      for (const std::string& name : BuiltInClassNames()) {
        if (key.rfind("request_class." + name + ".", 0) == 0) root.ctx().defaults_used.insert(key);
      }
    }
    return;
  }
  ForEachItem(*node, "request_classes", root.ctx(),
              [&](const DocNode& item, const std::string& path) {
                estate.request_classes.push_back(BuildClass(item, path, root.ctx()));
              });
}

std::optional<BatchWork> BuildBatch(MapReader& event) {
  const DocNode* node = event.Find("batch");
  if (node == nullptr) return std::nullopt;
  MapReader m(*node, event.PathOf("batch"), event.ctx());
  BatchWork work;
  ReadBatchFields(m, "batch.", &work);
  m.Finish();
  return work;
}

// A weekday as a number 0..6 (range checked later) or a name monday..sunday.
void WeekdayField(MapReader& m, int* weekday) {
  const DocNode* node = m.Find("weekday");
  if (node == nullptr) {
    ApplyDefault(m.ctx(), "event.weekday", weekday);
    return;
  }
  if (ParseNumber(*node)) {
    ReadInt(*node, m.PathOf("weekday"), m.ctx(), weekday);
    return;
  }
  size_t index = 0;
  if (ReadEnumWord(*node, m.PathOf("weekday"), m.ctx(), WeekdayWords(), &index)) {
    *weekday = static_cast<int>(index);
  }
}

// Which kind-specific keys an event of `kind` takes; the others are rejected by name.
struct KindKeys {
  EventKind kind;
  std::vector<std::string_view> keys;
};

const std::vector<KindKeys>& EventKindKeys() {
  static const std::vector<KindKeys> table = {
      {EventKind::kMonthEnd, {"last_business_days", "first_business_days"}},
      {EventKind::kPayroll, {"schedule", "anchor_date", "lead_business_days", "day_of_month"}},
      {EventKind::kMonthly, {"day_of_month", "duration_days"}},
      {EventKind::kWeekly, {"weekday", "duration_days"}},
      {EventKind::kOnboarding, {"duration_days"}},
  };
  return table;
}

bool Applies(EventKind kind, std::string_view key) {
  for (const KindKeys& k : EventKindKeys()) {
    if (k.kind != kind) continue;
    for (std::string_view applicable : k.keys) {
      if (applicable == key) return true;
    }
  }
  return false;
}

void BuildEventFields(MapReader& m, bool kind_known, CalendarEvent& e) {
  // With an unreadable kind every field is read, so its own mistakes are still reported.
  auto applies = [&](std::string_view key) { return !kind_known || Applies(e.kind, key); };
  const std::string kind_message =
      fmt::format("does not apply to events of kind '{}'", WordOf(EventKindWords(), e.kind));
  auto field = [&](std::string_view key, auto read) {
    if (applies(key)) {
      read();
    } else {
      m.Reject(key, kind_message);
    }
  };
  field("last_business_days", [&] {
    IntField(m, "last_business_days", &e.last_business_days, "event.month_end.last_business_days");
  });
  field("first_business_days", [&] {
    IntField(m, "first_business_days", &e.first_business_days,
             "event.month_end.first_business_days");
  });
  bool schedule_known = true;  // with an unreadable schedule, both pay-day keys are read
  field("schedule", [&] {
    if (const DocNode* n = m.Find("schedule")) {
      schedule_known =
          ReadEnum(*n, m.PathOf("schedule"), m.ctx(), PayrollScheduleWords(), &e.schedule);
    } else {
      e.schedule =
          EnumFromWord(PayrollScheduleWords(), ApplyDefaultText(m.ctx(), "event.payroll.schedule"));
    }
  });
  field("lead_business_days", [&] {
    IntField(m, "lead_business_days", &e.lead_business_days, "event.payroll.lead_business_days");
  });
  const bool payroll = kind_known && schedule_known && e.kind == EventKind::kPayroll;
  const bool biweekly = payroll && e.schedule == PayrollSchedule::kBiweekly;
  field("anchor_date", [&] {
    if (payroll && !biweekly) {
      m.Reject("anchor_date", "does not apply to a monthly payroll, which pays on day_of_month");
    } else if (const DocNode* n = biweekly ? m.Require("anchor_date") : m.Find("anchor_date")) {
      ReadString(*n, m.PathOf("anchor_date"), m.ctx(), &e.anchor_date);
    }
  });
  field("day_of_month", [&] {
    if (biweekly) {
      m.Reject("day_of_month",
               "does not apply to a biweekly payroll, which pays every 14 days from anchor_date");
    } else {
      IntField(m, "day_of_month", &e.day_of_month, "event.day_of_month");
    }
  });
  field("weekday", [&] { WeekdayField(m, &e.weekday); });
  field("duration_days",
        [&] { IntField(m, "duration_days", &e.duration_days, "event.duration_days"); });
}

CalendarEvent BuildEvent(const DocNode& node, const std::string& path, ReadContext& ctx) {
  MapReader m(node, path, ctx);
  CalendarEvent e;
  if (const DocNode* name = m.Require("name")) ReadString(*name, m.PathOf("name"), ctx, &e.name);
  bool kind_known = false;
  if (const DocNode* kind = m.Require("kind")) {
    kind_known = ReadEnum(*kind, m.PathOf("kind"), ctx, EventKindWords(), &e.kind);
  }
  BuildEventFields(m, kind_known, e);
  ReadClassNumbers(m, "multipliers", [&](const std::string& name, double factor) {
    e.multipliers.push_back(ClassMultiplier{name, factor});
  });
  e.batch = BuildBatch(m);
  m.Finish();
  return e;
}

void BuildEvents(MapReader& root, Estate& estate) {
  const DocNode* node = root.Find("events");
  if (node == nullptr) return;
  ForEachItem(*node, "events", root.ctx(), [&](const DocNode& item, const std::string& path) {
    estate.events.push_back(BuildEvent(item, path, root.ctx()));
  });
}

void BuildTenants(MapReader& root, Estate& estate) {
  const DocNode* node = root.Require("tenants");
  if (node == nullptr) return;
  ForEachItem(*node, "tenants", root.ctx(), [&](const DocNode& item, const std::string& path) {
    estate.tenants.push_back(BuildTenant(item, path, estate.request_classes, root.ctx()));
  });
}

}  // namespace

void ReadBatchFields(MapReader& m, std::string_view default_prefix, BatchWork* work) {
  if (const DocNode* n = m.Require("cpu_seconds")) {
    ReadNumber(*n, m.PathOf("cpu_seconds"), m.ctx(), &work->cpu_seconds);
  }
  BoolField(m, "per_site", &work->per_site, std::string(default_prefix) + "per_site");
  if (const DocNode* n = m.Require("deadline_hours")) {
    ReadNumber(*n, m.PathOf("deadline_hours"), m.ctx(), &work->deadline_hours);
  }
  IntField(m, "start_hour_local", &work->start_hour_local,
           std::string(default_prefix) + "start_hour_local");
}

const DocNode& EmptyMapping() {
  static const DocNode empty{DocNode::Kind::kMapping, {}, false, 0, 0, {}, {}};
  return empty;
}

Estate BuildEstate(const DocNode& root, ReadContext& ctx) {
  MapReader m(root, "", ctx);
  Estate estate;
  BuildEstateSection(m, estate);
  BuildPlanning(m, estate.planning);
  BuildPolicy(m, estate.policy);
  BuildClasses(m, estate);
  BuildEvents(m, estate);
  BuildTenants(m, estate);
  m.Finish();
  estate.defaults_used.assign(ctx.defaults_used.begin(), ctx.defaults_used.end());
  return estate;
}

}  // namespace headroom
