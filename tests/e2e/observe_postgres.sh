# `headroom observe postgres` and `headroom calibrate usl` on a real PostgreSQL. A scratch
# cluster runs on a private Unix socket in the work folder (no TCP), fsync off, with
# pg_stat_statements loaded, as an unprivileged user when the test runs as root.
#  1. Under a pgbench write load, observe reads a WAL rate > 0, a transaction rate > 0, the
#     database's size and pgbench_accounts as the largest table, and pg_stat_statements' top
#     statements; a server that is down exits 69.
#  2. pgbench -S (select only) at 1, 2, 4 and 8 clients, 3 s each, in two rounds (up, then
#     down, so that a drifting load on the machine weighs on every count alike), fitted with the
#     USL by `headroom calibrate usl`, predicts the throughput at 16 clients; 16 clients are then
#     measured for 5 s. The error is printed. Tolerance: 60%. On this 2-core machine (shared with
#     other builds, pgbench competing with the server for the same cores) throughput peaks at 1
#     to 3 clients and sags beyond; the machine's load can change between the fit and the
#     measurement. Seen with two rounds: -1.9%, -4.4%, +14.0%; with one up-only round of 5 s:
#     +6.4%, -19.0%, -35.4% (which is why two rounds); with two rounds while a full build ran beside
#     it: -43.0% (which is why 60%).
source "$(dirname "$0")/lib.bash"

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PGBIN/pg_ctl" ] || { echo "FAIL: PostgreSQL server programs not found (scripts/setup installs them)"; exit 1; }
start=$(date +%s.%N)

as_db_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- env PGUSER=postgres "$@"
  else env PGUSER=postgres "$@"; fi
}
chmod 755 "$WORK"
[ "$(id -u)" -eq 0 ] && chown nobody "$WORK"
cp "$HEADROOM" "$WORK/headroom" && chmod 755 "$WORK/headroom"
as_db_user "$PGBIN/initdb" -D "$WORK/data" -A trust -U postgres >/dev/null
sock="$WORK/sock"; mkdir -p "$sock"; [ "$(id -u)" -eq 0 ] && chown nobody "$sock"
as_db_user "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w \
  -o "-c listen_addresses='' -c unix_socket_directories='$sock' -c port=5432 -c fsync=off \
      -c synchronous_commit=off -c full_page_writes=off -c shared_preload_libraries=pg_stat_statements" \
  start >/dev/null
trap 'as_db_user "$PGBIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
dsn="host=$sock port=5432 dbname=bench"
as_db_user psql -X -q -d "host=$sock port=5432 dbname=postgres" -c "CREATE DATABASE bench" >/dev/null
as_db_user psql -X -q -d "$dsn" -c "CREATE EXTENSION pg_stat_statements" >/dev/null
as_db_user pgbench -i -q -s 10 "$dsn" >/dev/null 2>&1

# 1. observe under load.
as_db_user pgbench -n -c 2 -j 2 -T 9 "$dsn" >"$WORK/load.log" 2>&1 &
load=$!
sleep 1
expect_exit 0 -- as_db_user "$WORK/headroom" observe postgres --dsn "$dsn" --interval-s 5 \
  --format json -o "$WORK/observe.json"
as_db_user "$WORK/headroom" observe postgres --dsn "$dsn" --interval-s 1 | sed 's/^/  observe: /' | head -12
wait "$load"
if ! python3 - "$WORK/observe.json" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
print(f"  under load: {o['transactions_per_s']:.1f} transactions/s, "
      f"{o['wal_bytes_per_s'] / 1048576:.2f} MiB/s of WAL, over {o['interval_s']:.2f} s")
assert o["schema"] == "headroom.observe.postgres/v1"
assert o["transactions_per_s"] > 0, "no transactions"
assert o["commits_per_s"] > 0, "no commits"
assert o["wal_bytes_per_s"] > 0, "no WAL"
bench = [d for d in o["databases"] if d["name"] == "bench"]
assert bench and bench[0]["bytes"] > 100 * 1048576, f"bench database size {bench}"
assert o["largest_tables"][0]["name"] == "public.pgbench_accounts", o["largest_tables"][:2]
assert o["largest_tables"][0]["bytes"] > 100 * 1048576
assert 0 < o["cache_hit_ratio"] <= 1
assert sum(o["connections_by_state"].values()) >= 1
assert o["pg_stat_statements"], o["pg_stat_statements_note"]
assert any("pgbench_accounts" in s["query"] for s in o["pg_stat_statements"])
PY
then echo "FAIL: observe's figures"; failures=$((failures + 1)); fi

# A database without the extension: pg_stat_statements is skipped with the reason, no error.
expect_exit 0 -- as_db_user "$WORK/headroom" observe postgres --dsn "host=$sock port=5432 dbname=postgres" \
  --interval-s 0.5 --format json
expect_contains "$WORK/stdout" '"pg_stat_statements": null'
expect_contains "$WORK/stdout" 'not installed in this database'

# A server that is down: exit 69 (EX_UNAVAILABLE) with libpq's reason.
expect_exit 69 -- "$WORK/headroom" observe postgres --dsn "host=$WORK/nowhere port=5999 dbname=x" --interval-s 1
expect_contains "$WORK/stderr" "cannot connect to PostgreSQL"

# 2. USL: fit at 1, 2, 4, 8 clients, predict 16, measure 16.
expect_exit 0 -- as_db_user "$WORK/headroom" calibrate usl --dsn "$dsn" --clients 1,2,4,8 --rounds 2 \
  --seconds 3 --predict 16 -o "$WORK/calibration.yaml"
sed 's/^/  calibrate usl: /' "$WORK/stderr"
expect_contains "$WORK/calibration.yaml" "usl:"
predicted=$(grep -o 'predicted at 16 clients: [0-9.]*' "$WORK/stderr" | awk '{print $5}')
measured=$(as_db_user pgbench -n -S -c 16 -j 16 -T 5 "$dsn" 2>&1 | grep -o 'tps = [0-9.]*' | awk '{print $3}')
error=$(echo "($predicted - $measured) / $measured" | bc -l)
printf 'USL at 16 clients: predicted %.1f tps, measured %.1f tps, error %+.1f%% (tolerance 60%%)\n' \
  "$predicted" "$measured" "$(echo "$error * 100" | bc -l)"
within=$(echo "$error < 0.6 && $error > -0.6" | bc -l)
[ "$within" = 1 ] || { echo "FAIL: USL prediction at 16 clients off by more than 60%"; failures=$((failures + 1)); }

# The fitted USL beside a plan: plan.json reports the throughput at each month's pool.
expect_exit 0 -- "$WORK/headroom" plan --samples 8 --calibration "$WORK/calibration.yaml" -o "$WORK/plan"
expect_contains "$WORK/plan/plan.json" '"peak_concurrency"'

echo "whole test: $(echo "$(date +%s.%N) - $start" | bc -l | cut -c1-5) s"
finish
