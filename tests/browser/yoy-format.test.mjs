// Browser tests of year-over-year display and number formatting (issue 8 review): one 较上年 for a
// department-year on every page, the department page's #yoy table readable at 390 px, the narrative figures
// section's headings and percent format, and chart axes in the unit their title states.
// Expected values come from data/ (the filings' printed cells and stated figures), not from the pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeSource, open, repo } from './harness.mjs';

const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 900 };

function filing(rel) {
  return JSON.parse(readFileSync(join(repo, 'data', rel), 'utf8'));
}
const amount = (printed) => Number(String(printed).replace(/,/g, ''));
const figure = (f, metric) => f.narrative.figures.find((x) => x.metric === metric);

// The 较上年 the site shows for a filing whose narrative states only 收支总计's change: the stated change
// applied to the 收支总计 printed in table 01, as ▲/▼ and one decimal.
function statedTotalChange(f) {
  const t01 = f.tables.find((t) => t.kind === 'income_expenditure_summary');
  const current = amount(t01.blocks.find((b) => b.id === 'income').rows.find((r) => r.key === 'grand_total').values.amount);
  const stated = figure(f, 'total.yoy_change');
  const change = (stated.direction === '减少' || stated.direction === '下降' ? -1 : 1) * amount(stated.value);
  const pct = (100 * change) / (current - change);
  return (pct > 0 ? '▲' : pct < 0 ? '▼' : '') + Math.abs(pct).toFixed(1) + '%';
}

test('one 较上年 for a department-year: county, type, history and department pages agree, labelled 收支总计', async () => {
  const f = filing('310107-putuo/2024/finance-bureau.json');
  assert.equal(figure(f, 'expenditure.total.yoy_change'), undefined, 'the narrative states no 本年支出合计 change');
  const expected = statedTotalChange(f);  // -56.95 on 3,052.34: ▼1.9%
  const name = f.department.name;
  const cells = {
    county: ['310107-putuo/2024/index.html', page => page.locator('#departments tbody tr', { hasText: name }).locator('td').nth(8)],
    type: ['types/finance/index.html', page => page.locator('#type-filings tbody tr', { hasText: name }).locator('td').last()],
    history: ['310107-putuo/departments/finance-bureau/index.html', page => page.locator('#history tbody tr').first().locator('td').last()],
  };
  for (const [where, [path, cell]] of Object.entries(cells)) {
    const { page, close } = await open(path, desktop);
    const text = (await cell(page).innerText()).replace(/\s+/g, ' ').trim();
    assert.equal(text, `${expected} 收支总计，据情况说明`, where);
    await close();
  }
  const { page, close } = await open('310107-putuo/2024/finance-bureau/index.html', desktop);
  const summary = await page.locator('#summary').innerText();
  assert.match(summary, new RegExp(`收支总计比上年减少 ${figure(f, 'total.yoy_change').value}\\s万元（${expected}，据情况说明）`));
  // The 收支总计 card shows the same mark; the 本年支出合计 card shows none (no such change is known).
  const card = page.locator('#headline .card', { hasText: '收支总计' });
  assert.match(await card.locator('.card-change').innerText(), new RegExp(`^${expected}`));
  assert.equal(await page.locator('#headline .card').first().locator('.card-change').count(), 0);
  await close();
});

test('the #yoy table at 390 px: five columns in view, each line\'s narrative words on a full-width row', async () => {
  const f = filing('310107-putuo/2024/planning-and-natural-resources-bureau.json');
  const { page, close } = await open('310107-putuo/2024/planning-and-natural-resources-bureau/index.html', phone);
  const yoy = page.locator('#yoy');
  const wrap = await yoy.locator('.table-wrap').boundingBox();
  const table = await yoy.locator('table').boundingBox();
  assert.ok(table.width <= wrap.width + 1, `table ${table.width}px wider than its box ${wrap.width}px`);
  // One quote row per line; its words are the narrative's (the stated change of 收支总计 as printed).
  const quotes = yoy.locator('tr.yoy-quote');
  assert.equal(await quotes.count(), await yoy.locator('tr.yoy-figures').count());
  const first = quotes.first();
  const stated = figure(f, 'total.yoy_change');
  assert.match(await first.innerText(), new RegExp(`原文表述：${stated.direction}${stated.value}万元`));
  // The quote is readable: at least ~15 characters a line (the old column gave two or three).
  const box = await first.locator('.yoy-quote-text').boundingBox();
  assert.ok(box.width >= 15 * 12, `quote only ${box.width}px wide`);
  assert.ok(box.x + box.width <= phone.width, 'quote runs off the screen');
  // The full sentence is one click away.
  await first.locator('summary').click();
  assert.match(await first.locator('blockquote').innerText(), new RegExp(stated.sentence.slice(0, 12)));
  await close();
});

