#!/usr/bin/env python3
"""Inputs for bench/diff.sh (deterministic).

  generate-diff.py wide OUT      OUT/old.yaml and OUT/new.yaml: one dataset with a 2,000-field schema,
                                 and 200 changes between them (enum values, bounds, types, new optional
                                 properties, descriptions).
  generate-diff.py touch DIR N   In a folder of generated contracts, change N of them (a loosened quality
                                 check and a major version bump), spread evenly.
"""
import os, re, sys

def wide(out):
    os.makedirs(out, exist_ok=True)
    def contract(version, changed):
        lines = ["apiVersion: contractkit/v1", "id: wide-contract", f"version: {version}", "status: active", "title: Wide contract",
                 "owner: { team: bench }", "compatibility: backward", "source: { kind: files }", "datasets:", "  - name: wide",
                 "    files: { path: \"wide/*.jsonl\", format: jsonl }", "    schema:", "      type: object", "      required: [id]",
                 "      additionalProperties: false", "      properties:", "        id: { type: string }"]
        for i in range(2000):
            kind = i % 4
            c = changed and (i // 4) % 10 == 0  # every 10th group of four fields changes: 200 changes, 50 of each kind
            if kind == 0:
                values = "[a, b, c, d]" if c else "[a, b, c]"
                lines.append(f"        f{i}: {{ type: string, enum: {values} }}")
            elif kind == 1:
                lines.append(f"        f{i}: {{ type: string, maxLength: {128 if c else 64} }}")
            elif kind == 2:
                t = "[integer, \"null\"]" if c else "integer"
                lines.append(f"        f{i}: {{ type: {t}, minimum: 0 }}")
            else:
                d = "changed" if c else "a field"
                lines.append(f"        f{i}: {{ type: boolean, description: {d} }}")
        return "\n".join(lines) + "\n"
    open(os.path.join(out, "old.yaml"), "w").write(contract("1.0.0", False))
    open(os.path.join(out, "new.yaml"), "w").write(contract("1.1.0", True))

def touch(folder, n):
    files = sorted(f for f in os.listdir(folder) if f.endswith(".yaml"))
    step = max(1, len(files) // n)
    for f in files[::step][:n]:
        path = os.path.join(folder, f)
        text = open(path).read()
        text = re.sub(r"^version: (\d+)\.\d+\.\d+$", lambda m: f"version: {int(m.group(1)) + 1}.0.0", text, count=1, flags=re.M)
        text = text.replace("field: f0, max: 5%", "field: f0, max: 10%", 1)
        open(path, "w").write(text)

if sys.argv[1] == "wide":
    wide(sys.argv[2])
else:
    touch(sys.argv[2], int(sys.argv[3]))
