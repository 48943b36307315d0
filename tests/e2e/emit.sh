# `headroom emit`: the artifacts validate against the Kubernetes and CRD schemas, promtool reads
# the rules, PostgreSQL reads postgresql.conf, PgBouncer starts with pgbouncer.ini, the dashboard
# is well formed; re-emitting an unchanged plan touches no file; `plan` writes the same tree.
source "$(dirname "$0")/lib.bash"
# Absolute paths: part of the test runs in a scratch folder.
HEADROOM="$(cd "$(dirname "$HEADROOM")" && pwd)/$(basename "$HEADROOM")"
SOURCE_DIR="$(cd "$SOURCE_DIR" && pwd)"
SCHEMAS="$SOURCE_DIR/../shared/schemas"
OUT="$WORK/a"

expect_exit 0 -- "$HEADROOM" emit -o "$OUT" --samples 16
expect_contains "$WORK/stdout" "Kubernetes objects"

# Strict JSON-schema validation of every object (ajv-cli from tests/tools/schema).
if out=$(bash "$SOURCE_DIR/tests/tools/schema/validate.sh" "$OUT" "$SCHEMAS" 2>&1); then
  echo "$out"
else
  echo "FAIL: schema validation"; echo "$out" | head -40; failures=$((failures + 1))
fi

# Another estate, at its last month: synchronous replication and more tenants.
expect_exit 0 -- "$HEADROOM" emit --example acquisition --month 24 -o "$WORK/acq" --samples 16
expect_contains "$WORK/acq/base/postgres/cluster.yaml" 'dataDurability'
if out=$(bash "$SOURCE_DIR/tests/tools/schema/validate.sh" "$WORK/acq" "$SCHEMAS" 2>&1); then
  echo "acquisition: $out"
else
  echo "FAIL: schema validation (acquisition)"; echo "$out" | head -40; failures=$((failures + 1))
fi

# Prometheus reads the rules file.
if ! promtool check rules "$OUT/monitoring/prometheus-rules.yaml" >"$WORK/promtool" 2>&1; then
  echo "FAIL: promtool check rules"; cat "$WORK/promtool"; failures=$((failures + 1))
else
  grep -h "SUCCESS" "$WORK/promtool"
fi

