#!/usr/bin/env node
// Round trip of the importer: filings → publications (a Shanghai-style PDF and a Hunan-style PDF printed by
// chromium, and a Hunan-style extracted text) → `gongkai import` → compared with the filings, cell for cell and
// figure by figure. Each publication prints tables that run over pages in one of the ways publications do
// (rows simply continuing, header rows repeated, 续表, the title repeated with （续）), and the Hunan PDF comes
// portrait, landscape or mixed.
//
//   GONGKAI_BIN=build/gongkai node tests/roundtrip/roundtrip.mjs [--seeds 7,23] [--keep DIR] [--only TEXT]
//                                        [--no-real] [--no-synth] [--max-listing N] [--figures] [--all-layouts]
// Inputs: three synthetic filings per seed from `gongkai synth --seed N` (made into variants with full template
// rows and columns, longer code tables and filled 07/08 tables, see shape.mjs) and the real filings in data/.
// Exit 0 when every table cell matches, nothing of a document is left unplaced and ≥90% of the figures of every
// document are read; 1 otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderShanghaiHtml } from './render-shanghai.mjs';
import { renderHunanText } from './render-hunan.mjs';
import { renderHunanHtml } from './render-hunan-pdf.mjs';
import { publicationShape, synthVariant } from './shape.mjs';
import { compareTables, compareFigures } from './compare.mjs';
import { openPrinter } from './print-pdf.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const gongkai = process.env.GONGKAI_BIN || join(repo, '..', 'build-dev', 'gongkai');
const seeds = String(opt('--seeds', '7,23')).split(',').filter(Boolean);
const only = opt('--only', null);
const maxListing = Number(opt('--max-listing', '60'));
const keep = opt('--keep', null);
const work = keep || mkdtempSync(join(tmpdir(), 'gongkai-roundtrip-'));
mkdirSync(work, { recursive: true });
const FIGURE_SHARE = 0.9;
const allLayouts = args.includes('--all-layouts');  // every layout for every input (slow; by hand)

// ---- inputs -----------------------------------------------------------------------------------------
const inputs = [];
// The 决算 filings (<slug>.json) of a data folder; budgets (<slug>.budget.json) are not rendered as 决算 publications.
const filingsIn = (dataDir) => readdirSync(dataDir, { withFileTypes: true }).filter((d) => d.isDirectory())
  .flatMap((county) => readdirSync(join(dataDir, county.name), { withFileTypes: true }).filter((y) => y.isDirectory())
    .flatMap((y) => readdirSync(join(dataDir, county.name, y.name)).filter((f) => f.endsWith('.json') && !f.endsWith('.budget.json')).sort()
      .map((f) => ({ countyDir: join(dataDir, county.name), file: join(dataDir, county.name, y.name, f) }))));

if (!args.includes('--no-synth')) {
  // Each synthetic filing becomes one variant; the variants cycle over the departments of all seeds.
  const variants = [{ full: true, long: true, funds: true, commas: true, signs: true }, {}, { long: true, funds: true, yuan: true },
    { full: true, signs: true }, { funds: true, commas: true, yuan: true }, { full: true, long: true, signs: true, yuan: true }];
  let n = 0;
  for (const seed of seeds) {
    const synthDir = join(work, `synth-${seed}`);
    rmSync(synthDir, { recursive: true, force: true });
    execFileSync(gongkai, ['synth', '--out', synthDir, '--counties', '1', '--departments', '3', '--years', '1', '--seed', seed],
      { stdio: ['ignore', 'ignore', 'inherit'] });
    for (const { countyDir, file } of filingsIn(synthDir)) {
      const v = variants[n++ % variants.length];
      const label = Object.keys(v).join('+') || 'as-synthesized';
      inputs.push({ name: `synth${seed}-${basename(file, '.json')}`, label, countyDir,
        filing: synthVariant(JSON.parse(readFileSync(file, 'utf8')), v) });
    }
  }
}
if (!args.includes('--no-real')) {
  for (const { countyDir, file } of filingsIn(join(repo, 'data'))) {
    inputs.push({ name: `real-${basename(file, '.json')}`, label: 'data/', countyDir, filing: JSON.parse(readFileSync(file, 'utf8')) });
  }
}
const selected = inputs.filter((x) => !only || x.name.includes(only));

// ---- layouts ----------------------------------------------------------------------------------------
// How each publication prints continuation pages and (Hunan PDF) its page orientation, cycling over the
// inputs with different periods so that every long table meets every way in some layout.
const SHANGHAI_CONTINUATION = ['repeat', 'none', 'mark', 'title'];
const HUNAN_PDF = [['portrait', 'repeat'], ['landscape', 'title'], ['mixed', 'mark'], ['landscape', 'none'],
  ['mixed', 'title'], ['portrait', 'mark'], ['landscape', 'repeat']];
const TEXT_CONTINUATION = ['break', 'none', 'repeat', 'title', 'mark'];

