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
"$HEADROOM" plan --example "$EXAMPLE" -o "$OUT" >"$OUT.stdout"
TZ=UTC NODE_PATH="$SOURCE_DIR/web/node_modules" \
  node "$SOURCE_DIR/tests/report/check_report.cjs" "$OUT/report.html" "$OUT/plan.json" \
  "$OUT/screenshot.png"
# The simulation section, drawn from a simulation result (a fixture in place of the simulator's).
TZ=UTC NODE_PATH="$SOURCE_DIR/web/node_modules" \
  node "$SOURCE_DIR/tests/report/check_report.cjs" "$OUT/report.html" "$OUT/plan.json" \
  "$OUT/screenshot-with-simulation.png" "$SOURCE_DIR/tests/report/simulation_fixture.json"
