// Renders a filing as an HTML document laid out like the Shanghai 部门决算 publication (the 2024 template
// and the 普陀区 documents): cover, 目录, 第一部分 概况, 第二部分 the nine tables, 第三部分 情况说明,
// 第四部分 名词解释. Printed to PDF by print-pdf.mjs; wide tables go on landscape pages.
import { tableOf, blockOf, esc, codeParts, chineseNumber, narrativeSections, staffingText, pageChunks } from './common.mjs';

const ORDER = ['income_expenditure_summary', 'income', 'expenditure', 'fiscal_summary', 'general_budget_expenditure',
  'basic_expenditure', 'three_public', 'government_fund', 'state_capital'];
const LANDSCAPE = new Set(['income', 'expenditure', 'fiscal_summary', 'three_public', 'government_fund', 'state_capital']);
// Tables whose amounts sit at the top of a cell while the names are centred (as in 普陀区's 支出决算表), so that
// an amount stands on the line above the rest of its wrapped name.
const TOP_ALIGNED = new Set(['expenditure', 'fiscal_summary', 'government_fund']);
const MERGED_TOTAL = new Set(['income', 'expenditure']);

const cell = (v) => (v == null ? '' : esc(v));
const isEmptyTable = (t) => t.blocks.every((b) => b.rows.every((r) => Object.values(r.values || {}).every((v) => v == null)));

const CSS = `
@page { size: A4 portrait; margin: 18mm 14mm 18mm 14mm; }
@page wide { size: A4 landscape; margin: 14mm 14mm 14mm 14mm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 10.5pt; color: #000; margin: 0; }
section.sheet { break-before: page; }
section.sheet:first-child { break-before: auto; }
section.wide { page: wide; }
.cover { text-align: center; padding-top: 70mm; }
.cover h1 { font-size: 26pt; margin: 0 0 10mm 0; }
.cover .sub { font-size: 22pt; font-weight: bold; }
h1.part { text-align: center; font-size: 16pt; margin: 6mm 0 8mm 0; }
h2.toc { text-align: center; font-size: 18pt; }
.toc p { margin: 2.5mm 0; }
.toc p.item { margin-left: 8mm; }
h2.title { text-align: center; font-size: 15pt; font-weight: normal; letter-spacing: 1pt; margin: 10mm 0 4mm 0; }
p.unit { text-align: right; margin: 0 0 2mm 0; font-size: 9.5pt; }
table.grid { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 9pt; }
table.grid td, table.grid th { border: 0.8pt solid #000; padding: 1.2mm 1.2mm; font-weight: normal; vertical-align: middle; word-break: break-all; }
table.grid th { text-align: center; }
table.grid td.num { text-align: right; white-space: nowrap; }
table.grid td.mid { text-align: center; }
table.top td.num { vertical-align: top; }
table.grid tr { break-inside: avoid; }
p.note { margin: 3mm 0; font-size: 9.5pt; }
div.cont { break-before: page; }
p.cont { text-align: right; margin: 0 0 2mm 0; font-size: 9.5pt; }
h3 { font-size: 12pt; margin: 5mm 0 2mm 0; }
p.para { text-indent: 2em; margin: 1.5mm 0; line-height: 1.6; }
table.units { border-collapse: collapse; margin: 3mm auto; }
table.units td, table.units th { border: 0.8pt solid #000; padding: 1mm 3mm; font-weight: normal; }
`;

/**
 * The filing as a Shanghai-style HTML publication (a complete document). Options: `continuation` — how tables
 * that run over pages print their continuation pages (see CONTINUATIONS in common.mjs; default "none").
 */
