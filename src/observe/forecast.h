#pragma once
// Forecasting one resource: its series is put on a regular grid (regular_grid.h); candidate
// models are fitted on the first 80% and scored by their error on the last 20% (the holdout);
// the best is fitted again on all the data and forecast over the horizon with a prediction band;
// the saturation date is when the band's upper edge first reaches the capacity.
//
// Candidates: a least-squares line (linear_trend.h); damped Holt; Holt-Winters additive with a
// daily season, and with a weekly one, when the grid step divides the season and the training
// part holds two whole seasons (so weekly needs 17.5 days of data). No double-seasonal model: a
// weekly season already holds each weekday's daily shape, and the holdout decides between them.
// Smoothing parameters minimise the sum of squared one-step errors (Nelder-Mead from the best
// point of a coarse grid). Bands: analytic for every model (linear_trend.h,
// exponential_smoothing.h), with σ² = SSE / (n - parameters).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "observe/exponential_smoothing.h"
#include "observe/linear_trend.h"
#include "observe/regular_grid.h"
#include "observe/series.h"

namespace headroom {

enum class ModelKind { kLinear, kDampedHolt, kHoltWinters, kDampedHoltWinters };

struct ModelSpec {
  ModelKind kind = ModelKind::kLinear;
  int period_steps = 0;  // Holt-Winters only
  std::string name;      // "linear", "damped_holt", "holt_winters_daily", ...
};

// Expert settings (hidden options of `headroom forecast`): one model with parameters fixed,
// e.g. for comparing the recursion with another implementation.
struct FixedModel {
  ModelSpec spec;
  std::optional<double> alpha, beta, gamma, phi;
};

struct ForecastOptions {
  double horizon_s = 90 * 86400.0;
  double level = 0.95;              // of the prediction band
  std::optional<double> capacity;   // in the series' unit
  std::optional<FixedModel> fixed;  // skip selection: fit (or fix) this model
  double holdout_fraction = 0.2;
};

struct ModelFit {
  ModelSpec spec;
  SmoothingParams params;  // smoothing models
  SmoothingStart start;
  SmoothingRun run;            // smoothing models: the states after the data
  LinearTrend line;            // linear model
  std::vector<double> fitted;  // in-sample one-step (smoothing) or line values
  double sigma = 0;            // residual standard deviation
};

struct CandidateScore {
  std::string model;
  double holdout_rmse = 0;
};

struct Band {
  std::vector<double> mean, lower, upper;
};

struct ResourceForecast {
  std::string name;
  std::map<std::string, std::string> labels;
  RegularSeries observed;
  ModelFit fit;                            // on all the data
  Band forecast;                           // steps 1..horizon after the last observation
  std::vector<CandidateScore> candidates;  // holdout scores, in the order tried
  int holdout_points = 0;
  double holdout_rmse = 0;
  double holdout_mae = 0;
  std::optional<double> capacity;
  std::optional<double> upper_crossing_s;  // first forecast time the upper band reaches capacity
  std::optional<double> mean_crossing_s;   // same for the point forecast
  std::vector<std::string> notes;
};

// The candidate models for a grid of `points` training points of `step_s` seconds.
std::vector<ModelSpec> CandidateModels(int train_points, double step_s);

// Fits `spec` to y (fixed parameters from `fixed` where given).
ModelFit FitModel(const std::vector<double>& y, const ModelSpec& spec,
                  const FixedModel* fixed = nullptr);

// Forecast steps 1..horizon_steps after y's end with a `level` band.
Band PredictModel(const ModelFit& fit, int observed_points, int horizon_steps, double level);

// REQUIRES: series has at least 8 samples (else an error naming it).
Result<ResourceForecast> ForecastSeries(const Series& series, const ForecastOptions& options);

}  // namespace headroom
