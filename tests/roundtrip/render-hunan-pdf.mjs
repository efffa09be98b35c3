// Renders a filing as an HTML document laid out like a Hunan-style 部门决算 publication printed from its
// spreadsheets (the layout of ../shared/disclosures/xiangtan-county/2024-county-government-office.txt as
// bordered tables): 公开NN表 numbers, a 部门：… line with 单位：万元, 栏次 rows, 行次 columns in the two-sided
// tables, the function code as one 7-digit column, the 基本支出 table in three side-by-side column groups and
// the 三公 table as one line of 12 amounts under 预算数 and 决算数. Printed to PDF by print-pdf.mjs.
import { tableOf, blockOf, esc, chineseNumber, narrativeSections, staffingText } from './common.mjs';
import { splitGroups, assembleGrid } from './render-shanghai.mjs';

const ORDER = ['income_expenditure_summary', 'income', 'expenditure', 'fiscal_summary', 'general_budget_expenditure',
  'basic_expenditure', 'government_fund', 'state_capital', 'three_public'];

const cell = (v) => (v == null ? '' : esc(v));
const num = (v) => `<td class="num">${cell(v)}</td>`;

const css = (orientation) => `
@page { size: A4 ${orientation === 'landscape' ? 'landscape' : 'portrait'}; margin: 16mm 12mm 16mm 12mm; }
@page wide { size: A4 landscape; margin: 14mm 12mm 14mm 12mm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 10.5pt; color: #000; margin: 0; }
section.sheet { break-before: page; }
section.sheet:first-child { break-before: auto; }
section.wide { page: wide; }
.cover { text-align: center; padding-top: 60mm; }
.cover p { margin: 0 0 8mm 0; }
.cover .big { font-size: 24pt; font-weight: bold; }
.cover .att { text-align: left; font-size: 12pt; margin-top: -40mm; margin-bottom: 40mm; }
h1.part { text-align: center; font-size: 16pt; margin: 4mm 0 6mm 0; }
h2.toc { text-align: center; font-size: 18pt; }
.toc p { margin: 2mm 0; }
.toc p.item { margin-left: 8mm; }
h2.title { text-align: center; font-size: 15pt; font-weight: bold; margin: 6mm 0 2mm 0; }
p.number { text-align: right; margin: 0; font-size: 9.5pt; }
div.meta { display: flex; justify-content: space-between; align-items: flex-start; font-size: 9.5pt; margin: 1mm 0 2mm 0; }
div.meta .narrow { width: 22mm; }
div.meta .right { text-align: right; }
table.grid { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 8.5pt; }
table.grid td, table.grid th { border: 0.8pt solid #000; padding: 1mm 1mm; font-weight: normal; vertical-align: middle; word-break: break-all; }
table.grid th { text-align: center; }
table.grid td.num { text-align: right; white-space: nowrap; }
table.grid td.mid { text-align: center; }
table.grid tr { break-inside: avoid; }
table.grid.small { font-size: 6.5pt; }
table.grid.small td, table.grid.small th { padding: 0.8mm 0.5mm; }
div.cont { break-before: page; }
p.cont { text-align: left; margin: 0 0 2mm 0; font-size: 9.5pt; }
p.note { margin: 2mm 0; font-size: 9.5pt; }
h3 { font-size: 12pt; margin: 5mm 0 2mm 0; }
p.para { text-indent: 2em; margin: 1.5mm 0; line-height: 1.6; }
`;

/**
 * The filing as a Hunan-style HTML publication (a complete document). Options: `orientation` — "portrait"
 * (every page), "landscape" (every page) or "mixed" (portrait, with the wide tables on landscape pages);
 * `continuation` — how tables that run over pages print their continuation pages (CONTINUATIONS in common.mjs).
 */
