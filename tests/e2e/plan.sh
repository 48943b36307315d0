# `headroom plan`: the default run writes plan.json, demand.json and report.html; the same input
# and seed give byte-identical files; every built-in example plans; a bad estate writes nothing.
source "$(dirname "$0")/lib.bash"

expect_exit 0 -- "$HEADROOM" plan -o "$WORK/a"
expect_contains "$WORK/stdout" "Meridian Health Services"
expect_contains "$WORK/stdout" "Roadmap"
expect_contains "$WORK/a/plan.json" '"schema": "headroom.plan/v1"'
# The summary fits 100 columns (bytes counted, which is stricter than characters).
wide=$(LC_ALL=C awk 'length > 100' "$WORK/stdout" | head -3)
[ -z "$wide" ] || { echo "FAIL: summary lines over 100 columns:"; echo "$wide"; failures=$((failures + 1)); }
[ -s "$WORK/a/demand.json" ] || { echo "FAIL: no demand.json"; failures=$((failures + 1)); }
expect_contains "$WORK/a/report.html" '"schema":"headroom.report/v1"'

expect_exit 0 -- "$HEADROOM" plan -o "$WORK/b"
cmp "$WORK/a/plan.json" "$WORK/b/plan.json" || { echo "FAIL: plan.json differs between runs"; failures=$((failures + 1)); }
cmp "$WORK/a/demand.json" "$WORK/b/demand.json" || { echo "FAIL: demand.json differs"; failures=$((failures + 1)); }
cmp "$WORK/a/report.html" "$WORK/b/report.html" || { echo "FAIL: report.html differs"; failures=$((failures + 1)); }

expect_exit 0 -- "$HEADROOM" plan -o "$WORK/c" --seed 99 --samples 32
cmp -s "$WORK/a/plan.json" "$WORK/c/plan.json" && { echo "FAIL: another seed gave the same plan"; failures=$((failures + 1)); }

for name in subsidiaries acquisition; do
  expect_exit 0 -- "$HEADROOM" plan --example "$name" -o "$WORK/$name" --samples 16
  expect_contains "$WORK/$name/plan.json" '"label": "2028-'
done

# A user catalog: the documented example reads and prices the plan exactly as the built-in one.
expect_exit 0 -- "$HEADROOM" plan -o "$WORK/cat" --catalog "$SOURCE_DIR/docs/catalog-example.yaml"
cmp "$WORK/a/plan.json" "$WORK/cat/plan.json" || { echo "FAIL: the example catalog priced differently"; failures=$((failures + 1)); }
printf 'name: x\n' >"$WORK/bad-catalog.yaml"
expect_exit 65 -- "$HEADROOM" plan -o "$WORK/never" --catalog "$WORK/bad-catalog.yaml"
expect_contains "$WORK/stderr" "bad-catalog.yaml"
expect_exit 66 -- "$HEADROOM" plan -o "$WORK/never" --catalog "$WORK/missing.yaml"

printf 'estate: {name: x, start: 2027-01}\ntenants: []\n' >"$WORK/bad.yaml"
expect_exit 65 -- "$HEADROOM" plan "$WORK/bad.yaml" -o "$WORK/never"
[ ! -e "$WORK/never" ] || { echo "FAIL: a failed run created its output folder"; failures=$((failures + 1)); }

finish
