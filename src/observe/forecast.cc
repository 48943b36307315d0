#include "observe/forecast.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "observe/nelder_mead.h"

namespace headroom {
namespace {

constexpr int kMinPoints = 8;
// Irregular samples (one a second, then one a year later) would make a huge grid.
constexpr double kMaxGridPoints = 1e6;
constexpr double kDaySeconds = 86400;
constexpr double kWeekSeconds = 7 * kDaySeconds;

// Smallest and largest smoothing parameters tried: 0 and 1 make a state frozen or memoryless.
constexpr double kLowParam = 1e-4;
constexpr double kHighParam = 0.9999;
// Damping between 0.8 and 0.98 (Hyndman & Athanasopoulos, FPP3 8.2: below 0.8 damping is too
// strong for most series, above 0.98 it is hard to tell from no damping).
constexpr double kLowPhi = 0.8;
constexpr double kHighPhi = 0.98;

std::optional<int> SeasonSteps(double season_s, double step_s) {
  const double steps = season_s / step_s;
  if (std::abs(steps - std::round(steps)) > 1e-9 || steps < 2) return std::nullopt;
  return static_cast<int>(std::lround(steps));
}

bool IsSeasonal(ModelKind kind) {
  return kind == ModelKind::kHoltWinters || kind == ModelKind::kDampedHoltWinters;
}
bool IsDamped(ModelKind kind) {
  return kind == ModelKind::kDampedHolt || kind == ModelKind::kDampedHoltWinters;
}

SmoothingParams BaseParams(const ModelSpec& spec) {
  SmoothingParams p;
  p.trend = true;
  p.period_steps = IsSeasonal(spec.kind) ? spec.period_steps : 0;
  p.phi = IsDamped(spec.kind) ? 0.98 : 1.0;
  return p;
}

// The free parameters of a model, as a vector the optimiser moves: α, β, then γ (seasonal) or
// φ (damped).
struct ParamLayout {
  bool gamma = false;
  bool phi = false;
  std::optional<double> fixed_alpha, fixed_beta, fixed_gamma, fixed_phi;

  SmoothingParams Apply(SmoothingParams p, const std::vector<double>& x) const {
    size_t i = 0;
    p.alpha = fixed_alpha ? *fixed_alpha : x[i++];
    p.beta = fixed_beta ? *fixed_beta : x[i++];
    if (gamma) p.gamma = fixed_gamma ? *fixed_gamma : x[i++];
    if (phi) p.phi = fixed_phi ? *fixed_phi : x[i++];
    return p;
  }
  Box Bounds() const {
    Box box;
    auto add = [&box](bool free, double lo, double hi) {
      if (!free) return;
      box.lower.push_back(lo);
      box.upper.push_back(hi);
    };
    add(!fixed_alpha, kLowParam, kHighParam);
    add(!fixed_beta, kLowParam, kHighParam);
    add(gamma && !fixed_gamma, kLowParam, kHighParam);
    add(phi && !fixed_phi, kLowPhi, kHighPhi);
    return box;
  }
};

// The best point of a coarse grid over the free parameters: Nelder-Mead's start.
std::vector<double> GridStart(const std::function<double(const std::vector<double>&)>& sse,
                              const Box& box) {
  static constexpr double kFractions[] = {0.05, 0.3, 0.7};
  const size_t n = box.lower.size();
  std::vector<double> best;
  double best_value = std::numeric_limits<double>::infinity();
  size_t combos = 1;
  for (size_t i = 0; i < n; ++i) combos *= 3;
  for (size_t code = 0; code < combos; ++code) {
    std::vector<double> x(n);
    size_t rest = code;
    for (size_t i = 0; i < n; ++i, rest /= 3) {
      x[i] = box.lower[i] + kFractions[rest % 3] * (box.upper[i] - box.lower[i]);
    }
    const double value = sse(x);
    if (value < best_value) {
      best_value = value;
      best = x;
    }
  }
  return best;
}

ModelFit FitSmoothing(const std::vector<double>& y, const ModelSpec& spec,
                      const FixedModel* fixed) {
  ModelFit fit;
  fit.spec = spec;
  SmoothingParams base = BaseParams(spec);
  ParamLayout layout;
  layout.gamma = base.period_steps > 0;
  layout.phi = IsDamped(spec.kind);
  if (fixed != nullptr) {
    layout.fixed_alpha = fixed->alpha;
    layout.fixed_beta = fixed->beta;
    layout.fixed_gamma = fixed->gamma;
    layout.fixed_phi = fixed->phi;
    if (fixed->phi) {
      layout.phi = true;
      base.phi = *fixed->phi;
    }
  }
  fit.start = HeuristicStart(y, base);
  auto sse = [&](const std::vector<double>& x) {
    return RunSmoothing(y, layout.Apply(base, x), fit.start).sse;
  };
  const Box box = layout.Bounds();
  std::vector<double> x;
  if (!box.lower.empty()) x = MinimiseNelderMead(sse, GridStart(sse, box), box).x;
  fit.params = layout.Apply(base, x);
  fit.run = RunSmoothing(y, fit.params, fit.start);
  fit.fitted = fit.run.fitted;
  const SmoothingRun& run = fit.run;
  const double dof =
      std::max(1.0, static_cast<double>(y.size()) - static_cast<double>(box.lower.size()) - 2);
  fit.sigma = std::sqrt(run.sse / dof);
  return fit;
}

ModelFit FitLine(const std::vector<double>& y, const ModelSpec& spec) {
  ModelFit fit;
  fit.spec = spec;
  fit.line = FitLinearTrend(y);
  for (size_t t = 0; t < y.size(); ++t) {
    fit.fitted.push_back(fit.line.intercept + fit.line.slope_per_step * static_cast<double>(t));
  }
  fit.sigma = fit.line.residual_sd;
  return fit;
}

std::optional<double> FirstCrossing(const std::vector<double>& values, double capacity,
                                    double first_s, double step_s) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] >= capacity) return first_s + static_cast<double>(i) * step_s;
  }
  return std::nullopt;
}

