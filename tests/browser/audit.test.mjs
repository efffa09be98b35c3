// Browser tests of the audit for citizens: the findings panel of a department page (plain headlines without
// rule ids, technical detail folded away, cell links both ways), its short status near the top, the
// severity of a cent-level 尾差, and the county table. Run with GONGKAI_BIN=… GONGKAI_REPO=… node --test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeSource, open, pages, repo } from './harness.mjs';

const ruleIds = () => {
  // The rule ids as the catalog defines them (generator/audit/rule_catalog.cpp), read from the source.
  const src = readFileSync(join(repo, 'generator/audit/rule_catalog.cpp'), 'utf8');
  return [...src.matchAll(/^\s*\{"([a-z0-9-]+)", "/gm)].map((m) => m[1]);
};

test('the first finding links to a highlighted cell, and that cell links back to the finding', async () => {
  const { page, close } = await open(pages.department);
  const first = page.locator('#audit .finding').first();
  const id = await first.getAttribute('id');
  assert.equal(id, 'finding-1');
  const href = await first.locator('.finding-cells a').first().getAttribute('href');
  assert.match(href, /^#/);
  const cell = page.locator(`[id="${href.slice(1)}"]`);
  assert.equal(await cell.count(), 1, `no element ${href}`);
  assert.match(await cell.getAttribute('class'), /\bflagged\b/);
  assert.equal(await cell.locator('a').first().getAttribute('href'), `#${id}`);
  // Following the cell's link brings the finding into view.
  await cell.locator('a').first().click();
  assert.equal(await page.evaluate(() => location.hash), `#${id}`);
  assert.ok(await first.isVisible());
  await close();
});

test('finding headlines are plain words with no rule id; the detail (with the rule) is folded', async () => {
  const ids = ruleIds();
  assert.ok(ids.length >= 20 && ids.includes('x01-03') && ids.includes('n-amount'));
  for (const path of [pages.department, '310107-putuo/2024/finance-bureau/index.html']) {
    const { page, close } = await open(path);
    const heads = await page.locator('#audit .finding-head').allTextContents();
    assert.ok(heads.length > 0);
    for (const h of heads) for (const rule of ids) assert.ok(!h.includes(rule), `${rule} in headline “${h}”`);
    const h2h3 = await page.locator('#audit h2, #audit h3').allTextContents();
    for (const h of h2h3) for (const rule of ids) assert.ok(!h.includes(rule), `${rule} in heading “${h}”`);
    // Each finding has its technical detail in a closed <details>, naming the rule there.
    const details = page.locator('#audit .finding details');
    assert.equal(await details.count(), heads.length);
    assert.equal(await page.locator('#audit .finding details[open]').count(), 0);
    assert.ok((await details.first().locator('code').textContent()).length > 0);
    await close();
  }
});

test('a cent-level difference between two tables is a 尾差, not an error; the status says so', async () => {
  const { page, close } = await open('310107-putuo/2024/finance-bureau/index.html');
  // 总表 prints 社会保障和就业支出 326.71, the 支出决算表 326.72.
  const tail = page.locator('#audit .finding', { hasText: '326.71' }).first();
  assert.match(await tail.getAttribute('class'), /\bsev-minor\b/);
  assert.equal((await tail.locator('.sev').textContent()).trim(), '尾差');
  // The narrative's 0.3万元 for 2,961.68 万元 is an error and comes first.
  const first = page.locator('#audit .finding').first();
  assert.match(await first.getAttribute('class'), /\bsev-error\b/);
  assert.match(await first.locator('.finding-head').textContent(), /0\.3.*2,961\.68/);
  // The badge colours differ.
  const bg = (loc) => loc.locator('.sev').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(await bg(tail), await bg(first));
  const status = await page.locator('#audit .audit-status').textContent();
  assert.match(status, /2 处尾差/);
  assert.match(status, /说明与表格不符/);
  await close();
});

test('findings with one root cause are shown as one group under the shared cell', async () => {
  const { page, close } = await open(pages.department);
  // 湘潭县: the 三公 table's 小计 决算 (0) breaks the 合计 and the 小计 sums, and three narrative mentions of 25.8 —
  // one line that says so (the same sentence is not repeated three times).
  const group = page.locator('#audit .finding-group', { hasText: '“小计”的决算数' }).first();
  assert.match(await group.locator('.group-cause').textContent(), /以下 5 处/);
  assert.equal(await group.locator('.finding').count(), 3);
  assert.equal(await group.locator('.finding', { hasText: '共有 3 处' }).count(), 1);
  const cause = group.locator('.group-cause a');
  assert.equal(await cause.getAttribute('href'), '#three_public-main-vehicle_subtotal--actual');
  // The cause cell links to the group's first finding.
  const firstId = await group.locator('.finding').first().getAttribute('id');
  assert.equal(await page.locator('#three_public-main-vehicle_subtotal--actual a').getAttribute('href'), `#${firstId}`);
  await close();
});

test('the county table lists plain headlines with severity, sortable by materiality', async () => {
  const { page, close } = await open(pages.county);
  const rows = page.locator('#findings tbody tr');
  assert.ok((await rows.count()) > 0);
  const ids = ruleIds();
  for (const t of await page.locator('#findings tbody td.finding-text').allTextContents())
    for (const rule of ids) assert.ok(!t.includes(rule), `${rule} in “${t}”`);
  await page.locator('#findings thead th', { hasText: '严重程度' }).click();
  const sev = await page.locator('#findings tbody td .sev').allTextContents();
  const rank = { 错误: 0, 警告: 1, 尾差: 2, 提示: 3 };
  const ranks = sev.map((s) => rank[s.trim()]);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
  await close();
});

test('the audit panel has no serious accessibility violations and no sideways scroll at 390 px', async () => {
  const { page, close } = await open(pages.department, { width: 390, height: 800 });
  await page.evaluate(() => document.querySelectorAll('#audit details').forEach((d) => { d.open = true; }));
  await page.evaluate(axeSource);  // through DevTools: the page's Content-Security-Policy refuses inline scripts, as it should
  const result = await page.evaluate(() => window.axe.run('#audit', { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
  const [sw, w] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(sw <= w, `scrollWidth ${sw} > ${w}`);
  await close();
});
