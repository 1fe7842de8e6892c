#!/usr/bin/env bash
# Loads the simulated orders API (contracts/orders.yaml, healthy: the first page of 50 generated
# records, rendered per request behind the fault proxy and the auth check), a plain WireMock.Net
# stub answering the same bytes, and a bare Kestrel endpoint writing them pre-serialized — side by
# side in one run, with wrk. Prints req/s, p99 latency, the server process's CPU time per request
# and the ratios. The goal: the simulator at 80% or more of the plain WireMock.Net stub's req/s.
#
#   bench/simulate.sh      ROUNDS=3 DURATION=10 THREADS=2 CONNECTIONS=32 by default
#
# One process (bench/SimulateBench, not in ContractKit.sln) serves all three; wrk runs on the same
# cores. Targets take turns (simulator, stub, kestrel, …) so a change in the machine's load falls
# on all alike; the table gives medians. req/s swings between runs on a shared machine; CPU µs per
# request (user + system time of the server process over the run, divided by the requests wrk
# completed) is the steadier figure. Record generation alone is bench/generate.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=${ROUNDS:-3}
duration=${DURATION:-10}
threads=${THREADS:-2}
connections=${CONNECTIONS:-32}
work="$(mktemp -d)"
server_pid=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "installing wrk from Debian..." >&2
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

dotnet build "$root/bench/SimulateBench/SimulateBench.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; echo "the bench app did not build" >&2; exit 1; }

# The app runs until its standard input closes: keep a pipe open on fd 3.
mkfifo "$work/in"
dotnet "$root/bench/SimulateBench/bin/Release/net10.0/SimulateBench.dll" "$root/contracts/orders.yaml" <"$work/in" >"$work/out" 2>"$work/err" &
server_pid=$!
exec 3>"$work/in"
for _ in $(seq 100); do grep -q '^ready' "$work/out" 2>/dev/null && break; sleep 0.2; done
grep -q '^ready' "$work/out" || { cat "$work/err" >&2; echo "the bench app did not start" >&2; exit 1; }
targets=(simulator stub kestrel)
declare -A urls
for target in "${targets[@]}"; do urls[$target]="$(sed -n "s/^$target //p" "$work/out")"; done
bytes=$(sed -n 's/^bytes //p' "$work/out")
ticks_per_s=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }

# run TARGET SECONDS: one wrk run; prints "req_s p99_ms cpu_us_per_req requests"
run() {
  local target=$1 seconds=$2 before after
  before=$(cpu_ticks)
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer simulated-token" "${urls[$target]}" >"$work/wrk" 2>&1
  after=$(cpu_ticks)
  if grep -qE 'Non-2xx|Socket errors' "$work/wrk"; then
    cat "$work/wrk" >&2; echo "$target: wrk saw errors" >&2; exit 1
  fi
  awk -v cpu=$((after - before)) -v hz="$ticks_per_s" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +99%/ { p99 = ms($2) }
    / requests in / { n = $1 }
    END { printf "%.0f %.2f %.1f %d\n", rps, p99, cpu / hz * 1e6 / n, n }' "$work/wrk"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "wrk -t$threads -c$connections -d${duration}s, $rounds rounds, a ${bytes}-byte page of 50 orders; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for target in "${targets[@]}"; do run "$target" 3 >/dev/null; done   # warm-up: JIT, tiering, connection pools
for target in "${targets[@]}"; do : >"$work/$target"; done
for round in $(seq "$rounds"); do
  for target in "${targets[@]}"; do
    result=$(run "$target" "$duration")
    echo "$result" >>"$work/$target"
    echo "  round $round $target: $result (req/s p99_ms cpu_us/req requests)" >&2
  done
done

declare -A rps p99 cpu
for target in "${targets[@]}"; do
  rps[$target]=$(cut -d' ' -f1 "$work/$target" | median)
  p99[$target]=$(cut -d' ' -f2 "$work/$target" | median)
  cpu[$target]=$(cut -d' ' -f3 "$work/$target" | median)
done
declare -A label=([simulator]="SourceSimulator (healthy)" [stub]="WireMock.Net stub, same body" [kestrel]="bare Kestrel, same bytes")
printf '%-30s %10s %10s %14s\n' "target (medians)" "req/s" "p99 ms" "CPU µs/req"
for target in "${targets[@]}"; do
  printf '%-30s %10s %10s %14s\n' "${label[$target]}" "${rps[$target]}" "${p99[$target]}" "${cpu[$target]}"
done
awk -v s="${rps[simulator]}" -v w="${rps[stub]}" -v k="${rps[kestrel]}" -v cs="${cpu[simulator]}" -v cw="${cpu[stub]}" 'BEGIN {
  printf "simulator/stub: req/s %.0f%% (goal >= 80%%), CPU per request x%.2f; simulator/kestrel: req/s %.0f%%\n", 100 * s / w, cs / cw, 100 * s / k }'
