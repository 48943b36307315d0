# The command line: subcommand typos, exit codes, help.
source "$(dirname "$0")/lib.bash"

expect_exit 64 -- "$HEADROOM" plna
expect_contains "$WORK/stderr" "headroom: 'plna' is not a command. Did you mean 'plan'?"

expect_exit 64 -- "$HEADROOM"
expect_exit 64 -- "$HEADROOM" validate --no-such-flag
expect_exit 0 -- "$HEADROOM" --help
expect_contains "$WORK/stdout" "validate"
expect_exit 0 -- "$HEADROOM" --version

finish
