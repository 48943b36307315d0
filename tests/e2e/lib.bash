# Helpers for the end-to-end tests. Each test script is run as: bash script.sh HEADROOM SOURCE_DIR
set -euo pipefail
HEADROOM=$1
SOURCE_DIR=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

# expect_exit CODE -- command...: runs the command, checks its exit code, keeps stdout/stderr.
expect_exit() {
  local want=$1; shift; [ "$1" = "--" ] && shift
  set +e
  "$@" >"$WORK/stdout" 2>"$WORK/stderr"
  local got=$?
  set -e
  if [ "$got" != "$want" ]; then
    echo "FAIL: '$*' exited $got, expected $want"; sed 's/^/  stderr: /' "$WORK/stderr" | head -20
    failures=$((failures + 1))
  fi
}

# expect_contains FILE TEXT: the file holds the text (fixed string).
expect_contains() {
  if ! grep -qF -- "$2" "$1"; then
    echo "FAIL: $(basename "$1") lacks '$2'"; head -20 "$1" | sed 's/^/  /'
    failures=$((failures + 1))
  fi
}

finish() {
  if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed"; exit 1; fi
  echo "all checks passed"
}
