// ajv 8 (compiled) with ajv-formats, over the same NDJSON file and schema: "records invalid seconds".
import { readFileSync, createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaFile, dataFile] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
// PASSES=2 times a second pass in the same process (JIT warm) and prints that one.
const passes = Math.max(1, Number(process.env.PASSES ?? 1));
let records = 0, invalid = 0, start = 0n;
for (let pass = 0; pass < passes; pass++) {
  records = 0; invalid = 0; start = process.hrtime.bigint();
  for await (const line of createInterface({ input: createReadStream(dataFile), crlfDelay: Infinity })) {
    if (line.length === 0) continue;
    records++;
    if (!validate(JSON.parse(line))) invalid++;
  }
}
console.log(`${records} ${invalid} ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(3)}`);
