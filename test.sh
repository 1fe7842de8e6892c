#!/usr/bin/env bash
# The whole test suite: starts what the tests need (a throwaway PostgreSQL 15 from Debian's
# binaries; Chromium once a test project uses Playwright), builds, runs every test project of
# ContractKit.sln and ends with one line: "N passed, N failed". Exits non-zero on any failure,
# build error or test host crash.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
log() { echo "test.sh: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
finish() { echo "$1 passed, $2 failed"; [ "$2" = 0 ]; exit $?; }

# --- PostgreSQL 15 ---------------------------------------------------------------------------
pg_bin=/usr/lib/postgresql/15/bin
if [ ! -x "$pg_bin/postgres" ]; then
  log "installing PostgreSQL 15 from Debian"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null \
    || { log "could not install postgresql-15"; finish 0 1; }
fi

source "$root/tests/lib/throwaway-postgres.sh"
trap stop_throwaway_postgres EXIT
start_throwaway_postgres contractkit-pg || finish 0 1
export CONTRACTKIT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

# --- Chromium, only when a test project drives a browser --------------------------------------
if grep -qs "Microsoft.Playwright" tests/*/*.csproj && [ ! -x /usr/bin/chromium ]; then
  log "installing Chromium from Debian"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || { log "could not install chromium"; finish 0 1; }
fi

# --- Build, then test ------------------------------------------------------------------------
results="$(mktemp -d)"
if ! dotnet build ContractKit.sln -c Release --nologo -v quiet -clp:ErrorsOnly 2>&1 | tee "$results/build.log"; then
  log "the build failed"
  finish 0 1
fi
if grep -q "error" "$results/build.log" && ! grep -q "0 Error(s)" "$results/build.log"; then
  log "the build reported errors"
  finish 0 1
fi

projects=$(grep -c '^Project(.*tests[/\\]' ContractKit.sln)
dotnet test ContractKit.sln -c Release --no-build --nologo 2>&1 | tee "$results/test.log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary line per test assembly:
#   Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: 1 s - X.Tests.dll (net10.0)
passed=0; failed=0; skipped=0; assemblies=0
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s)); assemblies=$((assemblies + 1))
done < <(sed -n 's/.*\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\), *Skipped: *\([0-9]*\).*/\2 \3 \4/p' "$results/test.log")

# A test host that crashed prints no summary line: count each missing assembly as a failure.
if [ "$assemblies" -lt "$projects" ]; then
  log "$((projects - assemblies)) of $projects test assemblies reported no results"
  failed=$((failed + projects - assemblies))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  log "dotnet test exited with $status"
  failed=1
fi
# A skipped test is not a passed one; say so rather than hide it.
[ "$skipped" -gt 0 ] && log "$skipped tests were skipped"
finish "$passed" "$failed"
