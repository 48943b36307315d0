# `headroom forecast --prometheus` against a real Prometheus: three weeks of samples with a trend
# and a daily season are written as OpenMetrics, turned into TSDB blocks by `promtool tsdb
# create-blocks-from openmetrics`, and served by `prometheus` on a free loopback port; headroom
# reads them through the HTTP API (/api/v1/query_range) and must date the saturation where the
# trend puts it. Also: a server that is down and a query Prometheus refuses both exit 69 (EX_UNAVAILABLE).
source "$(dirname "$0")/lib.bash"

command -v promtool >/dev/null && command -v prometheus >/dev/null ||
  { echo "FAIL: prometheus and promtool not found (scripts/setup installs them)"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# 1. Data: disk used ratio 0.5 + 0.01/day + 0.02 sin(daily), cpu ratio 0.3 + 0.15 sin(daily),
# every 2 minutes (inside Prometheus' 5-minute lookback) for 21 days ending an hour ago.
end_s=$(( $(date +%s) / 120 * 120 - 3600 ))
start_s=$(( end_s - 21 * 86400 ))
python3 - "$start_s" "$end_s" >"$WORK/data.om" <<'PY'
import math, random, sys
start, end = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(11)
for name, f in (("headroom_disk_used_ratio",
                 lambda d: 0.5 + 0.01 * d + 0.02 * math.sin(2 * math.pi * d)),
                ("headroom_cpu_ratio", lambda d: 0.3 + 0.15 * math.sin(2 * math.pi * d))):
    print(f"# TYPE {name} gauge")
    for t in range(start, end + 1, 120):
        d = (t - start) / 86400
        print(f'{name}{{instance="db1"}} {f(d) + rng.gauss(0, 0.005):.6f} {t}')
print("# EOF")
PY
promtool tsdb create-blocks-from openmetrics "$WORK/data.om" "$WORK/tsdb" >"$WORK/promtool.log" 2>&1 ||
  { echo "FAIL: promtool could not create blocks"; cat "$WORK/promtool.log"; exit 1; }

# 2. The server, stopped whatever happens.
port=$(free_port)
printf 'global:\n  scrape_interval: 1m\n' >"$WORK/prometheus.yml"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
  --storage.tsdb.retention.time=3650d --web.listen-address="127.0.0.1:$port" \
  >"$WORK/prometheus.log" 2>&1 &
prom_pid=$!
trap 'kill "$prom_pid" 2>/dev/null; wait "$prom_pid" 2>/dev/null; rm -rf "$WORK"' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 1 60); do
  curl -sf "$url/-/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "$url/-/ready" >/dev/null || { echo "FAIL: prometheus not ready"; tail -20 "$WORK/prometheus.log"; exit 1; }

# 3. Forecast through the HTTP API.
expect_exit 0 -- "$HEADROOM" forecast --prometheus "$url" \
  --query 'disk=headroom_disk_used_ratio' --query 'cpu=max(headroom_cpu_ratio)' \
  --capacity disk=0.9 --capacity cpu=1 --range-days 21 --step 3600 --horizon-days 60 \
  --format json -o "$WORK/forecast.json"
sed 's/^/  stderr: /' "$WORK/stderr" | head -5
python3 - "$WORK/forecast.json" "$start_s" <<'PY' || failures=$((failures + 1))
import json, sys
doc = json.load(open(sys.argv[1]))
start = int(sys.argv[2])
assert doc["schema"] == "headroom.forecast/v1", doc["schema"]
res = {r["name"].split("{")[0]: r for r in doc["resources"]}
disk, cpu = res["disk"], res["cpu"]
n = len(disk["observed"]["value"])
assert n >= 490, f"disk: only {n} hourly points read"
# The trend reaches 0.9 at day 40 after the start; the point forecast must date it within
# 3 days, the upper band no later and at most 8 days earlier.
true_s = start + 40 * 86400
mean_s = disk["forecast"]["time_s"][[i for i, v in enumerate(disk["forecast"]["mean"]) if v >= 0.9][0]]
upper_s = disk["saturation"]["upper_band_time_s"]
print(f"  disk: model {disk['model']['name']}, holdout RMSE {disk['holdout']['rmse']:.4f}, "
      f"upper band crosses 0.9 on {disk['saturation']['upper_band_date']}, forecast on "
      f"{disk['saturation']['mean_date']}; the trend's own date is day 40 "
      f"({(mean_s - true_s) / 86400:+.1f} days)")
assert disk["saturation"]["status"] == "crosses"
assert abs(mean_s - true_s) <= 3 * 86400, "forecast date off by more than 3 days"
assert true_s - 8 * 86400 <= upper_s <= mean_s, "upper band date out of range"
print(f"  cpu: model {cpu['model']['name']}, saturation {cpu['saturation']['status']}")
assert cpu["saturation"]["status"] == "not_within_horizon"
assert "holt_winters" in cpu["model"]["name"], "a daily season should win for cpu"
PY

expect_exit 0 -- "$HEADROOM" forecast --prometheus "$url" --query 'disk=headroom_disk_used_ratio' \
  --capacity disk=0.9 --range-days 21 --horizon-days 60
expect_contains "$WORK/stdout" "disk{instance=db1}: "
expect_contains "$WORK/stdout" "band crosses on"

# 4. A query Prometheus refuses: its message, exit 69.
expect_exit 69 -- "$HEADROOM" forecast --prometheus "$url" --query 'bad=sum((' --range-days 1
expect_contains "$WORK/stderr" "Prometheus answered with an error: bad_data"

# 5. A server that is down: the URL named, exit 69.
down="http://127.0.0.1:$(free_port)"
expect_exit 69 -- "$HEADROOM" forecast --prometheus "$down" --range-days 1
expect_contains "$WORK/stderr" "Prometheus at $down: cannot reach"

finish
