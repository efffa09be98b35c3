// Compares an imported filing with the filing a document was rendered from: the nine tables cell for cell
// (rows by key or code in printed order, columns, names, values, blank versus "0.00") and the narrative
// figures by (metric, code, value).

const squash = (s) => String(s ?? '').replace(/\s+/g, '');
const rowId = (r) => (r.code ? `code ${r.code}` : `key ${r.key}`);
const show = (v) => (v == null || v === '' ? 'blank' : `"${v}"`);

/** The longest common subsequence of two id lists, as pairs of indexes. */
function lcs(a, b) {
  const m = a.length, n = b.length;
  const d = Array.from({ length: m + 1 }, () => new Int32Array(n + 1));
  for (let i = m - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) {
    d[i][j] = a[i] === b[j] ? d[i + 1][j + 1] + 1 : Math.max(d[i + 1][j], d[i][j + 1]);
  }
  const pairs = [];
  for (let i = 0, j = 0; i < m && j < n;) {
    if (a[i] === b[j]) { pairs.push([i, j]); i++; j++; } else if (d[i + 1][j] >= d[i][j + 1]) i++; else j++;
  }
  return pairs;
}

/**
 * Every difference between the expected and the imported tables, as readable lines
 * ("income/main row code 2010301 col fiscal: expected "1.00", imported blank").
 * Options: numbers — also compare the printed table numbers (公开NN表); lines — also the 行次 of rows that have one.
 */
export function compareTables(expected, actual, { numbers = false, lines = false } = {}) {
  const diffs = [];
  for (const et of expected.tables || []) {
    const at = (actual.tables || []).find((t) => t.kind === et.kind);
    const where = et.kind;
    if (!at) { diffs.push(`${where}: table not imported`); continue; }
    if (!!et.absent !== !!at.absent) { diffs.push(`${where}: absent expected ${!!et.absent}, imported ${!!at.absent}`); continue; }
    if (squash(et.title) !== squash(at.title)) diffs.push(`${where}: title expected "${et.title}", imported "${at.title}"`);
    // A table prints its 单位 (万元 unless it says 元); the import keeps what is printed.
    if ((et.unit || '万元') !== (at.unit || '万元')) diffs.push(`${where}: unit expected "${et.unit || '万元'}", imported "${at.unit || '(none)'}"`);
    if (numbers && (et.number ?? null) !== (at.number ?? null)) diffs.push(`${where}: number expected ${show(et.number)}, imported ${show(at.number)}`);
    if (squash(et.empty_explanation) !== squash(at.empty_explanation)) {
      diffs.push(`${where}: empty_explanation expected ${show(et.empty_explanation)}, imported ${show(at.empty_explanation)}`);
    }
    for (const eb of et.blocks || []) {
      const ab = (at.blocks || []).find((b) => b.id === eb.id);
      const w = `${where}/${eb.id}`;
      if (!ab) { diffs.push(`${w}: block not imported`); continue; }
      const ec = eb.columns.map((c) => c.id), ac = ab.columns.map((c) => c.id);
      if (ec.join(',') !== ac.join(',')) diffs.push(`${w}: columns expected [${ec.join(', ')}], imported [${ac.join(', ')}]`);
      for (const c of eb.columns) {
        const a = ab.columns.find((x) => x.id === c.id);
        if (a && squash(a.label) !== squash(c.label)) diffs.push(`${w}: column ${c.id} label expected "${c.label}", imported "${a.label}"`);
      }
      const ei = eb.rows.map(rowId), ai = ab.rows.map(rowId);
      const pairs = lcs(ei, ai);
      const matchedE = new Set(pairs.map((p) => p[0])), matchedA = new Set(pairs.map((p) => p[1]));
      eb.rows.forEach((r, i) => { if (!matchedE.has(i)) diffs.push(`${w}: row ${i + 1} (${rowId(r)} "${r.name}") missing in the import`); });
      ab.rows.forEach((r, j) => { if (!matchedA.has(j)) diffs.push(`${w}: extra imported row ${j + 1} (${rowId(r)} "${r.name}")`); });
      for (const [i, j] of pairs) {
        const er = eb.rows[i], ar = ab.rows[j];
        const rw = `${w} row ${i + 1} ${rowId(er)}`;
        if (squash(er.name) !== squash(ar.name)) diffs.push(`${rw}: name expected "${er.name}", imported "${ar.name}"`);
        if (lines && er.line != null && er.line !== ar.line) diffs.push(`${rw}: line expected ${er.line}, imported ${ar.line ?? 'none'}`);
        for (const c of ec) {
          const e = er.values?.[c] ?? null, a = ar.values?.[c] ?? null;
          if ((e === '' ? null : e) !== (a === '' ? null : a)) diffs.push(`${rw} col ${c}: expected ${show(e)}, imported ${show(a)}`);
        }
      }
    }
  }
  for (const at of actual.tables || []) {
    if (!(expected.tables || []).some((t) => t.kind === at.kind)) diffs.push(`${at.kind}: table imported but not expected`);
  }
  return diffs;
}

/** Narrative figures matched by (metric, code, value), each imported figure used once: { total, matched, missing: [figure] }. */
export function compareFigures(expected, actual) {
  const pool = new Map();
  const k = (f) => `${f.metric}|${f.code ?? ''}|${f.value}`;
  for (const f of actual.narrative?.figures || []) pool.set(k(f), (pool.get(k(f)) || 0) + 1);
  const missing = [];
  let matched = 0;
  for (const f of expected.narrative?.figures || []) {
    const n = pool.get(k(f)) || 0;
    if (n > 0) { pool.set(k(f), n - 1); matched++; } else missing.push(f);
  }
  return { total: (expected.narrative?.figures || []).length, matched, missing };
}