# PostgreSQL and PgBouncer refuse to run as root: a scratch folder owned by an unprivileged user.
as_user() { if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
SCRATCH=$(mktemp -d /tmp/headroom-emit.XXXXXX)
stop_pgbouncer() { [ -f "$SCRATCH/pgbouncer.pid" ] && kill "$(cat "$SCRATCH/pgbouncer.pid")" 2>/dev/null; true; }
trap 'stop_pgbouncer; rm -rf "$WORK" "$SCRATCH"' EXIT
chmod 755 "$SCRATCH"
[ "$(id -u)" -eq 0 ] && chown nobody "$SCRATCH"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
cd "$SCRATCH"  # a working folder the unprivileged user may enter

# postgres -C reads the whole file and prints a setting; an unknown name or a bad value fails.
as_user "$PGBIN/initdb" -D "$SCRATCH/pgdata" -A trust -U postgres >"$WORK/initdb" 2>&1 ||
  { echo "FAIL: initdb"; tail -5 "$WORK/initdb"; failures=$((failures + 1)); }
cp "$OUT/config/postgresql.conf" "$SCRATCH/pgdata/postgresql.conf"
[ "$(id -u)" -eq 0 ] && chown nobody "$SCRATCH/pgdata/postgresql.conf"
want=$(sed -n "s/^max_connections = '\(.*\)'$/\1/p" "$OUT/config/postgresql.conf")
got=$(as_user "$PGBIN/postgres" -D "$SCRATCH/pgdata" -C max_connections 2>"$WORK/pgerr") || true
if [ -z "$want" ] || [ "$got" != "$want" ]; then
  echo "FAIL: postgres -C max_connections gave '$got', want '$want'"; cat "$WORK/pgerr"
  failures=$((failures + 1))
else
  echo "postgres -C accepts postgresql.conf (max_connections $got, shared_buffers $(as_user "$PGBIN/postgres" -D "$SCRATCH/pgdata" -C shared_buffers))"
fi

# PgBouncer starts with the generated ini, on a loopback port, with a scratch auth file.
port=$((20000 + RANDOM % 20000))
cp "$OUT/config/pgbouncer.ini" "$SCRATCH/pgbouncer.ini"
cat >>"$SCRATCH/pgbouncer.ini" <<INI
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir = $SCRATCH
auth_file = $SCRATCH/userlist.txt
logfile = $SCRATCH/pgbouncer.log
pidfile = $SCRATCH/pgbouncer.pid
INI
echo '"odoo" "secret"' >"$SCRATCH/userlist.txt"
[ "$(id -u)" -eq 0 ] && chown nobody "$SCRATCH"/*
if as_user pgbouncer -d "$SCRATCH/pgbouncer.ini" 2>"$WORK/pgbouncer.err"; then
  up=0
  for _ in $(seq 1 50); do
    if grep -q "process up" "$SCRATCH/pgbouncer.log" 2>/dev/null; then up=1; break; fi
    sleep 0.1
  done
  if [ "$up" = 1 ] && ! grep -qiE "FATAL|ERROR" "$SCRATCH/pgbouncer.log"; then
    echo "pgbouncer loads pgbouncer.ini ($(grep -o 'process up: PgBouncer [0-9.]*' "$SCRATCH/pgbouncer.log"))"
  else
    echo "FAIL: pgbouncer did not come up"; cat "$SCRATCH/pgbouncer.log"; failures=$((failures + 1))
  fi
  stop_pgbouncer
else
  echo "FAIL: pgbouncer refused pgbouncer.ini"; cat "$WORK/pgbouncer.err" "$SCRATCH/pgbouncer.log" 2>/dev/null
  failures=$((failures + 1))
fi

# The dashboard: a schemaVersion, panels on the 24-column grid, each with Prometheus targets.
if ! node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (!Number.isInteger(d.schemaVersion)) throw new Error("no schemaVersion");
  let n = 0;
  for (const p of d.panels) {
    if (p.gridPos.x + p.gridPos.w > 24) throw new Error(p.title + ": off the grid");
    if (p.type === "row") continue;
    if (!p.targets.length) throw new Error(p.title + ": no targets");
    const refs = new Set();
    for (const t of p.targets) {
      if (!/^[A-Z]$/.test(t.refId) || refs.has(t.refId)) throw new Error(p.title + ": refId");
      refs.add(t.refId);
      if (!t.expr || t.datasource.type !== "prometheus") throw new Error(p.title + ": target");
    }
    n++;
  }
  console.log("dashboard: schemaVersion " + d.schemaVersion + ", " + n + " panels");
' "$OUT/monitoring/grafana-dashboard.json"; then
  echo "FAIL: dashboard"; failures=$((failures + 1))
fi

# Re-emitting the unchanged plan changes no file, modification times included.
find "$OUT" -type f -printf '%P %T@\n' | sort >"$WORK/before"
sleep 1
expect_exit 0 -- "$HEADROOM" emit -o "$OUT" --samples 16
find "$OUT" -type f -printf '%P %T@\n' | sort >"$WORK/after"
cmp -s "$WORK/before" "$WORK/after" || { echo "FAIL: re-emitting changed files"; diff "$WORK/before" "$WORK/after" | head; failures=$((failures + 1)); }

# `plan` writes the same tree for its first month; --month picks another; a bad month is a usage error.
expect_exit 0 -- "$HEADROOM" plan -o "$WORK/p" --samples 16
diff -r "$OUT" "$WORK/p/artifacts" >/dev/null || { echo "FAIL: plan's artifacts differ from emit's"; failures=$((failures + 1)); }
expect_exit 0 -- "$HEADROOM" emit -o "$WORK/m" --samples 16 --month 12
expect_exit 64 -- "$HEADROOM" emit -o "$WORK/never" --samples 16 --month 1999-01
expect_contains "$WORK/stderr" "--month 1999-01"

finish
