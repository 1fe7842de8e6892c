#!/usr/bin/env python3
"""Writes realistic order records, deterministically, as NDJSON, a JSON array and CSV.

usage: generate-records.py MEGABYTES OUT_DIR
Writes OUT_DIR/orders.jsonl (about MEGABYTES MB), orders.json (the same records in one array) and
orders.csv (the same orders flattened to one row each, with quoted notes holding commas, quotes
and line breaks).
"""
import csv
import json
import os
import random
import sys

target = int(sys.argv[1]) * 1_000_000
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
rng = random.Random(20260101)

statuses = ["pending", "paid", "shipped", "delivered", "cancelled", "refunded"]
currencies = ["EUR", "USD", "GBP", "CHF", "SEK"]
names = ["Zoë Müller", "José Álvarez", "Li Wei", "Amelia Smith", "Øystein Berg", "Nguyễn Văn An", "Fatima Zahra"]
notes = ["", "leave at the door", "gift, please wrap", 'call "before" delivery', "fragile\nhandle with care", "übergabe an nachbarn"]


def order(i):
    items = [
        {"sku": f"SKU-{rng.randrange(100000):05d}", "qty": rng.randrange(1, 6), "price": round(rng.uniform(1, 250), 2)}
        for _ in range(rng.randrange(1, 5))
    ]
    name = rng.choice(names)
    return {
        "order_id": f"ORD-{i:09d}",
        "customer": {
            "id": f"{rng.getrandbits(128):032x}",
            "email": f"user{rng.randrange(1_000_000)}@example.com",
            "name": name,
        },
        "status": rng.choice(statuses),
        "currency": rng.choice(currencies),
        "amount": round(sum(it["qty"] * it["price"] for it in items), 2),
        "items": items,
        "paid": rng.random() < 0.8,
        "created_at": f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}Z",
        "note": rng.choice(notes) or None,
    }


with open(f"{out}/orders.jsonl", "w", encoding="utf-8", newline="\n") as ndjson, \
     open(f"{out}/orders.json", "w", encoding="utf-8", newline="\n") as array, \
     open(f"{out}/orders.csv", "w", encoding="utf-8", newline="") as table:
    rows = csv.writer(table, lineterminator="\r\n")
    rows.writerow(["order_id", "customer_email", "status", "currency", "amount", "items", "paid", "created_at", "note"])
    array.write("[\n")
    written = 0
    i = 0
    while written < target:
        record = order(i)
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        ndjson.write(line + "\n")
        array.write(("" if i == 0 else ",\n") + "  " + line)
        rows.writerow([record["order_id"], record["customer"]["email"], record["status"], record["currency"],
                       record["amount"], len(record["items"]), "true" if record["paid"] else "false",
                       record["created_at"], record["note"] or ""])
        written += len(line.encode("utf-8")) + 1
        i += 1
    array.write("\n]\n")
print(i)
