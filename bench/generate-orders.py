#!/usr/bin/env python3
"""Writes N order records as NDJSON, about 2% invalid in varied ways, deterministically.
Prints the number of invalid records (the ground truth) on stdout."""
import json, random, sys, uuid

count, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20261127)
statuses = ["placed", "paid", "shipped", "cancelled"]

def order(i):
    r = {
        "order_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "created_at": f"2026-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}T{rng.randint(0, 23):02}:{rng.randint(0, 59):02}:{rng.randint(0, 59):02}Z",
        "amount": round(rng.uniform(0, 2000), 2),
        "currency": rng.choice(["EUR", "USD", "GBP"]),
        "status": rng.choice(statuses),
        "items": [{"sku": f"SKU-{rng.randint(1, 9999)}", "quantity": rng.randint(1, 5)} for _ in range(rng.randint(1, 4))],
    }
    if rng.random() < 0.7:
        r["customer_email"] = f"customer{i}@example.com"
    return r

def break_(r):
    kind = rng.randrange(10)
    if kind == 0: del r[rng.choice(["order_id", "created_at", "amount", "currency", "status"])]
    elif kind == 1: r["amount"] = str(r["amount"])
    elif kind == 2: r["status"] = "lost"
    elif kind == 3: r["amount"] = -r["amount"] - 1
    elif kind == 4: r["created_at"] = "2026-02-30T10:00:00Z"
    elif kind == 5: r["order_id"] = r["order_id"][:-1] + "g"
    elif kind == 6: r["coupon"] = "SAVE10"
    elif kind == 7: r["currency"] = "euro"
    elif kind == 8: r["items"][0]["quantity"] = 0
    else: r["customer_email"] = "not-an-email"
    return r

invalid = 0
with open(out, "w") as f:
    for i in range(count):
        r = order(i)
        if rng.random() < 0.02:
            r = break_(r)
            invalid += 1
        f.write(json.dumps(r, separators=(",", ":")) + "\n")
print(invalid)
