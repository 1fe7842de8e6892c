#!/usr/bin/env bash
# Validates the same 200,000 order records (about 2% invalid, deterministic) with ContractKit
# (through `contractkit validate` and through the library), System.Text.Json parse-only,
# JsonSchema.Net 8.0.5 and ajv 8, in one run; prints records/s, MB/s, peak RSS and the ratios, and
# checks every validator finds exactly the invalid records the generator made. Then measures the
# CLI's peak RSS on a 1 GB file.
# Goals (issue 3): at least ajv's records/s, at least 3.5x JsonSchema.Net, < 150 MB RSS on 1 GB.
# The first table is a cold single pass per process (ajv's schema compile excluded, ours included);
# a second table gives each in-process validator's second pass, warm.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count=${COUNT:-200000}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "preparing: $count records, the CLI, the bench app and ajv..." >&2
truth=$(python3 "$root/bench/generate-orders.py" "$count" "$work/orders.jsonl")
mb=$(awk "BEGIN { printf \"%.1f\", $(stat -c %s "$work/orders.jsonl") / 1048576 }")
"$root/contractkit" --version >/dev/null
dotnet build "$root/bench/ValidateBench" -c Release -o "$work/bench" --nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet "$work/bench/ValidateBench.dll" export-schema "$root/contracts/orders.yaml" orders >"$work/schema.json"
(cd "$work" && npm init -y >/dev/null && npm install --silent ajv@8 ajv-formats@3 >/dev/null 2>&1)
cp "$root/bench/ajv-validate.mjs" "$work/"

# Each line: name records invalid seconds peak-rss-kB
measure() {
  local name=$1; shift
  local out
  out=$( { /usr/bin/time -f "RSS %M" "$@" 2>&1 1>&3; } 3>&1 )
  local result rss
  result=$(echo "$out" | grep -v '^RSS' | tail -1)
  rss=$(echo "$out" | grep '^RSS' | awk '{print $2}')
  echo "$name $result $rss"
}

# The CLI measured as a user runs it (process start included), through a wrapper that reads its
# JSON summary; the wrapper's peak RSS includes the CLI's, since Linux folds children into it.
cat >"$work/cli-run.sh" <<SH
#!/usr/bin/env bash
start=\$(date +%s.%N)
"$root/.build/cli/contractkit" validate "$root/contracts/orders.yaml" "$work/orders.jsonl" --format json --max-errors 0 >"$work/cli.json" || true
end=\$(date +%s.%N)
python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print(s["records"], s["invalid"] + s["unreadable"], "%.3f" % (float(sys.argv[3]) - float(sys.argv[2])))' "$work/cli.json" "\$start" "\$end"
SH
chmod +x "$work/cli-run.sh"
bench=(dotnet "$work/bench/ValidateBench.dll")
args=("$root/contracts/orders.yaml" orders "$work/orders.jsonl")

{
  measure "System.Text.Json-parse-only" "${bench[@]}" parse "${args[@]}"
  measure "ContractKit-library" "${bench[@]}" library "${args[@]}"
  measure "ContractKit-CLI" "$work/cli-run.sh"
  measure "JsonSchema.Net-8.0.5" "${bench[@]}" jsonschemanet "${args[@]}"
  measure "ajv-8-(node)" node "$work/ajv-validate.mjs" "$work/schema.json" "$work/orders.jsonl"
} >"$work/results.txt"

echo
echo "$count order records, $mb MB NDJSON, $truth invalid by construction"
printf '%-30s %12s %10s %10s %12s %10s\n' validator records/s MB/s invalid "peak RSS MB" seconds
while read -r name records invalid seconds rss; do
  printf '%-30s %12.0f %10.1f %10s %12.0f %10s\n' "$name" "$(awk "BEGIN{print $records/$seconds}")" "$(awk "BEGIN{print $mb/$seconds}")" "$invalid" "$(awk "BEGIN{print $rss/1024}")" "$seconds"
done <"$work/results.txt"

rate() { awk -v n="$1" '$1 == n { print $2 / $4 }' "$work/results.txt"; }
lib=$(rate ContractKit-library); cli=$(rate ContractKit-CLI); ajv=$(rate "ajv-8-(node)"); jsn=$(rate JsonSchema.Net-8.0.5); parse=$(rate System.Text.Json-parse-only)
echo
printf 'library / ajv:            %.2fx (goal >= 1)\n' "$(awk "BEGIN{print $lib/$ajv}")"
printf 'library / JsonSchema.Net: %.2fx (goal >= 3.5)\n' "$(awk "BEGIN{print $lib/$jsn}")"
printf 'library / parse-only:     %.2fx\n' "$(awk "BEGIN{print $lib/$parse}")"
printf 'CLI / ajv:                %.2fx\n' "$(awk "BEGIN{print $cli/$ajv}")"

wrong=$(awk -v t="$truth" '$1 != "System.Text.Json-parse-only" && $3 != t { print $1 }' "$work/results.txt")
if [ -n "$wrong" ]; then echo "INVALID COUNTS DISAGREE with the truth ($truth): $wrong"; else echo "invalid counts: all validators found exactly the $truth invalid records"; fi

# The same, each in a second pass over the file in the same process: JIT and caches warm, as in a
# long validation or a probe that runs every few minutes. (The CLI is a process per run: no warm pass.)
export PASSES=2
{
  measure "System.Text.Json-parse-only" "${bench[@]}" parse "${args[@]}"
  measure "ContractKit-library" "${bench[@]}" library "${args[@]}"
  measure "JsonSchema.Net-8.0.5" "${bench[@]}" jsonschemanet "${args[@]}"
  measure "ajv-8-(node)" node "$work/ajv-validate.mjs" "$work/schema.json" "$work/orders.jsonl"
} >"$work/warm.txt"
unset PASSES
echo
echo "second pass, warm (records/s):"
while read -r name records invalid seconds rss; do
  printf '  %-28s %12.0f\n' "$name" "$(awk "BEGIN{print $records/$seconds}")"
done <"$work/warm.txt"
warm() { awk -v n="$1" '$1 == n { print $2 / $4 }' "$work/warm.txt"; }
printf '  library / ajv, warm:            %.2fx\n' "$(awk "BEGIN{print $(warm ContractKit-library)/$(warm "ajv-8-(node)")}")"
printf '  library / JsonSchema.Net, warm: %.2fx\n' "$(awk "BEGIN{print $(warm ContractKit-library)/$(warm JsonSchema.Net-8.0.5)}")"


if [ "${SKIP_BIG:-0}" != 1 ]; then
  echo
  echo "1 GB: the same records repeated; peak RSS of contractkit validate:" >&2
  for _ in $(seq 21); do cat "$work/orders.jsonl"; done >"$work/big.jsonl"
  big_mb=$(( $(stat -c %s "$work/big.jsonl") / 1048576 ))
  rm -f "$work/orders.jsonl"
  /usr/bin/time -f "%M %e" -o "$work/big.time" "$root/.build/cli/contractkit" validate "$root/contracts/orders.yaml" "$work/big.jsonl" --max-errors 10 >/dev/null || true
  # time(1) puts "Command exited with non-zero status 1" first when invalid records were found (exit 1).
  read -r rss seconds < <(tail -n 1 "$work/big.time")
  printf 'contractkit validate on %d MB: peak RSS %.0f MB (goal < 150), %s s, %.0f records/s\n' "$big_mb" "$(awk "BEGIN{print $rss/1024}")" "$seconds" "$(awk "BEGIN{print $count*21/$seconds}")"
fi
