#!/usr/bin/env bash
# Loads a WireMock.Net stub of a ~12 KB JSON page directly and through FaultProxy (every request
# passed at once), side by side in one run, with wrk; prints req/s, p99 latency, the server
# process's CPU time per request, and the proxy/direct ratios. The simulator's goal is the proxied
# stub at 80% or more of the plain stub's req/s.
#
#   bench/proxy.sh      ROUNDS=3 DURATION=10 THREADS=2 CONNECTIONS=32 by default
#
# One process (bench/ProxyBench, not in ContractKit.sln) serves both, so both targets share the
# same WireMock.Net server; wrk runs on the same 2 cores. Targets take turns (direct, proxy,
# direct, …) so a change in the machine's load falls on both alike; the table gives medians.
# req/s swings between runs on a shared machine; CPU µs per request (user + system time of the
# server process over the run, divided by the requests wrk completed) is the steadier figure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/bench/lib/wrk-server.sh"
start_app ProxyBench
echo "wrk -t$threads -c$connections -d${duration}s, $rounds rounds, a $(printed bytes)-byte JSON page; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
rounds_of direct proxy

printf '%-28s %10s %10s %14s\n' "target (medians)" "req/s" "p99 ms" "CPU µs/req"
printf '%-28s %10s %10s %14s\n' "WireMock.Net stub, direct" "${rps[direct]}" "${p99[direct]}" "${cpu[direct]}"
printf '%-28s %10s %10s %14s\n' "through FaultProxy (Pass)" "${rps[proxy]}" "${p99[proxy]}" "${cpu[proxy]}"
awk -v a="${rps[proxy]}" -v b="${rps[direct]}" -v c="${p99[proxy]}" -v d="${p99[direct]}" -v e="${cpu[proxy]}" -v f="${cpu[direct]}" 'BEGIN {
  printf "proxy/direct: req/s %.0f%% (goal >= 80%%), p99 x%.2f, CPU per request x%.2f (proxy adds %.1f µs)\n", 100 * a / b, c / d, e / f, e - f }'
