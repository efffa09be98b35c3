// Turns a filing into the filing a publication of it would hold (the round trip's expectation), and makes
// variants of the synthetic filings with the rows, columns and tables real publications print.
import { tableOf, blockOf, chineseNumber } from './common.mjs';

const clone = (x) => JSON.parse(JSON.stringify(x));
const blankRow = (columns) => ({ key: 'blank', name: '', values: Object.fromEntries(columns.map((c) => [c.id, null])) });
const TOTAL_KEYS = new Set(['total_income', 'total_expenditure']);

/**
 * The filing as a publication prints it: the two sides of 收入支出决算总表 and 财政拨款收入支出决算总表 share
 * printed lines, so the shorter side gets empty lines (key "blank") before its 合计 line and at its end,
 * so that 本年收入合计 and 本年支出合计 stand on one line when the sides differ in length. A filing whose
 * sides already have the same length is returned unchanged (apart from being a copy).
 */
export function publicationShape(filing) {
  const f = clone(filing);
  for (const kind of ['income_expenditure_summary', 'fiscal_summary']) {
    const t = tableOf(f, kind);
    const inc = blockOf(t, 'income'), exp = blockOf(t, 'expenditure');
    if (!inc || !exp || inc.rows.length === exp.rows.length) continue;
    const split = (b) => {
      const i = b.rows.findIndex((r) => TOTAL_KEYS.has(r.key));
      return i < 0 ? [b.rows, []] : [b.rows.slice(0, i), b.rows.slice(i)];
    };
    const [ih, it] = split(inc), [eh, et] = split(exp);
    const pad = (rows, n, cols) => rows.concat(Array.from({ length: Math.max(0, n - rows.length) }, () => blankRow(cols)));
    const head = Math.max(ih.length, eh.length), tail = Math.max(it.length, et.length);
    inc.rows = pad(ih, head, inc.columns).concat(pad(it, tail, inc.columns));
    exp.rows = pad(eh, head, exp.columns).concat(pad(et, tail, exp.columns));
  }
  return f;
}

// ---- variants of synthetic filings ------------------------------------------------------------------

const INCOME_SOURCES = [
  ['general_budget', '一般公共预算财政拨款收入'], ['government_fund', '政府性基金预算财政拨款收入'],
  ['state_capital', '国有资本经营预算财政拨款收入'], ['higher_subsidy', '上级补助收入'], ['business', '事业收入'],
  ['operating', '经营收入'], ['affiliated', '附属单位上缴收入'], ['other', '其他收入'],
];
const INCOME_COLUMNS = [['total', '本年收入合计'], ['fiscal', '财政拨款收入'], ['higher_subsidy', '上级补助收入'],
  ['business', '事业收入'], ['operating', '经营收入'], ['affiliated', '附属单位上缴收入'], ['other', '其他收入']];
const EXPENDITURE_COLUMNS = [['total', '本年支出合计'], ['basic', '基本支出'], ['project', '项目支出'],
  ['to_higher', '上缴上级支出'], ['operating', '经营支出'], ['affiliated_subsidy', '对附属单位补助支出']];

// Function codes added to make the code tables longer than a page (names as the classification prints them).
const EXTRA_CODES = [
  ['212', '城乡社区支出'], ['21201', '城乡社区管理事务'], ['2120101', '行政运行'], ['2120102', '一般行政管理事务'],
  ['2120104', '城管执法'], ['2120106', '工程建设管理'], ['2120199', '其他城乡社区管理事务支出'],
  ['21205', '城乡社区环境卫生'], ['2120501', '城乡社区环境卫生'],
  ['213', '农林水支出'], ['21301', '农业农村'], ['2130101', '行政运行'], ['2130104', '事业运行'],
  ['2130108', '病虫害控制'], ['2130122', '农业生产发展'], ['2130153', '耕地建设与利用'], ['2130199', '其他农业农村支出'],
  ['21303', '水利'], ['2130301', '行政运行'], ['2130305', '水利工程建设'], ['2130306', '水利工程运行与维护'],
  ['2130399', '其他水利支出'], ['21307', '农村综合改革'], ['2130705', '对村民委员会和村党支部的补助'],
  ['2130799', '其他农村综合改革支出'],
];

