// Browser tests: Debian's chromium driven by playwright-core (no browser download), against the site
// served by `gongkai serve` on a loopback port. Run by ctest as: GONGKAI_BIN=… GONGKAI_REPO=… node --test tests/browser/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeSource, open, pages } from './harness.mjs';

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
  const header = page.locator('#departments thead th', { hasText: '支出合计' });
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

test('axe-core: no serious or critical accessibility violations', async () => {
  for (const [name, path] of Object.entries(pages)) {
    const { page, close } = await open(path);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), [], name);
    await close();
  }
});
