#!/usr/bin/env bash
# Reads a ~200 MB NDJSON file of orders through ContractKit's RecordReader and, in the same run,
# the plain way (File.ReadLines + JsonDocument.Parse per line); then the same records as one JSON
# array and as CSV through the reader. Prints records/s, MB/s and peak RSS for each.
#
#   bench/records.sh     SIZE_MB=200 RUNS=5 PASSES=3 by default; DATA_DIR keeps the generated files
#
# Each reader runs RUNS times, each time in a fresh process under /usr/bin/time -v that reads the
# file PASSES times: the first pass is what one CLI run costs (runtime start, JIT and tiering
# included), the best later pass shows the code's steady throughput. The table gives medians over
# the runs, and the largest peak RSS. CPU s is the process's user + system time during the pass
# (background JIT and GC threads included); on a shared machine records per CPU-second is
# steadier than records per wall second. The app is built once with -c Release and started
# directly (dotnet bin/…/RecordsBench.dll): under `dotnet run` the SDK's own process would be part
# of the RSS figure. Every reader must report the same record count and checksum.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb=${SIZE_MB:-200}
runs=${RUNS:-5}
passes=${PASSES:-3}
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

# once MODE FILE: one process reading the file PASSES times; prints
#   "seconds records problems rate mbs cpu warm_rate warm_mbs warm_cpu rss_mb checksum"
# for its first pass and its best later pass (least disturbed by the neighbours).
once() {
  local mode=$1 file=$2 rss_kb
  /usr/bin/time -v -o "$work/time" dotnet "$app" "$mode" "$file" "$passes" >"$work/out" 2>"$work/err" \
    || { cat "$work/err" >&2; echo "$mode failed" >&2; exit 1; }
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
  read -r _ _ records problems seconds rate mbs cpu checksum < <(sed -n 1p "$work/out")
  read -r _ _ _ _ _ warm_rate warm_mbs warm_cpu _ < <(sed -n '2,$p' "$work/out" | sort -k8 -n | head -1)
  echo "$seconds $records $problems $rate $mbs $cpu $warm_rate $warm_mbs $warm_cpu $((rss_kb / 1024)) $checksum"
}

readers=(base ndjson json csv)
declare -A modes=([base]=baseline [ndjson]=reader-ndjson [json]=reader-json [csv]=reader-csv)
declare -A files=([base]="$data/orders.jsonl" [ndjson]="$data/orders.jsonl" [json]="$data/orders.json" [csv]="$data/orders.csv")
declare -A labels=(
  [base]="baseline: ReadLines + Parse(string)"
  [ndjson]="RecordReader, NDJSON ($(( $(stat -c %s "$data/orders.jsonl") / 1000000 )) MB)"
  [json]="RecordReader, JSON array ($(( $(stat -c %s "$data/orders.json") / 1000000 )) MB)"
  [csv]="RecordReader, CSV ($(( $(stat -c %s "$data/orders.csv") / 1000000 )) MB)")

# Runs take turns (baseline, NDJSON, JSON, CSV, baseline, …) so a change in the machine's load
# falls on every reader alike.
for _ in $(seq "$runs"); do
  for key in "${readers[@]}"; do
    once "${modes[$key]}" "${files[$key]}" >>"$work/$key.runs"
  done
done

median() { sort -n -k"$1" "$2" | sed -n "$(( (runs + 1) / 2 ))p"; }

printf '%-34s %7s | %-34s | %-27s |\n' "" "" "first pass, fresh process" "best later pass"
printf '%-34s %7s | %9s %6s %6s %10s | %9s %6s %10s | %8s\n' reader records records/s MB/s "CPU s" rec/CPU-s records/s MB/s rec/CPU-s "peak RSS"
declare -A rate cpu_rate warm_cpu_rate rss sum
for key in "${readers[@]}"; do
  # First-pass figures from the run with the median first-pass time, later-pass figures from the
  # run with the median later-pass CPU time; RSS is the largest of all runs.
  read -r _ records problems r mbs cpu _ _ _ _ checksum < <(median 1 "$work/$key.runs")
  read -r _ _ _ _ _ _ wr wmbs wcpu _ _ < <(median 9 "$work/$key.runs")
  m=$(sort -n -k10 "$work/$key.runs" | tail -1 | cut -d' ' -f10)
  rate[$key]=$r; rss[$key]=$m; sum[$key]=$checksum
  cpu_rate[$key]=$(awk "BEGIN { printf \"%.0f\", $records / $cpu }")
  warm_cpu_rate[$key]=$(awk "BEGIN { printf \"%.0f\", $records / $wcpu }")
  printf '%-34s %7s | %9s %6s %6s %10s | %9s %6s %10s | %5s MB%s\n' "${labels[$key]}" "$records" "$r" "$mbs" "$cpu" "${cpu_rate[$key]}" \
    "$wr" "$wmbs" "${warm_cpu_rate[$key]}" "$m" "$([ "$problems" = 0 ] || echo " ($problems problems)")"
done

echo
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
echo "NDJSON reader / baseline, first pass:   $(ratio "${rate[ndjson]}" "${rate[base]}")x records/s, $(ratio "${cpu_rate[ndjson]}" "${cpu_rate[base]}")x records per CPU-second"
echo "NDJSON reader / baseline, later passes: $(ratio "${warm_cpu_rate[ndjson]}" "${warm_cpu_rate[base]}")x records per CPU-second"
echo "peak RSS, NDJSON reader / baseline:     ${rss[ndjson]} MB / ${rss[base]} MB (whole process, all passes)"
echo "runs per reader:                        $runs processes of $passes passes, taking turns; medians"
echo "load average at the end:                $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
if [ "${sum[ndjson]}" != "${sum[base]}" ] || [ "${sum[json]}" != "${sum[base]}" ] || [ "${sum[csv]}" != "${sum[base]}" ]; then
  echo "CHECKSUMS DIFFER: the readers did not read the same records" >&2
  exit 1
fi
echo "checksums (records:sum of amounts):     all readers agree, ${sum[base]}"
