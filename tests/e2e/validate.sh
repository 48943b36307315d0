# `headroom validate`: exit codes, all errors at once with locations, nothing written.
source "$(dirname "$0")/lib.bash"

expect_exit 66 -- "$HEADROOM" validate "$WORK/missing.yaml"
expect_contains "$WORK/stderr" "missing.yaml: no such file"

cat >"$WORK/bad.yaml" <<'YAML'
estate:
  name: Bad
  start: 2027-13
  horizon_months: 90
tenants:
  - name: t
    time_zone: Europe/Pariss
    sites: {initial: -2}
YAML
cp "$WORK/bad.yaml" "$WORK/bad.copy"
before=$(ls -A "$WORK" | grep -v -e '^stdout$' -e '^stderr$' | sort)
expect_exit 65 -- "$HEADROOM" validate "$WORK/bad.yaml"
expect_contains "$WORK/stderr" "bad.yaml:3:10: error: estate.start:"
expect_contains "$WORK/stderr" "bad.yaml:4:19: error: estate.horizon_months:"
expect_contains "$WORK/stderr" "error: tenants[0].time_zone:"
expect_contains "$WORK/stderr" "error: tenants[0].sites.initial:"
cmp "$WORK/bad.yaml" "$WORK/bad.copy" || { echo "FAIL: the input changed"; failures=$((failures + 1)); }
after=$(ls -A "$WORK" | grep -v -e '^stdout$' -e '^stderr$' | sort)
[ "$(echo "$before")" = "$after" ] || { echo "FAIL: validate wrote files"; failures=$((failures + 1)); }

expect_exit 0 -- "$HEADROOM" validate
expect_contains "$WORK/stdout" "built-in example 'healthcare-growth': ok"

finish
