#!/usr/bin/env bash
# Probes a 10-million-row PostgreSQL table with an index on its event-time column, and compares
# the result with a naive baseline in one run:
#   - probe:    `contractkit probe --format json` of one dataset (schema, freshness, volume per 1h,
#               nullRate, duplicates). Its time per dataset comes from the JSON result durations:
#               the catalog query (the schema result) plus the one aggregate query (shared by the
#               freshness, volume, nullRate and duplicates results). Connection set-up is excluded.
#   - baseline: `select count(*), max(created_at) from payments` over the whole table, timed by
#               psql's \timing.
# Prints both, their ratio, and the EXPLAIN ANALYZE plans of the probe's aggregate query (logged by
# auto_explain during one extra probe run) and of the baseline.
# Goal (issue 5): under 100 ms per dataset, using the index.
# Starts a throwaway PostgreSQL 15 like ./test.sh does, or uses $CONTRACTKIT_TEST_POSTGRES
# (an Npgsql connection string for a superuser on this machine). ROWS overrides the row count.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows=${ROWS:-10000000}
runs=${RUNS:-7}
work="$(mktemp -d)"
log() { echo "probe-postgres: $*" >&2; }

# --- PostgreSQL 15 (the same throwaway server as ./test.sh) ---------------------------------
pg_bin=/usr/lib/postgresql/15/bin
source "$root/tests/lib/throwaway-postgres.sh"
cleanup() {
  if [ -n "$pg_dir" ]; then
    stop_throwaway_postgres
  elif [ -n "${host:-}" ]; then
    psql_admin -c "drop database if exists contractkit_bench with (force)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

server_log=""
if [ -n "${CONTRACTKIT_TEST_POSTGRES:-}" ]; then
  setting() { echo "$CONTRACTKIT_TEST_POSTGRES" | tr ';' '\n' | sed -n "s/^ *$1 *= *//Ip" | head -1; }
  host=$(setting Host); port=$(setting Port); user=$(setting Username)
  port=${port:-5432}; user=${user:-postgres}
  log "using the server of CONTRACTKIT_TEST_POSTGRES ($host:$port)"
else
  [ -x "$pg_bin/postgres" ] || { log "PostgreSQL 15 is not installed (apt-get install postgresql-15)"; exit 2; }
  start_throwaway_postgres contractkit-bench-pg || exit 2
  host=127.0.0.1; port=$pg_port; user=postgres; server_log=$pg_log
fi
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$user" -d postgres "$@"; }
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$user" -d contractkit_bench "$@"; }
connection="Host=$host;Port=$port;Username=$user;Database=contractkit_bench"

# --- The table --------------------------------------------------------------------------------
# One payment per second of event time, the newest now: the 1h window holds 3,600 rows. Every
# tenth card_last4 is null; every 500th order_id repeats the one before.
psql_admin -c "drop database if exists contractkit_bench with (force)" -c "create database contractkit_bench"
log "loading $rows rows (generate_series), then the index and VACUUM ANALYZE..."
load_start=$(date +%s.%N)
psql_bench <<SQL
create table payments (
    payment_id bigint not null,
    order_id uuid not null,
    amount_cents bigint not null,
    currency char(3) not null,
    state text not null,
    card_last4 text,
    created_at timestamptz not null);
insert into payments
select g,
       md5((case when g % 500 = 0 then g - 1 else g end)::text)::uuid,
       (g::bigint * 7919) % 100000,
       (array['EUR', 'USD', 'GBP'])[1 + g % 3],
       (array['authorized', 'captured', 'failed', 'voided'])[1 + g % 4],
       case when g % 10 = 0 then null else lpad((g % 10000)::text, 4, '0') end,
       now() - ($rows - g) * interval '1 second'
from generate_series(1, $rows) g;
create index payments_created_at on payments (created_at);
vacuum analyze payments;
SQL
load_end=$(date +%s.%N)
table_size=$(psql_bench -At -c "select pg_size_pretty(pg_table_size('payments')) || ' table, ' || pg_size_pretty(pg_indexes_size('payments')) || ' index'")

cat >"$work/payments.yaml" <<'YAML'
apiVersion: contractkit/v1
id: payments-bench
version: 1.0.0
status: active
title: Payments (bench)
owner: { team: payments }
source:
  kind: postgres
  connection: ${env:CONTRACTKIT_BENCH_DB}
  statementTimeout: 30s
datasets:
  - name: payments
    postgres: { table: public.payments }
    schema:
      type: object
      required: [payment_id, order_id, amount_cents, currency, state, created_at]
      additionalProperties: false
      properties:
        payment_id: { type: integer, minimum: 1 }
        order_id: { type: string, format: uuid }
        amount_cents: { type: integer, minimum: 0 }
        currency: { type: string }
        state: { type: string, enum: [authorized, captured, failed, voided] }
        card_last4: { type: [string, "null"], x-pii: true }
        created_at: { type: string, format: date-time }
    key: [payment_id]
    eventTime: created_at
    freshness: { warn: 10m, fail: 30m }
    volume: { per: 1h, min: 1000, max: 10000 }
    quality:
      - { check: nullRate, field: card_last4, max: 15% }
      - { check: duplicates, fields: [order_id], max: 10 }
YAML

# --- The probe ---------------------------------------------------------------------------------
log "building the CLI (first run only) and probing $runs times..."
"$root/contractkit" --version >/dev/null
probe() {
  CONTRACTKIT_BENCH_DB="$1" "$root/contractkit" probe "$work/payments.yaml" --format json >"$2" || true
}
: >"$work/probe-times.txt"
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  probe "$connection" "$work/probe-$i.json"
  end=$(date +%s.%N)
  jq -r --arg wall "$(awk "BEGIN { printf \"%.0f\", ($end - $start) * 1000 }")" '
    .contracts[0] as $c
    | ($c.results | map({ (.check): .durationMs }) | add) as $d
    | [($d.schema + $d.freshness), $d.schema, $d.freshness, $c.durationMs, ($wall | tonumber)] | @tsv' \
    "$work/probe-$i.json" >>"$work/probe-times.txt"
done
if ! jq -e '.summary.exitCode == 0' "$work/probe-1.json" >/dev/null; then
  log "the probe did not pass; its results:"
  jq -r '.contracts[0].results[] | "  \(.check): \(.status) \(.measured) \(.message // "")"' "$work/probe-1.json" >&2
fi

# --- The baseline ------------------------------------------------------------------------------
log "timing the baseline $runs times..."
: >"$work/baseline-times.txt"
for _ in $(seq 1 "$runs"); do
  psql_bench -c '\timing on' -c 'select count(*), max(created_at) from payments' \
    | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' >>"$work/baseline-times.txt"
done

# --- Plans -------------------------------------------------------------------------------------
# auto_explain logs the plan of every statement the probe sends, during one extra, untimed run.
probe_plan="(the probe's plan needs the server log; run without CONTRACTKIT_TEST_POSTGRES to see it)"
if [ -z "$server_log" ] && [ -r "$(psql_bench -At -c 'show data_directory')/postmaster.pid" ] 2>/dev/null; then
  server_log=$(readlink "/proc/$(head -1 "$(psql_bench -At -c 'show data_directory')/postmaster.pid")/fd/2" 2>/dev/null || true)
fi
if [ -n "$server_log" ] && [ -r "$server_log" ]; then
  offset=$(stat -c %s "$server_log")
  explain="Options=-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on -c auto_explain.log_timing=on"
  probe "$connection;$explain" "$work/probe-explain.json"
  sleep 0.5
  # Each logged plan is a "LOG:  duration: … plan:" line and tab-indented lines; keep the aggregate's.
  probe_plan=$(tail -c +$((offset + 1)) "$server_log" | awk '
    function flush() { if (block ~ /count\(\*\) - count\(/) { printf "%s", block; found = 1; exit } block = "" }
    /LOG:  duration: .* plan:/ { flush(); inside = 1; next }
    /^\t/ && inside { block = block substr($0, 2) "\n"; next }
    { flush(); inside = 0 }
    END { if (!found) flush() }')
fi
baseline_plan=$(psql_bench -c 'explain (analyze, buffers) select count(*), max(created_at) from payments')

# --- Report ------------------------------------------------------------------------------------
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -n | head -1; }
probe_median=$(cut -f1 "$work/probe-times.txt" | median)
probe_min=$(cut -f1 "$work/probe-times.txt" | minimum)
baseline_median=$(median <"$work/baseline-times.txt")
baseline_min=$(minimum <"$work/baseline-times.txt")
echo
echo "table: $rows rows ($table_size), loaded in $(awk "BEGIN { printf \"%.0f\", $load_end - $load_start }") s; index on created_at"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (other work on the machine slows every figure)"
echo
echo "contractkit probe, $runs runs (ms)     per dataset = catalog + aggregate   contract (with connect)   process"
n=0
while IFS=$'\t' read -r dataset schema aggregate contract wall; do
  n=$((n + 1))
  printf '  run %d %33.1f = %6.1f + %6.1f %21.1f %13s\n' "$n" "$dataset" "$schema" "$aggregate" "$contract" "$wall"
done <"$work/probe-times.txt"
echo "baseline count(*), max(created_at) over the table, $runs runs (ms): $(paste -sd' ' "$work/baseline-times.txt")"
echo
printf 'median: probe %.1f ms per dataset, baseline %.1f ms: the baseline takes %.0fx as long\n' \
  "$probe_median" "$baseline_median" "$(awk "BEGIN { print $baseline_median / $probe_median }")"
printf 'best:   probe %.1f ms per dataset, baseline %.1f ms: the baseline takes %.0fx as long\n' \
  "$probe_min" "$baseline_min" "$(awk "BEGIN { print $baseline_min / $probe_min }")"
awk "BEGIN { exit !($probe_median < 100) }" && echo "goal (< 100 ms per dataset, median): met" || echo "goal (< 100 ms per dataset, median): NOT met"
echo
echo "--- the probe's aggregate query (auto_explain, EXPLAIN ANALYZE BUFFERS) ---"
echo "$probe_plan"
echo
echo "--- the baseline (EXPLAIN ANALYZE BUFFERS) ---"
echo "$baseline_plan"
