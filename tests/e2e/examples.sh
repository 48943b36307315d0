# `headroom examples`: lists the built-in estates, writes one out, never overwrites silently;
# every example written out validates.
source "$(dirname "$0")/lib.bash"

expect_exit 0 -- "$HEADROOM" examples
expect_contains "$WORK/stdout" "healthcare-growth"
expect_contains "$WORK/stdout" "(default)"
expect_contains "$WORK/stdout" "subsidiaries"
expect_contains "$WORK/stdout" "acquisition"

for name in healthcare-growth subsidiaries acquisition; do
  expect_exit 0 -- "$HEADROOM" examples "$name" -o "$WORK/$name.yaml"
  cmp "$WORK/$name.yaml" "$SOURCE_DIR/examples/$name.yaml" || { echo "FAIL: $name differs"; failures=$((failures + 1)); }
  expect_exit 0 -- "$HEADROOM" validate "$WORK/$name.yaml"
  expect_contains "$WORK/stdout" "ok ("
done

echo "mine" >"$WORK/keep.yaml"
expect_exit 73 -- "$HEADROOM" examples subsidiaries -o "$WORK/keep.yaml"
expect_contains "$WORK/stderr" "exists; use --force"
[ "$(cat "$WORK/keep.yaml")" = "mine" ] || { echo "FAIL: existing file was overwritten"; failures=$((failures + 1)); }

expect_exit 64 -- "$HEADROOM" examples subsidiary
expect_contains "$WORK/stderr" "did you mean 'subsidiaries'?"

finish