// The economic codes of the 基本支出 table as the Shanghai template lists them.
const ECONOMIC_CODES = [
  ['301', '工资福利支出'], ['30101', '基本工资'], ['30102', '津贴补贴'], ['30103', '奖金'], ['30106', '伙食补助费'],
  ['30107', '绩效工资'], ['30108', '机关事业单位基本养老保险缴费'], ['30109', '职业年金缴费'],
  ['30110', '职工基本医疗保险缴费'], ['30111', '公务员医疗补助缴费'], ['30112', '其他社会保障缴费'],
  ['30113', '住房公积金'], ['30114', '医疗费'], ['30199', '其他工资福利支出'],
  ['303', '对个人和家庭的补助'], ['30301', '离休费'], ['30302', '退休费'], ['30303', '退职（役）费'], ['30304', '抚恤金'],
  ['30305', '生活补助'], ['30307', '医疗费补助'], ['30308', '助学金'], ['30309', '奖励金'], ['30310', '个人农业生产补贴'],
  ['30311', '代缴社会保险费'], ['30399', '其他对个人和家庭的补助'],
  ['302', '商品和服务支出'], ['30201', '办公费'], ['30202', '印刷费'], ['30203', '咨询费'], ['30204', '手续费'],
  ['30205', '水费'], ['30206', '电费'], ['30207', '邮电费'], ['30208', '取暖费'], ['30209', '物业管理费'], ['30211', '差旅费'],
  ['30212', '因公出国（境）费用'], ['30213', '维修（护）费'], ['30214', '租赁费'], ['30215', '会议费'], ['30216', '培训费'],
  ['30217', '公务接待费'], ['30218', '专用材料费'], ['30224', '被装购置费'], ['30225', '专用燃料费'], ['30226', '劳务费'],
  ['30227', '委托业务费'], ['30228', '工会经费'], ['30229', '福利费'], ['30231', '公务用车运行维护费'],
  ['30239', '其他交通费用'], ['30240', '税金及附加费用'], ['30299', '其他商品和服务支出'],
  ['310', '资本性支出'], ['31001', '房屋建筑物购建'], ['31002', '办公设备购置'], ['31003', '专用设备购置'],
  ['31007', '信息网络及软件购置更新'], ['31013', '公务用车购置'], ['31019', '其他交通工具购置'],
  ['31021', '文物和陈列品购置'], ['31022', '无形资产购置'], ['31099', '其他资本性支出'],
];

/** Writes every table amount of 1000 or more (either sign) with thousands separators, as printed text. */
function addCommas(f) {
  for (const t of f.tables || []) for (const b of t.blocks || []) for (const r of b.rows) {
    for (const [k, v] of Object.entries(r.values || {})) {
      if (typeof v === 'string' && /^-?\d{4,}(\.\d+)?$/.test(v)) {
        const [i, d] = v.split('.');
        r.values[k] = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (d != null ? `.${d}` : '');
      }
    }
  }
}

/** An amount in 万元 as printed text ("43.2") written in 元 with two decimals ("432000.00"); "0" stays "0". */
export function yuanOf(wan) {
  if (wan == null || wan === '' || wan === '0') return wan;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(wan));
  if (!m) throw new Error(`not an amount: ${wan}`);
  const decimals = (m[3] || '').padEnd(6, '0');
  const whole = (m[2] + decimals.slice(0, 4)).replace(/^0+(?=\d)/, '');
  return `${m[1]}${whole}.${decimals.slice(4, 6)}`;
}

/**
 * Signs and zeros as publications mix them: a negative 年末结转和结余 ("-12.30") in both summary tables and
 * the 政府性基金 table (the format allows negative amounts in balances only), and blank, "0.00" and "0" side
 * by side in the 收入支出决算总表, the code tables, the 基本支出 table and the 三公 table.
 */
