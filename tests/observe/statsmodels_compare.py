#!/usr/bin/python3
"""Compares `headroom forecast` with a peer implementation: Debian's python3-statsmodels.

Data: the airline passengers series, monthly totals of international airline passengers
(thousands), January 1949 to December 1960: Box, Jenkins & Reinsel, "Time Series Analysis:
Forecasting and Control", Series G (also Stata's air2, and statsmodels' own SARIMAX test data).
Months are mapped to consecutive days (a regular step) with a season of 12 steps.

1. Fixed parameters (the recursion, the start and the forecast): headroom's Holt-Winters additive
   (undamped and damped) with alpha, beta, gamma (and phi) fixed, against statsmodels started
   from the same initial states ('known' initialisation): the one-step fitted values against
   ExponentialSmoothing(optimized=False), the 24-step forecasts against ETSModel (the state-space
   form, ETS beta = alpha * beta). Tolerance: 1e-6 absolute.
   ExponentialSmoothing's own forecast (statsmodels 0.13.5) differs from both at h = 12 and 24
   (whole seasons ahead), where it adds the seasonal state of a season earlier than the last
   update; ETSModel and headroom use the last updated state (FPP3 8.3: s(t+h-m(k+1))). Its
   differences are printed, not checked.
2. Prediction band: the width of headroom's band divided by its sigma is z * sqrt(v(h)); the same
   ratio from ETSModel's analytic intervals (divided by its sigma, sqrt(mse)) with the same
   parameters and start. Tolerance: 1e-6 relative.
3. Fitted parameters: headroom's SSE-minimising fit against statsmodels' (both from headroom's
   start): headroom's SSE within 2% of statsmodels' (different optimisers, same objective).

Usage: statsmodels_compare.py HEADROOM
"""
import json
import warnings
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd
from statsmodels.tsa.holtwinters import ExponentialSmoothing
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

AIRLINE = [
    112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118,
    115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140,
    145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166,
    171, 180, 193, 181, 183, 218, 230, 242, 209, 191, 172, 194,
    196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201,
    204, 188, 235, 227, 234, 264, 302, 293, 259, 229, 203, 229,
    242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278,
    284, 277, 317, 313, 318, 374, 413, 405, 355, 306, 271, 306,
    315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336,
    340, 318, 362, 348, 363, 435, 491, 505, 404, 359, 310, 337,
    360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405,
    417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432,
]
START_S = 946684800  # 2000-01-01T00:00:00Z; one month of data per day
HORIZON = 24
ABS_TOLERANCE = 1e-6
SSE_TOLERANCE = 0.02


def headroom(binary, csv_path, *options):
    out = subprocess.run([binary, "forecast", csv_path, "--format", "json",
                          "--horizon-days", str(HORIZON), *options],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)["resources"][0]


def fixed_comparison(binary, csv_path, y, damped):
    alpha, beta, gamma, phi = 0.3, 0.05, 0.4, 0.95
    options = ["--model", "damped_holt_winters" if damped else "holt_winters",
               "--period-steps", "12", "--alpha", str(alpha), "--beta", str(beta),
               "--gamma", str(gamma)]
    if damped:
        options += ["--phi", str(phi)]
    ours = headroom(binary, csv_path, *options)
    model = ours["model"]
    peer = ExponentialSmoothing(
        y, trend="add", damped_trend=damped, seasonal="add", seasonal_periods=12,
        initialization_method="known", initial_level=model["initial_level"],
        initial_trend=model["initial_trend"],
        initial_seasonal=np.array(model["initial_seasonal"]))
    fit_kwargs = dict(smoothing_level=alpha, smoothing_trend=beta, smoothing_seasonal=gamma,
                      optimized=False)
    if damped:
        fit_kwargs["damping_trend"] = phi
    result = peer.fit(**fit_kwargs)
    fitted_diff = np.max(np.abs(np.array(ours["fitted"]) - result.fittedvalues))
    es_diff = np.abs(np.array(ours["forecast"]["mean"]) - result.forecast(HORIZON))
    whole_seasons = [h - 1 for h in range(12, HORIZON + 1, 12)]
    es_other = np.max(np.delete(es_diff, whole_seasons))
    ets = ets_result(ours, y, alpha, beta, gamma, phi if damped else None)
    forecast_diff = np.max(np.abs(np.array(ours["forecast"]["mean"]) - np.array(ets.forecast(HORIZON))))
    name = "damped Holt-Winters" if damped else "Holt-Winters"
    print(f"{name} additive, fixed alpha={alpha} beta={beta} gamma={gamma}"
          + (f" phi={phi}" if damped else "")
          + f": max |fitted difference| {fitted_diff:.3g} (ExponentialSmoothing), max |forecast "
          f"difference| {forecast_diff:.3g} (ETSModel); tolerance {ABS_TOLERANCE:g}. "
          f"ExponentialSmoothing's forecast: {es_other:.3g} off at other steps, "
          f"{', '.join(f'{es_diff[i]:.3g}' for i in whole_seasons)} at h = 12, 24 (not checked)")
    ok = fitted_diff <= ABS_TOLERANCE and forecast_diff <= ABS_TOLERANCE
    return band_comparison(ours, ets, y) and ok


