// Search and glossary on the real filings: what search must find is computed here from data/ (not copied
// from the generator's output), and the glossary must list every term once with the site's own terms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { open, repo, base, axeSource } from './harness.mjs';

// Every filing of data/: {dir, year, slug, doc}.
function realFilings() {
  const out = [];
  const data = join(repo, 'data');
  for (const dir of readdirSync(data).sort()) {
    if (!statSync(join(data, dir)).isDirectory()) continue;
    for (const year of readdirSync(join(data, dir)).sort()) {
      if (!/^\d{4}$/.test(year)) continue;
      for (const file of readdirSync(join(data, dir, year)).sort())
        if (file.endsWith('.json') && !file.endsWith('.budget.json'))  // 决算 only: budgets are not searched
          out.push({ dir, year: +year, slug: file.slice(0, -5), doc: JSON.parse(readFileSync(join(data, dir, year, file), 'utf8')) });
    }
  }
  return out;
}
const filings = realFilings();
const blank = (v) => v === null || v === undefined || v === '';
const table = (f, kind) => f.doc.tables.find((t) => t.kind === kind);
const hasValue = (t) => !!t && (t.blocks || []).some((b) => b.rows.some((r) => Object.values(r.values || {}).some((v) => !blank(v))));
// The rows carrying spending by function code: the 支出决算表 when it has any value, else table 05.
function spendingRows(f) {
  for (const kind of ['expenditure', 'general_budget_expenditure']) {
    const t = table(f, kind);
    if (hasValue(t) && t.blocks.find((b) => b.id === 'main')) return t.blocks.find((b) => b.id === 'main').rows;
  }
  return [];
}
const economicRows = (f) => table(f, 'basic_expenditure')?.blocks.find((b) => b.id === 'main')?.rows ?? [];
const published = (r, col) => r.code && !blank(r.values?.[col]);
const departmentName = (f) => f.doc.department.name;
const unique = (xs) => [...new Set(xs)].sort();

// Departments (names) with a function or economic line whose name contains `text` or whose code is `code`.
function departmentsWithItem(text, code) {
  return unique(filings.filter((f) =>
    spendingRows(f).some((r) => published(r, 'total') && ((text && r.name.includes(text)) || r.code === code)) ||
    economicRows(f).some((r) => published(r, 'amount') && ((text && r.name.includes(text)) || r.code === code))).map(departmentName));
}

// Types a query and returns the results once the status line reports them.
async function searchFor(page, q) {
  await page.fill('#search-q', q);
  await page.waitForFunction(() => /找到|没有找到/.test(document.getElementById('search-status').textContent));
  return page.evaluate(() => [...document.querySelectorAll('#search-results > li')].map((li) => ({
    kind: li.dataset.kind, id: li.dataset.id || '',
    title: li.querySelector('.result-title a').textContent,
    links: [...li.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.getAttribute('href') })),
  })));
}
const departmentsIn = (results) => results.filter((r) => r.kind === 'department');

test('search: function class names find the departments that spend on them, one result per department', async () => {
  const { page, errors, close } = await open('search/index.html');
  for (const q of ['一般公共服务', '教育支出']) {
    const expected = departmentsWithItem(q);
    const results = await searchFor(page, q);
    const found = departmentsIn(results);
    assert.deepEqual(unique(found.map((r) => r.title)), expected, q);
    assert.equal(found.length, new Set(found.map((r) => r.id)).size, `${q}: one result per department`);
    if (!expected.length) assert.match(await page.locator('#search-status').innerText(), /没有找到/);
  }
  assert.deepEqual(errors, []);
  await close();
});

test('search: "住房公积金" and a 7-digit code find the line items, linked to their table rows', async () => {
  const { page, close } = await open('search/index.html');
  const results = await searchFor(page, '住房公积金');
  assert.deepEqual(unique(departmentsIn(results).map((r) => r.title)), departmentsWithItem('住房公积金'));
  // Every line-item link leads to a row that exists on the department page.
  const itemLinks = departmentsIn(results).flatMap((r) => r.links.filter((l) => l.href.includes('#')));
  assert.ok(itemLinks.length >= departmentsIn(results).length);
  for (const l of itemLinks) {
    const [path, anchor] = new URL(l.href, base + 'search/index.html').href.split('#');
    const html = await (await fetch(path)).text();
    assert.ok(html.includes(`id="${anchor}"`), `${l.href}: no element #${anchor}`);
  }
  const code = filings.flatMap(spendingRows).find((r) => r.code?.length === 7 && published(r, 'total')).code;
  const byCode = await searchFor(page, code);
  assert.deepEqual(unique(departmentsIn(byCode).map((r) => r.title)), departmentsWithItem(null, code));
  await close();
});

