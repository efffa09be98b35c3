// Downloads: every CSV of the built site parses as a proper table (csv-parse), starts with a UTF-8 BOM,
// and datapackage.json describes line-items.csv with the Fiscal Data Package fields it uses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));
const { parse } = require('csv-parse/sync');

const gongkai = process.env.GONGKAI_BIN;
const repo = process.env.GONGKAI_REPO;
assert.ok(gongkai && repo, 'GONGKAI_BIN and GONGKAI_REPO must be set');
const work = mkdtempSync(join(tmpdir(), 'gongkai-downloads-'));
const site = join(work, 'site');

before(() => {
  execFileSync(gongkai, ['build', '--quiet', '--data', join(repo, 'data'), '--out', site,
                         '--templates', join(repo, 'site-templates'), '--assets', join(repo, 'assets')]);
});
after(() => rmSync(work, { recursive: true, force: true }));

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

function table(path) {
  const bytes = readFileSync(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${path} starts with a UTF-8 BOM`);
  return parse(bytes, { bom: true, relax_column_count: false });
}

test('every CSV parses as a rectangular table with a header', () => {
  const csvs = [...files(site)].filter((p) => p.endsWith('.csv'));
  assert.ok(csvs.length >= 4 * 9 + 3, `found ${csvs.length} CSV files`);
  for (const p of csvs) {
    const rows = table(p);  // throws on ragged rows or broken quoting
    assert.ok(rows.length >= 2, `${p} has a header and at least one row`);
  }
});

test('table CSVs hold the printed cells: 湘潭县 expenditure table', () => {
  const rows = table(join(site, '430321-xiangtan/2024/county-government-office/tables/expenditure.csv'));
  assert.deepEqual(rows[0].slice(0, 6), ['科目编码', '项目', '行次', '本年支出合计（万元）', '基本支出（万元）', '项目支出（万元）']);
  const total = rows.find((r) => r[1] === '合计');
  assert.deepEqual(total.slice(3, 6), ['1577.61', '1310.87', '266.74']);
  const admin = rows.find((r) => r[0] === '2010301');
  assert.deepEqual(admin.slice(3, 6), ['739.57', '739.57', '']);  // a blank cell stays empty, not 0
});

test('dashboard CSV lists the county\'s departments', () => {
  const rows = table(join(site, '310107-putuo/2024/departments.csv'));
  assert.equal(rows.length, 1 + 3);
  assert.ok(rows.some((r) => r[0] === '上海市普陀区财政局' && r[1] === '2940.05'));
});

test('datapackage.json describes line-items.csv as a Fiscal Data Package', () => {
  const pkg = JSON.parse(readFileSync(join(site, 'datapackage.json'), 'utf8'));
  assert.equal(pkg.profile, 'fiscal-data-package');
  assert.match(pkg.name, /^[a-z0-9._-]+$/);
  assert.equal(pkg.resources.length, 1);
  const res = pkg.resources[0];
  assert.match(res.name, /^[a-z0-9._-]+$/);
  const rows = table(join(site, res.path));
  const fieldNames = res.schema.fields.map((f) => f.name);
  assert.deepEqual(rows[0], fieldNames, 'schema fields are the CSV header, in order');
  for (const f of res.schema.fields) assert.ok(['string', 'number', 'integer', 'boolean', 'year', 'date'].includes(f.type), f.name);
  for (const key of res.schema.primaryKey) assert.ok(fieldNames.includes(key), key);
  // Primary key values are unique.
  const keys = new Set(rows.slice(1).map((r) => res.schema.primaryKey.map((k) => r[fieldNames.indexOf(k)]).join('|')));
  assert.equal(keys.size, rows.length - 1);
  // The model: every measure and dimension attribute points at a field; measures carry a currency.
  assert.ok(Object.keys(pkg.model.measures).length >= 1);
  for (const [name, m] of Object.entries(pkg.model.measures)) {
    assert.ok(fieldNames.includes(m.source), `measure ${name}`);
    assert.match(m.currency, /^[A-Z]{3}$/);
  }
  for (const [name, d] of Object.entries(pkg.model.dimensions)) {
    assert.ok(Object.keys(d.attributes).length >= 1, `dimension ${name}`);
    for (const a of Object.values(d.attributes)) assert.ok(fieldNames.includes(a.source), `dimension ${name}`);
    for (const k of d.primaryKey) assert.ok(d.attributes[k], `dimension ${name} key ${k}`);
  }
  // And the data: the 湘潭县 行政运行 line.
  const line = rows.find((r) => r[0] === '430321' && r[5] === '2010301');
  assert.equal(line[fieldNames.indexOf('total')], '739.57');
  for (const r of rows.slice(1)) for (const m of Object.values(pkg.model.measures)) {
    const v = r[fieldNames.indexOf(m.source)];
    assert.ok(v === '' || /^-?\d+(\.\d+)?$/.test(v), `measure value ${v}`);
  }
});
