#include "report/demand_output.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace headroom {
namespace {

using Json = nlohmann::ordered_json;

constexpr WindowKind kKinds[] = {WindowKind::kSustained, WindowKind::kPeak, WindowKind::kRecovery};

// Shortest text that reads back to the same double, as JSON writes it.
std::string Number(double value) { return Json(value).dump(); }

std::string CsvHeader(const Demand& demand, std::string_view leading) {
  std::string line(leading);
  for (const DemandClass& c : demand.classes) {
    line +=
        c.long_lived ? fmt::format(",{}_sessions", c.name) : fmt::format(",{}_rate_per_s", c.name);
  }
  return line + "\n";
}

struct StatRow {
  const char* name;
  double offered_cpu_cores;
  double sessions;
  double batch_cpu_s;
  std::vector<double> rates;
};

std::vector<StatRow> SummaryRows(const WindowSummary& s) {
  std::vector<StatRow> rows;
  auto pick = [&](const char* name, double Quantiles::*q) {
    StatRow row{name, s.offered_cpu_cores.*q, s.sessions.*q, s.batch_cpu_s.*q, {}};
    for (const Quantiles& r : s.rate_per_s) row.rates.push_back(r.*q);
    rows.push_back(std::move(row));
  };
  pick("p10", &Quantiles::p10);
  pick("p50", &Quantiles::p50);
  pick("planning", &Quantiles::planning);
  pick("p90", &Quantiles::p90);
  return rows;
}

StatRow MidRow(const LoadWindow& w) {
  return StatRow{"mid", w.facts.offered_cpu_cores, w.facts.sessions, w.facts.batch_cpu_s,
                 std::vector<double>(w.rate_per_s.begin(), w.rate_per_s.end())};
}

void AppendScope(std::string& out, const Demand& demand, const std::string& scope,
                 const WindowTable& mid, const std::vector<MonthSummary>& summary) {
  for (int m = 0; m < demand.months(); ++m) {
    for (WindowKind kind : kKinds) {
      const LoadWindow w = mid.At(m, 0, kind);
      std::vector<StatRow> rows = SummaryRows(summary[static_cast<size_t>(m)].Window(kind));
      rows.insert(rows.begin(), MidRow(w));
      const std::string hour = w.facts.hour >= 0 ? demand.HourUtc(w.facts.hour) : "";
      for (const StatRow& row : rows) {
        out += fmt::format(
            "{},{},{},{},{},{},{},{},{}", scope, m, demand.MonthLabel(m), WindowKindName(kind),
            row.name, row.name == std::string("mid") ? hour : "", Number(row.offered_cpu_cores),
            Number(row.sessions), Number(row.batch_cpu_s));
        for (double r : row.rates) {
          out += ',';
          out += Number(r);
        }
        out += "\n";
      }
    }
  }
}

Json WindowJson(const Demand& demand, const LoadWindow& w) {
  Json j;
  Json rates = Json::object();
  for (size_t c = 0; c < demand.classes.size(); ++c) {
    rates[demand.classes[c].name] = w.rate_per_s[c];
  }
  j["rate_per_s"] = std::move(rates);
  j["offered_cpu_cores"] = w.facts.offered_cpu_cores;
  j["sessions"] = w.facts.sessions;
  j["max_sessions"] = w.facts.max_sessions;
  j["batch_cpu_s"] = w.facts.batch_cpu_s;
  if (w.facts.hour >= 0) j["hour_utc"] = demand.HourUtc(w.facts.hour);
  return j;
}

Json SummaryJson(const Demand& demand, const WindowSummary& s) {
  Json rates = Json::object();
  for (size_t c = 0; c < demand.classes.size(); ++c) {
    rates[demand.classes[c].name] = QuantilesJson(s.rate_per_s[c]);
  }
  return Json{{"rate_per_s", std::move(rates)},
              {"offered_cpu_cores", QuantilesJson(s.offered_cpu_cores)},
              {"sessions", QuantilesJson(s.sessions)},
              {"batch_cpu_s", QuantilesJson(s.batch_cpu_s)}};
}

Json CoincidingJson(const Demand& demand, int month) {
  Json list = Json::array();
  for (const TenantEvents& te : demand.CoincidingMid(month)) {
    list.push_back(Json{{"tenant", demand.tenants[static_cast<size_t>(te.tenant)].name},
                        {"events", demand.EventNames(te.events)}});
  }
  return list;
}

Json MonthsJson(const Demand& demand, const WindowTable& mid,
                const std::vector<MonthSummary>& summary, bool estate_scope) {
  Json months = Json::array();
  for (int m = 0; m < demand.months(); ++m) {
    Json month{{"month", m}, {"label", demand.MonthLabel(m)}};
    for (WindowKind kind : kKinds) {
      Json window{{"mid", WindowJson(demand, mid.At(m, 0, kind))},
                  {"samples", SummaryJson(demand, summary[static_cast<size_t>(m)].Window(kind))}};
      if (estate_scope && kind == WindowKind::kPeak)
        window["coinciding"] = CoincidingJson(demand, m);
      month[std::string(WindowKindName(kind))] = std::move(window);
    }
    months.push_back(std::move(month));
  }
  return months;
}

}  // namespace