test('search: "三公" finds every department that publishes a 三公 table, linked to that table', async () => {
  const { page, close } = await open('search/index.html?q=' + encodeURIComponent('三公'));
  await page.waitForFunction(() => /找到|没有找到/.test(document.getElementById('search-status').textContent));
  assert.equal(await page.inputValue('#search-q'), '三公', 'the query is read from the URL');
  const results = await page.evaluate(() => [...document.querySelectorAll('#search-results > li[data-kind="department"]')].map((li) => ({
    title: li.querySelector('.result-title a').textContent,
    anchors: [...li.querySelectorAll('a')].map((a) => a.hash),
  })));
  const expected = unique(filings.filter((f) => table(f, 'three_public') && !table(f, 'three_public').absent).map(departmentName));
  assert.ok(expected.length > 0);
  assert.deepEqual(unique(results.map((r) => r.title)), expected);
  for (const r of results) assert.ok(r.anchors.includes('#table-three_public'), r.title);
  // The actual 三公 spending is shown with the link where the table publishes it.
  const xiangtan = filings.find((f) => f.dir.includes('xiangtan'));
  const actual = table(xiangtan, 'three_public').blocks[0].rows.find((r) => r.key === 'total').values.actual;
  const text = await page.locator(`#search-results > li[data-id="${xiangtan.dir}/${xiangtan.slug}"]`).innerText();
  assert.ok(text.includes(Number(actual).toFixed(2)), text);
  await close();
});

test('search: "财政局" finds departments by name; exact codes rank class pages first; the query stays in the URL', async () => {
  const { page, close } = await open('search/index.html');
  const results = await searchFor(page, '财政局');
  const expected = unique(filings.map(departmentName).filter((n) => n.includes('财政局')));
  assert.ok(expected.length > 0);
  assert.deepEqual(unique(departmentsIn(results).map((r) => r.title)), expected);
  assert.equal(new URL(page.url()).searchParams.get('q'), '财政局');
  // "208": the class page of code 208 comes before the departments that merely have 208 lines.
  const classes = await searchFor(page, '208');
  assert.equal(classes[0].kind, 'class');
  assert.match(classes[0].title, /^208 /);
  assert.ok(departmentsIn(classes).length > 0);
  await close();
});

test('search: a query is shown as text, never as markup', async () => {
  const { page, errors, close } = await open('search/index.html');
  await searchFor(page, '<img src=x onerror="window.__pwned=1">');
  assert.equal(await page.locator('main img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.match(await page.locator('#search-status').innerText(), /<img/);
  assert.deepEqual(errors, []);
  await close();
});

test('glossary: each term once, the site terms section, no untitled heading', async () => {
  const { page, close } = await open('glossary/index.html');
  const dts = await page.locator('dl.glossary dt').allTextContents();
  const key = (s) => s.replace(/[\s“”"‘’']/g, '');
  assert.equal(new Set(dts.map(key)).size, dts.length, `duplicate terms: ${dts.join(' ')}`);
  // Every term a filing prints is on the page.
  for (const t of unique(filings.flatMap((f) => (f.doc.glossary || []).map((g) => g.term)).filter(Boolean)))
    assert.ok(dts.map(key).includes(key(t)), `missing ${t}`);
  // Every definition a filing prints is on the page.
  const body = await page.locator('main').textContent();  // folded variants included
  for (const g of filings.flatMap((f) => f.doc.glossary || [])) assert.ok(body.includes(g.definition.trim()), g.definition.slice(0, 20));
  assert.ok(!body.includes('原文未列词条'));
  // The site's own terms, with anchors other pages link to.
  assert.equal(await page.locator('#site-terms h2').innerText(), '本站用语');
  for (const [id, term] of [['personnel', '人员经费'], ['public-funds', '公用经费'], ['function-class', '功能分类'], ['economic-class', '经济分类'],
                            ['median', '中位数'], ['quartile', '四分位数'], ['three-public', '“三公”经费'], ['rounding', '尾差']])
    assert.equal(await page.locator(`#site-terms dt#term-${id}`).innerText(), term);
  // A definition printed without a term that names none itself is listed under its own heading.
  const untitled = filings.flatMap((f) => (f.doc.glossary || []).filter((g) => !g.term && /^(是指|指)/.test(g.definition.trim())));
  if (untitled.length) assert.equal(await page.locator('#untitled-definitions h2').innerText(), '未列词条的解释');
  await close();
});

test('search results and glossary: no serious axe violations, no sideways scroll at 390 px', async () => {
  for (const path of ['search/index.html?q=208', 'search/index.html?q=' + encodeURIComponent('三公'), 'glossary/index.html']) {
    for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 800 }]) {
      const { page, close } = await open(path, viewport);
      if (path.startsWith('search')) await page.waitForFunction(() => /找到/.test(document.getElementById('search-status').textContent));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} at ${viewport.width}px scrolls sideways by ${overflow}px`);
      await page.evaluate(axeSource);  // through DevTools: the page's Content-Security-Policy refuses inline scripts, as it should
      const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), [], path);
      await close();
    }
  }
});