struct Holdout {
  double rmse = 0;
  double mae = 0;
};

Holdout ScoreHoldout(const std::vector<double>& y, size_t train, const ModelSpec& spec,
                     const FixedModel* fixed, double level) {
  const std::vector<double> head(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(train));
  const ModelFit fit = FitModel(head, spec, fixed);
  const int horizon = static_cast<int>(y.size() - train);
  const Band band = PredictModel(fit, static_cast<int>(train), horizon, level);
  Holdout h;
  for (size_t i = 0; i < band.mean.size(); ++i) {
    const double e = y[train + i] - band.mean[i];
    h.rmse += e * e;
    h.mae += std::abs(e);
  }
  h.rmse = std::sqrt(h.rmse / horizon);
  h.mae /= horizon;
  return h;
}

}  // namespace

std::vector<ModelSpec> CandidateModels(int train_points, double step_s) {
  std::vector<ModelSpec> specs{{ModelKind::kLinear, 0, "linear"}};
  if (train_points >= kMinPoints) specs.push_back({ModelKind::kDampedHolt, 0, "damped_holt"});
  if (auto m = SeasonSteps(kDaySeconds, step_s); m && train_points >= 2 * *m) {
    specs.push_back({ModelKind::kHoltWinters, *m, "holt_winters_daily"});
    specs.push_back({ModelKind::kDampedHoltWinters, *m, "damped_holt_winters_daily"});
  }
  if (auto m = SeasonSteps(kWeekSeconds, step_s); m && train_points >= 2 * *m) {
    specs.push_back({ModelKind::kHoltWinters, *m, "holt_winters_weekly"});
    specs.push_back({ModelKind::kDampedHoltWinters, *m, "damped_holt_winters_weekly"});
  }
  return specs;
}

ModelFit FitModel(const std::vector<double>& y, const ModelSpec& spec, const FixedModel* fixed) {
  if (spec.kind == ModelKind::kLinear) return FitLine(y, spec);
  return FitSmoothing(y, spec, fixed);
}