def ets_result(ours, y, alpha, beta, gamma, phi):
    model = ours["model"]
    ets = ETSModel(pd.Series(y), error="add", trend="add", seasonal="add",
                   damped_trend=phi is not None,
                   seasonal_periods=12, initialization_method="known",
                   initial_level=model["initial_level"], initial_trend=model["initial_trend"],
                   initial_seasonal=np.array(model["initial_seasonal"]))
    # ETS form: beta* = alpha * beta (Hyndman et al. 2008); gamma is the same in both forms.
    params = {"smoothing_level": alpha, "smoothing_trend": alpha * beta,
              "smoothing_seasonal": gamma}
    if phi is not None:
        params["damping_trend"] = phi
    with ets.fix_params(params):
        return ets.fit(disp=False)


def band_comparison(ours, result, y):
    frame = result.get_prediction(start=len(y), end=len(y) + HORIZON - 1).summary_frame(
        alpha=0.05)
    peer_ratio = (np.array(frame["pi_upper"]) - np.array(frame["mean"])) / np.sqrt(result.mse)
    ours_ratio = (np.array(ours["forecast"]["upper"]) - np.array(ours["forecast"]["mean"])) / \
        ours["sigma"]
    rel = np.max(np.abs(ours_ratio - peer_ratio) / peer_ratio)
    print(f"  band width / sigma against ETSModel's analytic interval: max relative difference "
          f"{rel:.3g} (tolerance 1e-6); peer mean difference "
          f"{np.max(np.abs(np.array(frame['mean']) - np.array(ours['forecast']['mean']))):.3g}")
    return rel <= 1e-6


def fitted_comparison(binary, csv_path, y):
    ours = headroom(binary, csv_path, "--model", "holt_winters", "--period-steps", "12")
    model = ours["model"]
    ours_sse = float(np.sum((np.array(ours["fitted"]) - y) ** 2))
    peer = ExponentialSmoothing(
        y, trend="add", seasonal="add", seasonal_periods=12, initialization_method="known",
        initial_level=model["initial_level"], initial_trend=model["initial_trend"],
        initial_seasonal=np.array(model["initial_seasonal"])).fit(optimized=True)
    peer_sse = float(peer.sse)
    ratio = ours_sse / peer_sse
    print(f"fitted Holt-Winters additive: headroom alpha={model['alpha']:.4f} "
          f"beta={model['beta']:.4f} gamma={model['gamma']:.4f} SSE {ours_sse:.1f}; statsmodels "
          f"alpha={peer.params['smoothing_level']:.4f} beta={peer.params['smoothing_trend']:.4f} "
          f"gamma={peer.params['smoothing_seasonal']:.4f} SSE {peer_sse:.1f}; ratio {ratio:.4f} "
          f"(tolerance: at most {1 + SSE_TOLERANCE:g})")
    return ratio <= 1 + SSE_TOLERANCE


def main():
    warnings.simplefilter("ignore")  # statsmodels' notes on 'known' initialisation
    binary = sys.argv[1]
    y = np.array(AIRLINE, dtype=float)
    with tempfile.TemporaryDirectory() as work:
        csv_path = os.path.join(work, "airline.csv")
        with open(csv_path, "w") as f:
            f.write("timestamp,value\n")
            for i, v in enumerate(AIRLINE):
                f.write(f"{START_S + i * 86400},{v}\n")
        ok = fixed_comparison(binary, csv_path, y, damped=False)
        ok = fixed_comparison(binary, csv_path, y, damped=True) and ok
        ok = fitted_comparison(binary, csv_path, y) and ok
    print("all comparisons within tolerance" if ok else "FAIL: a comparison is out of tolerance")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
