#!/usr/bin/env bash
# Reads a ~200 MB NDJSON file of orders through ContractKit's RecordReader and, in the same run,
# the plain way (File.ReadLines + JsonDocument.Parse per line); then the same records as one JSON
# array and as CSV through the reader. Prints records/s, MB/s and peak RSS for each.
#
#   bench/records.sh            SIZE_MB=200 RUNS=3 by default; DATA_DIR keeps the generated files
#
# Each reader runs RUNS times in its own process under /usr/bin/time -v; the table shows the run
# with the median time and that run's peak RSS. The app is built once with -c Release and started
# directly (dotnet bin/…/RecordsBench.dll): under `dotnet run` the SDK's own process would be part
# of the RSS figure. CPU s is user + system time of the whole process (start, JIT and GC included);
# on a shared machine records per CPU-second is steadier than records per wall second. Every
# reader must report the same record count and checksum.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb=${SIZE_MB:-200}
runs=${RUNS:-3}
data=${DATA_DIR:-${TMPDIR:-/tmp}/contractkit-bench-records-$size_mb}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$data/.complete" ]; then
  echo "generating ${size_mb} MB of order records in $data (once)..." >&2
  python3 "$root/bench/generate-records.py" "$size_mb" "$data" >/dev/null
  touch "$data/.complete"
fi

dotnet build "$root/bench/RecordsBench/RecordsBench.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; echo "the bench app did not build" >&2; exit 1; }
app="$root/bench/RecordsBench/bin/Release/net10.0/RecordsBench.dll"
cat "$data"/orders.* >/dev/null   # into the page cache, so every reader starts from the same place

# run MODE FILE -> "seconds records problems rec/s MB/s rss_mb checksum" of the median run
run() {
  local mode=$1 file=$2
  for i in $(seq "$runs"); do
    /usr/bin/time -v -o "$work/time" dotnet "$app" "$mode" "$file" >"$work/out" 2>"$work/err" \
      || { cat "$work/err" >&2; echo "$mode failed" >&2; exit 1; }
    local rss_kb cpu
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$work/time")
    read -r _ records problems seconds rate mbs checksum <"$work/out"
    echo "$seconds $records $problems $rate $mbs $((rss_kb / 1024)) $cpu $checksum"
  done | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

printf '%-36s %8s %10s %7s %10s %7s %12s  %s\n' reader records records/s MB/s "peak RSS" "CPU s" "rec/CPU-s" checksum
declare -A rate cpu_rate rss sum
row() {
  local label=$1 key=$2 mode=$3 file=$4 result
  result=$(run "$mode" "$file")
  read -r seconds records problems r mbs m cpu checksum <<<"$result"
  rate[$key]=$r; rss[$key]=$m; sum[$key]=$checksum
  cpu_rate[$key]=$(awk "BEGIN { printf \"%.0f\", $records / $cpu }")
  printf '%-36s %8s %10s %7s %7s MB %7s %12s  %s%s\n' "$label" "$records" "$r" "$mbs" "$m" "$cpu" "${cpu_rate[$key]}" "$checksum" \
    "$([ "$problems" = 0 ] || echo " ($problems problems)")"
}

ndjson_mb=$(( $(stat -c %s "$data/orders.jsonl") / 1000000 ))
row "baseline: ReadLines + Parse(string)" base baseline "$data/orders.jsonl"
row "RecordReader, NDJSON (${ndjson_mb} MB)" ndjson reader-ndjson "$data/orders.jsonl"
row "RecordReader, JSON array ($(( $(stat -c %s "$data/orders.json") / 1000000 )) MB)" json reader-json "$data/orders.json"
row "RecordReader, CSV ($(( $(stat -c %s "$data/orders.csv") / 1000000 )) MB)" csv reader-csv "$data/orders.csv"

echo
echo "NDJSON reader / baseline:  $(awk "BEGIN { printf \"%.2f\", ${rate[ndjson]} / ${rate[base]} }")x records/s (wall), $(awk "BEGIN { printf \"%.2f\", ${cpu_rate[ndjson]} / ${cpu_rate[base]} }")x records per CPU-second, peak RSS ${rss[ndjson]} MB vs ${rss[base]} MB"
echo "load average at the end:   $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall-clock rates swing with it; CPU-second rates less)"
echo "runs per reader:           $runs (median by time; RSS of that run)"
if [ "${sum[ndjson]}" != "${sum[base]}" ] || [ "${sum[json]}" != "${sum[base]}" ] || [ "${sum[csv]}" != "${sum[base]}" ]; then
  echo "CHECKSUMS DIFFER: the readers did not read the same records" >&2
  exit 1
fi
echo "checksums:                 all readers agree"