function addSigns(f, seed) {
  const set = (row, id, v) => { if (row && row.values && id in row.values) row.values[id] = v; };
  const keyed = (b, key) => b?.rows.find((r) => r.key === key);
  const sum = blockOf(tableOf(f, 'income_expenditure_summary'), 'expenditure');
  set(keyed(sum, 'closing_balance'), 'amount', '-12.30');
  const sumIncome = blockOf(tableOf(f, 'income_expenditure_summary'), 'income');
  const zeros = ['0.00', '0'];
  for (const r of sumIncome?.rows || []) if (zeros.length && r.values?.amount == null && r.key !== 'blank') r.values.amount = zeros.shift();
  const fs = blockOf(tableOf(f, 'fiscal_summary'), 'expenditure');
  for (const id of ['total', 'general_budget']) set(keyed(fs, 'closing_balance'), id, '-12.30');
  const gf = blockOf(tableOf(f, 'government_fund'), 'main');
  if (gf && gf.rows.some((r) => r.code)) {
    set(gf.rows.find((r) => r.code), 'closing_balance', `-${amount(seed + 'neg', 1, 300)}`);
    set(keyed(gf, 'total'), 'closing_balance', `-${amount(seed + 'neg', 2, 300)}`);
  }
  for (const kind of ['income', 'expenditure', 'general_budget_expenditure']) {
    const b = blockOf(tableOf(f, kind), 'main');
    if (!b) continue;
    const codes = b.rows.filter((r) => r.code);
    const blanks = (r) => b.columns.filter((c) => r.values?.[c.id] == null).map((c) => c.id);
    codes.forEach((r, i) => {
      const free = blanks(r);
      if (!free.length) return;
      if (i % 3 === 1) set(r, free[0], '0.00');
      if (i % 3 === 2) set(r, free[free.length - 1], '0');
    });
  }
  const basic = blockOf(tableOf(f, 'basic_expenditure'), 'main');
  if (basic) {
    const codes = basic.rows.filter((r) => r.code);
    codes.forEach((r, i) => {
      if (r.values.amount == null && i % 4 === 1) r.values.amount = '0';
      else if (r.values.amount == null && i % 4 === 3) r.values.amount = '0.00';
    });
  }
  const tp = blockOf(tableOf(f, 'three_public'), 'main');
  if (tp) {
    const zero = (key, id, v) => { const r = keyed(tp, key); if (r && r.values[id] == null) r.values[id] = v; };
    for (const id of tp.columns.map((c) => c.id)) { zero('abroad', id, '0'); zero('vehicle_purchase', id, '0.00'); }
  }
}

