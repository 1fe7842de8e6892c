#!/usr/bin/env bash
# Record generation throughput: bench/GenerateBench writes RECORDS records of contracts/orders.yaml
# (1,000,000 by default) into a null stream through one Utf8JsonWriter, after a warm-up, RUNS times
# (3) in one process, and prints each run and the median records/s and MB/s. Half the records carry
# a key sequence and event time as a simulator sets them. Then the peer, Bogus 35.6.5 with a Faker
# written by hand for the same order shape (bench/GenerateBench/BogusOrders.cs), in the same
# process and the same way, and the ratio. Goal: 200,000 records/s or more.
#
#   bench/generate.sh                       RECORDS=1000000 RUNS=3
#   bench/generate.sh --contract contracts/clickstream.yaml
#   bench/generate.sh --sample 5            print five records instead
#
# The app is built once with -c Release and started directly (not under `dotnet run`). On a
# machine shared with other work the wall-clock rate swings; the cpu column (process CPU seconds
# per run) is the steadier figure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/bench/GenerateBench/GenerateBench.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; echo "the bench app did not build" >&2; exit 1; }
cd "$root"
# Options given here come first, so they win over the defaults after them.
exec dotnet "$root/bench/GenerateBench/bin/Release/net10.0/GenerateBench.dll" \
  "$@" --contract contracts/orders.yaml --records "${RECORDS:-1000000}" --runs "${RUNS:-3}"
