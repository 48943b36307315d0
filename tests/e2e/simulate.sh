# `headroom simulate`: text and JSON output of one month's window, the same bytes for the same
# seed, and clear errors with sysexits codes for bad input.
source "$(dirname "$0")/lib.bash"

expect_exit 0 -- "$HEADROOM" simulate --month 3 --window peak
expect_contains "$WORK/stdout" "peak window of"
expect_contains "$WORK/stdout" "interactive"
# The peak window stands for its hour: the text says from when its requests stand for the rest.
expect_contains "$WORK/stdout" "latencies over the 3600 s it stands for"

expect_exit 0 -- "$HEADROOM" simulate --month 3 --window recovery --format json -o "$WORK/a.json"
expect_contains "$WORK/a.json" '"schema": "headroom.simulation/v1"'
expect_contains "$WORK/a.json" '"window": "recovery"'
expect_contains "$WORK/a.json" '"ready_pods"'
expect_exit 0 -- "$HEADROOM" simulate --month 3 --window recovery --format json -o "$WORK/b.json"
cmp "$WORK/a.json" "$WORK/b.json" || { echo "FAIL: simulation JSON differs between runs"; failures=$((failures + 1)); }

expect_exit 0 -- "$HEADROOM" simulate --month 2027-03 --window recovery --format json --seed 5 -o "$WORK/c.json"
cmp -s "$WORK/a.json" "$WORK/c.json" && { echo "FAIL: another seed gave the same simulation"; failures=$((failures + 1)); }

# A zone lost at minute 5 of the peak: the JSON says so and the ready pods fall.
expect_exit 0 -- "$HEADROOM" simulate --month 3 --lose zone --at-min 5 --format json -o "$WORK/lose.json"
expect_contains "$WORK/lose.json" '"at_s": 300'
# A loss asked for is what the run is for: that window stands for itself.
expect_contains "$WORK/lose.json" '"represents_s": 0'
expect_exit 64 -- "$HEADROOM" simulate --month 3 --lose rack
expect_contains "$WORK/stderr" "expected zone or node"
expect_exit 64 -- "$HEADROOM" simulate --month 3 --lose zone --at-min 9999

expect_exit 64 -- "$HEADROOM" simulate --month 99
expect_contains "$WORK/stderr" "--month 99"
expect_exit 64 -- "$HEADROOM" simulate --month 1 --window noon
expect_contains "$WORK/stderr" "expected peak, recovery or day"
expect_exit 64 -- "$HEADROOM" simulate --month 1 --tenant "no such tenant"
expect_contains "$WORK/stderr" "no such tenant"
expect_exit 64 -- "$HEADROOM" simulate
expect_exit 66 -- "$HEADROOM" simulate "$WORK/missing.yaml" --month 1

finish
