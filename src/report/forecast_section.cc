#include "report/forecast_section.h"

#include <fmt/format.h>

#include <optional>

#include "common/year_month.h"
#include "report/forecast_output.h"

namespace headroom {
namespace {

// Every k-th element, k chosen so at most kForecastChartPoints remain (the last one kept).
Json Thin(const Json& values) {
  if (!values.is_array()) return Json::array();
  const size_t n = values.size();
  const size_t stride =
      n <= kForecastChartPoints ? 1 : (n + kForecastChartPoints - 1) / kForecastChartPoints;
  Json out = Json::array();
  for (size_t i = 0; i < n; i += stride) out.push_back(values[i]);
  if (n > 0 && (n - 1) % stride != 0) out.push_back(values[n - 1]);
  return out;
}

// The plan month ("YYYY-MM") a "YYYY-MM-DD" date falls in, when the plan covers it.
Json PlanMonth(const Json& date, const Plan& plan) {
  if (!date.is_string() || date.get<std::string>().size() < 7) return nullptr;
  const std::optional<YearMonth> month = ParseYearMonth(date.get<std::string>().substr(0, 7));
  if (!month) return nullptr;
  const int index = month->MonthsSince(plan.start);
  if (index < 0 || index >= plan.months) return nullptr;
  return Json{{"label", month->ToString()}, {"month", index}};
}

Json ResourceSection(const Json& r, const Plan& plan) {
  const Json& saturation = r.at("saturation");
  const Json& observed = r.at("observed");
  const Json& forecast = r.at("forecast");
  return Json{{"name", r.at("name")},
              {"capacity", r.at("capacity")},
              {"model", r.at("model").at("name")},
              {"holdout_rmse", r.at("holdout").at("rmse")},
              {"status", saturation.at("status")},
              {"saturation_date", saturation.at("upper_band_date")},
              {"plan_month", PlanMonth(saturation.at("upper_band_date"), plan)},
              {"forecast_date", saturation.at("mean_date")},
              {"chart",
               {{"observed_time_s", Thin(observed.at("time_s"))},
                {"observed", Thin(observed.at("value"))},
                {"forecast_time_s", Thin(forecast.at("time_s"))},
                {"mean", Thin(forecast.at("mean"))},
                {"lower", Thin(forecast.at("lower"))},
                {"upper", Thin(forecast.at("upper"))}}}};
}

}  // namespace

Result<Json> ForecastSection(std::string_view text, const std::string& file, const Plan& plan) {
  try {
    const Json doc = Json::parse(text);
    if (!doc.is_object() || doc.value("schema", std::string()) != kForecastSchema) {
      return InvalidError(
          fmt::format("not a {} document (headroom forecast --format json)", kForecastSchema),
          {file, 0, 0, "schema"});
    }
    Json resources = Json::array();
    for (const Json& r : doc.at("resources")) resources.push_back(ResourceSection(r, plan));
    return Json{{"source", file},
                {"band_level", doc.at("band_level")},
                {"horizon_days", doc.at("horizon_days")},
                {"resources", std::move(resources)}};
  } catch (const Json::exception& e) {
    return InvalidError(fmt::format("malformed forecast document: {}", e.what()), {file, 0, 0, ""});
  }
}

}  // namespace headroom
