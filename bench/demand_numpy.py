#!/usr/bin/python3
"""NumPy reference for demand synthesis throughput (bench/demand_bench.cc).

The same series shape as Headroom's generated estate: per tenant, five classes built from
basis series (interactive and report: site users, central users, acquired sites; portal; api:
integrations; bus: sessions) over the real hours of 24 months from 2027-01, 128 samples. Each
tenant's sampled coefficients (two-piece normal draws) multiply its basis arrays, vectorised:

    values_c = einsum(coef[:, terms_c], basis[terms_c])   (samples × hours, per class)
    load     = Σ_c values_c × cpu_c                        (offered CPU cores)
    per month: max and argmax of load (peak), values at the argmax hour,
               masked mean of values_c over business hours (sustained), max of sessions
    estate:    Σ_tenants load and sessions per sample and hour, then its per-month argmax

A point is one (tenant, class, hour, sample) value, as in the C++ benchmark. Only the
sample-dependent work is timed: building each tenant's bases is excluded (the C++ figure
includes it), which favours NumPy. Each step uses the fastest NumPy form measured on this machine
(einsum beat matmul with Debian's reference BLAS; reduceat beat a mask matrix product).

Prints one line: `numpy tenants=N points=P seconds=S cpu_seconds=C ns_per_point=X
points_per_s=Y` (wall-clock time; cpu_seconds is this process's CPU time over the same spans).
"""

import argparse
import datetime
import time

import numpy as np

CLASSES = ["interactive", "report", "portal", "api", "bus"]
CPU_MS = np.array([115.0, 2300.0, 85.0, 65.0, 0.0])  # app + db CPU ms; bus carries sessions
OFFICE = np.array([0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.08, 0.3, 0.7, 0.95, 1.0, 0.9,
                   0.6, 0.8, 1.0, 0.95, 0.8, 0.5, 0.25, 0.12, 0.08, 0.05, 0.03, 0.02])


def horizon(months=24, start=(2027, 1)):
    """Hour index of each month's start, and each hour's day index."""
    firsts, hour = [], 0
    y, m = start
    for _ in range(months):
        firsts.append(hour)
        nxt = (y + (m == 12), m % 12 + 1)
        days = (datetime.date(*nxt, 1) - datetime.date(y, m, 1)).days
        hour += days * 24
        y, m = nxt
    firsts.append(hour)
    return np.array(firsts), hour


def tenant_bases(rng, firsts, hours):
    """(class index, basis) pairs shaped like a generated tenant's terms."""
    months = len(firsts) - 1
    day = np.arange(hours) // 24
    shift = int(rng.integers(-10, 10))
    local = (np.arange(hours) + shift) % 24
    weekday = (day + 4) % 7  # 2027-01-01 is a Friday
    business = weekday < 5
    w = OFFICE[local] * np.where(business, 1.0, 0.1)
    month_of_hour = np.searchsorted(firsts, np.arange(hours), side="right") - 1
    sites = rng.integers(1, 40) + np.cumsum(rng.integers(0, 2, months))[month_of_hour]
    events = np.where(rng.random(hours // 24 + 1)[day] < 0.25, 1.6, 1.0)
    onboarding = np.where(rng.random(hours // 24 + 1)[day] < 0.05, 1.5, 0.0)
    acquired = (month_of_hour >= rng.integers(0, months)).astype(float)
    launch = (month_of_hour >= rng.integers(0, months)).astype(float)
    bases = []
    for c, mix in ((0, 0.94), (1, 0.06)):
        shape = w * mix * events
        bases += [(c, shape * (sites + onboarding)), (c, shape), (c, shape * acquired * 3),
                  (c, shape * acquired)]
    bases.append((2, w * events * launch))
    share = OFFICE[local] / OFFICE.sum() * np.where(business, 1.0, 0.1)
    night = np.where((local >= 1) & (local < 4), 1.0 / 3, 0.0)
    bases += [(3, share * (sites + onboarding)), (3, night), (3, share * launch)]
    bases += [(4, w * sites), (4, w), (4, w * acquired * 3), (4, w * launch)]
    sustained = business & (local >= 8) & (local < 18) & (events == 1.0)
    return bases, sustained


def draw(rng, samples, terms):
    """Two-piece normal draws of each term's coefficient (median, -25% / +35% at 10/90%)."""
    mid = rng.uniform(0.01, 1.0, terms)
    z = rng.standard_normal((samples, terms))
    sigma = np.where(z < 0, 0.25 * mid, 0.35 * mid) / 1.2815515655446004
    return np.maximum(mid + z * sigma, 0.0)


def run(tenants, samples, seed):
    firsts, hours = horizon()
    months = len(firsts) - 1
    rng = np.random.default_rng(seed)
    estate_load = np.zeros((samples, hours))
    estate_sessions = np.zeros((samples, hours))
    rows = np.arange(samples)
    points, elapsed, cpu = 0, 0.0, 0.0
    for _ in range(tenants):
        bases, sustained = tenant_bases(rng, firsts, hours)
        basis = np.stack([b for _, b in bases])
        owner = np.array([c for c, _ in bases])
        mask = sustained.astype(float)
        counts = np.maximum(np.add.reduceat(mask, firsts[:-1]), 1.0)
        start, start_cpu = time.perf_counter(), time.process_time()
        coef = draw(rng, samples, len(bases))
        load = np.zeros((samples, hours))
        scratch = np.empty((samples, hours))
        sessions = None
        sustained_rates = []
        for c in range(len(CLASSES)):
            terms = np.flatnonzero(owner == c)
            values = np.einsum("sk,kh->sh", coef[:, terms], basis[terms])
            np.multiply(values, mask, out=scratch)
            sustained_rates.append(np.add.reduceat(scratch, firsts[:-1], axis=1) / counts)
            if CLASSES[c] == "bus":
                sessions = values
            else:
                np.multiply(values, CPU_MS[c] / 1000.0, out=scratch)
                load += scratch
        peak_rates = np.zeros((len(CLASSES), samples, months))
        peak_sessions = np.maximum.reduceat(sessions, firsts[:-1], axis=1)
        for m in range(months):
            a, b = firsts[m], firsts[m + 1]
            hour = a + load[:, a:b].argmax(axis=1)
            for c in range(len(CLASSES)):
                terms = np.flatnonzero(owner == c)
                peak_rates[c, :, m] = (coef[:, terms] * basis[terms][:, hour].T).sum(axis=1)
        estate_load += load
        estate_sessions += sessions
        elapsed += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
        points += len(CLASSES) * hours * samples
        del peak_sessions, sustained_rates
    start, start_cpu = time.perf_counter(), time.process_time()
    estate_peak = [a + estate_load[:, a:b].argmax(axis=1) for a, b in zip(firsts[:-1], firsts[1:])]
    estate_max_sessions = np.maximum.reduceat(estate_sessions, firsts[:-1], axis=1)
    elapsed += time.perf_counter() - start
    cpu += time.process_time() - start_cpu
    del estate_peak, estate_max_sessions, rows
    return points, elapsed, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tenants", type=int, default=50)
    parser.add_argument("--samples", type=int, default=128)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    points, seconds, cpu = run(args.tenants, args.samples, args.seed)
    print(f"numpy tenants={args.tenants} points={points} seconds={seconds:.3f} "
          f"cpu_seconds={cpu:.3f} ns_per_point={seconds * 1e9 / points:.3f} "
          f"points_per_s={points / seconds:.4g}")


if __name__ == "__main__":
    main()
