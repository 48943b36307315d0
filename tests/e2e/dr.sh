# `headroom dr` and `headroom restore-time`: the default estate's table names, per workflow,
# what meets and what does not and its fix; JSON is deterministic and plan.json carries the
# same section; a calibration file changes the figures; bad calibration files exit 65 or 66.
source "$(dirname "$0")/lib.bash"

expect_exit 0 -- "$HEADROOM" dr --samples 16
cp "$WORK/stdout" "$WORK/table.txt"
for text in "meridian / finance approvals: RTO 60 min, RPO 300.0 s" "database corruption" \
  "misses RPO from 2027-01" "fix: archive_timeout 60 s" "regional outage" "cannot recover" \
  "warm second region (replica cluster)" "Recommended:"; do
  expect_contains "$WORK/table.txt" "$text"
done
wide=$(LC_ALL=C awk 'length > 100' "$WORK/table.txt" | head -3)
[ -z "$wide" ] || { echo "FAIL: dr lines over 100 columns:"; echo "$wide"; failures=$((failures + 1)); }

expect_exit 0 -- "$HEADROOM" dr --samples 16 --month 2028-12
expect_contains "$WORK/stdout" "Recovery arithmetic in 2028-12"
expect_exit 64 -- "$HEADROOM" dr --samples 16 --month 2031-01
expect_contains "$WORK/stderr" "is not a month of the plan"

expect_exit 0 -- "$HEADROOM" dr --samples 16 --format json -o "$WORK/a.json"
expect_exit 0 -- "$HEADROOM" dr --samples 16 --format json -o "$WORK/b.json"
cmp "$WORK/a.json" "$WORK/b.json" || { echo "FAIL: dr JSON differs between runs"; failures=$((failures + 1)); }
expect_contains "$WORK/a.json" '"schema": "headroom.recovery/v1"'
expect_exit 0 -- "$HEADROOM" plan --samples 16 -o "$WORK/plan"
expect_contains "$WORK/plan/plan.json" '"recovery": {'
expect_contains "$WORK/plan/plan.json" '"database_corruption": {'

# A calibration with a slow WAL replay: finance approvals' point-in-time RTO is now missed.
cat >"$WORK/slow.yaml" <<'YAML'
schema: headroom.calibration/v1
source: a slow disk
backup:
  backup_mib_s_per_process: 20
  restore_mib_s_per_process: 20
  wal_replay_mib_s: 2
YAML
expect_exit 0 -- "$HEADROOM" dr --samples 16 --calibration "$WORK/slow.yaml"
expect_contains "$WORK/stdout" "calibrated: a slow disk"
expect_contains "$WORK/stdout" "misses RTO"
# The estate names it (relative to the estate file) and plan uses it too.
"$HEADROOM" examples healthcare-growth -o "$WORK/estate.yaml" >/dev/null
sed -i 's/^  currency: \(.*\)$/  currency: \1\n  calibration: slow.yaml/' "$WORK/estate.yaml"
expect_exit 0 -- "$HEADROOM" dr "$WORK/estate.yaml" --samples 16
expect_contains "$WORK/stdout" "calibrated: a slow disk"

printf 'schema: headroom.calibration/v1\nsource: x\nbackup: {wal_replay_mib_s: -1}\n' >"$WORK/bad.yaml"
expect_exit 65 -- "$HEADROOM" dr --samples 16 --calibration "$WORK/bad.yaml"
expect_contains "$WORK/stderr" "bad.yaml:3:28: error: backup.wal_replay_mib_s: must be a positive"
expect_contains "$WORK/stderr" "backup.backup_mib_s_per_process"
expect_exit 66 -- "$HEADROOM" plan --samples 16 -o "$WORK/never" --calibration "$WORK/missing.yaml"
[ ! -e "$WORK/never" ] || { echo "FAIL: a failed run wrote output"; failures=$((failures + 1)); }

# restore-time: 10 GiB at 8 x 150 MiB/s (under the 1192 MiB/s network) = 10240 / 1192 s,
# plus 2 GiB of WAL at 50 MiB/s = 40.96 s.
expect_exit 0 -- "$HEADROOM" restore-time --database-gib 10 --wal-gib 2 --vcpu 8
expect_contains "$WORK/stdout" "base restore 8.59 s"
expect_contains "$WORK/stdout" "WAL replay 40.96 s"
expect_exit 0 -- "$HEADROOM" restore-time --database-gib 10 --vcpu 8 --calibration "$WORK/slow.yaml"
expect_contains "$WORK/stdout" "at 160.0 MiB/s"

finish
