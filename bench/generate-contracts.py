#!/usr/bin/env python3
"""Writes N varied, lint-clean contracts into a folder (deterministic: seeded)."""
import os, random, sys

count, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(500)
os.makedirs(out, exist_ok=True)
types = [("string", None), ("string", "uuid"), ("string", "email"), ("integer", None), ("number", None), ("boolean", None), ("string", "uri")]

def field_lines(n, indent):
    lines = []
    for i in range(n):
        t, f = rng.choice(types)
        extra = f", format: {f}" if f else ""
        if t == "integer" and rng.random() < 0.5: extra += f", minimum: {rng.randint(0, 10)}"
        if t == "string" and f is None and rng.random() < 0.3: extra += ", enum: [a, b, c]"
        if f == "email": extra += ", x-pii: true"
        lines.append(f"{indent}f{i}: {{ type: {t}{extra} }}")
    return lines

for n in range(count):
    kind = ["http", "postgres", "files"][n % 3]
    doc = [f"apiVersion: contractkit/v1", f"id: bench-{n}", f"version: {rng.randint(0, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
           f"status: {rng.choice(['draft', 'proposed', 'active', 'deprecated'])}", f"title: Bench contract {n}",
           "owner: { team: bench, contact: \"#bench\" }", "consumers:", "  - { team: analytics, purpose: dashboards }",
           f"compatibility: {rng.choice(['forward', 'backward', 'full', 'full_transitive'])}"]
    if kind == "http":
        doc += ["source:", "  kind: http", "  baseUrl: ${env:BENCH_URL}", "  auth: { bearer: \"${env:BENCH_TOKEN}\" }"]
    elif kind == "postgres":
        doc += ["source:", "  kind: postgres", "  connection: ${env:BENCH_DB}"]
    else:
        doc += ["source: { kind: files }"]
    doc.append("datasets:")
    for d in range(rng.randint(1, 4)):
        doc.append(f"  - name: ds{d}")
        if kind == "http":
            doc.append(f"    http: {{ path: /v1/ds{d}, records: $.data, pagination: {{ cursor: {{ param: c, next: $.next }} }} }}")
        elif kind == "postgres":
            doc.append(f"    postgres: {{ table: public.ds{d} }}")
        else:
            doc.append(f"    files: {{ path: \"drops/ds{d}/*.jsonl\", format: jsonl }}")
        nfields = rng.randint(3, 30)
        doc += ["    schema:", "      type: object", "      required: [id, at]", "      additionalProperties: false", "      properties:",
                "        id: { type: string }", "        at: { type: string, format: date-time }"] + field_lines(nfields, "        ")
        doc += ["    key: [id]", "    eventTime: at", f"    freshness: {{ warn: {rng.randint(1, 30)}m, fail: {rng.randint(1, 6)}h }}",
                f"    volume: {{ per: 1h, min: {rng.randint(0, 100)}, max: {rng.randint(1000, 100000)} }}",
                "    quality:", "      - { check: nullRate, field: f0, max: 5% }", "      - { check: duplicates, fields: [id], max: 0 }"]
        if kind == "postgres" and rng.random() < 0.5:
            doc.append("      - { check: sql, query: \"select count(*) from public.x where id is null\", max: 0 }")
    doc += ["sla:", f"  availability: {rng.choice(['99%', '99.9%', '99.95%'])}", "  latency: { p95: 800ms, p99: 2s }"]
    if rng.random() < 0.5:
        doc += ["probe:", "  every: 5m", "  alerts:", "    - { webhook: \"${env:HOOK}\", format: slack, failAfter: 3 }"]
    if rng.random() < 0.5:
        doc += ["simulation:", f"  seed: {n}", "  rate: 200/h", "  profiles:", "    flaky: { http: { errors: { \"503\": 5% } } }"]
    with open(os.path.join(out, f"contract-{n:03}.yaml"), "w") as f:
        f.write("\n".join(doc) + "\n")
