// Validates every filing under a data folder against schema/filing.schema.json (JSON Schema 2020-12)
// with ajv, so that the published schema and the C++ validator cannot drift apart silently.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));
const Ajv2020 = require('ajv/dist/2020').default;

const [schemaPath, dataDir] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

function* filings(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* filings(p);
    else if (name.endsWith('.json') && !['county.json', 'code-mapping.json', 'department-types.json'].includes(name)) yield p;
  }
}

let passed = 0, failed = 0;
for (const file of filings(dataDir)) {
  const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
  if (ok) { passed++; continue; }
  failed++;
  for (const e of validate.errors) console.error(`${file}: ${e.instancePath || '(document)'}: ${e.message}`);
}
// A schema that accepted garbage would make this test meaningless: check it rejects a broken filing.
const broken = { format: 'gongkai-filing/1', year: '2024' };
if (validate(broken)) { console.error('schema accepts a broken filing'); failed++; } else passed++;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 1 ? 0 : 1);