export function renderHunanHtml(filing, options = {}) {
  const dept = filing.department?.name || '';
  const year = filing.year;
  const orientation = options.orientation || 'portrait';
  const tables = ORDER.map((k) => tableOf(filing, k)).filter((t) => t && !t.absent);
  const sections = narrativeSections(filing);
  const html = [];
  html.push(`<section class="sheet cover"><p class="att">附件 1:</p><p class="big">${year}年度</p><p class="big">${esc(dept)}</p>`
    + '<p class="big">部门决算</p></section>');
  html.push('<section class="sheet toc"><h2 class="toc">目录</h2>');
  html.push(`<p>第一部分 ${esc(dept)}概况</p><p class="item">一、部门职责</p><p class="item">二、机构设置</p><p>第二部分 部门决算表</p>`);
  tables.forEach((t, i) => html.push(`<p class="item">${chineseNumber(i + 1)}、${esc(t.title)}</p>`));
  html.push('<p>第三部分 部门决算情况说明</p>');
  sections.forEach((s) => html.push(`<p class="item">${esc(s.title)}</p>`));
  html.push('<p>第四部分 名词解释</p>');
  if ((filing.attachments || []).length) html.push('<p>第五部分 附件</p>');
  html.push('</section>');

  const o = filing.overview || {};
  html.push(`<section class="sheet"><h1 class="part">第一部分</h1><h1 class="part">${esc(dept)} 概况</h1><h3>一、 部门职责</h3>`);
  (o.duties || []).forEach((d) => html.push(`<p class="para">${esc(d)}</p>`));
  html.push('<h3>二、机构设置及决算单位构成</h3>');
  if (o.text) {
    String(o.text).split('\n').filter((l) => l.trim()).forEach((l) => html.push(`<p class="para">${esc(l)}</p>`));
  } else {
    const units = o.internal_units?.names?.length ? `${dept}共有内设机构 ${o.internal_units.count ?? o.internal_units.names.length} 个：${o.internal_units.names.join('、')}。` : '';
    html.push(`<p class="para">（一）内设机构设置。${esc(units + staffingText(o))}</p>`);
    html.push(`<p class="para">（二）决算单位构成。${esc(dept)} ${year} 年部门决算汇总公开单位构成包括：`
      + `${esc((o.consolidated_units || []).map((u) => u.name).join('、') || `${dept}单位本级`)}。</p>`);
  }
  html.push('</section>');

  tables.forEach((t, i) => html.push(renderTable(t, dept, i, orientation, options.continuation)));

  html.push(`<section class="sheet"><h1 class="part">第三部分</h1><h1 class="part">${year}年度部门决算情况说明</h1>`);
  for (const s of sections) {
    html.push(`<h3>${esc(s.title)}</h3>`);
    s.paragraphs.forEach((p) => html.push(`<p class="para">${esc(p)}</p>`));
  }
  html.push('</section><section class="sheet"><h1 class="part">第四部分</h1><h1 class="part">名词解释</h1>');
  (filing.glossary || []).forEach((g, i) => html.push(`<p class="para">${chineseNumber(i + 1)}、${g.term ? `${esc(g.term)}：` : ''}${esc(g.definition)}</p>`));
  html.push('</section>');
  if ((filing.attachments || []).length) {
    html.push('<section class="sheet"><h1 class="part">第五部分</h1><h1 class="part">附件</h1>');
    for (const a of filing.attachments) {
      html.push(`<h3>${esc(a.title)}</h3>`);
      String(a.text || '').split('\n').filter((l) => l.trim()).forEach((l) => html.push(`<p class="para">${esc(l)}</p>`));
    }
    html.push('</section>');
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(dept)}${year}年度部门决算</title>`
    + `<style>${css(orientation)}</style></head><body>${html.join('\n')}</body></html>`;
}

// Tables with more than this many printed columns go on landscape pages in the "mixed" orientation.
const WIDE_COLUMNS = 7;

// Every other table prints its 部门 in a narrow cell that wraps it over lines, with 公开NN表 and 单位 stacked
// on the right (as the Xiangtan text shows: "部门：湘潭 / 县人民政府 / 办公室"); the others print 公开NN表
// above a line with 部门 on the left and 单位 on the right.
function renderTable(t, dept, index, orientation, continuation) {
  let grid;
  if (t.kind === 'income_expenditure_summary' || t.kind === 'fiscal_summary') grid = twoSided(t);
  else if (t.kind === 'basic_expenditure') grid = basicTable(t);
  else if (t.kind === 'three_public') grid = threePublic(t);
  else grid = codeTable(t);
  const wide = orientation === 'landscape' || (orientation === 'mixed' && grid.columns > WIDE_COLUMNS);
  const out = [`<section class="sheet${orientation === 'mixed' && wide ? ' wide' : ''}">`];
  if (index === 0) out.push('<h1 class="part">第二部分</h1><h1 class="part">部门决算表</h1>');
  const unit = `单位：${esc(t.unit || '万元')}`;
  const number = t.number ? esc(String(t.number).replace(/(\d+)/, ' $1 ')) : '';
  out.push(`<h2 class="title">${esc(t.title)}</h2>`);
  if (index % 2) {
    out.push(`<div class="meta"><span class="narrow">部门：${esc(dept)}</span><span class="right">${number ? `${number}<br>` : ''}${unit}</span></div>`);
  } else {
    if (number) out.push(`<p class="number">${number}</p>`);
    out.push(`<div class="meta"><span>部门：${esc(dept)}</span><span>${unit}</span></div>`);
  }
  const furniture = (mode) => (mode === 'mark' ? '<p class="cont">续表</p>'
    : `<h2 class="title">${esc(t.title)}（续）</h2><div class="meta"><span>部门：${esc(dept)}</span><span>${unit}</span></div>`);
  out.push(assembleGrid(grid, continuation, wide ? 14 : 24, furniture));
  const notes = [...(t.notes || [])];
  if (t.empty_explanation && !notes.includes(t.empty_explanation)) notes.push(t.empty_explanation);
  notes.forEach((n) => out.push(`<p class="note">${esc(n)}</p>`));
  out.push('</section>');
  return out.join('\n');
}

const colgroup = (widths) => `<colgroup>${widths.map((w) => (w ? `<col style="width:${w}%">` : '<col>')).join('')}</colgroup>`;

// ---- 收入支出决算总表 and 财政拨款收入支出决算总表: 项目 | 行次 | amounts on each side ----------------------
function twoSided(t) {
  const inc = blockOf(t, 'income'), exp = blockOf(t, 'expenditure');
  const ic = inc.columns, ec = exp.columns;
  const nameWidth = ic.length + ec.length > 3 ? 18 : 30;
  const open = `<table class="grid">${colgroup([nameWidth, 5, ...ic.map(() => 0), nameWidth, 5, ...ec.map(() => 0)])}`;
  let n = 1;
  const head = [
    `<tr><th colspan="${2 + ic.length}">收入</th><th colspan="${2 + ec.length}">支出</th></tr>`,
    `<tr><th>项 目</th><th>行次</th>${ic.map((c) => `<th>${esc(c.label)}</th>`).join('')}<th>项 目</th><th>行次</th>${ec.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr>`,
    `<tr><th>栏 次</th><th></th>${ic.map(() => `<th>${n++}</th>`).join('')}<th>栏 次</th><th></th>${ec.map(() => `<th>${n++}</th>`).join('')}</tr>`,
  ];
  const side = (r, cols, lineNo) => (r
    ? `<td>${esc(r.name)}</td><td class="mid">${cell(r.line ?? lineNo)}</td>${cols.map((c) => num(r.values?.[c.id])).join('')}`
    : `<td></td><td></td>${cols.map(() => '<td></td>').join('')}`);
  const body = [];
  for (let i = 0; i < Math.max(inc.rows.length, exp.rows.length); i++) {
    body.push(`<tr>${side(inc.rows[i], ic, i + 1)}${side(exp.rows[i], ec, inc.rows.length + i + 1)}</tr>`);
  }
  return { open, head, body, columns: 4 + ic.length + ec.length };
}

// ---- code tables: 功能分类科目编码 (7 digits in one column) | 科目名称 | amounts ---------------------------
function codeTable(t) {
  const b = blockOf(t, 'main');
  const cols = b.columns, ids = cols.map((c) => c.id);
  const s = ids.indexOf('total');
  const grouped = s >= 0 && cols[s].label === '小计' && ids[s + 1] === 'basic' && ids[s + 2] === 'project';
  const inGroup = (i) => grouped && i >= s && i < s + 3;
  const codeLabel = t.kind === 'government_fund' || t.kind === 'state_capital' ? '科目代码' : '功能分类科目编码';
  const open = `<table class="grid">${colgroup([11, cols.length > 4 ? 22 : 34, ...cols.map(() => 0)])}`;
  const head = [
    `<tr><th colspan="2">项 目</th>${cols.map((c, i) => (inGroup(i) ? (i === s ? '<th colspan="3">本年支出</th>' : '') : `<th rowspan="2">${esc(c.label)}</th>`)).join('')}</tr>`,
    `<tr><th>${codeLabel}</th><th>科目名称</th>${cols.map((c, i) => (inGroup(i) ? `<th>${esc(c.label)}</th>` : '')).join('')}</tr>`,
    `<tr><th>栏次</th><th></th>${cols.map((c, i) => `<th>${i + 1}</th>`).join('')}</tr>`,
  ];
  const body = b.rows.map((r) => (r.code
    ? `<tr><td>${esc(r.code)}</td><td>${esc(r.name)}</td>${cols.map((c) => num(r.values?.[c.id])).join('')}</tr>`
    : `<tr><td colspan="2" class="mid">${esc(r.name)}</td>${cols.map((c) => num(r.values?.[c.id])).join('')}</tr>`));
  return { open, head, body, columns: 2 + cols.length };
}

// ---- 一般公共预算财政拨款基本支出决算明细表: three groups of code | name | amount side by side -----------
function basicTable(t) {
  const b = blockOf(t, 'main');
  const groups = splitGroups(b.rows.filter((r) => r.code), 3);
  while (groups.length < 3) groups.push([]);
  const open = `<table class="grid">${colgroup([8, 17, 8.3, 8, 17, 8.3, 8, 17, 8.4])}`;
  const label = esc(b.columns[0]?.label || '决算数');
  const head = [`<tr>${`<th>经济分类科目编码</th><th>科目名称</th><th>${label}</th>`.repeat(3)}</tr>`];
  const body = [];
  for (let i = 0; i < Math.max(...groups.map((g) => g.length)); i++) {
    body.push(`<tr>${groups.map((g) => (g[i] ? `<td>${esc(g[i].code)}</td><td>${esc(g[i].name)}</td>${num(g[i].values?.amount)}` : '<td></td><td></td><td></td>')).join('')}</tr>`);
  }
  // 人员经费合计 under the first group, 公用经费合计 across the other two (as Xiangtan prints them).
  const keyed = b.rows.filter((r) => !r.code);
  for (let i = 0; i < keyed.length; i += 2) {
    const [a, c] = [keyed[i], keyed[i + 1]];
    body.push(`<tr><td colspan="2" class="mid">${esc(a.name)}</td>${num(a.values?.amount)}`
      + `${c ? `<td colspan="5" class="mid">${esc(c.name)}</td>${num(c.values?.amount)}` : '<td colspan="5"></td><td></td>'}</tr>`);
  }
  return { open, head, body, columns: 9 };
}

// ---- 财政拨款“三公”经费支出决算表: 预算数 and 决算数, six amounts each, on one line -------------------------
function threePublic(t) {
  const b = blockOf(t, 'main');
  const row = (key) => b.rows.find((r) => r.key === key);
  const name = (key, fallback) => esc(row(key)?.name || fallback);
  const operation = row('vehicle_operation')?.name || '公务用车运行维护费';
  const group = /维护/.test(operation) ? '公务用车购置及运行维护费' : '公务用车购置及运行费';
  const keys = ['total', 'abroad', 'vehicle_subtotal', 'vehicle_purchase', 'vehicle_operation', 'reception'];
  const cols = b.columns;
  const head = [
    `<tr>${cols.map((c) => `<th colspan="6">${esc(c.label)}</th>`).join('')}</tr>`,
    `<tr>${cols.map(() => `<th rowspan="2">${name('total', '合计')}</th><th rowspan="2">${name('abroad', '因公出国（境）费')}</th>`
      + `<th colspan="3">${group}</th><th rowspan="2">${name('reception', '公务接待费')}</th>`).join('')}</tr>`,
    `<tr>${cols.map(() => `<th>${name('vehicle_subtotal', '小计')}</th><th>${name('vehicle_purchase', '公务用车购置费')}</th><th>${esc(operation)}</th>`).join('')}</tr>`,
    `<tr>${Array.from({ length: 6 * cols.length }, (_, i) => `<th>${i + 1}</th>`).join('')}</tr>`,
  ];
  const body = [`<tr>${cols.map((c) => keys.map((k) => num(row(k)?.values?.[c.id])).join('')).join('')}</tr>`];
  // Twelve amounts across a portrait page: printed small (a spreadsheet's shrink-to-fit) so that 元 amounts
  // such as "249,700.00" stay inside their cells.
  return { open: '<table class="grid small">', head, body, columns: 6 * cols.length };
}
