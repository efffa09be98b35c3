// Browser tests of the county pages (issue 8): the county-year dashboard ordered by 支出合计, the county
// across its years, function-class pages linked to their parent and sub-classes, and phone width.
// Expected values come from data/ (the filings' printed 本年支出合计), not from the generated pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeSource, open, pages, repo } from './harness.mjs';

// 本年支出合计 of every filing of a county-year, as printed in its table 01 (data/), by department name.
function printedTotals(countyDir, year) {
  const dir = join(repo, 'data', countyDir, String(year));
  return readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.budget.json')).map((f) => {
    const filing = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const summary = filing.tables.find((t) => t.kind === 'income_expenditure_summary');
    const row = summary.blocks.find((b) => b.id === 'expenditure').rows.find((r) => r.key === 'total_expenditure');
    return { name: filing.department.name, slug: f.replace(/\.json$/, ''), total: Number(row.values.amount.replace(/,/g, '')) };
  });
}

function filedYears(countyDir) {
  // Years with a 决算 (a folder holding only budgets has no dashboard).
  return readdirSync(join(repo, 'data', countyDir)).filter((y) => /^\d{4}$/.test(y))
    .filter((y) => readdirSync(join(repo, 'data', countyDir, y)).some((f) => f.endsWith('.json') && !f.endsWith('.budget.json'))).sort();
}

const number = (text) => Number(text.replace(/,/g, ''));

test('county dashboard: departments by 支出合计, largest first, before any click', async () => {
  const totals = printedTotals('310107-putuo', 2024);
  const largest = totals.reduce((a, b) => (b.total > a.total ? b : a));
  const { page, close } = await open(pages.county);
  const shown = (await page.locator('#departments tbody tr td:nth-of-type(1)').allTextContents()).map(number);
  assert.equal(shown.length, totals.length);
  assert.equal(shown[0], largest.total);
  assert.deepEqual(shown, [...shown].sort((a, b) => b - a));
  assert.match(await page.locator('#departments tbody tr').first().locator('th').innerText(), new RegExp(largest.name));
  // The ranked chart comes first, in the table's order (largest first).
  const chart = JSON.parse(await page.locator('script#chart-by-department').textContent());
  assert.equal(chart.type, 'hbar');
  assert.deepEqual(chart.series[0].data, shown);
  const firstChart = await page.locator('.chart').first().getAttribute('data-chart');
  assert.equal(firstChart, 'by-department');
  // 较上年 is 本年支出合计's change, else 收支总计's named as such (the paragraph says so); none of the real
  // narratives states 本年支出合计's change. 普陀区财政局's states only 收支总计's (−1.87%): shown and labelled
  // (the exact figure on every page is checked in yoy-format.test.mjs).
  assert.match(await page.locator('#departments thead').innerText(), /较上年/);
  assert.match(await page.locator('#deps-h + p').innerText(), /是本年支出合计的变动/);
  const finance = page.locator('#departments tbody tr', { hasText: '上海市普陀区财政局' });
  assert.match((await finance.locator('td').nth(8).innerText()).trim(), /^▼[\d.]+%\s+收支总计，据情况说明$/);
  await close();
});

test('county across years: its page exists, links each year, and is linked from home and the dashboard', async () => {
  for (const county of ['310107-putuo', '430321-xiangtan']) {
    const { page, close } = await open(`${county}/index.html`);
    const years = filedYears(county);
    for (const y of years) {
      const link = page.locator(`#county-years a[href="${y}/index.html"]`);
      assert.equal(await link.count(), 1, `${county}: link to ${y}`);
    }
    const totals = printedTotals(county, years.at(-1));
    const sum = totals.reduce((s, t) => s + Math.round(t.total * 100), 0) / 100;
    // 支出合计 in the site's format: 万元 below 1 亿元, else 亿元 with 2 decimals.
    const cell = (await page.locator('#county-years tbody tr').last().locator('td').nth(1).innerText()).trim();
    const expected = sum >= 10000 ? `${(sum / 10000).toFixed(2)}\u00a0亿元` : `${sum.toLocaleString('en-US', { minimumFractionDigits: 2 })}\u00a0万元`;
    assert.equal(cell.replace(/\s/, '\u00a0'), expected, `${county}: 支出合计 of ${years.at(-1)}`);
    await close();
  }
  const home = await open(pages.home);
  assert.equal(await home.page.locator('a[href="310107-putuo/index.html"]').count() >= 1, true);
  await home.close();
  const dash = await open(pages.county);
  await dash.page.locator('nav.crumbs a', { hasText: '普陀区' }).click();
  await dash.page.waitForLoadState();
  assert.match(dash.page.url(), /310107-putuo\/index\.html$/);
  await dash.close();
});

test('class pages: sorted by amount, linked to their parent and sub-classes', async () => {
  const { page, close } = await open(pages.functionClass);  // 类 208 of 湘潭县 2024
  const amounts = (await page.locator('#class-departments tbody td:nth-of-type(1)').allTextContents()).map(number);
  assert.deepEqual(amounts, [...amounts].sort((a, b) => b - a));
  const sub = page.locator('#class-children a[href="../20805/index.html"]');  // 20805 行政事业单位养老支出
  assert.equal(await sub.count(), 1);
  await sub.click();
  await page.waitForLoadState();
  assert.match(page.url(), /classes\/20805\/index\.html$/);
  assert.equal(await page.locator('.class-links a[href="../208/index.html"]').count(), 1);
  await close();
  // The dashboard's class table links 类 and, under it, its 款.
  const dash = await open('430321-xiangtan/2024/index.html');
  assert.equal(await dash.page.locator('#classes a[href="classes/208/index.html"]').count(), 1);
  assert.equal(await dash.page.locator('#classes a[href="classes/20805/index.html"]').count(), 1);
  await dash.close();
});

test('county pages: no sideways scroll at 390 px, no serious axe violations', async () => {
  const mine = { county: pages.county, countyYears: '310107-putuo/index.html', countyYears2: '430321-xiangtan/index.html',
                 functionClass: pages.functionClass, subClass: '310107-putuo/2024/classes/20106/index.html',
                 economicClass: pages.economicClass, history: pages.history };
  for (const [name, path] of Object.entries(mine)) {
    const { page, errors, close } = await open(path, { width: 390, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
    assert.deepEqual(errors, [], `${name}: ${errors.join('; ')}`);
    await page.evaluate(axeSource);  // through DevTools: the page's Content-Security-Policy refuses inline scripts, as it should
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), [], name);
    await close();
  }
});
