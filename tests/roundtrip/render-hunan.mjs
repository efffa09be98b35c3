// Renders a filing as the extracted text of a Hunan-style 部门决算 publication (like
// ../shared/disclosures/xiangtan-county/2024-county-government-office.txt): blank-line separated paragraphs,
// table cells separated by tabs, 公开NN表 numbers, 栏次 lines and 行次 columns.
import { tableOf, blockOf, chineseNumber, narrativeSections, staffingText, pageChunks } from './common.mjs';
import { splitGroups } from './render-shanghai.mjs';

const ORDER = ['income_expenditure_summary', 'income', 'expenditure', 'fiscal_summary', 'general_budget_expenditure',
  'basic_expenditure', 'government_fund', 'state_capital', 'three_public'];

const v = (x) => (x == null ? '' : String(x));
const line = (cells) => cells.map(v).join('\t');

/**
 * The filing as Hunan-style extracted text (a complete document). Options: `continuation` — how a table's
 * rows continue after every `perPage` rows (a page of the printed document): "none" (one run of rows),
 * "break" (a blank line, as the extraction leaves between pages), "repeat" (blank line and the header lines
 * again), "mark" (续表 and the header lines) or "title" (the title with （续）, 单位 and the header lines).
 */
export function renderHunanText(filing, options = {}) {
  const dept = filing.department?.name || '';
  const year = filing.year;
  const tables = ORDER.map((k) => tableOf(filing, k)).filter((t) => t && !t.absent);
  const sections = narrativeSections(filing);
  const p = [];
  p.push('', '附件 1:', `${year}年度\n${dept}\n部门决算`, '目录', `第一部分 ${dept}概况`, '一、部门职责', '二、机构设置',
    '第二部分 部门决算表');
  tables.forEach((t, i) => p.push(`${chineseNumber(i + 1)}、${t.title}`));
  p.push('第三部分 部门决算情况说明');
  sections.forEach((s) => p.push(s.title));
  p.push('第四部分 名词解释');
  if ((filing.attachments || []).length) p.push('第五部分 附件');

  const o = filing.overview || {};
  p.push('第一部分', `${dept} 概况`, '一、 部门职责');
  (o.duties || []).forEach((d) => p.push(d));
  p.push('二、机构设置及决算单位构成');
  if (o.text) {
    String(o.text).split('\n').filter((l) => l.trim()).forEach((l) => p.push(l));
  } else {
    const units = o.internal_units?.names?.length ? `${dept}共有内设机构 ${o.internal_units.count ?? o.internal_units.names.length} 个：${o.internal_units.names.join('、')}。` : '';
    p.push(`（一）内设机构设置。${units}${staffingText(o)}`);
    p.push(`（二）决算单位构成。${dept} ${year} 年部门决算汇总公开单位构成包括：${(o.consolidated_units || []).map((u) => u.name).join('、') || `${dept}单位本级`}。`);
  }

  p.push('第二部分', '部门决算表');
  tables.forEach((t, index) => {
    p.push(t.title);
    p.push(`${t.number ? `${String(t.number).replace(/(\d+)/, ' $1 ')}\n` : ''}单位：${t.unit || '万元'}`);
    // Every other table has its 部门 cell wrapped over lines, as the Xiangtan text shows it.
    p.push(index % 2 ? `部门：${dept}`.match(/.{1,5}/gu).join('\n') : `部门：${dept}`);
    let grid;
    if (t.kind === 'income_expenditure_summary' || t.kind === 'fiscal_summary') grid = twoSided(t);
    else if (t.kind === 'basic_expenditure') grid = basicTable(t);
    else if (t.kind === 'three_public') grid = threePublic(t);
    else grid = codeTable(t);
    p.push(assembleText(t, grid, options.continuation, options.perPage || 18));
    const notes = [...(t.notes || [])];
    if (t.empty_explanation && !notes.includes(t.empty_explanation)) notes.push(t.empty_explanation);
    notes.forEach((n) => p.push(n));
  });

  p.push('第三部分', `${year}年度部门决算情况说明`);
  for (const s of sections) {
    p.push(s.title);
    s.paragraphs.forEach((x) => p.push(x));
  }
  p.push('第四部分', '名词解释');
  (filing.glossary || []).forEach((g, i) => p.push(`${chineseNumber(i + 1)}、${g.term ? `${g.term}：` : ''}${g.definition}`));
  if ((filing.attachments || []).length) {
    p.push('第五部分', '附件');
    for (const a of filing.attachments) {
      p.push(a.title);
      String(a.text || '').split('\n').filter((l) => l.trim()).forEach((l) => p.push(l));
    }
  }
  return p.join('\n\n') + '\n';
}

