// Department-type pages (types/index.html and types/<id>/index.html) on the real data: the chart draws, the
// rows link to department pages, nothing scrolls sideways at phone width, and axe-core finds no serious or
// critical violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeSource, open } from './harness.mjs';

const typePages = ['types/index.html', 'types/finance/index.html', 'types/government-office/index.html'];

test('the types index lists the real departments\' types and links to their pages', async () => {
  const { page, errors, close } = await open('types/index.html');
  const links = await page.$$eval('.type-list a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  const names = links.map(([n]) => n);
  for (const n of ['财政', '人民政府办公室', '规划和自然资源', '社会工作部']) assert.ok(names.includes(n), `${n} in ${names}`);
  assert.ok(links.every(([, h]) => /^[a-z0-9-]+\/index\.html$/.test(h)), 'relative links');
  assert.deepEqual(errors, []);
  await close();
});

test('a type page draws its ranked bar chart and links each filing to its department page', async () => {
  const { page, errors, close } = await open('types/finance/index.html');
  await page.waitForSelector('[data-chart="type"] svg, [data-chart="type"] canvas', { timeout: 5000 });
  const href = await page.$eval('#type-filings tbody th a', (a) => a.getAttribute('href'));
  assert.equal(href, '../../310107-putuo/2024/finance-bureau/index.html');
  assert.deepEqual(errors, []);
  await close();
});

test('type pages do not scroll sideways at 390 px', async () => {
  for (const path of typePages) {
    const { page, close } = await open(path, { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    await close();
  }
});

test('axe-core: no serious or critical violations on type pages at 1366 and 390 px', async () => {
  for (const width of [1366, 390]) {
    for (const path of typePages) {
      const { page, close } = await open(path, { width, height: 900 });
      await page.evaluate(axeSource);  // through DevTools: the page's Content-Security-Policy refuses inline scripts, as it should
      const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${path} at ${width}`);
      await close();
    }
  }
});
