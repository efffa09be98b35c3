// Helpers shared by the round-trip renderers and the comparison: table lookup, code splitting,
// Chinese numerals, HTML escaping and the narrative sections a publication prints.

/** The table of `kind` in a filing, or undefined. */
export function tableOf(filing, kind) {
  return (filing.tables || []).find((t) => t.kind === kind);
}

/** The block `id` of a table, or undefined. */
export function blockOf(table, id) {
  return (table?.blocks || []).find((b) => b.id === id);
}

/** HTML-escapes text for element content and attribute values. */
export function esc(text) {
  return String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** Splits a function or economic code into its printed parts: 类 (3 digits), 款 (2), 项 (2). */
export function codeParts(code) {
  const c = String(code || '');
  return [c.slice(0, 3), c.slice(3, 5), c.slice(5, 7)];
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 21 → 二十一 (up to 99). */
export function chineseNumber(n) {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10), ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}

/** 一 → 1, 十二 → 12, 二十一 → 21; NaN when the text is not a Chinese numeral. */
export function chineseValue(text) {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text || '');
  if (!m || !text) return NaN;
  const digit = (d) => DIGITS.indexOf(d);
  if (!m[2]) return m[3] ? NaN : digit(m[1]);
  return (m[1] ? digit(m[1]) : 1) * 10 + (m[3] ? digit(m[3]) : 0);
}

// Section titles of the 情况说明 as the Hunan template prints them; used only for sections a filing's
// figures name but whose text the filing does not hold (synthetic filings list figures only).
const SECTION_TITLES = {
  一: '一、收入支出决算总体情况说明', 二: '二、收入决算情况说明', 三: '三、支出决算情况说明',
  四: '四、财政拨款收入支出决算总体情况说明', 五: '五、一般公共预算财政拨款支出决算情况说明',
  六: '六、一般公共预算财政拨款基本支出决算情况说明', 七: '七、财政拨款“三公”经费支出决算情况说明',
  八: '八、政府性基金预算财政拨款收入支出决算情况说明', 九: '九、关于机关运行经费支出说明',
  十: '十、一般性支出情况说明', 十一: '十一、关于政府采购支出说明', 十二: '十二、关于国有资产占用情况说明',
  十三: '十三、关于预算绩效情况的说明',
};
const SUBSECTION_TITLES = {
  '五（一）': '（一）一般公共预算财政拨款支出决算总体情况', '五（二）': '（二）一般公共预算财政拨款支出决算结构情况',
  '五（三）': '（三）一般公共预算财政拨款支出决算具体情况',
  '七（一）': '（一）“三公”经费财政拨款支出决算总体情况说明', '七（二）': '（二）“三公”经费财政拨款支出决算具体情况说明',
};

const squash = (s) => String(s || '').replace(/\s+/g, '');

/**
 * The 情况说明 sections as the publication prints them: the filing's sections with their text, plus every
 * figure sentence that no section text contains, appended to its section (created with the template title
 * when the filing has no such section), in the order of the section numbers. Each section is
 * { title, paragraphs: [text lines] }.
 */
export function narrativeSections(filing) {
  const sections = (filing.narrative?.sections || []).map((s) => ({
    id: s.id || (s.title || '').split('、')[0], title: s.title, lines: String(s.text || '').split('\n'),
  }));
  const printed = () => squash(sections.map((s) => s.lines.join('')).join(''));
  const seen = new Set();
  for (const f of filing.narrative?.figures || []) {
    const sentence = String(f.sentence || '').trim();
    if (!sentence || seen.has(sentence) || printed().includes(squash(sentence))) continue;
    seen.add(sentence);
    const sectionId = String(f.section || '一');
    const top = sectionId.split('（')[0];
    let section = sections.find((s) => s.id === top);
    if (!section) {
      section = { id: top, title: SECTION_TITLES[top] || `${top}、其他情况说明`, lines: [] };
      sections.push(section);
    }
    const sub = SUBSECTION_TITLES[sectionId];
    if (sub && !section.lines.includes(sub)) section.lines.push(sub);
    section.lines.push(sentence);
  }
  const order = (s) => chineseValue(s.id) || 99;
  sections.sort((a, b) => order(a) - order(b));
  return sections.map((s) => ({ title: s.title, paragraphs: s.lines.filter((l) => l.trim() !== '') }));
}

/** The printed text of the staffing and vehicles of the 概况, or '' when the filing holds none. */
export function staffingText(overview) {
  const st = overview?.staffing, ve = overview?.vehicles;
  const parts = [];
  if (st && st.authorized_total != null) {
    const kinds = (st.authorized || []).map((a) => `${a.type} ${a.count} 名`).join('，');
    parts.push(`人员编制 ${st.authorized_total} 名${kinds ? `，其中：${kinds}` : ''}`);
  }
  if (st && st.actual != null) parts.push(`实有在职人员 ${st.actual} 人`);
  if (ve && ve.authorized != null) parts.push(`车辆编制数 ${ve.authorized} 台，实有车辆数 ${ve.actual ?? 0} 台`);
  return parts.length ? parts.join('；') + '。' : '';
}

// ---- continuation pages -----------------------------------------------------------------------------
// How a publication prints a table that runs over pages:
//   none   — the rows simply continue on the next page (no header there);
//   repeat — the header rows are printed again at the top of each page (a spreadsheet's "print titles");
//   mark   — a 续表 line, then the header rows again;
//   title  — the title again with （续） and the 单位 line, then the header rows again.
export const CONTINUATIONS = ['none', 'repeat', 'mark', 'title'];

/** Splits a table's body rows into pages of at most `perPage` rows (at least one page, possibly empty). */
export function pageChunks(rows, perPage) {
  const out = [];
  for (let i = 0; i < rows.length; i += perPage) out.push(rows.slice(i, i + perPage));
  return out.length ? out : [[]];
}
