// Browser tests: Debian's chromium driven by playwright-core (no browser download), against the site
// served by `gongkai serve` on a loopback port. Run by ctest as: GONGKAI_BIN=… GONGKAI_REPO=… node --test tests/browser/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { axeSource, base, open, pages, repo, siteDir } from './harness.mjs';

test('no console errors on any page type', async () => {
  for (const [name, path] of Object.entries(pages)) {
    const { errors, close } = await open(path);
    assert.deepEqual(errors, [], `${name}: ${errors.join('; ')}`);
    await close();
  }
});

test('department charts render as SVG', async () => {
  const { page, close } = await open(pages.department);
  const charts = await page.locator('.chart').count();
  assert.ok(charts >= 4);
  assert.equal(await page.locator('.chart svg').count(), charts);
  await close();
});

test('the ranking sorts by a column and filters by name', async () => {
  const { page, close } = await open(pages.county);
  const names = () => page.locator('#departments tbody tr:not([hidden]) th').allTextContents();
  const totals = async () => (await page.locator('#departments tbody tr td:nth-of-type(1)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
  const header = page.locator('#departments thead th', { hasText: /^支出合计$/ });
  await header.click();
  const asc = await totals();
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
  await header.click();
  const desc = await totals();
  assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  await page.fill('#departments-filter', '财政');
  assert.deepEqual(await names(), ['上海市普陀区财政局']);
  await page.fill('#departments-filter', '');
  assert.equal((await names()).length, 3);
  await close();
});

test('compare: picking departments builds the table and a shareable URL', async () => {
  const { page, close } = await open('compare/index.html');
  await page.selectOption('#compare-add', '310107-putuo/2024/finance-bureau');
  await page.selectOption('#compare-add', '430321-xiangtan/2024/county-government-office');
  await page.waitForSelector('#compare-table');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('d'), '310107-putuo/2024/finance-bureau,430321-xiangtan/2024/county-government-office');
  const headers = await page.locator('#compare-table thead th').allTextContents();
  assert.equal(headers.length, 3);
  assert.match(await page.locator('#compare-mix').innerText(), /201 一般公共服务支出/);
  await close();
  // The shared URL shows the same comparison.
  const shared = await open(url.pathname.slice(1) + url.search);
  await shared.page.waitForSelector('#compare-table');
  assert.match(await shared.page.locator('#compare-table').innerText(), /2,940\.05/);
  assert.match(await shared.page.locator('#compare-table').innerText(), /1,577\.61/);
  await shared.close();
});

test('search finds departments and dashboards', async () => {
  const { page, close } = await open('search/index.html');
  await page.fill('#search-q', '湘潭');
  const results = await page.locator('#search-results li a').allTextContents();
  assert.ok(results.some((t) => t.includes('湘潭县人民政府办公室')));
  assert.ok(results.some((t) => t.includes('湘潭县 2024 年度总览')));
  assert.match(page.url(), /q=/);
  await close();
});

test('phone width: no horizontal scrolling on any page type', async () => {
  for (const [name, path] of Object.entries(pages)) {
    const { page, close } = await open(path, { width: 390, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
    await close();
  }
});

// Every page type of the harness, plus page types that exist only on some builds (the county across years,
// the department-type pages): included when the server has them.
async function allPageTypes() {
  const list = Object.entries(pages);
  const known = new Set(list.map(([, path]) => path));
  const extra = { countyYears: '430321-xiangtan/index.html', types: 'types/index.html', type: 'types/finance/index.html' };
  for (const [name, path] of Object.entries(extra))
    if (!known.has(path) && (await fetch(base + path)).ok) list.push([name, path]);
  return list;
}

test('axe-core: no serious or critical accessibility violations at 1366 and 390 px', async () => {
  const failures = [];
  for (const [name, path] of await allPageTypes()) {
    for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
      const { page, close } = await open(path, viewport);
      await page.evaluate(axeSource);  // through DevTools: the page's Content-Security-Policy refuses inline scripts, as it should
      const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
      for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
        failures.push(`${name} @${viewport.width}: ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      await close();
    }
  }
  assert.deepEqual(failures, []);
});

test('pages without charts do not load ECharts; pages with charts do', async () => {
  const loaded = async (path) => {
    const { page, close } = await open(path);
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const hasEcharts = await page.evaluate(() => typeof window.echarts !== 'undefined');
    await close();
    return scripts.some((s) => s.endsWith('/echarts.min.js')) || hasEcharts;
  };
  for (const name of ['home', 'search', 'glossary', 'rules'])
    assert.equal(await loaded(pages[name]), false, `${name} loads echarts.min.js`);
  for (const name of ['department', 'county', 'compare'])
    assert.equal(await loaded(pages[name]), true, `${name} does not load echarts.min.js`);
});

test('without JavaScript each chart box says where the numbers are', async () => {
  const { page, close } = await open(pages.department, { width: 390, height: 844 }, { javaScriptEnabled: false });
  const charts = await page.locator('.chart').count();
  assert.ok(charts >= 2);
  const notes = await page.locator('.chart .chart-fallback').allInnerTexts();
  assert.equal(notes.length, charts);
  for (const n of notes) assert.match(n, /^图表需要 JavaScript；数字见下方表格/);
  const target = await page.locator('.chart .chart-fallback a').first().getAttribute('href');
  assert.equal(await page.locator(target).count(), 1, `${target} is on the page`);
  await close();
});

// The department's expenditure table (公开03表) from the filing in data/.
function expenditureRows(file) {
  const filing = JSON.parse(readFileSync(join(repo, 'data', file), 'utf8'));
  return filing.tables.find((t) => t.kind === 'expenditure').blocks[0].rows;
}
const number = (s) => Number(String(s).replace(/,/g, ''));
const grouped = (v) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test('function classes as a treemap: readable labels at phone width, drill-down into 款', async () => {
  const rows = expenditureRows('430321-xiangtan/2024/county-government-office.json');
  const total = number(rows.find((r) => r.key === 'total').values.total);
  const top = rows.filter((r) => r.code && r.code.length === 3).sort((a, b) => number(b.values.total) - number(a.values.total))[0];
  const { page, close } = await open(pages.department, { width: 390, height: 844 }, { reducedMotion: 'reduce' });
  const chart = page.locator('.chart[data-chart="functions"]');
  assert.equal(await chart.locator('svg').count(), 1);
  const text = await chart.evaluate((el) => el.querySelector('svg').textContent);
  assert.ok(text.includes(`${top.code} ${top.name}`), text);
  assert.ok(text.includes(grouped(number(top.values.total))), text);
  assert.ok(text.includes(`${(100 * number(top.values.total) / total).toFixed(1)}%`), text);
  const sizes = await chart.evaluate((el) => [...el.querySelectorAll('svg text')].map((t) => parseFloat(getComputedStyle(t).fontSize) || 12));
  assert.ok(Math.min(...sizes) >= 11, `label font sizes ${sizes}`);
  // Tap the largest block: its 款 appear, with a breadcrumb back.
  const child = rows.find((r) => r.code && r.code.length === 5 && r.code.startsWith(top.code));
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + 40);
  await page.waitForTimeout(800);
  const drilled = await chart.evaluate((el) => el.querySelector('svg').textContent);
  assert.ok(drilled.includes(child.code), drilled);
  assert.ok(drilled.includes('全部'), 'breadcrumb');
  await close();
});

test('ranked horizontal bars: departments in display order, full names, bars grow the chart', async () => {
  const files = ['finance-bureau', 'planning-and-natural-resources-bureau', 'social-work-department'];
  const departments = files.map((f) => {
    const filing = JSON.parse(readFileSync(join(repo, 'data/310107-putuo/2024', f + '.json'), 'utf8'));
    return { name: filing.department.name, total: number(expenditureRows(`310107-putuo/2024/${f}.json`).find((r) => r.key === 'total').values.total) };
  }).sort((a, b) => b.total - a.total);
  const { page, close } = await open(pages.county, { width: 1366, height: 900 }, { reducedMotion: 'reduce' });
  const chart = page.locator('.chart[data-chart="by-department"]');
  const labels = await chart.evaluate((el) => [...el.querySelectorAll('svg text')]
    .map((t) => ({ text: t.textContent, y: t.getBoundingClientRect().y })));
  const order = departments.map((d) => labels.find((l) => l.text === d.name));
  assert.ok(order.every(Boolean), `labels: ${labels.map((l) => l.text).join(' | ')}`);
  assert.deepEqual(order.map((l) => l.y), [...order.map((l) => l.y)].sort((a, b) => a - b));
  assert.ok(labels.some((l) => l.text === grouped(departments[0].total)), 'value label of the first bar');
  // More bars, a taller chart.
  const sizes = await page.locator('.chart[data-chart]').evaluateAll((els) => els.map((el) => {
    const d = JSON.parse(document.getElementById('chart-' + el.dataset.chart).textContent);
    return { bars: d.horizontal || d.type === 'hbar' ? d.categories.length : 0, height: el.getBoundingClientRect().height };
  }).filter((c) => c.bars > 0).sort((a, b) => a.bars - b.bars));
  assert.ok(sizes.length >= 2 && sizes[0].bars < sizes.at(-1).bars, JSON.stringify(sizes));
  assert.ok(sizes[0].height < sizes.at(-1).height, JSON.stringify(sizes));
  await close();
});

test('charts follow their box: rotation and resizing redraw them at the new width', async () => {
  const { page, close } = await open(pages.department, { width: 844, height: 390 }, { reducedMotion: 'reduce' });
  const widths = () => page.locator('.chart svg').evaluateAll((svgs) => svgs.map((s) => Math.round(s.getBoundingClientRect().width)));
  const wide = await widths();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  const narrow = await widths();
  const boxes = await page.locator('.chart').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
  assert.deepEqual(narrow, boxes);
  assert.ok(narrow.every((w, i) => w < wide[i]), `${wide} -> ${narrow}`);
  await close();
});

test('share previews: a description and Open Graph tags on every page, no og:url without a base URL', async () => {
  for (const [name, path] of Object.entries(pages)) {
    const { page, close } = await open(path);
    const meta = (sel) => page.locator(sel).getAttribute('content');
    const description = await meta('meta[name="description"]');
    assert.ok(description && description.length >= 10, `${name}: description`);
    assert.equal(await meta('meta[property="og:description"]'), description, name);
    assert.equal(await meta('meta[property="og:title"]'), (await page.title()).replace(/ · 公开$/, ''), name);
    assert.equal(await meta('meta[property="og:locale"]'), 'zh_CN', name);
    assert.equal(await page.locator('meta[property="og:url"], link[rel="canonical"]').count(), 0, name);
    await close();
  }
});

test('the 404 page links to the home page of a site served under a sub-path', async () => {
  // A static server that puts the built site under /some/prefix/ and answers 404.html for anything missing.
  const prefix = '/some/prefix/';
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = null;
    if (path.startsWith(prefix)) {
      const candidate = normalize(join(siteDir, path.slice(prefix.length)));
      const full = candidate.endsWith('/') || (existsSync(candidate) && statSync(candidate).isDirectory()) ? join(candidate, 'index.html') : candidate;
      if (full.startsWith(siteDir) && existsSync(full) && statSync(full).isFile()) file = full;
    }
    res.writeHead(file ? 200 : 404, { 'content-type': types[extname(file || '404.html')] || 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file || join(siteDir, '404.html')));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  try {
    for (const missing of ['no-such-page.html', '430321-xiangtan/2024/no-such-department/', 'a/b/c/d/e.html']) {
      const { page, close } = await open('index.html');
      const response = await page.goto(`${origin}${prefix}${missing}`);
      assert.equal(response.status(), 404);
      const link = page.locator('#home-link');
      await page.waitForFunction(() => document.getElementById('home-link').getAttribute('href') !== '/');
      assert.equal(await link.getAttribute('href'), `${prefix}index.html`, missing);
      await link.click();
      await page.waitForLoadState();
      assert.equal(new URL(page.url()).pathname, `${prefix}index.html`);
      assert.ok(await page.locator('.site-header').count(), 'the home page');
      await close();
    }
    // Without JavaScript the link falls back to the server root.
    const { page, close } = await open('no-such-page.html', undefined, { javaScriptEnabled: false });
    assert.equal(await page.locator('#home-link').getAttribute('href'), '/');
    await close();
  } finally {
    server.close();
  }
});
