#!/usr/bin/env bash
# Lints 500 generated contracts and compares with process start alone (contractkit --version),
# in the same run. Prints median wall times over several runs and the cost per contract.
# Goal (issue 2): the 500 lint in under 2 s wall time, start included.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count=${COUNT:-500}
runs=${RUNS:-7}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/contractkit" --version >/dev/null   # build once, outside the timings
python3 "$root/bench/generate-contracts.py" "$count" "$work/contracts"
cli="$root/.build/cli/contractkit"

# The generated contracts must be clean, or the bench would time error paths.
"$cli" lint "$work/contracts" >"$work/lint.out" || { tail -5 "$work/lint.out"; echo "generated contracts do not lint clean" >&2; exit 1; }

median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

version_ms=$(median_ms "$cli" --version)
lint_ms=$(median_ms "$cli" lint "$work/contracts")
per_contract_us=$(( (lint_ms - version_ms) * 1000 / count ))
files=$(grep -o '[0-9]* contracts checked' "$work/lint.out")

echo "contracts:                    $count ($files, $(du -sh "$work/contracts" | cut -f1))"
echo "contractkit --version:        ${version_ms} ms (median of $runs)"
echo "contractkit lint (all):       ${lint_ms} ms (median of $runs)"
echo "lint beyond process start:    $(( lint_ms - version_ms )) ms = ${per_contract_us} µs per contract"
echo "ratio lint / start:           $(awk "BEGIN { printf \"%.1f\", $lint_ms / $version_ms }")x"
echo "goal < 2000 ms:               $([ "$lint_ms" -lt 2000 ] && echo met || echo MISSED)"
