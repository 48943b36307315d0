#!/usr/bin/env bash
# Demand synthesis: Headroom (bench/demand_bench.cc) against the NumPy reference
# (bench/demand_numpy.py), run one after the other in the same invocation, and the ratio of
# their throughputs (points per second; a point is one (tenant, class, hour, sample) value).
#
#   bench/demand_compare.sh [build-dir] [numpy-tenants]
#
# Headroom runs GenerateEstate(1000 tenants, 24 months) with 128 samples on one thread; NumPy
# runs the same series shape for `numpy-tenants` tenants (default 50; its cost per point does
# not depend on the tenant count). Both wall-clock and CPU-time ratios are printed: on a shared
# machine the CPU-time ratio is the steadier one.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/dev}
numpy_tenants=${2:-50}
bench=$build/bench/demand_bench
[ -x "$bench" ] || { echo "demand_compare: $bench not built" >&2; exit 66; }

json=$(mktemp)
trap 'rm -f "$json"' EXIT
"$bench" --benchmark_filter='BM_DemandGenerated/tenants:1000/threads:1/keep:0' \
  --benchmark_format=json >"$json"
numpy_line=$(/usr/bin/python3 "$root/bench/demand_numpy.py" --tenants "$numpy_tenants")

/usr/bin/python3 - "$json" "$numpy_line" <<'PY'
import json, sys
bench = json.load(open(sys.argv[1]))["benchmarks"][0]
fields = dict(item.split("=") for item in sys.argv[2].split()[1:])
ours_wall = bench["ns_per_point"]
ours_cpu = bench["cpu_ns_per_point"]
numpy_wall = float(fields["ns_per_point"])
numpy_cpu = float(fields["cpu_seconds"]) * 1e9 / float(fields["points"])
print(f"headroom: {bench['points']:.4g} points, {ours_wall:.3f} ns/point wall "
      f"({1e9 / ours_wall:.4g} points/s), {ours_cpu:.3f} ns/point CPU, "
      f"peak memory {bench['peak_rss_mib']:.0f} MiB")
print(f"numpy:    {float(fields['points']):.4g} points ({fields['tenants']} tenants), "
      f"{numpy_wall:.3f} ns/point wall ({1e9 / numpy_wall:.4g} points/s), "
      f"{numpy_cpu:.3f} ns/point CPU")
print(f"ratio (headroom points/s ÷ numpy points/s): {numpy_wall / ours_wall:.1f}x wall, "
      f"{numpy_cpu / ours_cpu:.1f}x CPU")
PY
