# `headroom tenancy`: on the built-in examples, the subsidiaries pool with quotas and its saving,
# the healthcare group stays dedicated for its hard constraints, the acquired entity's phased
# move with its month; JSON is deterministic; a bad consolidate_month exits 65.
source "$(dirname "$0")/lib.bash"

expect_exit 0 -- "$HEADROOM" tenancy --example subsidiaries --samples 8
cp "$WORK/stdout" "$WORK/subsidiaries.txt"
for text in "Recommendation: multi-tenant" "pooling saves" "a neighbour's worst hour raises the others' p95" \
  "Interference in shared-eu" "worker quota" "pgbouncer cap" "rate limit"; do
  expect_contains "$WORK/subsidiaries.txt" "$text"
done
wide=$(LC_ALL=C awk 'length > 100' "$WORK/subsidiaries.txt" | head -3)
[ -z "$wide" ] || { echo "FAIL: tenancy lines over 100 columns:"; echo "$wide"; failures=$((failures + 1)); }

expect_exit 0 -- "$HEADROOM" tenancy --samples 8
expect_contains "$WORK/stdout" "Recommendation: dedicated"
expect_contains "$WORK/stdout" "strict audit boundary"
expect_contains "$WORK/stdout" "compliance tag 'hds'"

expect_exit 0 -- "$HEADROOM" tenancy --example acquisition --samples 8
expect_contains "$WORK/stdout" "Recommendation: hybrid"
expect_contains "$WORK/stdout" "nordlys moves into shared-eu in 2028-03 (month 12)"

expect_exit 0 -- "$HEADROOM" tenancy --example acquisition --samples 8 --format json -o "$WORK/a.json"
expect_exit 0 -- "$HEADROOM" tenancy --example acquisition --samples 8 --format json -o "$WORK/b.json"
cmp "$WORK/a.json" "$WORK/b.json" || { echo "FAIL: tenancy JSON differs between runs"; failures=$((failures + 1)); }
expect_contains "$WORK/a.json" '"schema": "headroom.tenancy/v1"'
expect_contains "$WORK/a.json" '"move_month": 12'

# headroom plan fills plan.json's tenancy section (report.html draws it: tests/report).
expect_exit 0 -- "$HEADROOM" plan --example subsidiaries --samples 16 -o "$WORK/plan"
expect_contains "$WORK/plan/plan.json" '"tenancy": {'
expect_contains "$WORK/plan/plan.json" '"recommended": "multi-tenant"'
expect_contains "$WORK/plan/report.html" 'Where each tenant lives'

"$HEADROOM" examples acquisition -o "$WORK/estate.yaml" >/dev/null
sed -i 's/consolidate_month: 12/consolidate_month: 40/' "$WORK/estate.yaml"
expect_exit 65 -- "$HEADROOM" tenancy "$WORK/estate.yaml"
expect_contains "$WORK/stderr" "consolidate_month: month 40 is outside the planning horizon"

finish