test('narrative figures: section titles as headings, plain labels, percentages without a space', async () => {
  const f = filing('310107-putuo/2024/finance-bureau.json');
  const { page, close } = await open('310107-putuo/2024/finance-bureau/index.html', desktop);
  const headings = await page.locator('#figures h3').allInnerTexts();
  const titles = f.narrative.sections.map((s) => s.title);
  assert.ok(headings.length > 0);
  for (const h of headings) assert.ok(titles.includes(h.trim()), `heading "${h}" is not a section title`);
  // "五（三）" figures are headed by their own line of section 五's text.
  const sub = await page.locator('#figures h4').allInnerTexts();
  assert.ok(sub.some((h) => h.startsWith('（三）一般公共预算财政拨款支出决算具体情况')), sub.join(' | '));
  // Labels read as Chinese (no "·" compositions), and a stated share is shown as printed with "%" attached.
  const labels = await page.locator('#figures .fig-label').allInnerTexts();
  assert.ok(labels.every((l) => !l.includes('·')), labels.filter((l) => l.includes('·')).join(' | '));
  assert.ok(labels.includes('财政拨款收入'));
  const share = figure(f, 'income.fiscal.share');
  const values = await page.locator('#figures .fig-value').allInnerTexts();
  assert.ok(values.includes(`${share.value}%`), `no "${share.value}%"`);
  assert.ok(values.every((v) => !/\s%/.test(v)), values.filter((v) => /\s%/.test(v)).join(' | '));
  await close();
});

test('a 万元 chart\'s axis ticks are in 万元 (never rescaled to 亿)', async () => {
  // The county's ranked bars: title and value labels in 万元. The real totals stay below 1 亿元, so the
  // page is also served with them ×100 (up to about 98 亿元), where the old axis switched to 亿.
  const { page, close } = await open('310107-putuo/2024/index.html', phone, { reducedMotion: 'reduce' });
  const data = JSON.parse(await page.locator('script#chart-by-department').textContent());
  assert.equal(data.unit, '万元');
  const ticks = () => page.evaluate(() => {
    const chart = window.echarts.getInstanceByDom(document.querySelector('[data-chart="by-department"]'));
    const f = chart.getOption().xAxis[0].axisLabel.formatter;
    return [f(0), f(2000), f(2500.5), f(200000)];
  });
  assert.deepEqual(await ticks(), ['0', '2,000', '2,500.5', '200,000']);
  await page.route('**/310107-putuo/2024/index.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/(<script type="application\/json" id="chart-by-department">)(.*?)(<\/script>)/s,
      (m, open, json, close) => {
        const d = JSON.parse(json);
        d.series[0].data = d.series[0].data.map((v) => v * 100);
        return open + JSON.stringify(d) + close;
      });
    await route.fulfill({ response, body });
  });
  await page.reload({ waitUntil: 'networkidle' });
  const big = JSON.parse(await page.locator('script#chart-by-department').textContent());
  assert.ok(Math.max(...big.series[0].data) >= 1e4, 'the served chart reaches 1 亿元');
  assert.deepEqual(await ticks(), ['0', '2,000', '2,500.5', '200,000']);
  await close();
});

test('axe-core: the #yoy and #figures sections have no serious or critical violations at 390 and 1366 px', async () => {
  const failures = [];
  for (const path of ['310107-putuo/2024/planning-and-natural-resources-bureau/index.html', '430321-xiangtan/2024/county-government-office/index.html']) {
    for (const viewport of [phone, desktop]) {
      const { page, close } = await open(path, viewport);
      await page.evaluate(axeSource);  // through DevTools: the page's Content-Security-Policy refuses inline scripts, as it should
      const result = await page.evaluate(async () =>
        await window.axe.run({ include: [['#yoy'], ['#figures']] }, { resultTypes: ['violations'] }));
      for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
        failures.push(`${path} @${viewport.width}: ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      await close();
    }
  }
  assert.deepEqual(failures, []);
});
