// The department page's 预算与决算 section (普陀区财政局: its 2024 决算 beside the 2025 预算): it renders with both
// filings' totals, its tables sort with each 款/项 kept beneath its 类, its chart draws, and it passes axe at
// desktop and phone width without console errors or sideways scrolling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeSource, open, repo } from './harness.mjs';

const path = '310107-putuo/2024/finance-bureau/index.html';
const budgetFile = join(repo, 'data', '310107-putuo', '2025', 'finance-bureau.budget.json');
const skip = existsSync(budgetFile) ? false : 'no 2025 budget of 普陀区财政局 in data/';
const desktop = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };

// The 合计 of a table's main block as printed.
function printedTotal(file, kind) {
  const filing = JSON.parse(readFileSync(file, 'utf8'));
  const table = filing.tables.find((t) => t.kind === kind);
  return { text: table.blocks[0].rows.find((r) => r.key === 'total').values.total, unit: table.unit };
}

// A printed amount in 万元 as the site shows it: grouped, 2 decimals, rounded half away from zero (exact, BigInt).
function wanText({ text, unit }) {
  const [whole, frac = ''] = text.replace(/,/g, '').split('.');
  let cents = BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));  // hundredths of the printed unit
  if (unit === '元') cents = (cents + 5000n) / 10000n;                    // 元 -> 万元, to 0.01 万元
  const s = cents.toString().padStart(3, '0');
  return s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + s.slice(-2);
}

test('the section states the 2024 决算 and 2025 预算 totals and is linked from the top of the page', { skip }, async () => {
  const { page, errors, close } = await open(path, desktop);
  const section = page.locator('#budget');
  assert.ok(await section.isVisible());
  const spent = wanText(printedTotal(join(repo, 'data', '310107-putuo', '2024', 'finance-bureau.json'), 'expenditure'));
  const planned = wanText(printedTotal(budgetFile, 'budget_expenditure'));
  const lead = (await section.locator('p.lead').innerText()).replace(/\s+/g, ' ');
  assert.ok(lead.includes(`2024 年决算支出 ${spent} 万元`), lead);
  assert.ok(lead.includes(`2025 年预算 ${planned} 万元`), lead);
  assert.match(await section.locator('.tag-kind').innerText(), /下一年预算与本年决算/);
  const total = await page.locator('#budget-functions tfoot tr.total').innerText();
  assert.ok(total.includes(spent) && total.includes(planned), total);
  // The summary line links here; the chart is drawn.
  assert.equal(await page.locator('.dept-meta a[href="#budget"]').count(), 1);
  await page.waitForSelector('#budget .chart svg');
  assert.deepEqual(errors, []);
  await close();
});

test('clicking a header sorts the classes and keeps each 款 and 项 beneath its 类', { skip }, async () => {
  const { page, errors, close } = await open(path, desktop);
  const rows = () => page.locator('#budget-functions tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    id: tr.id, parent: tr.getAttribute('data-parent') || '', value: tr.cells[2].getAttribute('data-sort-value'),
  })));
  const before = await rows();
  const header = page.locator('#budget-functions thead th').nth(2);  // 2025 年预算数
  for (const direction of ['ascending', 'descending']) {
    await header.click();
    assert.equal(await header.getAttribute('aria-sort'), direction);
    const after = await rows();
    assert.equal(after.length, before.length);
    // Siblings (same parent) are in order of the clicked column.
    const byParent = {};
    after.forEach((r) => (byParent[r.parent] = byParent[r.parent] || []).push(Number(r.value)));
    for (const values of Object.values(byParent))
      assert.deepEqual(values, [...values].sort((a, b) => (direction === 'ascending' ? a - b : b - a)));
    // Each row with a parent comes after its parent, with only the parent's other descendants in between.
    const index = Object.fromEntries(after.map((r, i) => [r.id, i]));
    after.forEach((r, i) => {
      if (!r.parent) return;
      const p = index[r.parent];
      assert.ok(p < i, `${r.id} above its parent`);
      for (let k = p + 1; k < i; k++) {
        let up = after[k].parent;
        while (up && up !== r.parent) up = after[index[up]].parent;
        assert.equal(up, r.parent, `${after[k].id} between ${r.parent} and ${r.id}`);
      }
    });
  }
  assert.deepEqual(errors, []);
  await close();
});

test('axe finds no serious violations and the page does not scroll sideways, at 1366 and 390 px', { skip }, async () => {
  for (const viewport of [desktop, phone]) {
    const { page, errors, close } = await open(path, viewport);
    await page.evaluate(axeSource);  // through DevTools: the page's Content-Security-Policy refuses inline scripts, as it should
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(serious, [], `@${viewport.width}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px at ${viewport.width}`);
    assert.deepEqual(errors, []);
    await close();
  }
});
