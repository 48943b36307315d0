# The HTML report of an estate whose names are markup: a tenant named like an <img> that would
# fetch a URL and run script, an estate named to close the data's <script> element. In headless
# Chromium they must show as text, fetch nothing and run nothing (tests/report/check_report.cjs).
# Usage: report_hostile_names.sh HEADROOM SOURCE_DIR OUTPUT_DIR
set -euo pipefail
HEADROOM=$1
SOURCE_DIR=$2
OUT=$3/hostile-names
"$SOURCE_DIR/scripts/setup"
rm -rf "$OUT"
mkdir -p "$OUT"
"$HEADROOM" examples healthcare-growth -o "$OUT/estate.yaml.orig"
sed -e 's|^  name: Meridian Health Services|  name: "Meridian </script><script>alert(1)</script> \&amp; Co"|' \
    -e 's|^  - name: meridian|  - name: "<img src=https://example.com/x.png onerror=alert(2)>"|' \
    "$OUT/estate.yaml.orig" >"$OUT/estate.yaml"
grep -q 'onerror=alert(2)' "$OUT/estate.yaml"
"$HEADROOM" plan "$OUT/estate.yaml" -o "$OUT" --samples 16 >"$OUT/stdout"
TZ=UTC NODE_PATH="$SOURCE_DIR/web/node_modules" \
  node "$SOURCE_DIR/tests/report/check_report.cjs" "$OUT/report.html" "$OUT/plan.json" \
  "$OUT/screenshot.png"