nlohmann::ordered_json QuantilesJson(const Quantiles& q) {
  return Json{{"p10", q.p10}, {"p50", q.p50}, {"planning", q.planning}, {"p90", q.p90}};
}

std::string DemandWindowsCsv(const Demand& demand) {
  std::string out = CsvHeader(
      demand, "scope,month,label,window,statistic,hour_utc,offered_cpu_cores,sessions,batch_cpu_s");
  AppendScope(out, demand, "estate", demand.estate_mid, demand.estate_summary);
  for (const TenantDemand& t : demand.tenants) AppendScope(out, demand, t.name, t.mid, t.summary);
  return out;
}

std::string DemandHourlyCsv(const Demand& demand) {
  std::string out = CsvHeader(demand, "hour_utc,tenant");
  for (int h = 0; h < demand.hours(); ++h) {
    for (size_t t = 0; t < demand.tenants.size(); ++t) {
      out += demand.HourUtc(h);
      out += ',';
      out += demand.tenants[t].name;
      for (size_t c = 0; c < demand.classes.size(); ++c) {
        const std::span<const double> series =
            demand.HourlyMid(static_cast<int>(t), static_cast<int>(c));
        out += ',';
        out += series.empty() ? std::string("0") : Number(series[static_cast<size_t>(h)]);
      }
      out += "\n";
    }
  }
  return out;
}

std::string DemandJson(const Demand& demand) {
  Json doc;
  doc["schema"] = "headroom.demand/v1";
  doc["estate"] = demand.estate_name;
  doc["start"] = demand.MonthLabel(0);
  doc["months"] = demand.months();
  doc["samples"] = demand.samples;
  doc["seed"] = demand.seed;
  doc["planning_quantile"] = demand.planning.quantile;
  Json classes = Json::array();
  for (const DemandClass& c : demand.classes) {
    classes.push_back(Json{{"name", c.name}, {"long_lived", c.long_lived}, {"cpu_ms", c.cpu_ms}});
  }
  doc["classes"] = std::move(classes);
  doc["windows"] = MonthsJson(demand, demand.estate_mid, demand.estate_summary, true);
  Json tenants = Json::array();
  for (size_t t = 0; t < demand.tenants.size(); ++t) {
    const TenantDemand& td = demand.tenants[t];
    Json tj{{"name", td.name}, {"time_zone", td.time_zone}, {"sites", td.sites}};
    tj["windows"] = MonthsJson(demand, td.mid, td.summary, false);
    Json hourly = Json::object();
    for (size_t c = 0; c < demand.classes.size(); ++c) {
      const std::span<const double> s = demand.HourlyMid(static_cast<int>(t), static_cast<int>(c));
      if (!s.empty()) hourly[demand.classes[c].name] = std::vector<double>(s.begin(), s.end());
    }
    if (!hourly.empty()) tj["hourly_mid"] = std::move(hourly);
    tenants.push_back(std::move(tj));
  }
  doc["tenants"] = std::move(tenants);
  if (!demand.tenants.empty() && !demand.tenants[0].hourly_mid.empty()) {
    doc["first_hour_utc"] = demand.HourUtc(0);
  }
  // Invalid UTF-8 in a name (estate files are not required to be UTF-8) becomes U+FFFD
  // rather than an exception.
  return doc.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace headroom
