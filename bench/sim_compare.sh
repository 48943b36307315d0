#!/usr/bin/env bash
# Discrete-event engine: Headroom (bench/sim_bench.cc, BM_EngineMmc) against SimPy
# (bench/sim_simpy.py) on the same M/M/c model (c = 8, ρ = 0.8), run one after the other in the
# same invocation, and the ratio of their events per second (an event is an arrival or a
# departure; 2 per customer).
#
#   bench/sim_compare.sh [build-dir] [simpy-customers]
#
# Headroom runs 10^6 customers; SimPy `simpy-customers` (default 100,000; its cost per event does
# not depend on the count). Both SimPy generations packaged for Debian 12 are measured when
# installed (python3-simpy3: SimPy 3; python3-simpy: SimPy 2). Wall-clock and CPU-time ratios are
# printed: on a shared machine the CPU-time ratio is the steadier one.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/dev}
simpy_customers=${2:-100000}
bench=$build/bench/sim_bench
[ -x "$bench" ] || { echo "sim_compare: $bench not built" >&2; exit 66; }

json=$(mktemp)
trap 'rm -f "$json"' EXIT
"$bench" --benchmark_filter='BM_EngineMmc' --benchmark_out="$json" \
  --benchmark_out_format=json >/dev/null 2>&1
lines=()
for generation in 3 2; do
  if line=$(/usr/bin/python3 "$root/bench/sim_simpy.py" --simpy "$generation" \
      --customers "$simpy_customers" 2>/dev/null); then
    lines+=("$line")
  fi
done
[ ${#lines[@]} -gt 0 ] || { echo "sim_compare: SimPy is not installed (scripts/setup)" >&2; exit 69; }

/usr/bin/python3 - "$json" "${lines[@]}" <<'PY'
import json, sys
bench = json.load(open(sys.argv[1]))["benchmarks"][0]
ours_wall = bench["ns_per_event"]
ours_cpu = bench["cpu_ns_per_event"]
print(f"headroom:     {bench['events']:.4g} events, {ours_wall:.1f} ns/event wall "
      f"({1e9 / ours_wall:.4g} events/s), {ours_cpu:.1f} ns/event CPU, "
      f"mean wait {bench['mean_wait_s']:.4f} s")
for line in sys.argv[2:]:
    fields = dict(item.split("=") for item in line.split()[1:])
    events = float(fields["events"])
    wall = float(fields["ns_per_event"])
    cpu = float(fields["cpu_seconds"]) * 1e9 / events
    print(f"simpy {fields['version']:7s} {events:.4g} events, {wall:.1f} ns/event wall "
          f"({1e9 / wall:.4g} events/s), {cpu:.1f} ns/event CPU, "
          f"mean wait {float(fields['mean_wait_s']):.4f} s")
    print(f"  ratio (headroom events/s ÷ simpy {fields['version']} events/s): "
          f"{wall / ours_wall:.0f}x wall, {cpu / ours_cpu:.0f}x CPU")
PY