// ---- render -----------------------------------------------------------------------------------------
const docs = [];
const printer = await openPrinter();
try {
  for (const [n, input] of selected.entries()) {
    const expected = publicationShape(input.filing);
    const base = join(work, input.name);
    writeFileSync(`${base}.expected.json`, JSON.stringify(expected, null, 2) + '\n');
    const pick = (list) => (allLayouts ? list.map((x, i) => [x, `-${i}`]) : [[list[n % list.length], '']]);
    for (const [continuation, tag] of pick(SHANGHAI_CONTINUATION)) {
      const html = renderShanghaiHtml(expected, { continuation });
      writeFileSync(`${base}${tag}.html`, html);
      await printer.print(html, `${base}${tag}.pdf`);
      docs.push({ ...input, name: input.name + tag, expected, format: 'pdf', layout: `shanghai, ${continuation}`, path: `${base}${tag}.pdf` });
    }
    const hunanLayouts = allLayouts ? ['portrait', 'landscape', 'mixed'].flatMap((o) => SHANGHAI_CONTINUATION.map((c) => [o, c])) : HUNAN_PDF;
    for (const [[orientation, continuation], tag] of pick(hunanLayouts)) {
      const hunan = renderHunanHtml(expected, { orientation, continuation });
      writeFileSync(`${base}${tag}.hunan.html`, hunan);
      await printer.print(hunan, `${base}${tag}.hunan.pdf`);
      docs.push({ ...input, name: input.name + tag, expected, format: 'hunan-pdf', layout: `hunan, ${orientation}, ${continuation}`, path: `${base}${tag}.hunan.pdf` });
    }
    for (const [continuation, tag] of pick(TEXT_CONTINUATION)) {
      writeFileSync(`${base}${tag}.txt`, renderHunanText(expected, { continuation }));
      docs.push({ ...input, name: input.name + tag, expected, format: 'txt', layout: `text, ${continuation}`, path: `${base}${tag}.txt` });
    }
  }
} finally {
  await printer.close();
}

// ---- import and compare -------------------------------------------------------------------------------
/** The lines the import report lists under "not placed (N)". */
function notPlaced(log) {
  const lines = log.split('\n');
  const at = lines.findIndex((l) => /^\s*not placed \(\d+\)/.test(l));
  if (at < 0) return [];
  const count = Number(/\((\d+)\)/.exec(lines[at])[1]);
  if (!count) return [];
  const indent = lines[at].search(/\S/);
  const out = [];
  for (let i = at + 1; i < lines.length && lines[i].search(/\S/) > indent; i++) out.push(lines[i].trim());
  return out.length ? out : [`${count} line(s) (not listed)`];
}

let failed = 0;
const report = [];
const say = (s) => { report.push(s); };
for (const doc of docs) {
  const county = JSON.parse(readFileSync(join(doc.countyDir, 'county.json'), 'utf8'));
  const dataRoot = join(work, 'import', `${doc.name}-${doc.format}`);
  rmSync(dataRoot, { recursive: true, force: true });
  mkdirSync(join(dataRoot, basename(doc.countyDir)), { recursive: true });
  copyFileSync(join(doc.countyDir, 'county.json'), join(dataRoot, basename(doc.countyDir), 'county.json'));
  const slug = doc.expected.department.slug;
  const run = spawnSync(gongkai, ['import', doc.path, '--county', county.code, '--slug', slug, '--data', dataRoot],
    { encoding: 'utf8', timeout: 120000 });
  writeFileSync(join(dataRoot, 'import.log'), `${run.stdout || ''}\n${run.stderr || ''}`);
  const out = join(dataRoot, basename(doc.countyDir), String(doc.expected.year), `${slug}.json`);
  const head = `${doc.name} [${doc.label}] as ${doc.format} (${doc.layout})`;
  if (run.status !== 0 || !existsSync(out)) {
    failed++;
    say(`FAIL ${head}: import exited ${run.status ?? run.signal}, no filing written`);
    const why = `${run.stdout || ''}${run.stderr || ''}`.trim().split('\n').slice(-8);
    why.forEach((l) => say(`     ${l}`));
    continue;
  }
  const actual = JSON.parse(readFileSync(out, 'utf8'));
  // The Shanghai layout prints neither table numbers nor 行次; the Hunan layouts print both where the filing has them.
  const hunan = doc.format !== 'pdf';
  const diffs = compareTables(doc.expected, actual, { numbers: hunan, lines: hunan });
  const figures = compareFigures(doc.expected, actual);
  const share = figures.total ? figures.matched / figures.total : 1;
  // Everything a rendered document prints belongs somewhere: the import's "not placed" list must be empty.
  const unplaced = notPlaced(`${run.stdout || ''}\n${run.stderr || ''}`);
  const ok = diffs.length === 0 && share >= FIGURE_SHARE && unplaced.length === 0;
  if (!ok) failed++;
  say(`${ok ? 'ok  ' : 'FAIL'} ${head}: ${diffs.length} table difference(s); figures ${figures.matched}/${figures.total} matched`
    + `${unplaced.length ? `; ${unplaced.length} line(s) not placed` : ''}`);
  diffs.slice(0, maxListing).forEach((d) => say(`     ${d}`));
  unplaced.slice(0, maxListing).forEach((l) => say(`     not placed: ${l}`));
  if (diffs.length > maxListing) say(`     … ${diffs.length - maxListing} more (full list: ${join(work, 'report.txt')})`);
  if (share < FIGURE_SHARE || args.includes('--figures')) {
    figures.missing.slice(0, maxListing).forEach((f) => say(`     figure not read: ${f.metric}${f.code ? ` ${f.code}` : ''} = ${f.value}${f.unit ?? ''} (section ${f.section ?? '?'}): ${f.sentence}`));
  }
  doc.diffs = diffs;
}
console.log(report.join('\n'));
const full = docs.flatMap((d) => [`== ${d.name} as ${d.format}`, ...(d.diffs || [])]);
writeFileSync(join(work, 'report.txt'), full.join('\n') + '\n');
console.log(`\n${docs.length - failed}/${docs.length} documents round-trip cleanly (work folder: ${work}${keep ? '' : ', removed'})`);
if (!keep) rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
