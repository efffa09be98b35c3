// The department page, story first: the summary sentence and the first chart near the top, the peer
// section with links to class pages and to compare, flagged cells linked to findings, no sideways scroll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, pages, repo } from './harness.mjs';

const desktop = { width: 1366, height: 900 };
const phone = { width: 390, height: 800 };

// 本年支出合计 of the department page's filing as printed in its 收入支出决算总表 (data/, not the page).
function printedTotal() {
  const rel = pages.department.replace(/\/index\.html$/, '');
  const [county, year, slug] = rel.split('/');
  const filing = JSON.parse(readFileSync(join(repo, 'data', county, year, slug + '.json'), 'utf8'));
  const t01 = filing.tables.find((t) => t.kind === 'income_expenditure_summary');
  const row = t01.blocks.find((b) => b.id === 'expenditure').rows.find((r) => r.key === 'total_expenditure');
  return row.values.amount;
}

test('at 1366 px the first chart starts within the first 1,600 px', async () => {
  const { page, close } = await open(pages.department, desktop);
  const top = await page.locator('.chart').first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  assert.ok(top < 1600, `first chart starts at ${top}px`);
  await close();
});

test('the summary sentence states 本年支出合计 as the page formats it', async () => {
  const { page, close } = await open(pages.department, desktop);
  const summary = await page.locator('.dept-summary').innerText();
  const card = page.locator('#headline .card', { hasText: '本年支出合计' }).first();
  const value = (await card.locator('.card-value').innerText()).replace(/\s+/g, ' ').trim();
  assert.match(value, /^[\d,.]+ (万元|亿元)$/);
  assert.ok(summary.replace(/\s+/g, ' ').includes('本年支出合计 ' + value), `${summary} / ${value}`);
  // The page's number is the filing's printed 本年支出合计 (grouped, 2 decimals, in 万元 below 1 亿元).
  const printed = Number(printedTotal());
  assert.equal(Number(value.split(' ')[0].replace(/,/g, '')), printed < 10000 ? printed : Math.round(printed / 100) / 100);
  assert.match(summary, /数据核验：/);
  // The meta description carries the summary.
  const description = await page.locator('meta[name=description]').getAttribute('content');
  assert.ok(description.includes('本年支出合计'));
  await close();
});

test('the peer section links to a class page and to compare with the closest peers', async () => {
  const { page, close } = await open(pages.department, desktop);
  const peers = page.locator('#peers');
  const classHref = await peers.locator('a[href*="/classes/"]').first().getAttribute('href');
  assert.match(classHref, /^\.\.\/classes\/\d{3}\/index\.html$/);
  const compareHref = await peers.locator('a[href*="compare/index.html?d="]').first().getAttribute('href');
  const ids = new URL(compareHref, 'http://x/a/b/c/d').searchParams.get('d').split(',');
  assert.ok(ids.length >= 2 && ids.length <= 4);
  assert.equal(ids[0], pages.department.replace(/\/index\.html$/, ''));
  // The class page exists and names the class.
  const response = await page.goto(new URL(classHref, page.url()).href);
  assert.equal(response.status(), 200);
  await close();
  // The compare link opens a comparison of those departments.
  const compare = await open(new URL(compareHref, 'http://x/' + pages.department).pathname.slice(1) + '?d=' + ids.join(','), desktop);
  await compare.page.waitForSelector('#compare-table');
  const headers = await compare.page.locator('#compare-table thead th').count();
  assert.equal(headers, ids.length + 1);
  await compare.close();
});

test('the 科目编码 of a 类 row in the tables links to its class page', async () => {
  const { page, close } = await open(pages.department, desktop);
  const href = await page.locator('#tables td.code a').first().getAttribute('href');
  assert.match(href, /^\.\.\/(classes|economic)\/\d+\/index\.html$/);
  await close();
});

test('a flagged cell links to a finding that exists on the page', async () => {
  const { page, close } = await open(pages.department, desktop);
  const links = page.locator('td.flagged a[href^="#finding-"]');
  assert.ok((await links.count()) > 0, 'no flagged cell with a link');
  const href = await links.first().getAttribute('href');
  assert.equal(await page.locator(href).count(), 1, `${href} does not exist`);
  // Narrative figures: each sentence once, its figures (anchors fig-N) under it.
  const sentences = await page.locator('#figures .fig-sentence > blockquote').allTextContents();
  assert.equal(new Set(sentences).size, sentences.length);
  assert.ok((await page.locator('#figures li[id^="fig-"]').count()) >= sentences.length);
  await close();
});

test('phone width: the department page does not scroll sideways', async () => {
  const { page, close } = await open(pages.department, phone);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  await close();
});