Band PredictModel(const ModelFit& fit, int observed_points, int horizon_steps, double level) {
  Band band;
  if (fit.spec.kind == ModelKind::kLinear) {
    const double t_quantile = StudentTQuantile(level, std::max(1, fit.line.points - 2));
    for (int h = 1; h <= horizon_steps; ++h) {
      const double t0 = observed_points - 1 + h;
      const double mean = fit.line.intercept + fit.line.slope_per_step * t0;
      const double half = LinearHalfWidth(fit.line, t0, t_quantile);
      band.mean.push_back(mean);
      band.lower.push_back(mean - half);
      band.upper.push_back(mean + half);
    }
    return band;
  }
  const double z = NormalQuantile((1 + level) / 2);
  band.mean = SmoothingForecast(fit.run, fit.params, horizon_steps);
  const std::vector<double> factors = SmoothingVarianceFactors(fit.params, horizon_steps);
  for (int h = 0; h < horizon_steps; ++h) {
    const double half = z * fit.sigma * std::sqrt(factors[static_cast<size_t>(h)]);
    band.lower.push_back(band.mean[static_cast<size_t>(h)] - half);
    band.upper.push_back(band.mean[static_cast<size_t>(h)] + half);
  }
  return band;
}

Result<ResourceForecast> ForecastSeries(const Series& series, const ForecastOptions& options) {
  if (series.times_s.size() < static_cast<size_t>(kMinPoints)) {
    return InvalidError(fmt::format("series {} has {} samples; forecasting needs at least {}",
                                    series.name, series.times_s.size(), kMinPoints));
  }
  ResourceForecast out;
  out.name = series.name;
  out.labels = series.labels;
  if (options.fixed && IsSeasonal(options.fixed->spec.kind) &&
      series.times_s.size() < 2 * static_cast<size_t>(options.fixed->spec.period_steps)) {
    return InvalidError(fmt::format("series {} has {} samples; a season of {} steps needs two",
                                    series.name, series.times_s.size(),
                                    options.fixed->spec.period_steps));
  }
  out.capacity = options.capacity;
  const double step_s = ChooseStepSeconds(series);
  const double span_s = series.times_s.back() - series.times_s.front();
  if (span_s / step_s > kMaxGridPoints || options.horizon_s / step_s > kMaxGridPoints) {
    return InvalidError(fmt::format(
        "series {}: {:.0f} s of data and a {:.0f} s horizon in steps of {:g} s is more than {} "
        "points",
        series.name, span_s, options.horizon_s, step_s, kMaxGridPoints));
  }
  out.observed = Regularize(series, step_s);
  const std::vector<double>& y = out.observed.values;
  if (out.observed.filled_points > 0) {
    out.notes.push_back(
        fmt::format("{} of {} grid points were gaps, filled by linear interpolation",
                    out.observed.filled_points, y.size()));
  }
  const size_t holdout = std::max<size_t>(
      1,
      static_cast<size_t>(std::lround(options.holdout_fraction * static_cast<double>(y.size()))));
  const size_t train = y.size() - holdout;
  out.holdout_points = static_cast<int>(holdout);
  const FixedModel* fixed = options.fixed ? &*options.fixed : nullptr;
  std::vector<ModelSpec> specs;
  if (fixed != nullptr) {
    specs.push_back(fixed->spec);
  } else {
    specs = CandidateModels(static_cast<int>(train), step_s);
  }
  size_t best = 0;
  Holdout best_score{std::numeric_limits<double>::infinity(), 0};
  for (size_t i = 0; i < specs.size(); ++i) {
    const int period = specs[i].period_steps;
    if (IsSeasonal(specs[i].kind) && train < 2 * static_cast<size_t>(period)) {
      out.notes.push_back(fmt::format(
          "{}: the training part is shorter than two seasons; not scored", specs[i].name));
      continue;
    }
    const Holdout score = ScoreHoldout(y, train, specs[i], fixed, options.level);
    out.candidates.push_back({specs[i].name, score.rmse});
    if (score.rmse < best_score.rmse) {
      best_score = score;
      best = i;
    }
  }
  out.holdout_rmse = std::isfinite(best_score.rmse) ? best_score.rmse : 0;
  out.holdout_mae = best_score.mae;
  out.fit = FitModel(y, specs[best], fixed);
  const int horizon = std::max(1, static_cast<int>(std::ceil(options.horizon_s / step_s)));
  out.forecast = PredictModel(out.fit, static_cast<int>(y.size()), horizon, options.level);
  if (options.capacity) {
    const double first_s = out.observed.start_s + static_cast<double>(y.size()) * step_s;
    out.upper_crossing_s = FirstCrossing(out.forecast.upper, *options.capacity, first_s, step_s);
    out.mean_crossing_s = FirstCrossing(out.forecast.mean, *options.capacity, first_s, step_s);
  }
  return out;
}

}  // namespace headroom