export function renderShanghaiHtml(filing, options = {}) {
  const dept = filing.department?.name || '';
  const year = filing.year;
  const parts = partTitles(filing);
  const tables = ORDER.map((k) => tableOf(filing, k)).filter((t) => t && !t.absent);
  const sections = narrativeSections(filing);
  const html = [];
  html.push(`<section class="sheet cover"><h1>${esc(dept)}</h1><div class="sub">${year}年度部门决算</div></section>`);
  html.push(`<section class="sheet toc"><h2 class="toc">目 录</h2>`);
  html.push(`<p>${esc(parts[0])}</p><p class="item">一、主要职能</p><p class="item">二、部门决算单位构成</p>`);
  html.push(`<p>${esc(parts[1])}</p>`);
  tables.forEach((t, i) => html.push(`<p class="item">${chineseNumber(i + 1)}、${esc(t.title)}</p>`));
  html.push(`<p>${esc(parts[2])}</p>`);
  sections.forEach((s) => html.push(`<p class="item">${esc(s.title)}</p>`));
  html.push(`<p>${esc(parts[3])}</p></section>`);
  html.push(overview(filing, parts[0]));
  tables.forEach((t, i) => html.push(renderTable(t, i === 0 ? parts[1] : null, options)));
  html.push(`<section class="sheet"><h1 class="part">${esc(parts[2])}</h1>`);
  for (const s of sections) {
    html.push(`<h3>${esc(s.title)}</h3>`);
    s.paragraphs.forEach((p) => html.push(`<p class="para">${esc(p)}</p>`));
  }
  html.push('</section>');
  html.push(`<section class="sheet"><h1 class="part">${esc(parts[3])}</h1>`);
  (filing.glossary || []).forEach((g, i) => html.push(`<p class="para">${chineseNumber(i + 1)}、${g.term ? `${esc(g.term)}：` : ''}${esc(g.definition)}</p>`));
  html.push('</section>');
  for (const a of filing.attachments || []) {
    html.push(`<section class="sheet"><h1 class="part">${esc(a.title)}</h1>`);
    String(a.text || '').split('\n').filter((l) => l.trim()).forEach((l) => html.push(`<p class="para">${esc(l)}</p>`));
    html.push('</section>');
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(dept)}${year}年度部门决算</title>`
    + `<style>${CSS}</style></head><body>${html.join('\n')}</body></html>`;
}

function partTitles(filing) {
  const dept = filing.department?.name || '', year = filing.year;
  const given = (filing.parts || []).map((p) => `${p.number} ${p.title}`);
  const defaults = [`第一部分 ${dept}概况`, `第二部分 ${dept}${year}年度部门决算表`,
    `第三部分 ${dept}${year}年度部门决算情况说明`, '第四部分 名词解释'];
  return defaults.map((d, i) => given[i] || d);
}

function overview(filing, partTitle) {
  const o = filing.overview || {};
  const dept = filing.department?.name || '';
  const out = [`<section class="sheet"><h1 class="part">${esc(partTitle)}</h1><h3>一、主要职能</h3>`];
  (o.duties || []).forEach((d) => out.push(`<p class="para">${esc(d)}</p>`));
  out.push('<h3>二、部门决算单位构成</h3>');
  if (o.internal_units?.names?.length) {
    out.push(`<p class="para">${esc(dept)}共有内设机构 ${o.internal_units.count ?? o.internal_units.names.length} 个：${esc(o.internal_units.names.join('、'))}。</p>`);
  }
  const staffing = staffingText(o);
  if (staffing) out.push(`<p class="para">${esc(staffing)}</p>`);
  const units = o.consolidated_units || [];
  out.push(`<p class="para">从预算单位构成看，${esc(dept)}部门决算包括：${esc(dept)}本级决算${units.length > 1 ? '、下属行政事业单位决算' : ''}。纳入${esc(dept)}${filing.year}年度部门决算编制范围的单位包括：</p>`);
  if (units.length) {
    out.push('<table class="units"><tr><th>序号</th><th>单位名称</th><th>备注</th></tr>');
    units.forEach((u, i) => out.push(`<tr><td>${i + 1}</td><td>${esc(u.name)}</td><td>${cell(u.note)}</td></tr>`));
    out.push('</table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function renderTable(t, partTitle, options) {
  const wide = LANDSCAPE.has(t.kind) || (t.blocks[0]?.columns.length || 0) > 4;
  const out = [`<section class="sheet${wide ? ' wide' : ''}">`];
  if (partTitle) out.push(`<h1 class="part">${esc(partTitle)}</h1>`);
  out.push(`<h2 class="title">${esc(t.title)}</h2>`);
  out.push(`<p class="unit">单位：${esc(t.unit || '万元')}</p>`);
  let grid;
  if (t.kind === 'income_expenditure_summary' || t.kind === 'fiscal_summary') grid = twoSided(t);
  else if (t.kind === 'basic_expenditure') grid = basicTable(t);
  else if (t.kind === 'three_public') grid = threePublic(t);
  else grid = codeTable(t);
  const furniture = (mode) => (mode === 'mark' ? '<p class="cont">续表</p>'
    : `<h2 class="title">${esc(t.title)}（续）</h2><p class="unit">单位：${esc(t.unit || '万元')}</p>`);
  out.push(assembleGrid(grid, options.continuation, wide ? 13 : 22, furniture));
  const notes = [...(t.notes || [])];
  if (t.empty_explanation && !notes.includes(t.empty_explanation)) notes.push(t.empty_explanation);
  notes.forEach((n) => out.push(`<p class="note">${esc(n)}</p>`));
  out.push('</section>');
  return out.join('\n');
}

/**
 * A table's HTML from its parts { open (the <table> tag and colgroup), head (header rows), body (rows) }:
 * `continuation` "none" prints the rows as one table without a <thead> (continuation pages show no header);
 * "repeat" puts the header in a <thead>, which chromium prints again on every page the table continues on;
 * "mark" and "title" break the rows into pages of `perPage` rows themselves and open every further page
 * with `furniture(mode)` (续表, or the title with （续）) and the header again.
 */
export function assembleGrid({ open, head, body }, continuation = 'none', perPage = 22, furniture = () => '') {
  if (continuation === 'none') return [open, ...head, ...body, '</table>'].join('\n');
  const thead = `<thead>${head.join('\n')}</thead>`;
  if (continuation === 'repeat') return [open, thead, '<tbody>', ...body, '</tbody></table>'].join('\n');
  return pageChunks(body, perPage).map((rows, i) => [i ? `<div class="cont">${furniture(continuation)}</div>` : '',
    open, thead, '<tbody>', ...rows, '</tbody></table>'].join('\n')).join('\n');
}

// ---- 收入支出决算总表 and 财政拨款收入支出决算总表: two sides sharing printed lines ----------------------
function twoSided(t) {
  const inc = blockOf(t, 'income'), exp = blockOf(t, 'expenditure');
  const ic = inc.columns, ec = exp.columns;
  // Name columns as narrow as 普陀区 prints them in the wide 财政拨款收入支出决算总表, so long names wrap.
  const nameWidth = ic.length + ec.length > 3 ? 17 : 30;
  const widths = [`<col style="width:${nameWidth}%">`, ...ic.map(() => '<col>'), `<col style="width:${nameWidth}%">`, ...ec.map(() => '<col>')];
  const open = `<table class="grid${TOP_ALIGNED.has(t.kind) ? ' top' : ''}"><colgroup>${widths.join('')}</colgroup>`;
  const head = [`<tr><th colspan="${1 + ic.length}">收入</th><th colspan="${1 + ec.length}">支出</th></tr>`,
    `<tr><th>项目</th>${ic.map((c) => `<th>${esc(c.label)}</th>`).join('')}<th>项目</th>${ec.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr>`];
  const rows = [];
  const n = Math.max(inc.rows.length, exp.rows.length);
  const side = (r, cols) => {
    if (!r) return `<td></td>${cols.map(() => '<td></td>').join('')}`;
    const centered = ['total_income', 'total_expenditure', 'grand_total'].includes(r.key);
    return `<td class="${centered ? 'mid' : ''}">${esc(r.name)}</td>${cols.map((c) => `<td class="num">${cell(r.values?.[c.id])}</td>`).join('')}`;
  };
  for (let i = 0; i < n; i++) rows.push(`<tr>${side(inc.rows[i], ic)}${side(exp.rows[i], ec)}</tr>`);
  return { open, head, body: rows };
}

// ---- tables with 类/款/项 code columns ------------------------------------------------------------
function columnHeads(columns) {
  // Columns total/basic/project under one 本年支出 head where the template prints it (小计 first).
  const ids = columns.map((c) => c.id);
  const i = ids.indexOf('total');
  const grouped = i >= 0 && columns[i].label === '小计' && ids[i + 1] === 'basic' && ids[i + 2] === 'project';
  return { grouped, start: i };
}

function codeTable(t) {
  const b = blockOf(t, 'main');
  const cols = b.columns;
  const { grouped, start } = columnHeads(cols);
  const open = `<table class="grid${TOP_ALIGNED.has(t.kind) ? ' top' : ''}"><colgroup><col style="width:6%"><col style="width:5%"><col style="width:5%">`
    + `<col style="width:${cols.length > 4 ? 18 : 30}%">${cols.map(() => '<col>').join('')}</colgroup>`;
  const head = [], out = [];
  const values = (r) => cols.map((c) => `<td class="num">${cell(r.values?.[c.id])}</td>`).join('');
  const empty = isEmptyTable(t) && t.empty_explanation;
  // 普陀区's 收入决算表 and 支出决算表 print their leading 合计 line on the 类/款/项 header line, under 科目名称.
  const shared = !empty && !grouped && MERGED_TOTAL.has(t.kind) && b.rows[0] && !b.rows[0].code;
  const top = [], second = [];
  cols.forEach((c, i) => {
    if (grouped && i === start) { top.push(`<th colspan="3">本年支出</th>`); }
    if (grouped && i >= start && i < start + 3) { second.push(`<th rowspan="2">${esc(c.label)}</th>`); return; }
    top.push(`<th rowspan="${shared ? 2 : 3}">${esc(c.label)}</th>`);
  });
  head.push(`<tr><th colspan="4">项目</th>${top.join('')}</tr>`);
  head.push(`<tr><th colspan="3">支出功能分类<br>科目编码</th><th${shared ? '' : ' rowspan="2"'}>科目名称</th>${second.join('')}</tr>`);
  // The 类/款/项 line is a header line, unless it also prints the 合计 row (then a repeated header leaves it out).
  (shared ? out : head).push(`<tr><th>类</th><th>款</th><th>项</th>${shared ? `<td class="mid">${esc(b.rows[0].name)}</td>${values(b.rows[0])}` : ''}</tr>`);
  if (empty) for (let i = 0; i < 4; i++) out.push(`<tr><td></td><td></td><td></td><td></td>${cols.map(() => '<td></td>').join('')}</tr>`);
  for (const r of shared ? b.rows.slice(1) : b.rows) {
    if (r.code) {
      const [l, k, x] = codeParts(r.code);
      out.push(`<tr><td>${l}</td><td class="mid">${k}</td><td class="mid">${x}</td><td>${esc(r.name)}</td>${values(r)}</tr>`);
    } else {
      out.push(`<tr><td colspan="4" class="mid">${esc(r.name)}</td>${values(r)}</tr>`);
    }
  }
  return { open, head, body: out };
}

// ---- 一般公共预算财政拨款基本支出决算表: two column groups side by side ------------------------------
/** Splits the code rows, in order, into `n` runs that start at an economic class, as even as possible. */
export function splitGroups(rows, n) {
  const starts = rows.map((r, i) => (i === 0 || r.code.length === 3 ? i : -1)).filter((i) => i >= 0);
  let best = null;
  const choose = (k, from, acc) => {
    if (k === 1) {
      const cuts = [...acc, rows.length];
      const sizes = cuts.map((c, i) => c - (i ? cuts[i - 1] : 0));
      const score = Math.max(...sizes);
      if (!best || score < best.score) best = { score, cuts };
      return;
    }
    for (const s of starts) if (s > from) choose(k - 1, s, [...acc, s]);
  };
  choose(n, 0, []);
  if (!best) return [rows];
  return best.cuts.map((c, i) => rows.slice(i ? best.cuts[i - 1] : 0, c));
}

function basicTable(t) {
  const b = blockOf(t, 'main');
  const codeRows = b.rows.filter((r) => r.code);
  const keyed = b.rows.filter((r) => !r.code);
  const [left, right = []] = splitGroups(codeRows, 2);
  const open = '<table class="grid"><colgroup>'
    + '<col style="width:6%"><col style="width:5%"><col style="width:25%"><col style="width:14%">'.repeat(2) + '</colgroup>';
  const group = '<th colspan="2">经济分类<br>科目编码</th><th rowspan="2">科目名称</th><th rowspan="2">决算数</th>';
  const head = [`<tr>${group}${group}</tr>`, '<tr><th>类</th><th>款</th><th>类</th><th>款</th></tr>'];
  const out = [];
  const side = (r) => {
    if (!r) return '<td></td><td></td><td></td><td></td>';
    const [l, k] = codeParts(r.code);
    return `<td>${l}</td><td class="mid">${k}</td><td>${esc(r.name)}</td><td class="num">${cell(r.values?.amount)}</td>`;
  };
  for (let i = 0; i < Math.max(left.length, right.length); i++) out.push(`<tr>${side(left[i])}${side(right[i])}</tr>`);
  if (keyed.length) {
    const k = (r) => (r ? `<td colspan="3" class="mid">${esc(r.name)}</td><td class="num">${cell(r.values?.amount)}</td>` : '<td colspan="3"></td><td></td>');
    out.push(`<tr>${k(keyed[0])}${k(keyed[1])}</tr>`);
    for (let i = 2; i < keyed.length; i += 2) out.push(`<tr>${k(keyed[i])}${k(keyed[i + 1])}</tr>`);
  }
  return { open, head, body: out };
}

// ---- 财政拨款“三公”经费支出决算表: one line of 12 amounts under a three-level head ------------------
function threePublic(t) {
  const b = blockOf(t, 'main');
  const row = (key) => b.rows.find((r) => r.key === key);
  const name = (key, fallback) => esc(row(key)?.name || fallback);
  const operation = row('vehicle_operation')?.name || '公务用车运行费';
  const group = /维护/.test(operation) ? '公务用车购置及运行维护费' : '公务用车购置及运行费';
  const cols = b.columns;
  const out = [];
  out.push(`<tr><th colspan="${6 * cols.length}">财政拨款“三公”经费</th></tr>`);
  out.push(`<tr><th colspan="${cols.length}" rowspan="2">${name('total', '合计')}</th><th colspan="${cols.length}" rowspan="2">${name('abroad', '因公出国（境）费')}</th>`
    + `<th colspan="${3 * cols.length}">${group}</th><th colspan="${cols.length}" rowspan="2">${name('reception', '公务接待费')}</th></tr>`);
  out.push(`<tr><th colspan="${cols.length}">${name('vehicle_subtotal', '小计')}</th><th colspan="${cols.length}">${name('vehicle_purchase', '公务用车购置费')}</th>`
    + `<th colspan="${cols.length}">${esc(operation)}</th></tr>`);
  const keys = ['total', 'abroad', 'vehicle_subtotal', 'vehicle_purchase', 'vehicle_operation', 'reception'];
  out.push(`<tr>${keys.map(() => cols.map((c) => `<th>${esc(c.label)}</th>`).join('')).join('')}</tr>`);
  const body = [`<tr>${keys.map((k) => cols.map((c) => `<td class="num">${cell(row(k)?.values?.[c.id])}</td>`).join('')).join('')}</tr>`];
  return { open: '<table class="grid">', head: out, body };
}
