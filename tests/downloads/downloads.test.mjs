// Downloads: every CSV of the built site parses as a proper table (csv-parse), starts with a UTF-8 BOM,
// and datapackage.json describes line-items.csv with the Fiscal Data Package fields it uses. A synthetic corpus
// with budgets: line-items.csv holds 预算 and 决算 lines told apart by `kind`, each budget line equal to its
// budget table's cell, and every budget is downloadable as published and table by table.
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
const synthData = join(work, 'synth');
const synthSite = join(work, 'synth-site');

before(() => {
  execFileSync(gongkai, ['build', '--quiet', '--data', join(repo, 'data'), '--out', site,
                         '--templates', join(repo, 'site-templates'), '--assets', join(repo, 'assets')]);
  execFileSync(gongkai, ['synth', '--quiet', '--out', synthData, '--counties', '1', '--departments', '3', '--years', '2', '--seed', '2']);
  execFileSync(gongkai, ['build', '--quiet', '--data', synthData, '--out', synthSite,
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
  const synthCsvs = [...files(synthSite)].filter((p) => p.endsWith('.csv'));
  assert.ok(synthCsvs.length >= 3 * 2 * (11 + 11) + 3 * 11, `found ${synthCsvs.length} CSV files in the synthetic site`);
  for (const p of [...csvs, ...synthCsvs]) {
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
  // And the data: the 湘潭县 行政运行 line, a 决算 line.
  const col = (name) => fieldNames.indexOf(name);
  const line = rows.find((r) => r[col('county_code')] === '430321' && r[col('function_code')] === '2010301');
  assert.equal(line[col('total')], '739.57');
  assert.equal(line[col('kind')], '决算');
  for (const r of rows.slice(1)) assert.ok(['预算', '决算'].includes(r[col('kind')]), r.join(','));
  assert.ok(res.schema.primaryKey.includes('kind'), 'a budget and a 决算 line of one code and year are distinct rows');
  assert.deepEqual(pkg.model.dimensions.phase.attributes.kind, { source: 'kind' });
  for (const r of rows.slice(1)) for (const m of Object.values(pkg.model.measures)) {
    const v = r[fieldNames.indexOf(m.source)];
    assert.ok(v === '' || /^-?\d+(\.\d+)?$/.test(v), `measure value ${v}`);
  }
});

// Exact decimal text as an integer of `scale` decimals ("812.2906", 6 → 812290600n).
const scaled = (text, scale) => {
  const [whole, frac = ''] = text.split('.');
  return BigInt(whole + frac.padEnd(scale, '0').slice(0, scale));
};

test('the synthetic corpus, budgets included, follows the published JSON Schema', () => {
  const out = execFileSync(process.execPath, [join(repo, 'tests/schema/validate-filings.mjs'), join(repo, 'schema/filing.schema.json'), synthData],
    { encoding: 'utf8' });
  assert.match(out, /\b0 failed/);
  const budgets = [...files(synthData)].filter((p) => p.endsWith('.budget.json'));
  assert.equal(budgets.length, 3 * 3);  // 2023, 2024 and next year's 2025
});

test('budgets are downloads too: line-items.csv by kind, each budget as published and table by table', () => {
  const rows = table(join(synthSite, 'line-items.csv'));
  const fields = rows[0];
  const col = (name) => fields.indexOf(name);
  assert.ok(col('kind') > 0);
  const budgetLines = rows.slice(1).filter((r) => r[col('kind')] === '预算');
  const actualLines = rows.slice(1).filter((r) => r[col('kind')] === '决算');
  assert.ok(actualLines.length > 0 && budgetLines.length > 0);
  // Budgets of 2023, 2024 and next year's (2025); 决算 of 2023 and 2024 only.
  assert.deepEqual([...new Set(budgetLines.map((r) => r[col('year')]))].sort(), ['2023', '2024', '2025']);
  assert.deepEqual([...new Set(actualLines.map((r) => r[col('year')]))].sort(), ['2023', '2024']);
  for (const r of budgetLines) assert.equal(r[col('synthetic')], 'true');
  // Each budget line equals its 部门支出预算总表 cell (printed in 元; line-items.csv in 万元, exactly).
  let compared = 0;
  for (const r of budgetLines) {
    const dir = join(synthSite, '990001-example-1', r[col('year')], r[col('department_slug')]);
    const printed = table(join(dir, 'tables', 'budget_expenditure.csv'));
    assert.match(printed[0][3], /（元）$/);
    const cell = printed.find((p) => p[0] === r[col('function_code')]);
    assert.ok(cell, `${r[col('function_code')]} in ${dir}`);
    for (const [i, name] of [[3, 'total'], [4, 'basic'], [5, 'project']]) {
      if (cell[i] === '') assert.equal(r[col(name)], '');
      else assert.equal(scaled(r[col(name)], 6), scaled(cell[i], 2), `${name} of ${r[col('function_code')]}`);  // 万元 micro = 元 cents
    }
    compared += 1;
  }
  assert.equal(compared, budgetLines.length);
  // The budget as published, beside the department's files of its year.
  const doc = JSON.parse(readFileSync(join(synthSite, '990001-example-1/2025/government-office/government-office.budget.json'), 'utf8'));
  assert.equal(doc.kind, '预算');
  assert.equal(doc.synthetic, true);
  for (const kind of ['budget_summary-income', 'budget_summary-expenditure', 'budget_income', 'budget_expenditure', 'budget_fiscal_summary-income',
                      'budget_fiscal_summary-expenditure', 'budget_general_function', 'budget_government_fund', 'budget_state_capital',
                      'budget_basic_economic', 'budget_three_public']) {
    assert.ok(table(join(synthSite, '990001-example-1/2024/government-office/tables', `${kind}.csv`)).length >= 2, kind);
  }
});
