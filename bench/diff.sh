#!/usr/bin/env bash
# Times contractkit diff against process start alone (contractkit --version), in the same run:
#   1. two contracts with 2,000-field schemas and 200 changes between them;
#   2. diff --base over a git repository of 300 contracts, with 30 of them changed and with all
#      300 changed (every changed contract is loaded twice and compared; unchanged ones once).
# Prints median wall times over several runs. Goal (issue 4): each under 1 s plus process start.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${RUNS:-5}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/contractkit" --version >/dev/null   # build once, outside the timings
cli="$root/.build/cli/contractkit"

# Median wall time and median CPU time (user + system, child processes such as git included) in
# ms over $runs runs, as "WALL CPU". CPU time is the steadier figure when another build shares
# the machine; the load average is printed with the results.
measure() {
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    local out
    out=$( { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>&1; } 2>&1 | tail -1 ) || true
    read -r real user sys <<<"$out"
    walls+=("$(awk "BEGIN { printf \"%d\", $real * 1000 }")")
    cpus+=("$(awk "BEGIN { printf \"%d\", ($user + $sys) * 1000 }")")
  done
  local mid=$(( (runs + 1) / 2 ))
  echo "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "${mid}p") $(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${mid}p")"
}

# 1. Wide schemas.
python3 "$root/bench/generate-diff.py" wide "$work/wide"
changes=$("$cli" diff --format json "$work/wide/old.yaml" "$work/wide/new.yaml" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["contracts"][0]["changes"]))')

# 2. A repository of 300 contracts.
repo() {  # repo DIR CHANGED
  python3 "$root/bench/generate-contracts.py" 300 "$1/contracts" >/dev/null
  git -C "$1" init -q -b main
  git -C "$1" add . && git -C "$1" -c user.name=bench -c user.email=bench@example.com commit -q -m base
  [ "$2" -gt 0 ] && python3 "$root/bench/generate-diff.py" touch "$1/contracts" "$2"
  return 0
}
repo "$work/repo30" 30
repo "$work/repo300" 300
summary30=$(cd "$work/repo30" && { "$cli" diff --base main contracts || true; } | tail -1)
summary300=$(cd "$work/repo300" && { "$cli" diff --base main contracts || true; } | tail -1)

load_before=$(cut -d' ' -f1 /proc/loadavg)
read -r version_ms version_cpu <<<"$(measure "$cli" --version)"
read -r wide_ms wide_cpu <<<"$(measure "$cli" diff "$work/wide/old.yaml" "$work/wide/new.yaml")"
read -r base30_ms base30_cpu <<<"$(cd "$work/repo30" && measure "$cli" diff --base main contracts)"
read -r base300_ms base300_cpu <<<"$(cd "$work/repo300" && measure "$cli" diff --base main contracts)"
load_after=$(cut -d' ' -f1 /proc/loadavg)

verdict() { [ "$1" -lt $(( version_ms + 1000 )) ] && echo met || echo MISSED; }
echo "medians of $runs runs; 1-minute load average $load_before before, $load_after after (2 cores)"
printf '%-42s %6s ms wall %6s ms CPU\n' "contractkit --version" "$version_ms" "$version_cpu"
printf '%-42s %6s ms wall %6s ms CPU   %s changes; goal < 1 s + start: %s\n' "diff, 2,000-field schemas" "$wide_ms" "$wide_cpu" "$changes" "$(verdict "$wide_ms")"
printf '%-42s %6s ms wall %6s ms CPU   %s; goal: %s\n' "diff --base, 300 contracts, 30 changed" "$base30_ms" "$base30_cpu" "$summary30" "$(verdict "$base30_ms")"
printf '%-42s %6s ms wall %6s ms CPU   %s; goal: %s\n' "diff --base, 300 contracts, all changed" "$base300_ms" "$base300_cpu" "$summary300" "$(verdict "$base300_ms")"