// The table's lines: header lines and body lines, the body broken into pages as `continuation` says.
function assembleText(t, { head, body }, continuation = 'none', perPage = 18) {
  if (continuation === 'none') return [...head, ...body].join('\n');
  const pages = pageChunks(body, perPage);
  const opening = { break: [], repeat: head, mark: ['续表', ...head], title: [`${t.title}（续）`, `单位：${t.unit || '万元'}`, ...head] }[continuation];
  if (!opening) throw new Error(`unknown continuation ${continuation}`);
  return pages.map((rows, i) => [...(i ? opening : head), ...rows].join('\n')).join('\n\n');
}

function twoSided(t) {
  const inc = blockOf(t, 'income'), exp = blockOf(t, 'expenditure');
  const ic = inc.columns, ec = exp.columns;
  const head = [
    line(['收入', '', ...ic.map(() => ''), '支出', '', ...ec.slice(1).map(() => '')]),
    line(['项 目', '行次', ...ic.map((c) => c.label), '项 目', '行次', ...ec.map((c) => c.label)]),
  ];
  let n = 1;
  head.push(line(['栏 次', '', ...ic.map(() => n++), '栏 次', '', ...ec.map(() => n++)]));
  const out = [];
  const rows = Math.max(inc.rows.length, exp.rows.length);
  const side = (r, cols, lineNo) => (r ? [r.name, r.line ?? lineNo, ...cols.map((c) => r.values?.[c.id])] : ['', '', ...cols.map(() => '')]);
  for (let i = 0; i < rows; i++) {
    out.push(line([...side(inc.rows[i], ic, i + 1), ...side(exp.rows[i], ec, inc.rows.length + i + 1)]));
  }
  return { head, body: out };
}

function codeTable(t) {
  const b = blockOf(t, 'main');
  const cols = b.columns, ids = cols.map((c) => c.id);
  const s = ids.indexOf('total');
  const grouped = s >= 0 && cols[s].label === '小计' && ids[s + 1] === 'basic' && ids[s + 2] === 'project';
  const inGroup = (i) => grouped && i >= s && i < s + 3;
  const head = [
    line(['项 目', '', ...cols.map((c, i) => (inGroup(i) ? (i === s ? '本年支出' : '') : c.label))]),
    line(['功能分类科目编码', '科目名称', ...cols.map((c, i) => (inGroup(i) ? c.label : ''))]),
    line(['栏次', '', ...cols.map((c, i) => i + 1)]),
  ];
  const body = b.rows.map((r) => line([r.code ?? r.name, r.code ? r.name : '', ...cols.map((c) => r.values?.[c.id])]));
  return { head, body };
}

function basicTable(t) {
  const b = blockOf(t, 'main');
  const groups = splitGroups(b.rows.filter((r) => r.code), 3);
  while (groups.length < 3) groups.push([]);
  const head = [line(Array(3).fill(['经济分类科目编码', '科目名称', '决算数']).flat())];
  const out = [];
  const n = Math.max(...groups.map((g) => g.length));
  for (let i = 0; i < n; i++) {
    out.push(line(groups.flatMap((g) => (g[i] ? [g[i].code, g[i].name, g[i].values?.amount] : ['', '', '']))));
  }
  const keyed = b.rows.filter((r) => !r.code);
  const personnel = keyed.find((r) => r.key === 'personnel_total'), pub = keyed.find((r) => r.key === 'public_total');
  if (personnel || pub) {
    out.push(line([personnel?.name ?? '', '', personnel?.values?.amount, pub?.name ?? '', '', '', '', '', pub?.values?.amount]));
  }
  return { head, body: out };
}

function threePublic(t) {
  const b = blockOf(t, 'main');
  const row = (key) => b.rows.find((r) => r.key === key);
  const name = (key, fallback) => row(key)?.name || fallback;
  const operation = name('vehicle_operation', '公务用车运行维护费');
  const group = /维护/.test(operation) ? '公务用车购置及运行维护费' : '公务用车购置及运行费';
  const keys = ['total', 'abroad', 'vehicle_subtotal', 'vehicle_purchase', 'vehicle_operation', 'reception'];
  const cols = b.columns;
  const head = [
    line(cols.flatMap((c) => [c.label, '', '', '', '', ''])),
    line(cols.flatMap(() => [name('total', '合计'), name('abroad', '因公出国（境）费'), group, '', '', name('reception', '公务接待费')])),
    line(cols.flatMap(() => ['', '', name('vehicle_subtotal', '小计'), name('vehicle_purchase', '公务用车购置费'), operation, ''])),
    line(Array.from({ length: 6 * cols.length }, (_, i) => i + 1)),
  ];
  return { head, body: [line(cols.flatMap((c) => keys.map((k) => row(k)?.values?.[c.id])))] };
}
