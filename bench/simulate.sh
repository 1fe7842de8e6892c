#!/usr/bin/env bash
# Loads the simulated orders API (contracts/orders.yaml, healthy: the first page of 50 generated
# records, rendered per request behind the in-server fault layer, the admin routes and the auth check), a plain WireMock.Net
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
source "$root/bench/lib/wrk-server.sh"
start_app SimulateBench "$root/contracts/orders.yaml"
echo "wrk -t$threads -c$connections -d${duration}s, $rounds rounds, a $(printed bytes)-byte page of 50 orders; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
rounds_of simulator stub kestrel -- -H "Authorization: Bearer simulated-token"

declare -A label=([simulator]="SourceSimulator (healthy)" [stub]="WireMock.Net stub, same body" [kestrel]="bare Kestrel, same bytes")
printf '%-30s %10s %10s %14s\n' "target (medians)" "req/s" "p99 ms" "CPU µs/req"
for target in simulator stub kestrel; do
  printf '%-30s %10s %10s %14s\n' "${label[$target]}" "${rps[$target]}" "${p99[$target]}" "${cpu[$target]}"
done
awk -v s="${rps[simulator]}" -v w="${rps[stub]}" -v k="${rps[kestrel]}" -v cs="${cpu[simulator]}" -v cw="${cpu[stub]}" 'BEGIN {
  printf "simulator/stub: req/s %.0f%% (goal >= 80%%), CPU per request x%.2f; simulator/kestrel: req/s %.0f%%\n", 100 * s / w, cs / cw, 100 * s / k }'
