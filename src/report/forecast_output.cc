#include "report/forecast_output.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace headroom {
namespace {

using nlohmann::ordered_json;

ordered_json FiniteOrNull(double v) { return std::isfinite(v) ? ordered_json(v) : ordered_json(); }

ordered_json Numbers(const std::vector<double>& values) {
  ordered_json out = ordered_json::array();
  for (double v : values) out.push_back(FiniteOrNull(v));
  return out;
}

ordered_json Times(double first_s, double step_s, size_t count) {
  ordered_json out = ordered_json::array();
  for (size_t i = 0; i < count; ++i) out.push_back(first_s + static_cast<double>(i) * step_s);
  return out;
}

ordered_json DateOrNull(const std::optional<double>& time_s) {
  return time_s ? ordered_json(FormatUtcDate(*time_s)) : ordered_json();
}

ordered_json ModelJson(const ModelFit& fit) {
  ordered_json m;
  m["name"] = fit.spec.name;
  if (fit.spec.kind == ModelKind::kLinear) {
    m["intercept"] = FiniteOrNull(fit.line.intercept);
    m["slope_per_step"] = FiniteOrNull(fit.line.slope_per_step);
    return m;
  }
  m["period_steps"] = fit.params.period_steps;
  m["alpha"] = FiniteOrNull(fit.params.alpha);
  m["beta"] = FiniteOrNull(fit.params.beta);
  m["gamma"] = FiniteOrNull(fit.params.gamma);
  m["phi"] = FiniteOrNull(fit.params.phi);
  m["initial_level"] = FiniteOrNull(fit.start.level);
  m["initial_trend"] = FiniteOrNull(fit.start.trend);
  m["initial_seasonal"] = Numbers(fit.start.seasonal);
  return m;
}

ordered_json ResourceJson(const ResourceForecast& f) {
  ordered_json r;
  r["name"] = f.name;
  r["labels"] = f.labels;
  r["capacity"] = f.capacity ? FiniteOrNull(*f.capacity) : ordered_json();
  r["model"] = ModelJson(f.fit);
  r["sigma"] = FiniteOrNull(f.fit.sigma);
  ordered_json candidates = ordered_json::array();
  for (const CandidateScore& c : f.candidates) {
    candidates.push_back({{"model", c.model}, {"rmse", FiniteOrNull(c.holdout_rmse)}});
  }
  r["holdout"] = {{"points", f.holdout_points},
                  {"rmse", FiniteOrNull(f.holdout_rmse)},
                  {"mae", FiniteOrNull(f.holdout_mae)},
                  {"candidates", candidates}};
  r["saturation"] = {{"status", SaturationStatus(f)},
                     {"upper_band_date", DateOrNull(f.upper_crossing_s)},
                     {"upper_band_time_s",
                      f.upper_crossing_s ? FiniteOrNull(*f.upper_crossing_s) : ordered_json()},
                     {"mean_date", DateOrNull(f.mean_crossing_s)}};
  const RegularSeries& o = f.observed;
  r["step_s"] = o.step_s;
  r["observed"] = {{"time_s", Times(o.start_s, o.step_s, o.values.size())},
                   {"value", Numbers(o.values)},
                   {"filled_points", o.filled_points}};
  r["fitted"] = Numbers(f.fit.fitted);
  const double first_s = o.start_s + static_cast<double>(o.values.size()) * o.step_s;
  r["forecast"] = {{"time_s", Times(first_s, o.step_s, f.forecast.mean.size())},
                   {"mean", Numbers(f.forecast.mean)},
                   {"lower", Numbers(f.forecast.lower)},
                   {"upper", Numbers(f.forecast.upper)}};
  r["notes"] = f.notes;
  return r;
}

}  // namespace

std::string SaturationStatus(const ResourceForecast& f) {
  if (!f.capacity) return "no_capacity";
  return f.upper_crossing_s ? "crosses" : "not_within_horizon";
}

std::string ForecastJson(const ForecastReport& report) {
  ordered_json doc;
  doc["schema"] = kForecastSchema;
  doc["horizon_days"] = FiniteOrNull(report.horizon_days);
  doc["band_level"] = FiniteOrNull(report.level);
  ordered_json resources = ordered_json::array();
  for (const ResourceForecast& f : report.resources) resources.push_back(ResourceJson(f));
  doc["resources"] = resources;
  doc["notes"] = report.notes;
  return doc.dump(1) + "\n";
}

std::string ForecastText(const ForecastReport& report) {
  std::string out;
  for (const ResourceForecast& f : report.resources) {
    out += fmt::format("{}: {} (holdout RMSE {:.4g} over {} points)", f.name, f.fit.spec.name,
                       f.holdout_rmse, f.holdout_points);
    if (!f.capacity) {
      out += "; no capacity given (--capacity NAME=VALUE)\n";
      continue;
    }
    out += fmt::format("; capacity {:g}: ", *f.capacity);
    if (!f.upper_crossing_s) {
      out += fmt::format("not within the horizon ({:g} days)\n", report.horizon_days);
      continue;
    }
    out += fmt::format("upper {:g}% band crosses on {}", report.level * 100,
                       FormatUtcDate(*f.upper_crossing_s));
    if (f.mean_crossing_s)
      out += fmt::format(" (forecast itself: {})", FormatUtcDate(*f.mean_crossing_s));
    out += "\n";
  }
  return out;
}

}  // namespace headroom
