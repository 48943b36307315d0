# The HTML report in headless Chromium: plans one built-in example, opens its report.html and
# checks it (tests/report/check_report.cjs). Usage: report_browser.sh HEADROOM SOURCE_DIR
# EXAMPLE OUTPUT_DIR. The report, plan.json and a screenshot stay in OUTPUT_DIR/EXAMPLE.
set -euo pipefail
HEADROOM=$1
SOURCE_DIR=$2
EXAMPLE=$3
OUT=$4/$EXAMPLE
# Chromium and the npm packages (playwright-core) come from the setup script.
"$SOURCE_DIR/scripts/setup"
rm -rf "$OUT"
mkdir -p "$OUT"
# A measured series for the forecast section: 60 days of a rising disk from a month before the
# example's start (docs/observe.md); its saturation falls in one of the plan's months.
start=$(sed -n 's/^  start: \([0-9-]*\).*/\1/p' "$SOURCE_DIR/examples/$EXAMPLE.yaml" | head -1)
python3 - "$start" >"$OUT/disk.csv" <<'PY'
import datetime, math, sys
t0 = datetime.datetime.strptime(sys.argv[1] + "-01", "%Y-%m-%d").replace(tzinfo=datetime.timezone.utc)
for d in range(60):
    t = t0 - datetime.timedelta(days=30) + datetime.timedelta(days=d)
    print(f"{int(t.timestamp())},{0.3 + 0.004 * d + 0.01 * math.sin(d):.4f}")
PY
"$HEADROOM" forecast "$OUT/disk.csv" --capacity disk=0.9 --horizon-days 365 --format json \
  -o "$OUT/forecast.json"
"$HEADROOM" plan --example "$EXAMPLE" -o "$OUT" --forecast "$OUT/forecast.json" >"$OUT.stdout"
TZ=UTC NODE_PATH="$SOURCE_DIR/web/node_modules" \
  node "$SOURCE_DIR/tests/report/check_report.cjs" "$OUT/report.html" "$OUT/plan.json" \
  "$OUT/screenshot.png"
# The simulation section, drawn from a simulation result (a fixture in place of the simulator's).
TZ=UTC NODE_PATH="$SOURCE_DIR/web/node_modules" \
  node "$SOURCE_DIR/tests/report/check_report.cjs" "$OUT/report.html" "$OUT/plan.json" \
  "$OUT/screenshot-with-simulation.png" "$SOURCE_DIR/tests/report/simulation_fixture.json"
