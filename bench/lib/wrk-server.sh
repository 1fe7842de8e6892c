# Shared by the wrk benchmarks (bench/proxy.sh, bench/simulate.sh): installs wrk, builds and starts a
# bench app that prints "NAME URL" lines and "ready", and loads its targets in turns.
# Source it after setting root; then: start_app PROJECT_DIR [ARGS...]; run TARGET SECONDS [WRK ARGS...].
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

# start_app DIR [ARGS...]: builds bench/DIR in Release and runs it until this script exits (its
# standard input is a pipe kept open on fd 3); afterwards url NAME and printed NAME read its output.
start_app() {
  local app=$1
  shift
  dotnet build "$root/bench/$app/$app.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; echo "the bench app did not build" >&2; exit 1; }
  mkfifo "$work/in"
  dotnet "$root/bench/$app/bin/Release/net10.0/$app.dll" "$@" <"$work/in" >"$work/out" 2>"$work/err" &
  server_pid=$!
  exec 3>"$work/in"
  for _ in $(seq 100); do grep -q '^ready' "$work/out" 2>/dev/null && break; sleep 0.2; done
  grep -q '^ready' "$work/out" || { cat "$work/err" >&2; echo "the bench app did not start" >&2; exit 1; }
}

printed() { sed -n "s/^$1 //p" "$work/out"; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }

# run TARGET SECONDS [WRK ARGS...]: one wrk run against the URL the app printed for TARGET;
# prints "req_s p99_ms cpu_us_per_req requests" (CPU time is the app's, per completed request).
run() {
  local target=$1 seconds=$2 before after
  shift 2
  before=$(cpu_ticks)
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@" "$(printed "$target")" >"$work/wrk" 2>&1
  after=$(cpu_ticks)
  if grep -qE 'Non-2xx|Socket errors' "$work/wrk"; then
    cat "$work/wrk" >&2; echo "$target: wrk saw errors" >&2; exit 1
  fi
  awk -v cpu=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +99%/ { p99 = ms($2) }
    / requests in / { n = $1 }
    END { printf "%.0f %.2f %.1f %d\n", rps, p99, cpu / hz * 1e6 / n, n }' "$work/wrk"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# rounds_of TARGET... [-- WRK ARGS...]: a warm-up, then ROUNDS rounds in which the targets take turns,
# so a change in the machine's load falls on all alike; leaves medians in rps, p99 and cpu.
declare -A rps p99 cpu
rounds_of() {
  local targets=() extra=() target round result
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do targets+=("$1"); shift; done
  [ $# -gt 0 ] && shift && extra=("$@")
  for target in "${targets[@]}"; do run "$target" 3 "${extra[@]}" >/dev/null; done   # JIT, tiering, connection pools
  for target in "${targets[@]}"; do : >"$work/$target"; done
  for round in $(seq "$rounds"); do
    for target in "${targets[@]}"; do
      result=$(run "$target" "$duration" "${extra[@]}")
      echo "$result" >>"$work/$target"
      echo "  round $round $target: $result (req/s p99_ms cpu_us/req requests)" >&2
    done
  done
  for target in "${targets[@]}"; do
    rps[$target]=$(cut -d' ' -f1 "$work/$target" | median)
    p99[$target]=$(cut -d' ' -f2 "$work/$target" | median)
    cpu[$target]=$(cut -d' ' -f3 "$work/$target" | median)
  done
}
