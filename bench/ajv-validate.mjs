// ajv 8 (compiled) with ajv-formats, over the same NDJSON file and schema: "records invalid seconds".
import { readFileSync, createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaFile, dataFile] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
const start = process.hrtime.bigint();
let records = 0, invalid = 0;
for await (const line of createInterface({ input: createReadStream(dataFile), crlfDelay: Infinity })) {
  if (line.length === 0) continue;
  records++;
  if (!validate(JSON.parse(line))) invalid++;
}
console.log(`${records} ${invalid} ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(3)}`);
