# `headroom forecast` on files: a CSV and a Prometheus query_range JSON read, forecast and dated;
# bad files give every error located with exit 65, a missing file 66, a bad option 64; and
# `headroom plan --forecast` puts the saturation dates beside the plan's months.
source "$(dirname "$0")/lib.bash"

# Six weeks hourly from 2027-01-01: 0.3 + 0.0002/h + a daily season; reaches 0.9 at h = 3000
# (2027-05-06), the season's peak (+0.05) at h = 2750 (2027-04-25).
python3 - "$WORK" <<'PY'
import json, math, random, sys
work = sys.argv[1]
rng = random.Random(3)
start = 1798761600  # 2027-01-01T00:00:00Z
rows = [(start + h * 3600, 0.3 + 0.0002 * h + 0.05 * math.sin(2 * math.pi * h / 24) + rng.gauss(0, 0.003))
        for h in range(42 * 24)]
with open(f"{work}/disk.csv", "w") as f:
    f.write("timestamp,value,instance\n")
    f.writelines(f"{t},{v:.5f},db1\n" for t, v in rows)
doc = {"status": "success", "data": {"resultType": "matrix", "result": [
    {"metric": {"__name__": "mem", "job": "redis"}, "values": [[t, f"{v:.5f}"] for t, v in rows]}]}}
json.dump(doc, open(f"{work}/mem.json", "w"))
PY
expect_exit 0 -- "$HEADROOM" forecast "$WORK/disk.csv" "$WORK/mem.json" --capacity disk=0.9 \
  --horizon-days 180
expect_contains "$WORK/stdout" "disk{instance=db1}: holt_winters"
expect_contains "$WORK/stdout" "capacity 0.9: upper 95% band crosses on 2027-04-"
expect_contains "$WORK/stdout" "mem{job=redis}: "
expect_contains "$WORK/stdout" "no capacity given"

expect_exit 0 -- "$HEADROOM" forecast "$WORK/disk.csv" --capacity disk=0.9 --horizon-days 180 \
  --format json -o "$WORK/forecast.json"
expect_contains "$WORK/forecast.json" '"schema": "headroom.forecast/v1"'
expect_contains "$WORK/forecast.json" '"status": "crosses"'
# Same input, same bytes.
"$HEADROOM" forecast "$WORK/disk.csv" --capacity disk=0.9 --horizon-days 180 --format json \
  -o "$WORK/again.json"
cmp -s "$WORK/forecast.json" "$WORK/again.json" || { echo "FAIL: forecast JSON differs between runs"; failures=$((failures + 1)); }

# The plan of an estate starting 2027-01 shows the date in its month 2027-04 (offset 3).
expect_exit 0 -- "$HEADROOM" plan --example healthcare-growth --samples 8 -o "$WORK/plan" \
  --forecast "$WORK/forecast.json"
python3 - "$WORK/plan/plan.json" <<'PY' || failures=$((failures + 1))
import json, sys
r = json.load(open(sys.argv[1]))["forecast"]["resources"][0]
print(f"  plan.json forecast: {r['name']} saturates {r['saturation_date']} in plan month {r['plan_month']}")
assert r["status"] == "crosses" and r["plan_month"] == {"label": "2027-04", "month": 3}, r
PY
printf '{"schema":"headroom.plan/v1"}' >"$WORK/not-forecast.json"
expect_exit 65 -- "$HEADROOM" plan --example healthcare-growth --samples 8 -o "$WORK/plan2" \
  --forecast "$WORK/not-forecast.json"
expect_contains "$WORK/stderr" "not a headroom.forecast/v1 document"

# Bad input: every error, located.
printf 'timestamp,value\n100,1\nyesterday,2\n200,lots\n200,3\n300,4\n300,5\n250,6\n' >"$WORK/bad.csv"
expect_exit 65 -- "$HEADROOM" forecast "$WORK/bad.csv"
expect_contains "$WORK/stderr" "bad.csv:3:1: error: timestamp: 'yesterday' is not a timestamp"
expect_contains "$WORK/stderr" "bad.csv:4:5: error: value: 'lots' is not a number"
expect_contains "$WORK/stderr" "bad.csv:7:5: error: value: duplicate timestamp 300"
expect_contains "$WORK/stderr" "bad.csv:8:5: error: value: timestamp 250"
expect_contains "$WORK/stderr" "4 errors"
printf '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[10,"1"],[20,"x"]]}' >"$WORK/cut.json"
expect_exit 65 -- "$HEADROOM" forecast "$WORK/cut.json"
expect_contains "$WORK/stderr" "cut.json:1:103: error: malformed JSON: syntax error while parsing array - unexpected end of input"
expect_exit 66 -- "$HEADROOM" forecast "$WORK/missing.csv"
expect_exit 64 -- "$HEADROOM" forecast "$WORK/disk.csv" --capacity disk
expect_exit 64 -- "$HEADROOM" forecast

finish