/** A deterministic pseudo-random amount with two decimals, from a seed string and an index. */
function amount(seed, i, max = 900) {
  let h = 2166136261;
  for (const ch of `${seed}#${i}`) { h ^= ch.codePointAt(0); h = Math.imul(h, 16777619) >>> 0; }
  const cents = 1 + (h % (max * 100));
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

const withColumns = (block, spec) => {
  const old = new Map(block.columns.map((c) => [c.id, c.label]));
  block.columns = spec.map(([id, label]) => ({ id, label: old.get(id) ?? label }));
  for (const r of block.rows) r.values = Object.fromEntries(spec.map(([id]) => [id, r.values?.[id] ?? null]));
};

/** Adds the EXTRA_CODES rows (with amounts in the given columns) to a code table's main block, in code order. */
function addCodeRows(block, seed, filled) {
  const rows = block.rows.filter((r) => r.code);
  const others = block.rows.filter((r) => !r.code);
  const existing = new Set(rows.map((r) => r.code));
  EXTRA_CODES.forEach(([code, name], i) => {
    if (existing.has(code)) return;
    const values = Object.fromEntries(block.columns.map((c) => [c.id, filled.includes(c.id) ? amount(seed, i) : null]));
    rows.push({ code, name, values });
  });
  rows.sort((a, b) => (a.code.slice(0, 3) + '|' + a.code).localeCompare(b.code.slice(0, 3) + '|' + b.code));
  // Keep the printed place of the 合计 row (first in Hunan tables, last in Shanghai's 05 table).
  const totalFirst = block.rows[0] && !block.rows[0].code;
  block.rows = totalFirst ? others.concat(rows) : rows.concat(others);
}

/**
 * A variant of a synthetic filing with what real publications print and the synthetic corpus lacks:
 * `full` — the summary tables with every template line and column, the income and expenditure tables
 * with all their columns, every economic code of the 基本支出 table (blank where nothing was spent, a few
 * printed "0.00"); `long` — two more function classes with their 款 and 项, so that the code tables run
 * over several pages; `funds` — filled 政府性基金 and 国有资本经营 tables. The numbers are made up
 * (deterministically) and need not add up: the round trip tests reading, not arithmetic; `commas` — table
 * amounts of 1000 and more printed with thousands separators ("2,940.05"), as 普陀区 prints them;
 * `signs` — negative amounts and blank / "0.00" / "0" mixtures (addSigns); `yuan` — the 三公 table printed in
 * 元 with 单位：元 (as some counties print it).
 */
export function synthVariant(filing, { full = false, long = false, funds = false, commas = false, signs = false, yuan = false } = {}) {
  const f = clone(filing);
  const seed = f.department?.slug || 'x';
  if (full) {
    const sum = tableOf(f, 'income_expenditure_summary');
    const inc = blockOf(sum, 'income'), exp = blockOf(sum, 'expenditure');
    if (inc && exp) {
      const has = new Map(inc.rows.map((r) => [r.key, r]));
      const val = (k) => has.get(k)?.values?.amount ?? null;
      inc.rows = INCOME_SOURCES.map(([key, name], i) => ({ key, name: `${chineseNumber(i + 1)}、${name}`, values: { amount: val(key) } }))
        .concat([['total_income', '本年收入合计'], ['use_non_fiscal_balance', '使用非财政拨款结余（含专用结余）'],
          ['opening_balance', '年初结转和结余'], ['grand_total', '总计']].map(([key, name]) => ({ key, name, values: { amount: val(key) } })));
      const classes = exp.rows.filter((r) => r.code).map((r, i) => ({ ...r, name: `${chineseNumber(i + 1)}、${r.name.replace(/^[一二三四五六七八九十]+、/, '')}` }));
      const ev = new Map(exp.rows.filter((r) => r.key).map((r) => [r.key, r.values.amount]));
      exp.rows = classes.concat([['total_expenditure', '本年支出合计'], ['balance_distribution', '结余分配'],
        ['closing_balance', '年末结转和结余'], ['grand_total', '总计']].map(([key, name]) => ({ key, name, values: { amount: ev.get(key) ?? null } })));
    }
    const fs = tableOf(f, 'fiscal_summary');
    const finc = blockOf(fs, 'income'), fexp = blockOf(fs, 'expenditure');
    if (finc && fexp) {
      const fv = new Map(finc.rows.map((r) => [r.key, r.values.amount]));
      finc.rows = [['general_budget', '一、一般公共预算财政拨款'], ['government_fund', '二、政府性基金预算财政拨款'],
        ['state_capital', '三、国有资本经营预算财政拨款'], ['total_income', '本年收入合计'], ['opening_balance', '年初财政拨款结转和结余'],
        ['opening_general_budget', '一般公共预算财政拨款'], ['opening_government_fund', '政府性基金预算财政拨款'],
        ['opening_state_capital', '国有资本经营预算财政拨款'], ['grand_total', '总计']]
        .map(([key, name]) => ({ key, name, values: { amount: fv.get(key) ?? null } }));
      withColumns(fexp, [['total', '合计'], ['general_budget', '一般公共预算财政拨款'], ['government_fund', '政府性基金预算财政拨款'],
        ['state_capital', '国有资本经营预算财政拨款']]);
      const classes = fexp.rows.filter((r) => r.code);
      const keyed = new Map(fexp.rows.filter((r) => r.key).map((r) => [r.key, r.values]));
      const empty = () => Object.fromEntries(fexp.columns.map((c) => [c.id, null]));
      fexp.rows = classes.concat([['total_expenditure', '本年支出合计'], ['closing_balance', '年末财政拨款结转和结余'],
        ['closing_general_budget', '一般公共预算财政拨款'], ['closing_government_fund', '政府性基金预算财政拨款'],
        ['closing_state_capital', '国有资本经营预算财政拨款'], ['grand_total', '总计']]
        .map(([key, name]) => ({ key, name, values: keyed.get(key) ?? empty() })));
    }
    const income = blockOf(tableOf(f, 'income'), 'main');
    if (income) withColumns(income, INCOME_COLUMNS);
    const expenditure = blockOf(tableOf(f, 'expenditure'), 'main');
    if (expenditure) withColumns(expenditure, EXPENDITURE_COLUMNS);
    const basic = blockOf(tableOf(f, 'basic_expenditure'), 'main');
    if (basic) {
      const have = new Map(basic.rows.filter((r) => r.code).map((r) => [r.code, r]));
      const tail = basic.rows.filter((r) => !r.code);
      basic.rows = ECONOMIC_CODES.map(([code, name]) => have.get(code) ?? { code, name, values: { amount: null } })
        .concat([...have.values()].filter((r) => !ECONOMIC_CODES.some(([c]) => c === r.code)))
        .concat(tail);
      for (const code of ['30114', '30303', '31099']) {
        const r = basic.rows.find((x) => x.code === code);
        if (r && r.values.amount == null) r.values.amount = '0.00';
      }
    }
  }
  if (long) {
    for (const [kind, filled] of [['income', ['total', 'fiscal']], ['expenditure', ['total', 'project']],
      ['general_budget_expenditure', ['total', 'project']]]) {
      const b = blockOf(tableOf(f, kind), 'main');
      if (b) addCodeRows(b, seed + kind, filled);
    }
    // The new classes also appear on the expenditure side of the two summary tables.
    for (const [kind, filled] of [['income_expenditure_summary', ['amount']], ['fiscal_summary', ['total', 'general_budget']]]) {
      const b = blockOf(tableOf(f, kind), 'expenditure');
      if (!b) continue;
      const classes = b.rows.filter((r) => r.code);
      const numbered = classes.some((r) => /^[一二三四五六七八九十]+、/.test(r.name));
      EXTRA_CODES.filter(([code]) => code.length === 3 && !classes.some((r) => r.code === code)).forEach(([code, name], i) => {
        classes.push({ code, name, values: Object.fromEntries(b.columns.map((c) => [c.id, filled.includes(c.id) ? amount(seed + kind, i) : null])) });
      });
      classes.sort((x, y) => x.code.localeCompare(y.code));
      if (numbered) classes.forEach((r, i) => { r.name = `${chineseNumber(i + 1)}、${r.name.replace(/^[一二三四五六七八九十]+、/, '')}`; });
      b.rows = classes.concat(b.rows.filter((r) => !r.code));
    }
  }
  if (funds) {
    const gf = tableOf(f, 'government_fund');
    if (gf) {
      const cols = [['opening_balance', '年初结转和结余'], ['income', '本年收入'], ['total', '小计'], ['basic', '基本支出'],
        ['project', '项目支出'], ['closing_balance', '年末结转和结余']];
      const v = (i, ids) => Object.fromEntries(cols.map(([id]) => [id, ids.includes(id) ? amount(seed + 'gf', i, 3000) : null]));
      gf.blocks = [{ id: 'main', columns: cols.map(([id, label]) => ({ id, label })), rows: [
        { key: 'total', name: '合计', values: v(0, ['opening_balance', 'income', 'total', 'project', 'closing_balance']) },
        { code: '212', name: '城乡社区支出', values: v(1, ['income', 'total', 'project']) },
        { code: '21208', name: '国有土地使用权出让收入安排的支出', values: v(2, ['income', 'total', 'project']) },
        { code: '2120803', name: '城市建设支出', values: v(3, ['income', 'total', 'project']) },
        { code: '2120899', name: '其他国有土地使用权出让收入安排的支出', values: v(4, ['total', 'project']) },
        { code: '229', name: '其他支出', values: v(5, ['opening_balance', 'total', 'project', 'closing_balance']) },
        { code: '22960', name: '彩票公益金安排的支出', values: v(6, ['opening_balance', 'total', 'project']) },
        { code: '2296002', name: '用于社会福利的彩票公益金支出', values: v(7, ['opening_balance', 'total', 'project']) },
      ] }];
      gf.empty_explanation = null;
      gf.notes = (gf.notes || []).filter((n) => !/无数据/.test(n));
    }
    const sc = tableOf(f, 'state_capital');
    if (sc) {
      const main = blockOf(sc, 'main');
      const cols = main.columns.map((c) => c.id);
      const v = (i, ids) => Object.fromEntries(cols.map((id) => [id, ids.includes(id) ? amount(seed + 'sc', i, 500) : null]));
      main.rows = [
        { key: 'total', name: '合计', values: v(0, ['total', 'project', 'income']) },
        { code: '223', name: '国有资本经营预算支出', values: v(1, ['total', 'project', 'income']) },
        { code: '22301', name: '解决历史遗留问题及改革成本支出', values: v(2, ['total', 'project', 'income']) },
        { code: '2230199', name: '其他解决历史遗留问题及改革成本支出', values: v(3, ['total', 'project', 'income']) },
      ];
      sc.empty_explanation = null;
      sc.notes = (sc.notes || []).filter((n) => !/无数据/.test(n));
    }
    const tp = blockOf(tableOf(f, 'three_public'), 'main');
    const abroad = tp?.rows.find((r) => r.key === 'abroad');
    if (abroad) abroad.values.actual = '0.00';
  }
  if (signs) addSigns(f, seed);
  if (yuan) {
    const tp = tableOf(f, 'three_public');
    if (tp) {
      tp.unit = '元';
      for (const b of tp.blocks || []) for (const r of b.rows) for (const k of Object.keys(r.values || {})) r.values[k] = yuanOf(r.values[k]);
    }
  }
  if (commas) addCommas(f);
  return f;
}
